"""Where a mock's question stands (`question_state`): a failed answer (nothing of the recording
arrived, the analysis failed) never closes its question nor its follow-up, and is kept. A tester's
empty recording, once the page was reloaded, stood as the question's answer: the forms were gone,
a follow-up was asked of an answer nothing of which was heard, and only the recorder's Retake,
gone with the page, could have answered it again."""

import datetime as dt

from prepcoach.coach.mock_interview import (
    Given,
    MockAnswer,
    QuestionState,
    question_state,
    questions_answered,
    summarise_mock,
)


def test_a_question_with_no_answer_is_open_with_nothing_to_answer_again() -> None:
    assert question_state([]) == QuestionState(None, False, None)
    assert question_state([]).open


def test_a_failed_answer_leaves_its_question_open_to_answer_again() -> None:
    state = question_state([Given("empty recording", failed=True)])
    assert state.open
    assert state.answer is None
    assert state.again == "empty recording"
    assert not state.follow_up_answered


def test_the_answer_given_again_is_the_questions_answer_and_the_failed_one_is_kept_aside() -> None:
    state = question_state([Given("failed", failed=True), Given("typed")])
    assert state == QuestionState("typed", False, None)
    # Failed twice: the last one is answered again (one "Answer again", not one a failure).
    twice = question_state([Given("first", failed=True), Given("second", failed=True)])
    assert (twice.answer, twice.again) == (None, "second")


def test_an_answer_still_being_read_or_read_closes_its_question() -> None:
    # The latest that did not fail: one given after it is the one the user gave last.
    assert question_state([Given("read"), Given("later")]).answer == "later"
    assert question_state([Given("read"), Given("later", failed=True)]).answer == "read"
    assert question_state([Given("read"), Given("later", failed=True)]).again is None


def test_a_failed_answer_analysed_again_does_not_take_over_from_the_answer_given_after_it() -> None:
    # F failed; S was given again and its follow-up answered; then "Analyse again" on F: F is
    # read (or being read), and S stays the question's answer, its follow-up answered. F took
    # over, its follow-up asked again with follow_up_to=F (review).
    given = [
        Given("F"),  # no longer failed: analysed again
        Given("S"),
        Given("S's follow-up", follow_up=True, follows="S"),
    ]
    assert question_state(given) == QuestionState("S", True, None)
    # Analysed again before S's follow-up was answered: S still stands, its follow-up asked.
    assert question_state(given[:2]) == QuestionState("S", False, None)


def test_a_failed_answer_to_the_follow_up_leaves_the_follow_up_to_answer_again() -> None:
    given = [Given("main"), Given("follow", follow_up=True, follows="main", failed=True)]
    assert question_state(given) == QuestionState("main", False, "follow")
    answered = [*given, Given("follow again", follow_up=True, follows="main")]
    assert question_state(answered) == QuestionState("main", True, None)


def test_a_follow_up_of_another_answer_does_not_answer_this_ones() -> None:
    # An answer to the follow-up of a failed first answer (asked before a failure left the
    # question open) answers no follow-up of the answer given again.
    given = [
        Given("failed", failed=True),
        Given("its follow-up", follow_up=True, follows="failed"),
        Given("again"),
    ]
    assert question_state(given) == QuestionState("again", False, None)


def test_a_failed_answer_does_not_count_as_a_question_answered() -> None:
    # (question number, a follow-up's answer?, failed?)
    assert questions_answered([(1, False, True)]) == 0
    assert questions_answered([(1, False, True), (1, False, False)]) == 1
    assert questions_answered([(1, False, False), (2, False, True), (2, True, False)]) == 1
    assert questions_answered([(1, False), (2, False, True)]) == 1  # failed is optional


TODAY = dt.date(2026, 3, 2)
QUESTIONS = ["Tell me about a time you led a project.", "Why this role?", "Your weakness?"]


def test_the_summary_counts_a_question_whose_answers_all_failed_as_to_answer_again() -> None:
    """The summary counted a failed answer as an answer and its question never "not answered",
    while the progress bar did not count it and its row offered "Answer it again" (review)."""
    failed = MockAnswer(1, 1, QUESTIONS[0], False, "analysis failed", None, TODAY, failed=True)
    summary = summarise_mock(QUESTIONS, [failed], TODAY)
    assert (summary.answered, summary.failed, summary.unanswered, summary.again) == (0, 1, 3, 1)
    assert summary.overview == (
        "0 answers and 1 that could not be read; 2 questions not answered and 1 to answer again."
    )
    assert summary.next_steps[0] == (
        f"Answer again the question whose answer could not be read: “{QUESTIONS[0]}”"
    )
    again = MockAnswer(2, 1, QUESTIONS[0], False, "analysed", None, TODAY, typed_words=20)
    summary = summarise_mock(QUESTIONS, [failed, again], TODAY)
    assert summary.overview == "1 answer and 1 that could not be read; 2 questions not answered."
    assert not any(step.startswith("Answer again") for step in summary.next_steps)
    alone = summarise_mock(QUESTIONS[:1], [failed], TODAY)
    assert alone.overview == "0 answers and 1 that could not be read; 1 question to answer again."
    # A failed answer to a follow-up leaves its question answered, and is no follow-up's answer.
    follow = MockAnswer(3, 1, "What changed?", True, "analysis failed", None, TODAY, follows=2,
                        failed=True)  # fmt: skip
    summary = summarise_mock(QUESTIONS[:1], [again, follow], TODAY)
    assert summary.overview == "1 answer and 1 that could not be read."
