"""Grouping entries by meaning keeps running sums instead of averaging every pair of groups
again at each join (issue 15, item 5); it must join the same groups as the plain average
linkage it replaced (`plain` below), on every set of vectors Hypothesis finds."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from prepcoach.coach.patterns import SIMILARITY_THRESHOLD, _cosine_groups


def plain(vectors: Sequence[Sequence[float]], threshold: float) -> list[list[int]]:
    """Average linkage as it was: every pair of groups averaged again at each join."""
    matrix = np.asarray(vectors, dtype=np.float64)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    unit = np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)
    sims = unit @ unit.T
    groups = [[i] for i in range(len(vectors))]
    while len(groups) > 1:
        best, pair = threshold, None
        for a, b in itertools.combinations(range(len(groups)), 2):
            mean = float(sims[np.ix_(groups[a], groups[b])].mean())
            if mean >= best:
                best, pair = mean, (a, b)
        if pair is None:
            break
        a, b = pair
        groups[a] = sorted(groups[a] + groups[b])
        del groups[b]
    return groups


# Few distinct values and repeated vectors, so ties between pairs of groups are common.
component = st.sampled_from((0.0, 1.0, -1.0, 0.5, 2.0)) | st.floats(-1, 1, width=32)
vector_sets = st.integers(2, 5).flatmap(
    lambda dim: st.lists(st.lists(component, min_size=dim, max_size=dim), min_size=1, max_size=14)
)


@settings(max_examples=300, deadline=None)
@given(vector_sets, st.sampled_from((SIMILARITY_THRESHOLD, 0.0, 0.9, -0.5)))
def test_running_sums_join_what_plain_average_linkage_joined(
    vectors: list[list[float]], threshold: float
) -> None:
    groups, similarity = _cosine_groups(vectors, threshold)
    assert groups == plain(vectors, threshold)
    assert len(similarity) == len(vectors)


def test_sixty_entries_about_three_things_make_three_groups() -> None:
    rng = np.random.default_rng(15)
    centres = np.eye(3, 16)
    vectors = [(centres[i % 3] + rng.normal(0, 0.15, 16)).tolist() for i in range(60)]
    groups, _ = _cosine_groups(vectors, SIMILARITY_THRESHOLD)
    assert sorted(sorted({i % 3 for i in g}) for g in groups) == [[0], [1], [2]]
    assert groups == plain(vectors, SIMILARITY_THRESHOLD)
