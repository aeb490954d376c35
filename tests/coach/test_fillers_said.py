"""An answer's fillers in one set of words (`fillers_said`), as the answer's report says them on
its Fillers card and the mock says them: a typed answer's are counted in its text ("Fillers 0 in
the text" on its report) where the mock said "a typed answer has no pace or fillers to measure"."""

import pytest

from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.fillers_said import FillersSaid, fillers_said, tenths
from prepcoach.coach.mock_interview import short_report

STORY = "Tell me about a time you improved a process."
UMS = (
    "Um, so last year our month-end close took ten days. I, like, mapped every step and cut "
    "the ones nobody used. The close now takes six days."
)


def test_a_typed_answers_fillers_are_counted_in_the_text() -> None:
    said = fillers_said({"fillers": {"count": 2, "per_min": None, "items": []}})
    assert said == FillersSaid(2, None)
    assert (said.unit, said.words) == ("in the text", "2 fillers in the text")
    assert FillersSaid(1, None).words == "1 filler in the text"
    assert FillersSaid(0, None).words == "0 fillers in the text"


def test_a_recordings_fillers_are_a_rate_and_an_answer_not_in_english_has_none() -> None:
    assert fillers_said({"fillers": {"count": 3, "per_min": 2.25}}) == FillersSaid(3, 2.25)
    assert FillersSaid(3, 2.25).words == "2.3 fillers a minute"  # half up, as `floatformat:1`
    assert FillersSaid(3, 2.25).unit == "a minute"
    uncounted = FillersSaid(None, None)
    assert uncounted.unit == "not counted: the answer does not read as English"
    assert fillers_said({}) is None
    assert fillers_said(None) is None
    assert tenths(1.05) == "1.1"


@pytest.mark.usefixtures("sentence_model")
def test_the_mock_says_a_typed_answers_fillers_as_its_report_does() -> None:
    analysis = analyse_answer(text=UMS, question=STORY).as_dict()
    report = short_report(analysis)
    assert report is not None
    count = analysis["fillers"]["count"]
    assert count >= 2
    assert report.fillers_words == f"{count} fillers in the text"
    assert report.fillers_words in report.row_words
    assert "no pace or fillers" not in report.measured_from
    assert report.measured_from.endswith(
        "alone: a typed answer has no pace to measure, and its fillers are counted in the text, "
        "not weighed"
    )


@pytest.mark.usefixtures("sentence_model")
def test_a_recordings_fillers_are_never_said_in_the_text_for_want_of_a_rate() -> None:
    """Whether the answer was spoken is passed, not guessed from `per_min`: a recording's
    analysis without a rate said its fillers were "in the text" (review)."""
    stored = {"fillers": {"count": 3}}  # a recording's, its rate not stored
    said = fillers_said(stored, spoken=True)
    assert said is not None
    assert (said.unit, said.words) == ("in the recording", "3 fillers in the recording")
    assert fillers_said(stored) == FillersSaid(3, None)  # typed: "in the text"
    analysis = analyse_answer(text=UMS, question=STORY).as_dict()
    analysis["fillers"].pop("per_min", None)
    count = analysis["fillers"]["count"]
    spoken = short_report(analysis, spoken=True)
    assert spoken is not None
    assert f"{count} fillers in the recording" in spoken.row_words
    assert "in the text" not in " ".join(spoken.row_words) + spoken.measured_from
    typed = short_report(analysis, spoken=False)
    assert typed is not None
    assert f"{count} fillers in the text" in typed.row_words
