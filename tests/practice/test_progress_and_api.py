import datetime as dt
import json
import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.models import AccessToken, User
from prepcoach.coach.answer import ANALYSIS_VERSION, analyse_answer
from prepcoach.coach.trends import weekly
from prepcoach.practice.models import Attempt, Question
from prepcoach.practice.tasks import requeue_stuck
from tests.relevance_samples import AMBITION, FIVE_YEARS, PLAN, PLAN_QUESTION

STRONG = ("In my last role our releases slipped. My task was to fix it. I set up a checklist and I "
          "trained the team. As a result, late releases fell from 8 to 1 a quarter.")  # fmt: skip


def analysed(user: User, question: Question, text: str, days_ago: int) -> Attempt:
    attempt = Attempt.objects.create(
        user=user, question=question, question_text=question.text, text=text,
        status="analysed", analysis=analyse_answer(text=text).as_dict(),
    )  # fmt: skip
    Attempt.objects.filter(pk=attempt.pk).update(
        created_at=timezone.now() - dt.timedelta(days=days_ago)
    )
    return attempt


def test_weekly_trends_are_means_per_week() -> None:
    monday = dt.date(2026, 11, 16)
    answers = [
        (
            monday,
            {
                "wpm": 170,
                "star": {p: {"present": False} for p in ("situation", "task", "action", "result")},
            },
        ),
        (monday + dt.timedelta(days=2), {"wpm": 150}),
        (monday + dt.timedelta(days=7), {"wpm": 140}),
    ]
    trends = {t.metric: t for t in weekly(answers)}
    assert trends["wpm"].points == ((monday, 160.0), (monday + dt.timedelta(days=7), 140.0))
    assert trends["wpm"].change == -20.0
    assert trends["star_parts"].points == ((monday, 0.0),)


def test_the_progress_page_draws_a_chart_per_figure(
    alice_client: Client, alice: User, question: Question
) -> None:
    assert "No analysed answers yet" in alice_client.get(reverse("practice:progress")).text
    analysed(alice, question, "We kind of did stuff.", 10)
    analysed(alice, question, STRONG, 1)
    page = alice_client.get(reverse("practice:progress")).text
    assert "STAR parts present (of 4)" in page
    assert page.count("<svg") >= 1
    assert "2 analysed answers" in page


def test_one_week_of_answers_is_a_labelled_value_on_an_axis(
    alice_client: Client, alice: User, question: Question
) -> None:
    import re

    analysed(alice, question, STRONG, 0)
    page = alice_client.get(reverse("practice:progress")).text
    star = page[page.index("<strong>STAR parts present (of 4)</strong>") :]
    star = star[: star.index("</figure>")]
    parts = re.search(r"</strong>: (\d+) in the week of", star)
    assert parts  # the value in words, not a lone dot
    assert "one week so far" in star
    assert '<text class="value" x="180.0"' in star  # written by its dot, mid-chart
    assert f">{parts.group(1)}</text>" in star
    assert star.count('class="grid"') == 2  # a value axis: 0 and twice the value
    assert ">0</text>" in star


@pytest.mark.usefixtures("sentence_model")
def test_a_plan_is_charted_of_its_action_not_as_one_star_part_of_four(
    alice_client: Client, alice: User
) -> None:
    """Alice's good plan showed as "STAR parts present (of 4): 1" on her progress page, while
    its report and the mock count a plan of its action alone."""
    question = Question.objects.create(owner=alice, text=PLAN_QUESTION)
    Attempt.objects.create(
        user=alice, question=question, question_text=PLAN_QUESTION, text=PLAN,
        status="analysed", analysis=analyse_answer(text=PLAN, question=PLAN_QUESTION).as_dict(),
    )  # fmt: skip
    page = alice_client.get(reverse("practice:progress")).text
    assert "STAR parts present (of 4)" not in page
    plans = "Plans that say what you would do (share of the week&#x27;s plans)"
    chart = page[page.index(f"<strong>{plans}</strong>") :]
    chart = chart[: chart.index("</figure>")]
    # A share of the week's plans, in percent as every share is shown: it read a bare "1".
    assert "</strong>: 100 % in the week of" in chart
    ticks = re.findall(r'class="axis"[^>]*>([^<]+)</text>', chart)
    assert ticks[:2] == ["0 %", "100 %"]  # drawn 0 % to 100 %
    assert '<text class="value" x="180.0" y="8.0" text-anchor="middle">100 %</text>' in chart


PARTS = ("situation", "task", "action", "result")


def plan_answer(user: User, days_ago: int, action: bool) -> None:
    """An analysed typed plan (its question asks what the user would do: the kind its
    analysis keeps) that says what the user would do, or not."""
    analysis = {
        "star": {p: {"present": action and p == "action", "evidence": []} for p in PARTS},
        "relevance": {"kind": "would_do"},
    }
    attempt = Attempt.objects.create(
        user=user, question_text="What would you do first?", text="An answer.",
        status="analysed", analysis=analysis,
    )  # fmt: skip
    Attempt.objects.filter(pk=attempt.pk).update(
        created_at=timezone.now() - dt.timedelta(days=days_ago)
    )


