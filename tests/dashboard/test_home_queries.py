"""The dashboard asks the database a fixed number of times however much Alice has planned
(issue 15, item 5), and reads what to do today once: the debriefs owed, the countdown and the
plan's steps shown in two places come from the same rows."""

from __future__ import annotations

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
from prepcoach.goals.models import Goal
from prepcoach.practice.models import Attempt
from tests.goals.grown import grow
from tests.support import page_queries


def queries(client: Client) -> int:
    return len(page_queries(client, reverse("dashboard:home")))


def test_the_dashboard_asks_as_often_with_50_goals_as_with_5(
    alice_client: Client, alice: User
) -> None:
    grow(alice, 5)
    few = queries(alice_client)
    grow(alice, 45)
    assert Goal.objects.filter(user=alice, status=Goal.Status.ACTIVE).count() == 50
    assert queries(alice_client) == few


def test_the_interviews_and_steps_are_read_once(alice_client: Client, alice: User) -> None:
    grow(alice, 5)
    alice_client.get(reverse("dashboard:home"))
    with CaptureQueriesContext(connection) as made:
        page = alice_client.get(reverse("dashboard:home")).text
    sql = [q["sql"] for q in made.captured_queries]
    assert sum('FROM "interviews_interview"' in q for q in sql) == 2  # owed, and the next one
    assert sum('FROM "goals_step"' in q and 'done_on" IS NULL' in q for q in sql) == 1
    assert "5 active goals" in page


def test_the_improvement_areas_read_no_analysis_however_many_answers(
    alice_client: Client, alice: User
) -> None:
    """The areas read each answer's evidence, a few hundred bytes written with its analysis,
    never the analyses themselves: the same queries with 5 analysed answers as with 60."""
    analysis = analyse_answer(text="I rebuilt the queries; the report went out earlier.")
    answer = {"user": alice, "question_text": "Q?", "status": Attempt.Status.ANALYSED}
    for _ in range(5):
        Attempt.objects.create(**answer, analysis=analysis.as_dict())
    few = page_queries(alice_client, reverse("dashboard:home"))
    for _ in range(55):
        Attempt.objects.create(**answer, analysis=analysis.as_dict())
    sql = page_queries(alice_client, reverse("dashboard:home"))
    assert len(sql) == len(few)
    assert sum('FROM "practice_attempt"' in q and '"evidence"' in q for q in sql) == 1
    assert not [q for q in sql if '"practice_attempt"."analysis"' in q]


PARTNER_NEWS = ('FROM "partners_comment"', 'FROM "partners_cheer"', 'FROM "partners_nudge"')


def test_news_from_partners_is_read_only_when_alice_has_a_partner(
    alice_client: Client, alice: User, bob: User
) -> None:
    """Comments, cheers and nudges hang off a partnership Alice made: without one, the page asks
    once whether there is one instead of reading each kind of news."""
    from prepcoach.partners.models import Partnership

    grow(alice, 2)
    sql = page_queries(alice_client, reverse("dashboard:home"))
    assert not [q for q in sql if q.startswith("SELECT") and any(t in q for t in PARTNER_NEWS)]
    assert sum('FROM "partners_partnership"' in q for q in sql) == 1
    Partnership.objects.create(owner=bob, partner=alice)  # Bob shares his goals: no news for her
    again = page_queries(alice_client, reverse("dashboard:home"))
    assert [q for q in again if q.startswith("SELECT") and any(t in q for t in PARTNER_NEWS)] == []
    assert sum('FROM "partners_partnership"' in q for q in again) == 1
    assert len(again) == len(sql) + 1  # the goals Bob shares with her ("You keep accountable")
    Partnership.objects.create(owner=alice, partner=bob)
    sql = page_queries(alice_client, reverse("dashboard:home"))
    assert [sum(t in q for q in sql) for t in PARTNER_NEWS] == [1, 1, 1]
    assert len(sql) == len(again) + 3


