"""What each answer of a mock is, for the link to it on the summary (`answer_label`,
`SummaryRow.label`): a tester found the links all reading "typed answer" (or "recording"),
with nothing to tell one answer from another."""

import datetime as dt

from prepcoach.coach.mock_interview import MockAnswer, answer_label, summarise_mock

TODAY = dt.date(2026, 3, 2)
QUESTION = "Tell me about a time you improved a process."


def test_a_typed_answer_says_it_was_typed_and_how_many_words() -> None:
    typed = MockAnswer(1, 1, QUESTION, False, "analysed", {"transcript": "x"}, typed_words=84)
    assert answer_label(typed) == "typed answer, 84 words"
    one = MockAnswer(2, 1, "What was the outcome?", True, "analysed", None, typed_words=1)
    assert answer_label(one) == "typed answer, 1 word"


def test_a_recorded_answer_says_it_was_recorded_and_how_long_once_read() -> None:
    read = MockAnswer(1, 1, QUESTION, False, "analysed", {"duration_s": 102.4})
    assert answer_label(read) == "recorded answer, 1:42"
    # Not read (yet, or failed: an empty recording has no file and no typed words either).
    assert answer_label(MockAnswer(2, 1, QUESTION, False, "analysis failed")) == "recorded answer"


def test_the_summary_rows_carry_the_labels_so_the_answers_can_be_told_apart() -> None:
    answers = [
        MockAnswer(1, 1, QUESTION, False, "analysis failed", None, TODAY),
        MockAnswer(2, 1, QUESTION, False, "analysed", {"duration_s": 61.0}, TODAY),
        MockAnswer(3, 1, "What was the outcome?", True, "analysed", None, TODAY, follows=2,
                   typed_words=12),
        MockAnswer(4, 2, "Why this role?", False, "analysed", None, TODAY, typed_words=40),
    ]  # fmt: skip
    summary = summarise_mock([QUESTION, "Why this role?", "What is your weakness?"], answers, TODAY)
    assert [(row.ref, row.label) for row in summary.rows] == [
        (1, "recorded answer"),
        (2, "recorded answer, 1:01"),
        (3, "typed answer, 12 words"),
        (4, "typed answer, 40 words"),
        (None, ""),  # not answered: no link
    ]


def test_a_recording_nothing_of_which_arrived_says_so_not_analysis_failed() -> None:
    """An empty recording read "recorded answer" beside "analysis failed", though nothing
    arrived to analyse (review)."""
    empty = MockAnswer(1, 1, QUESTION, False, "analysis failed", failed=True, arrived=False)
    assert answer_label(empty) == "recording (nothing arrived)"
    stopped = MockAnswer(2, 1, QUESTION, False, "analysis failed", failed=True)
    assert answer_label(stopped) == "recorded answer"  # it arrived; its analysis failed
    summary = summarise_mock([QUESTION], [empty, stopped], TODAY)
    assert [(row.label, row.status) for row in summary.rows] == [
        ("recording (nothing arrived)", ""),  # the label says it: no "analysis failed"
        ("recorded answer", "analysis failed"),
    ]