@pytest.mark.usefixtures("sentence_model")
def test_the_share_of_plans_reads_in_percent_with_its_change_in_points(
    alice_client: Client, alice: User
) -> None:
    """The trial's "Plans that say what you would do (share of the week's plans): 1": every
    figure of that line is a percentage, its change since the first week in points."""
    plan_answer(alice, 7, action=True)
    plan_answer(alice, 7, action=False)
    plan_answer(alice, 0, action=True)
    page = alice_client.get(reverse("practice:progress")).text
    plans = "Plans that say what you would do (share of the week&#x27;s plans)"
    chart = page[page.index(f"<strong>{plans}</strong>") :]
    chart = chart[: chart.index("</figure>")]
    week = timezone.localdate()
    last = week - dt.timedelta(days=week.weekday())
    first = last - dt.timedelta(days=7)
    assert f"</strong>: 100 % in the week of {last:%-d %b} " in chart
    assert f"(+50 points since the week of {first:%-d %b})" in chart
    assert re.findall(r'class="value"[^>]*>([^<]+)</text>', chart) == ["50 %", "100 %"]
    assert f"<title>50 % in the week of {first:%-d %b}</title>" in chart
    assert f"<title>100 % in the week of {last:%-d %b}</title>" in chart
    assert ">1</text>" not in chart  # never a bare share


@pytest.mark.usefixtures("sentence_model")
def test_an_answer_to_a_question_asking_for_no_story_is_left_off_the_star_line_and_said(
    alice_client: Client, alice: User, question: Question
) -> None:
    """A trial's progress page counted "Where do you see yourself in five years?" into "STAR
    parts present (of 4)" as 0: it asks for neither a story nor a plan (`relevance.asked_for`),
    so it is left off that line, and the line says so beside the page's count."""
    analysed(alice, question, STRONG, 0)
    asked = Question.objects.create(owner=alice, text=FIVE_YEARS)
    Attempt.objects.create(
        user=alice, question=asked, question_text=FIVE_YEARS, text=AMBITION, status="analysed",
        analysis=analyse_answer(text=AMBITION, question=FIVE_YEARS).as_dict(),
    )  # fmt: skip
    page = alice_client.get(reverse("practice:progress")).text
    assert "2 analysed answers" in page
    star = page[page.index("<strong>STAR parts present (of 4)</strong>") :]
    star = star[: star.index("</figure>")]
    assert "</strong>: 4 in the week of" in star  # was 2: the point read 0 of 4
    assert "Not counted: 1 answer to a question asking for neither a story nor a plan." in star


def test_the_api_lists_answers_and_analyses_text(
    client: Client, alice: User, bob: User, question: Question
) -> None:
    mine = analysed(alice, question, STRONG, 0)
    analysed(bob, question, "Not alice's.", 0)
    _, secret = AccessToken.issue(alice, "script")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    listed = client.get("/api/attempts", **auth).json()
    assert [a["id"] for a in listed["items"]] == [mine.pk]
    assert listed["count"] == 1
    one = client.get(f"/api/attempts/{mine.pk}", **auth).json()
    assert one["analysis"]["star"]["result"]["present"]
    other = Attempt.objects.exclude(pk=mine.pk).get()
    assert client.get(f"/api/attempts/{other.pk}", **auth).status_code == 404
    response = client.post(
        "/api/analyze",
        json.dumps({"text": "Um, I fixed it."}),
        content_type="application/json",
        **auth,
    )
    assert response.json()["fillers"]["count"] == 1


def test_an_analysis_whose_worker_died_runs_again(alice: User, question: Question) -> None:
    attempt = Attempt.objects.create(user=alice, question=question, question_text=question.text, text=STRONG, status="analysing",
                                     analysis_started_at=timezone.now() - dt.timedelta(hours=1))  # fmt: skip
    fresh = Attempt.objects.create(user=alice, question=question, question_text=question.text, text=STRONG, status="analysing",
                                   analysis_started_at=timezone.now())  # fmt: skip
    assert requeue_stuck.call() == 1
    attempt.refresh_from_db()
    fresh.refresh_from_db()
    assert attempt.status == "analysed"
    assert fresh.status == "analysing"  # still within its time


def test_reanalyse_an_old_answer(alice_client: Client, alice: User, question: Question) -> None:
    old = Attempt.objects.create(user=alice, question=question, question_text=question.text, text=STRONG,
                                 status="analysed", analysis={"version": 1, "engine": "prepcoach-content", "content": None})  # fmt: skip
    assert "Analyse again" in alice_client.get(reverse("practice:attempt", args=[old.pk])).text
    alice_client.post(reverse("practice:attempt_reanalyse", args=[old.pk]))
    old.refresh_from_db()
    assert old.analysis["version"] == ANALYSIS_VERSION