def test_drill_grades_are_read_only_once_a_card_is_drilled(
    alice_client: Client, alice: User
) -> None:
    import datetime as dt

    from django.utils import timezone

    from prepcoach.practice.models import DrillCard, DrillReview, Question

    question = Question.objects.create(owner=alice, text="Tell me about a failure.")
    DrillCard.objects.create(user=alice, item=question, state={}, due=timezone.now())  # new
    sql = page_queries(alice_client, reverse("dashboard:home"))
    assert not [q for q in sql if 'FROM "practice_drillreview"' in q]
    other = Question.objects.create(owner=alice, text="Why this company?")
    drilled = DrillCard.objects.create(user=alice, item=other, state={}, due=timezone.now(),
                                       reviews=2)  # fmt: skip
    for hours in range(2):
        DrillReview.objects.create(card=drilled, rating="again",
                                   reviewed_at=timezone.now() - dt.timedelta(hours=hours))  # fmt: skip
    sql = page_queries(alice_client, reverse("dashboard:home"))
    assert sum('FROM "practice_drillreview"' in q for q in sql) == 1


def test_the_dashboards_figures_are_counted_in_one_query(
    alice_client: Client, alice: User, bob: User
) -> None:
    """Active goals, jobs, STAR stories and answers: Alice's own only, asked together."""
    from prepcoach.jobs.models import Opportunity
    from prepcoach.reflection.models import Story

    grow(alice, 3)  # and a job whose facts the first goal counts
    Goal.objects.create(user=alice, text="An old goal", status=Goal.Status.DONE)
    Opportunity.objects.create(user=alice, company="Northwind", role="Analyst")
    for title in ("Conflict", "Failure"):
        Story.objects.create(user=alice, title=title)
    answer = {"question_text": "Q?", "status": Attempt.Status.ANALYSED}
    for _ in range(4):
        Attempt.objects.create(user=alice, **answer)
    grow(bob, 2)  # Bob's rows count for nobody but Bob
    Opportunity.objects.create(user=bob, company="Contoso", role="Analyst")
    Story.objects.create(user=bob, title="Bob's story")
    Attempt.objects.create(user=bob, **answer)
    sql = page_queries(alice_client, reverse("dashboard:home"))
    tables = ("goals_goal", "research_opportunity", "reflection_story", "practice_attempt")
    together = [q for q in sql if all(f'FROM "{t}"' in q for t in tables) and "COUNT(*)" in q]
    assert len(together) == 1
    assert not [q for q in sql if 'COUNT(*) AS "__count" FROM "reflection_story"' in q]
    page = alice_client.get(reverse("dashboard:home")).text
    assert "3 active goals" in page
    assert "2 jobs you are preparing for · 2 STAR stories." in page
    assert "4 answers so far" in page


def test_the_newest_answers_are_read_in_order_from_an_index(
    alice_client: Client, alice: User
) -> None:
    """The areas keep Alice's 50 newest analysed answers: read in order from the index on
    (user, status, newest first), never by sorting all of them (migration practice 0017)."""
    from django.db import connection

    answer = {"user": alice, "question_text": "Q?", "status": Attempt.Status.ANALYSED}
    Attempt.objects.bulk_create(Attempt(**answer) for _ in range(60))
    sql = page_queries(alice_client, reverse("dashboard:home"))
    (newest,) = [q for q in sql if 'FROM "practice_attempt"' in q and '"evidence"' in q]
    assert "ORDER BY" in newest
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET enable_seqscan = off")  # a table this small would be scanned
            cursor.execute("EXPLAIN " + newest)
            plan = " | ".join(row[0] for row in cursor.fetchall())
            cursor.execute("RESET enable_seqscan")
            assert "Sort" not in plan, plan
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + newest)
            plan = " | ".join(str(row[-1]) for row in cursor.fetchall())
            assert "TEMP B-TREE" not in plan, plan
        assert "practice_at_user_id_596f96_idx" in plan, plan
