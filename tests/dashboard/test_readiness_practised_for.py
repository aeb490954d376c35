"""An answer practised for a job in free practice ("Practising for", `Attempt.job`) counts as
practice for that job's interview, as a mock's answer does (a review found readiness read only
mocks, tagged questions and the job's asked questions, so the answers the user tied to the job
were not counted).

- alice: practises a bank question for her Acme job, then has an interview for it."""

from __future__ import annotations

from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.coach.readiness import readiness
from prepcoach.dashboard.readiness import gather
from prepcoach.practice.models import Attempt, Question
from tests.coach.test_follow_up_measured import WHOLE
from tests.interviews.conftest import add_interview, add_job

ASKED = "Tell me about a time you rescued an audit."


def test_an_answer_practised_for_the_job_is_practice_for_its_interview(alice: User) -> None:
    job = add_job(alice, "Acme")
    other = add_job(alice, "Globex")
    question = Question.objects.create(owner=alice, text=ASKED)  # no company tag
    Attempt.objects.create(
        user=alice, question=question, question_text=ASKED, status=Attempt.Status.ANALYSED,
        analysis=WHOLE, job=job,
    )  # fmt: skip
    Attempt.objects.create(
        user=alice, question=question, question_text=ASKED, status=Attempt.Status.ANALYSED,
        analysis=WHOLE, job=other,
    )  # fmt: skip
    today = timezone.localdate()
    interview = add_interview(alice, job, round_name="First round")
    assert readiness(gather(alice, interview, today), embedder=None).practice.answers == 1