def test_feedback_thresholds_are_the_users_to_set(
    alice_client: Client, alice: User, question: Question
) -> None:
    url = reverse("practice:feedback_settings")
    bad = alice_client.post(
        url,
        {"pace_low": "170", "pace_high": "150", "fillers_per_min_high": "3", "long_pause_s": "3"},
    )
    assert "must be below the fastest" in bad.text
    alice_client.post(
        url,
        {
            "pace_low": "100",
            "pace_high": "200",
            "fillers_per_min_high": "0.5",
            "long_pause_s": "2",
            "look_away_s": "2",  # the body-language threshold is on the same form
        },
    )
    thresholds = alice.practice_settings.delivery_settings()
    assert (
        thresholds.pace_low,
        thresholds.pace_high,
        thresholds.fillers_per_min_high,
        thresholds.long_pause_s,
    ) == (100, 200, 0.5, 2.0)


def test_a_lower_filler_threshold_brings_the_filler_tip() -> None:
    from prepcoach.coach.delivery import DeliverySettings
    from prepcoach.coach.speech.engine import Transcript, Word
    from prepcoach.coach.tips import Facts, choose_tips

    text = "In my last role, um, I built a checklist. As a result we saved 10 hours a week."
    words = tuple(
        Word(f" {w}", i * 3.0, i * 3.0 + 0.3) for i, w in enumerate(text.split())
    )  # 1.2 fillers a minute
    transcript = Transcript(words, "en", 0.99)

    def rules(settings: DeliverySettings) -> list[str]:
        result = analyse_answer(
            transcript=transcript, duration_s=words[-1].end, spans=[], settings=settings
        )
        return [
            t.rule
            for t in choose_tips(Facts(result.content, result.delivery, None, settings), count=10)
        ]

    assert not any(r.startswith("Fillers") for r in rules(DeliverySettings()))
    assert any(r.startswith("Fillers") for r in rules(DeliverySettings(fillers_per_min_high=0.5)))


def test_a_reanalysed_old_answer_is_not_queued_twice(alice: User, question: Question) -> None:
    """Re-analysis of an answer finalised long ago must not look stuck to requeue_stuck."""
    long_ago = timezone.now() - dt.timedelta(days=2)
    waiting = Attempt.objects.create(user=alice, question=question, question_text=question.text, text=STRONG,
                                     status="queued", finalised_at=long_ago, queued_at=timezone.now())  # fmt: skip
    lost = Attempt.objects.create(user=alice, question=question, question_text=question.text, text=STRONG,
                                  status="queued", finalised_at=long_ago, queued_at=long_ago)  # fmt: skip
    assert requeue_stuck.call() == 1
    waiting.refresh_from_db()
    lost.refresh_from_db()
    assert waiting.status == "queued"
    assert lost.status == "analysed"


def test_an_answer_being_analysed_is_not_analysed_again(alice_client: Client, alice: User, question: Question) -> None:  # fmt: skip
    busy = Attempt.objects.create(user=alice, question=question, question_text=question.text, text=STRONG,
                                  status="analysing", analysis_started_at=timezone.now())  # fmt: skip
    page = alice_client.post(
        reverse("practice:attempt_reanalyse", args=[busy.pk]), follow=True
    ).text
    assert "already being analysed" in page
    busy.refresh_from_db()
    assert busy.status == "analysing"


def test_a_second_task_for_the_same_answer_does_nothing(alice: User, question: Question) -> None:
    from prepcoach.practice.tasks import analyse_attempt

    taken = Attempt.objects.create(user=alice, question=question, question_text=question.text, text=STRONG,
                                   status="analysing", analysis_started_at=timezone.now())  # fmt: skip
    assert analyse_attempt.call(taken.pk) == "taken"
    taken.refresh_from_db()
    assert taken.status == "analysing"


def test_a_figure_that_did_not_move_says_no_change(alice_client: Client, alice: User) -> None:
    """A plan's line, at 1 of 1 in both weeks, read "(0.0 since the week of 9 Nov)"."""
    parts = ("situation", "task", "action", "result")
    for days_ago in (7, 0):
        attempt = Attempt.objects.create(
            user=alice, question_text="What would you do first?", text="A plan.",
            status="analysed", analysis={
                "star": {p: {"present": p == "action", "evidence": []} for p in parts},
                "relevance": {"kind": "would_do"},
            },
        )  # fmt: skip
        Attempt.objects.filter(pk=attempt.pk).update(
            created_at=timezone.now() - dt.timedelta(days=days_ago)
        )
    page = alice_client.get(reverse("practice:progress")).text
    assert "(no change since the week of " in page
    assert "0.0 since" not in page
