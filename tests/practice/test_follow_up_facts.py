"""An answer's facts say whether it answers a follow-up (`practice.evidence.answer_facts`, from
its `follow_up_to` link): the areas, the goals made from them (`practice.measured`) and
readiness judge only a real follow-up as one. A follow-up's answer to "What changed, in
numbers?" had counted against "Give the situation"; a first question worded "What changed, in
numbers?" had been left without a figure."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.coach.answer import measured_rating
from prepcoach.coach.readiness import readiness
from prepcoach.dashboard.readiness import gather
from prepcoach.goals.models import Goal
from prepcoach.practice.evidence import answer_facts
from prepcoach.practice.measured import update_measured_goals
from prepcoach.practice.models import Attempt, Question
from tests.coach.test_follow_up_measured import IN_NUMBERS, NUMBERS, PROCESS, WHOLE
from tests.interviews.conftest import add_interview, add_job


def attempt(user: User, text: str, analysis: dict[str, Any], **fields: Any) -> Attempt:
    return Attempt.objects.create(
        user=user, question_text=text, status=Attempt.Status.ANALYSED, analysis=analysis,
        **fields,
    )  # fmt: skip


def test_answer_facts_carry_the_follow_up_link(alice: User) -> None:
    first = attempt(alice, PROCESS, WHOLE)
    then = attempt(alice, IN_NUMBERS, NUMBERS, follow_up_to=first)
    worded = attempt(alice, IN_NUMBERS, NUMBERS)  # asked first, in a follow-up's words
    facts = {a.ref: a for a in answer_facts(Attempt.objects.order_by("pk"))}
    assert [facts[a.pk].follow_up for a in (first, then, worded)] == [False, True, False]
    # Evidence of another version is read from the analysis, the link all the same.
    Attempt.objects.filter(pk=then.pk).update(evidence={"evidence_version": 1})
    assert {a.ref: a.follow_up for a in answer_facts(Attempt.objects.all())}[then.pk] is True


def test_calibration_goal_counts_a_first_question_worded_as_a_follow_up(alice: User) -> None:
    goal = Goal.objects.create(
        user=alice, text="Rate yourself within 1 point", area="calibration",
        target_value=Decimal(5),
    )  # fmt: skip
    figure = measured_rating(NUMBERS, "story")
    assert figure is not None
    first = attempt(alice, IN_NUMBERS, NUMBERS, rating=figure)  # asked first: measured
    attempt(alice, IN_NUMBERS, NUMBERS, rating=figure, follow_up_to=first)  # no figure
    update_measured_goals(alice, timezone.localdate())
    assert goal.check_ins.get().note.startswith(
        "Measured from your answers: 1 of 1 answer since the goal began meets it"
    )


def test_readiness_trends_a_first_question_worded_as_a_follow_up(alice: User) -> None:
    job = add_job(alice, "Acme")
    question = Question.objects.create(owner=alice, text=IN_NUMBERS, company="Acme")
    attempt(alice, IN_NUMBERS, NUMBERS, question=question)
    interview = add_interview(alice, job, round_name="Final round")
    today = timezone.localdate()
    practice = readiness(gather(alice, interview, today), embedder=None).practice
    monday = today - dt.timedelta(days=today.weekday())
    assert practice.points == ((monday, float(measured_rating(NUMBERS, "story") or 0)),)
