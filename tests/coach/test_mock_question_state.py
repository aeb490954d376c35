"""Where a mock's question stands (`question_state`): a failed answer (nothing of the recording
arrived, the analysis failed) never closes its question nor its follow-up, and is kept. A tester's
empty recording, once the page was reloaded, stood as the question's answer: the forms were gone,
a follow-up was asked of an answer nothing of which was heard, and only the recorder's Retake,
gone with the page, could have answered it again."""

from prepcoach.coach.mock_interview import Given, QuestionState, question_state, questions_answered


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
    # The first that did not fail, whatever came after it.
    assert question_state([Given("read"), Given("later")]).answer == "read"
    assert question_state([Given("read"), Given("later", failed=True)]).again is None


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
