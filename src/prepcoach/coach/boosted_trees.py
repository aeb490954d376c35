"""A trained ensemble of decision trees (gradient boosting), evaluated with numpy alone.

The trees are fitted offline with scikit-learn's `HistGradientBoostingClassifier` (a development
dependency: `scripts/train_key_terms.py`) and shipped as plain arrays in an `.npz` file
(`to_bytes`), so prepcoach needs no scikit-learn and no pickle at run time.
`tests/coach/test_boosted_trees.py` checks the result against scikit-learn's on the same trees.

Shapes: `decision(x)` takes `x` of shape (n, features) and returns the raw score, shape (n,);
`probability(x)` its logistic; `x` with too few columns for the trees' splits is a ValueError.
A node sends a row left when its feature is at most the node's threshold, or when the feature
is missing (NaN) and the node says missing values go left."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

ARRAYS = ("feature", "threshold", "missing_left", "left", "right", "leaf", "value", "roots")


@dataclass(frozen=True, slots=True, eq=False)
class Forest:
    """All trees' nodes in one set of arrays; `roots[t]` is tree t's first node, and each
    node's `left`/`right` are indices into the same arrays."""

    baseline: float
    feature: NDArray[np.int64]
    threshold: NDArray[np.float64]
    missing_left: NDArray[np.bool_]
    left: NDArray[np.int64]
    right: NDArray[np.int64]
    leaf: NDArray[np.bool_]
    value: NDArray[np.float64]
    roots: NDArray[np.int64]
    depth: int

    def decision(self, x: NDArray[np.float64]) -> NDArray[np.float64]:
        # Each row's path down each tree, path `row * trees + tree`, a level at a time. Only
        # the paths not yet at a leaf take the next step (most leaves are well above `depth`),
        # and x is read by flat index: a quarter of the time of stepping every path.
        rows, width = x.shape
        if width <= self.widest:
            # Read by flat index, a missing column would silently be the next row's first.
            raise ValueError(f"the trees split on column {self.widest}; x has {width} columns")
        node = np.tile(self.roots, rows)
        start = np.repeat(np.arange(rows) * width, len(self.roots))
        flat = x.ravel()
        missing = bool(np.isnan(flat).any())
        walking = np.flatnonzero(~self.leaf[node])
        for _ in range(self.depth):
            here = node[walking]
            seen = flat[start[walking] + self.feature[here]]
            go_left = seen <= self.threshold[here]
            if missing:
                go_left = np.where(np.isnan(seen), self.missing_left[here], go_left)
            here = np.where(go_left, self.left[here], self.right[here])
            node[walking] = here
            walking = walking[~self.leaf[here]]
        leaves = node.reshape(rows, len(self.roots))
        out: NDArray[np.float64] = self.baseline + self.value[leaves].sum(axis=1)
        return out

    @property
    def widest(self) -> int:
        """The highest column index any split reads (-1 for trees that are all leaves)."""
        splits = self.feature[~self.leaf]
        return int(splits.max()) if splits.size else -1

    def probability(self, x: NDArray[np.float64]) -> NDArray[np.float64]:
        out: NDArray[np.float64] = 1 / (1 + np.exp(-np.clip(self.decision(x), -40, 40)))
        return out

    def to_bytes(self, extra: dict[str, NDArray[Any]] | None = None) -> bytes:
        """The forest (and any `extra` arrays stored beside it) as a compressed `.npz`."""
        buffer = io.BytesIO()
        arrays: dict[str, NDArray[Any]] = {name: getattr(self, name) for name in ARRAYS}
        arrays["baseline"] = np.array([self.baseline])
        arrays["depth"] = np.array([self.depth])
        np.savez_compressed(buffer, allow_pickle=False, **arrays, **(extra or {}))
        return buffer.getvalue()


def from_bytes(content: bytes) -> tuple[Forest, dict[str, NDArray[Any]]]:
    """The forest `Forest.to_bytes` wrote, and the extra arrays stored beside it."""
    with np.load(io.BytesIO(content), allow_pickle=False) as data:
        stored = {name: data[name] for name in data.files}
    forest = Forest(
        baseline=float(stored.pop("baseline")[0]),
        depth=int(stored.pop("depth")[0]),
        **{name: stored.pop(name) for name in ARRAYS},
    )
    return forest, stored


def from_sklearn(model: Any) -> Forest:
    """The trees of a fitted binary `HistGradientBoostingClassifier` (numeric features only)."""
    features, thresholds, missing, lefts, rights, leaves, values, roots = ([] for _ in range(8))
    offset, depth = 0, 0
    for (tree,) in model._predictors:
        nodes = tree.nodes
        if nodes["is_categorical"].any():
            raise ValueError("categorical splits are not supported")
        roots.append(offset)
        features.append(nodes["feature_idx"].astype(np.int64))
        thresholds.append(nodes["num_threshold"].astype(np.float64))
        missing.append(nodes["missing_go_to_left"].astype(bool))
        lefts.append(nodes["left"].astype(np.int64) + offset)
        rights.append(nodes["right"].astype(np.int64) + offset)
        leaves.append(nodes["is_leaf"].astype(bool))
        values.append(nodes["value"].astype(np.float64))
        depth = max(depth, int(nodes["depth"].max()))
        offset += len(nodes)
    return Forest(
        baseline=float(np.ravel(model._baseline_prediction)[0]),
        feature=np.concatenate(features),
        threshold=np.concatenate(thresholds),
        missing_left=np.concatenate(missing),
        left=np.concatenate(lefts),
        right=np.concatenate(rights),
        leaf=np.concatenate(leaves),
        value=np.concatenate(values),
        roots=np.array(roots, dtype=np.int64),
        depth=depth,
    )
