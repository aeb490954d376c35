"""Improvement areas read each answer's evidence (`Attempt.evidence`), written with its
analysis, instead of the whole analysis (issue 15, item 5): the areas are the same as when the
whole analyses were read, an answer without current evidence is read whole, and the migration
fills the evidence of answers analysed before it and can be undone."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.coach.answer_evidence import VERSION_KEY, answer_evidence
from prepcoach.coach.improvement import AnswerFacts, ReviewFacts, improvement_areas
from prepcoach.feedback.models import FeedbackRequest, Review
from prepcoach.practice.evidence import ANSWERS, areas_of, debriefs_of, lapses_of
from prepcoach.practice.models import Attempt, Question
from prepcoach.practice.tasks import queue_analysis
from tests.coach.test_answer_evidence import seeded_world
from tests.support import migrate, migrate_to_latest

WORLD = 70  # more than the 50 the areas read


def seed(user: User) -> list[Attempt]:
    """The core test's seeded answers as Alice's, dated as they were made, newest first."""
    now, newest = timezone.now(), seeded_world(WORLD)[0].when
    made = []
    for answer in seeded_world(WORLD):
        attempt = Attempt.objects.create(
            user=user, question_text=answer.question, status=Attempt.Status.ANALYSED,
            analysis=dict(answer.analysis), rating=answer.rating,
        )  # fmt: skip
        at = now - dt.timedelta(days=(newest - answer.when).days, minutes=attempt.pk)
        Attempt.objects.filter(pk=attempt.pk).update(created_at=at)
        made.append(attempt)
    return made


def read_whole(user: User, today: dt.date) -> tuple[object, ...]:
    """The areas as `areas_of` found them before the evidence: from the 50 newest analyses."""
    rows = Attempt.objects.filter(user=user, status=Attempt.Status.ANALYSED)
    answers = [
        AnswerFacts(a.pk, timezone.localtime(a.created_at).date(), a.question_text,
                    a.analysis or {}, a.rating)
        for a in rows.order_by("-created_at")[:ANSWERS]
    ]  # fmt: skip
    reviews = [
        ReviewFacts(r.request.owner_url(), timezone.localtime(r.updated_at).date(),
                    r.reviewer_name, r.scores, r.overall,
                    r.request.attempt.rating if r.request.attempt else None)
        for r in Review.objects.filter(request__owner=user).select_related("request__attempt")
    ]  # fmt: skip
    return improvement_areas(answers, reviews, today, {}, debriefs_of(user), lapses_of(user))


def reviewed(attempt: Attempt) -> Review:
    ask = FeedbackRequest.objects.create(
        owner=attempt.user, attempt=attempt, reviewer_label="Sam", token_digest="d" * 64,
        expires_at=timezone.now() + dt.timedelta(days=7),
    )  # fmt: skip
    return Review.objects.create(request=ask, reviewer_name="Sam", browser_key="k",
                                 scores={"result": 0, "delivery": 0, "task": 2}, overall=2)  # fmt: skip


@pytest.mark.usefixtures("sentence_model")
def test_the_areas_are_the_ones_the_whole_analyses_give(alice: User) -> None:
    made = seed(alice)
    reviewed(made[0])
    today = timezone.localdate()
    assert all(a.evidence == answer_evidence(a.analysis or {}) for a in made)
    whole = read_whole(alice, today)
    assert whole, "the seeded world raises no area: the comparison would prove nothing"
    with CaptureQueriesContext(connection) as read:
        found = areas_of(alice, today)
    assert found.areas == whole
    assert found.answers == ANSWERS
    assert any(area.reviewers for area in found.areas)
    sql = [q["sql"] for q in read.captured_queries]
    assert sum('FROM "practice_attempt"' in q for q in sql) == 1
    assert not [q for q in sql if '"practice_attempt"."analysis"' in q]  # nor the review's


@pytest.mark.usefixtures("sentence_model")
def test_an_answer_without_current_evidence_is_read_whole(alice: User) -> None:
    made = seed(alice)
    newest = sorted(made, key=lambda a: a.pk)[:6]
    # Analysed by code before the evidence (or an old worker): none, or another version.
    Attempt.objects.filter(pk__in=[a.pk for a in newest[:3]]).update(evidence=None)
    Attempt.objects.filter(pk__in=[a.pk for a in newest[3:]]).update(
        evidence={VERSION_KEY: 0, "wpm": 500.0}
    )
    today = timezone.localdate()
    with CaptureQueriesContext(connection) as read:
        found = areas_of(alice, today)
    assert found.areas == read_whole(alice, today)
    whole = [q["sql"] for q in read.captured_queries if '"practice_attempt"."analysis"' in q["sql"]]
    assert len(whole) == 1  # the six, read in one query


@pytest.mark.usefixtures("sentence_model")
def test_analysing_an_answer_writes_its_evidence_and_again_replaces_it(
    alice: User, question: Question
) -> None:
    attempt = Attempt.objects.create(
        user=alice, question=question, question_text=question.text,
        text="I rebuilt the report queries and it went out two days earlier.",
    )  # fmt: skip
    queue_analysis(attempt)  # the immediate backend analyses it here
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.ANALYSED
    assert attempt.evidence == answer_evidence(attempt.analysis or {})
    Attempt.objects.filter(pk=attempt.pk).update(evidence={VERSION_KEY: 1, "wpm": 999.0})
    queue_analysis(attempt)  # "Analyse again"
    attempt.refresh_from_db()
    assert attempt.evidence == answer_evidence(attempt.analysis or {})


BEFORE = [("practice", "0014_attempt_stream")]
AFTER = [("practice", "0016_fill_attempt_evidence")]


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("sentence_model")
def test_the_migration_fills_the_evidence_and_can_be_undone() -> None:
    old = migrate(BEFORE)
    user = old.get_model("accounts", "User").objects.create(email="old@example.com")
    attempts = old.get_model("practice", "Attempt").objects
    analyses = [dict(a.analysis) for a in seeded_world(WORLD)[:5]]
    made = [attempts.create(user=user, question_text="Q?", status="analysed", analysis=a)
            for a in analyses]  # fmt: skip
    waiting = attempts.create(user=user, question_text="Q?", status="saved")

    new = migrate(AFTER).get_model("practice", "Attempt").objects
    for attempt, analysis in zip(made, analyses, strict=True):
        kept = new.get(pk=attempt.pk)
        assert kept.evidence == answer_evidence(analysis)
        assert kept.analysis == analysis
    assert new.get(pk=waiting.pk).evidence is None

    # Backwards: the column goes, the analyses stay.
    back = migrate(BEFORE).get_model("practice", "Attempt")
    assert "evidence" not in {f.name for f in back._meta.get_fields()}
    with connection.cursor() as cursor:
        columns = {c.name for c in connection.introspection.get_table_description(
            cursor, "practice_attempt")}  # fmt: skip
    assert "evidence" not in columns
    assert [back.objects.get(pk=a.pk).analysis for a in made] == analyses

    migrate_to_latest()
    assert Attempt.objects.get(pk=made[0].pk).evidence == answer_evidence(analyses[0])


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("sentence_model")
def test_the_refresh_migration_remakes_stale_evidence_and_leaves_current_evidence() -> None:
    """Evidence made by an older `answer_evidence` (another version) is made again from its
    analysis, so the areas read no answer whole for it; current evidence and an answer not
    analysed yet are left as they are."""
    old = migrate([("practice", "0017_attempt_newest_index")])
    user = old.get_model("accounts", "User").objects.create(email="stale@example.com")
    attempts = old.get_model("practice", "Attempt").objects
    analyses = [dict(a.analysis) for a in seeded_world(WORLD)[:3]]
    stale = [attempts.create(user=user, question_text="Q?", status="analysed", analysis=a,
                             evidence={VERSION_KEY: 2, "wpm": 1}) for a in analyses[:2]]  # fmt: skip
    fresh = answer_evidence(analyses[2])
    kept = attempts.create(user=user, question_text="Q?", status="analysed",
                           analysis=analyses[2], evidence=fresh)  # fmt: skip
    waiting = attempts.create(user=user, question_text="Q?", status="saved")

    new = (
        migrate([("practice", "0018_refresh_attempt_evidence")])
        .get_model("practice", "Attempt")
        .objects
    )
    for attempt, analysis in zip(stale, analyses[:2], strict=True):
        assert new.get(pk=attempt.pk).evidence == answer_evidence(analysis)
    assert new.get(pk=kept.pk).evidence == fresh
    assert new.get(pk=waiting.pk).evidence is None
    migrate_to_latest()


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("sentence_model")
def test_the_second_refresh_remakes_evidence_of_the_version_before() -> None:
    """0019 remakes evidence made at version 4, which keeps no reading of what the question
    asks for (`relevance.question_asks`), so the areas read no answer whole for it."""
    old = migrate([("practice", "0018_refresh_attempt_evidence")])
    user = old.get_model("accounts", "User").objects.create(email="four@example.com")
    attempts = old.get_model("practice", "Attempt").objects
    analysis = dict(seeded_world(WORLD)[0].analysis)
    four = attempts.create(user=user, question_text="Q?", status="analysed", analysis=analysis,
                           evidence={**answer_evidence(analysis), VERSION_KEY: 4})  # fmt: skip
    new = (
        migrate([("practice", "0019_refresh_attempt_evidence_asks")])
        .get_model("practice", "Attempt")
        .objects
    )
    assert new.get(pk=four.pk).evidence == answer_evidence(analysis)
    migrate_to_latest()
