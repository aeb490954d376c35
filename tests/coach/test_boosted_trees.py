"""Gradient-boosted trees evaluated with numpy give scikit-learn's own scores."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn.ensemble import HistGradientBoostingClassifier

from prepcoach.coach.boosted_trees import Forest, from_bytes, from_sklearn

FEATURES = 6


@pytest.fixture(scope="module")
def fitted() -> HistGradientBoostingClassifier:
    rng = np.random.default_rng(7)
    x = rng.normal(size=(1500, FEATURES))
    x[rng.random(x.shape) < 0.05] = np.nan  # trees learn where missing values go
    signal = np.nan_to_num(x[:, 0]) + 0.5 * np.nan_to_num(x[:, 1]) ** 2 - np.isnan(x[:, 2])
    y = (signal + rng.normal(scale=0.5, size=len(x)) > 0.3).astype(int)
    model = HistGradientBoostingClassifier(
        max_iter=40, max_leaf_nodes=15, early_stopping=False, random_state=0
    )
    return model.fit(x, y)


@settings(max_examples=40, deadline=None)
@given(
    rows=arrays(
        np.float64,
        st.tuples(st.integers(1, 30), st.just(FEATURES)),
        elements=st.one_of(st.floats(-1e6, 1e6), st.just(np.nan)),
    )
)
def test_the_numpy_forest_scores_as_scikit_learn_does(
    fitted: HistGradientBoostingClassifier, rows: np.ndarray
) -> None:
    forest = from_sklearn(fitted)
    assert forest.decision(rows) == pytest.approx(fitted.decision_function(rows), abs=1e-9)
    assert forest.probability(rows) == pytest.approx(fitted.predict_proba(rows)[:, 1], abs=1e-9)


def test_the_npz_form_keeps_the_trees_and_the_arrays_beside_them(
    fitted: HistGradientBoostingClassifier,
) -> None:
    forest = from_sklearn(fitted)
    axes = np.arange(12, dtype=np.float64).reshape(3, 4)
    again, extra = from_bytes(forest.to_bytes({"axes": axes}))
    rows = np.random.default_rng(1).normal(size=(50, FEATURES))
    assert isinstance(again, Forest)
    assert np.array_equal(again.decision(rows), forest.decision(rows))
    assert np.array_equal(extra["axes"], axes)
    assert again.depth == forest.depth >= 1


def test_a_forest_with_a_categorical_split_is_refused() -> None:
    x = np.array([[0.0], [1.0], [2.0], [0.0], [1.0], [2.0]] * 20)
    y = np.array([0, 1, 0, 0, 1, 0] * 20)
    model = HistGradientBoostingClassifier(
        max_iter=2, categorical_features=[0], early_stopping=False, min_samples_leaf=5
    ).fit(x, y)
    with pytest.raises(ValueError, match="categorical"):
        from_sklearn(model)


def test_rows_with_too_few_columns_are_refused_not_read_across(
    fitted: HistGradientBoostingClassifier,
) -> None:
    forest = from_sklearn(fitted)
    assert forest.widest == FEATURES - 1  # the fixture's signal uses columns 0-2, noise the rest
    narrow = np.random.default_rng(2).normal(size=(5, forest.widest))
    with pytest.raises(ValueError, match=f"column {forest.widest}; x has {forest.widest}"):
        forest.decision(narrow)
