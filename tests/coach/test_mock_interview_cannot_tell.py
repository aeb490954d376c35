"""A mock's figures for an answer with a STAR part the reader can't tell about
(`reader.UNSURE_FROM`: `present` None with the nearest sentence, `unsure`): the parts found are
counted and the part is named as "can't tell", never counted found or missing; a part not heard
(`present` None without `unsure`) is said as not heard, never as "can't tell"."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from prepcoach.coach.answer import analyse_answer, measured_rating
from prepcoach.coach.mock_interview import MockAnswer, short_report, summarise_mock
from tests.coach.test_reader_band import NO_END, QUESTION, VAGUE, VAGUE_END

TODAY = dt.date(2026, 11, 30)


def _vague() -> dict[str, Any]:
    return analyse_answer(text=VAGUE, question=QUESTION).as_dict()


@pytest.mark.usefixtures("sentence_model")
def test_the_row_counts_the_parts_found_and_names_the_part_it_cannot_tell_about() -> None:
    """The row dropped its STAR figure whole (`row_words` had no STAR parts at all), so the
    mock's summary said nothing about STAR for the answer."""
    analysis = _vague()
    assert analysis["star"]["result"]["unsure"] == VAGUE_END  # the premise
    report = short_report(analysis)
    assert report is not None
    assert "3 of 4 STAR parts (prepcoach can't tell about the result)" in report.row_words
    assert report.star_words == "3 of 4 STAR parts (prepcoach can't tell about the result)"
    assert (report.star_parts, report.star_unsure) == (3, ("result",))
    # Neither a number found nor one missing: the result it would be in is "can't tell".
    assert report.number is None
    assert "no number" not in report.row_words
    assert report.not_counted == ""
    # Its twin with no ending: the result is missing, and said as counted.
    plain = short_report(analyse_answer(text=NO_END, question=QUESTION).as_dict())
    assert plain is not None
    assert (plain.star_words, plain.star_unsure) == ("3 of 4 STAR parts", ())


@pytest.mark.usefixtures("sentence_model")
def test_a_plans_action_it_cannot_tell_about_is_never_no_action() -> None:
    analysis = _vague()
    star = analysis["star"] | {"action": {"present": None, "evidence": [], "unsure": VAGUE_END}}
    report = short_report(analysis | {"star": star}, "plan")
    assert report is not None
    assert not [said for said in report.row_words if "no action" in said]
    assert report.star_words == (
        "prepcoach can't tell about the action (the one STAR part a plan is judged on)"
    )
    assert report.star_unsure == ("action",)


@pytest.mark.usefixtures("sentence_model")
def test_a_part_not_heard_is_said_as_not_heard_not_cant_tell() -> None:
    """`present` None without `unsure` is speech lost (the report's "not heard"): no parts are
    counted, the row says why, and it never says "can't tell"."""
    analysis = _vague()
    lost = analysis | {"star": analysis["star"] | {"result": {"present": None, "evidence": []}}}
    report = short_report(lost)
    assert report is not None
    assert "no STAR parts counted: part of the answer was not heard" in report.row_words
    assert not [said for said in report.row_words if "can't tell" in said]
    assert (report.star_parts, report.star_unsure) == (None, ())
    # An answer the reader could not read at all says so, with the reader's reason.
    unreadable = short_report(analyse_answer(text="um uh like", question=QUESTION).as_dict())
    assert unreadable is not None
    assert unreadable.not_counted == (
        "no STAR parts counted: prepcoach could not read what the answer says (3 words are too "
        "few to judge)"
    )


@pytest.mark.usefixtures("sentence_model")
def test_went_best_names_the_part_it_cannot_tell_about() -> None:
    """An answer whose measured figure is the same with the part read either way can go best:
    why it did counts the parts found and says the result is "can't tell", never leaving "3 of
    the 4 STAR parts" to read as one missing (it said "the best measured figure of this mock":
    its parts had vanished)."""
    # Delivery a third within its bands: read missing or found, the result leaves the figure 3.
    analysis = _vague() | {
        "pace": {"verdict": "too fast"}, "pauses": {"long_count": 0},
        "length": {"verdict": "too long"},
    }  # fmt: skip
    assert measured_rating(analysis) == 3  # the premise: not withheld
    summary = summarise_mock(
        [QUESTION], [MockAnswer(1, 1, QUESTION, False, "analysed", analysis, TODAY)], TODAY
    )
    assert summary.best is not None
    assert summary.best_why == "3 of the 4 STAR parts (prepcoach can't tell about the result)"
    # The next steps do not tell it to add the ending it may have given.
    assert "Finish with the result: what changed because of what you did." not in (
        summary.next_steps
    )


@pytest.mark.usefixtures("sentence_model")
def test_a_figure_withheld_for_a_part_it_cannot_tell_about_says_why() -> None:
    """A typed answer whose 1-5 figure turns on the result the reader can't tell about
    (`answer.unmeasured_for`) showed no "of 5" and no reason: the row says why."""
    analysis = _vague()
    report = short_report(analysis)
    assert report is not None
    assert (report.measured, report.unmeasured) == (None, ("result",))  # the premise
    said = "no measured figure: prepcoach can't tell whether it has its result"
    assert report.unmeasured_words == said
    assert report.row_words[0] == said
    # A figure that stands either way (delivery a third in band) is given, with no reason.
    steady = short_report(
        analysis | {"pace": {"verdict": "too fast"}, "pauses": {"long_count": 0},
                    "length": {"verdict": "too long"}}
    )  # fmt: skip
    assert steady is not None
    assert (steady.measured, steady.unmeasured_words) == (3, "")
    # A plan is measured by its action alone: only its action can be the reason.
    star = analysis["star"] | {"action": {"present": None, "evidence": [], "unsure": VAGUE_END}}
    plan = short_report(analysis | {"star": star}, "plan")
    assert plan is not None
    assert plan.unmeasured_words == (
        "no measured figure: prepcoach can't tell whether it has its action"
    )
    # A part not heard is said by `not_counted`, not as "can't tell".
    lost = short_report(
        analysis | {"star": analysis["star"] | {"result": {"present": None, "evidence": []}}}
    )
    assert lost is not None
    assert lost.unmeasured_words == ""


def test_the_mock_quotes_a_sentence_beside_cant_tell_only_when_it_comes_near() -> None:
    """As the report does (`relevance.comes_near`): a sentence far from the question ties
    nothing, so the mock's panel does not offer it to be read against it."""
    from prepcoach.coach.mock_interview import verdict_of

    between = {"probability": 0.5, "addresses": None, "evidence": "We kept every account."}
    assert verdict_of({"relevance": {**between, "score": 0.18}}) == ("can't tell", "")
    near = verdict_of({"relevance": {**between, "score": 0.45}})
    assert near == ("can't tell", "We kept every account.")


def test_the_mock_says_why_it_cant_tell_as_the_report_does() -> None:
    """A reviewer saw a follow-up's panel say "it says yes or no only when its reading is sure"
    where its report said why: a follow-up leans on the answer before it
    (`relevance.cant_tell_said`, one rule for both)."""
    from prepcoach.coach.relevance import cant_tell_said

    follow_up = {
        "reason": "prepcoach can't tell: a follow-up question leans on the answer before it"
    }
    assert cant_tell_said(follow_up) == follow_up["reason"]
    between = {"reason": "prepcoach can't tell from the words whether it addresses the question"}
    said = "prepcoach can't tell from the words (it says yes or no only when its reading is sure)"
    assert cant_tell_said(between) == said
    assert cant_tell_said(between, ["keywords"]).endswith("not heard, or may be misheard")
