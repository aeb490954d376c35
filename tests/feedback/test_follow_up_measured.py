"""A feedback page sets the owner's rating beside the measured figure by the report's rule: the
answer to a follow-up asking for a part has none (`follow_up_answer.measured_of`), where the
whole story's figure had been set beside it and averaged into a mock interview's."""

from __future__ import annotations

from prepcoach.accounts.models import User
from prepcoach.coach.answer import measured_rating
from prepcoach.feedback.subjects import of_attempt, of_session, own_and_measured
from prepcoach.practice.models import Attempt, MockSession, Question
from tests.coach.test_follow_up_measured import IN_NUMBERS, NUMBERS, PROCESS, WHOLE


def test_a_follow_ups_answer_has_no_measured_figure_beside_its_rating(alice: User) -> None:
    question = Question.objects.create(owner=alice, text=PROCESS)
    session = MockSession.objects.create(user=alice, question_ids=[question.pk],
                                         question_texts=[PROCESS])  # fmt: skip
    first = Attempt.objects.create(
        user=alice, question=question, question_text=PROCESS, session=session, rating=5,
        status=Attempt.Status.ANALYSED, analysis=WHOLE,
    )  # fmt: skip
    then = Attempt.objects.create(
        user=alice, question=question, question_text=IN_NUMBERS, session=session, rating=5,
        follow_up_to=first, status=Attempt.Status.ANALYSED, analysis=NUMBERS,
    )  # fmt: skip
    assert measured_rating(NUMBERS, "story") is not None  # the figure its report withholds
    assert own_and_measured(of_attempt(then)) == (5, None)
    # The mock interview's measured figure is its first answer's alone.
    assert own_and_measured(of_session(session, [first, then])) == (
        5, measured_rating(WHOLE, "story"),
    )  # fmt: skip
