"""The reader's "can't tell" band (`reader.UNSURE_FROM`): a STAR part whose strongest sentence
scores below its cut but not low enough for "missing" to be said is neither found nor missing,
and every face says so, quoting the sentence nearest to it."""

from __future__ import annotations

import datetime as dt
import hashlib

import numpy as np
import pytest

from prepcoach.coach import reader
from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.content import analyse_content
from prepcoach.coach.followups import follow_up
from prepcoach.coach.improvement import AnswerFacts, improvement_areas
from prepcoach.coach.reader import CRITERIA, UNSURE_FROM, presence, read_text
from prepcoach.coach.rubric import compare, read_answer

# A result said as a judgement ("the right call"), not an outcome: the shipped reader scores
# it 0.59, above the result's band (0.559) and below its cut (0.83).
VAGUE_END = "Looking back it was the right call, and I would do it again."
VAGUE = (
    "Last spring our support queue doubled after a product launch. I was asked to get "
    "response times back under a day. I sorted the tickets by type, wrote replies for the ten "
    "commonest questions, and trained two colleagues to use them. " + VAGUE_END
)
# Its twin with no ending at all: the strongest result sentence scores far below the band.
NO_END = (
    "In my second year the society had no treasurer. I volunteered to take it on. I set up a "
    "spreadsheet, chased the missing receipts and presented the accounts at the meeting. It "
    "was a good experience overall."
)
QUESTION = "Tell me about a time you fixed a backlog."


def test_the_band_belongs_to_the_weights_it_was_chosen_for() -> None:
    """Retrained weights score differently: the band must be chosen again by its rule
    (tests/data/README.md, "Can't tell"), not carried over."""
    assert hashlib.sha256(reader.WEIGHTS.read_bytes()).hexdigest() == reader.UNSURE_WEIGHTS


def test_presence_between_the_band_and_the_cut_is_unsure_and_quotes_the_strongest() -> None:
    sentences = ["first", "second", "third"]
    scores = np.zeros((3, len(CRITERIA)))
    result = CRITERIA.index("result")
    scores[:, result] = [0.2, 0.6, 0.3]
    cuts = [0.8] * len(CRITERIA)
    found = presence(sentences, scores, cuts, {"result": 0.5})
    assert found["result"].unsure
    assert not found["result"].present
    assert (found["result"].nearest, found["result"].evidence) == ("second", ())
    # Below the band: missing; at or over the cut: found, whatever the band.
    assert not presence(sentences, scores, cuts, {"result": 0.61})["result"].unsure
    scores[1, result] = 0.8
    found = presence(sentences, scores, cuts, {"result": 0.5})["result"]
    assert (found.present, found.unsure, found.evidence) == (True, False, ("second",))
    # Without a band (other weights, the structure-only reading) nothing is unsure.
    scores[1, result] = 0.6
    assert not any(p.unsure for p in presence(sentences, scores, cuts).values())
    # A criterion with no band is never unsure.
    assert not presence(sentences, scores, cuts, {})["result"].unsure


@pytest.mark.usefixtures("sentence_model")
def test_a_vague_ending_is_cant_tell_and_no_ending_is_missing() -> None:
    vague = read_text(VAGUE).presence["result"]
    assert (vague.present, vague.unsure, vague.nearest) == (False, True, VAGUE_END)
    assert UNSURE_FROM["result"] <= vague.probability < vague.cut
    missing = read_text(NO_END).presence["result"]
    assert (missing.present, missing.unsure) == (False, False)
    assert missing.probability < UNSURE_FROM["result"]


@pytest.mark.usefixtures("sentence_model")
def test_the_report_says_it_cannot_tell_and_quotes_the_nearest_sentence() -> None:
    report = analyse_answer(text=VAGUE, question=QUESTION).as_dict()
    star = report["star"]
    assert star["result"] == {"present": None, "evidence": [], "unsure": VAGUE_END}  # type: ignore[index]
    # No number where it can't tell there is a result: can't tell either, not "missing".
    assert star["quantified_result"] == {"present": None, "evidence": [], "unsure": VAGUE_END}  # type: ignore[index]
    rules = [str(t["rule"]) for t in report["tips"]]  # type: ignore[attr-defined]
    assert "STAR: the answer never says how it ended" not in rules
    (tip,) = [t for t in report["tips"] if "can't tell" in str(t["rule"])]  # type: ignore[attr-defined]
    assert tip["rule"] == "STAR: prepcoach can't tell whether the answer says how it ended"
    assert [e["text"] for e in tip["evidence"]] == [VAGUE_END]
    # Its twin with no ending is told it plainly.
    plain = analyse_answer(text=NO_END, question=QUESTION).as_dict()
    assert plain["star"]["result"]["present"] is False  # type: ignore[index]
    assert "STAR: the answer never says how it ended" in [
        str(t["rule"])
        for t in plain["tips"]  # type: ignore[attr-defined]
    ]


@pytest.mark.usefixtures("sentence_model")
def test_the_rubric_and_the_follow_up_do_not_count_it_missing() -> None:
    judged = {j.criterion: j for j in read_answer(analyse_content(VAGUE))}
    assert (judged["result"].score, judged["evidence"].score) == (None, None)
    assert judged["result"].why == "can't tell whether it says how things ended"
    assert judged["result"].evidence == (VAGUE_END,)
    # An interviewer who scored the result "no" or "yes" is not told prepcoach differs.
    assert compare({"result": 0, "evidence": 2}, list(judged.values())) == []
    # It asks how the user knew it worked, not as if no ending had been given.
    assert follow_up(analyse_content(VAGUE)).rule == "result without a number"
    assert follow_up(analyse_content(NO_END)).rule == "no result"


@pytest.mark.usefixtures("sentence_model")
def test_an_area_leaves_it_out_and_says_why() -> None:
    today = dt.date(2026, 11, 30)

    def facts(ref: int, text: str) -> AnswerFacts:
        analysis = analyse_answer(text=text, question=QUESTION).as_dict()
        return AnswerFacts(ref, today - dt.timedelta(days=ref), QUESTION, analysis)

    answers = [facts(1, NO_END), facts(2, NO_END), facts(3, VAGUE)]
    (area,) = [a for a in improvement_areas(answers, [], today) if a.key == "star_result"]
    assert (area.affected, area.considered) == (2, 2)
    assert {e.ref for e in area.evidence} == {1, 2}
    assert any("couldn't tell whether it gave the result" in why for why in area.not_judged)


@pytest.mark.usefixtures("sentence_model")
def test_the_kept_evidence_measures_and_judges_it_as_the_analysis_does() -> None:
    """A review: the evidence kept for the areas dropped `unsure`, so a part the reader can't
    tell about read as not heard there, and its answer lost its measured figure."""
    from prepcoach.coach.answer import measured_rating
    from prepcoach.coach.answer_evidence import answer_evidence

    analysis = analyse_answer(text=VAGUE, question=QUESTION).as_dict()
    evidence = answer_evidence(analysis)
    assert evidence["star"]["result"]["unsure"] == VAGUE_END
    for asks in (None, "plan", "story"):
        assert measured_rating(evidence, asks) == measured_rating(analysis, asks)  # type: ignore[arg-type]
    assert measured_rating(evidence, "plan") is not None
