"""Cutting spliced sentences (`coach.splices`), with the reader's probabilities stood in by a
fake that reads a piece's part from one word in it, so each case says exactly what the reader
would have said."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from prepcoach.coach.splices import NEVER_CUT, SPLICE_RULE, SpliceRule, uncut_splices

ACTION = "I trained the whole team on the new tool"
RESULT = "the reports went out two days earlier"
PARTS = ("situation", "task", "action", "result", "other")


def reads(
    sure: float, calls: list[Sequence[str]] | None = None
) -> Callable[[Sequence[str], np.ndarray | None], np.ndarray]:
    """Probabilities that put a piece with "trained" in action, one with "reports" in result,
    each at `sure`, and anything else in other at 0.5."""

    def part_probabilities(sentences: Sequence[str], vectors: np.ndarray | None) -> np.ndarray:
        if calls is not None:
            calls.append(list(sentences))
        rows = []
        for s in sentences:
            row = np.full(len(PARTS), (1 - sure) / (len(PARTS) - 1))
            if "trained" in s and "reports" in s:
                row = np.full(len(PARTS), 1 / len(PARTS))
            elif "trained" in s:
                row[PARTS.index("action")] = sure
            elif "reports" in s:
                row[PARTS.index("result")] = sure
            else:
                row = np.full(len(PARTS), 0.1)
                row[PARTS.index("other")] = 0.6
            rows.append(row / row.sum())
        return np.array(rows)

    return part_probabilities


def embed(texts: Sequence[str]) -> np.ndarray:
    return np.array([[float(len(t)), 1.0] for t in texts])


def test_a_comma_splice_of_an_action_and_a_result_is_cut_with_a_vector_per_piece() -> None:
    pieces, vectors = uncut_splices([f"{ACTION}, {RESULT}."], embed, reads(0.9))
    assert pieces == [ACTION, f"{RESULT}."]
    assert vectors is not None
    assert vectors.tolist() == embed(pieces).tolist()


def test_two_clauses_of_one_part_stay_one_sentence() -> None:
    sentence = f"{ACTION}, I trained the managers on it too."
    assert uncut_splices([sentence], embed, reads(0.9))[0] == [sentence]


def test_a_cut_the_reader_is_not_sure_of_is_not_made() -> None:
    sentence = f"{ACTION}, {RESULT}."
    assert uncut_splices([sentence], embed, reads(0.6))[0] == [sentence]
    assert SPLICE_RULE.comma == 0.7  # the case above sits just under the shipped rule


def test_a_joint_at_and_is_left_whole_under_the_shipped_rule_and_cut_when_allowed() -> None:
    sentence = f"{ACTION} and {RESULT}."
    assert uncut_splices([sentence], embed, reads(0.9))[0] == [sentence]
    allow = SpliceRule(comma=0.7, conjunction=0.8, beat_whole=False)
    assert uncut_splices([sentence], embed, reads(0.9), allow)[0] == [ACTION, f"and {RESULT}."]


def test_never_cut_reads_every_sentence_as_written() -> None:
    sentence = f"{ACTION}, {RESULT}."
    assert uncut_splices([sentence], embed, reads(0.99), NEVER_CUT)[0] == [sentence]


def test_without_an_embedder_the_cut_is_still_made_and_there_are_no_vectors() -> None:
    pieces, vectors = uncut_splices([f"{ACTION}, {RESULT}."], lambda _: None, reads(0.9))
    assert pieces == [ACTION, f"{RESULT}."]
    assert vectors is None


def test_each_candidate_is_read_in_its_place_in_the_answer() -> None:
    calls: list[Sequence[str]] = []
    first = "Our reports were always late"
    uncut_splices([first, f"{ACTION}, {RESULT}."], embed, reads(0.9, calls))
    assert [first, ACTION, f"{RESULT}."] in calls


@given(st.integers(min_value=1, max_value=8), st.integers(min_value=1, max_value=12))
def test_no_more_sentences_than_the_limit_come_back(spliced: int, limit: int) -> None:
    sentences = [f"{ACTION}, {RESULT}."] * spliced
    pieces, vectors = uncut_splices(sentences, embed, reads(0.9), limit=limit)
    assert len(pieces) <= max(limit, spliced)
    assert len(pieces) == spliced + min(spliced, max(0, limit - spliced))
    assert vectors is not None
    assert len(vectors) == len(pieces)
