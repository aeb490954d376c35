"""Whether retrained weights reproduce the shipped ones (the training scripts' `--check`).

The models read float32 sentence embeddings from an int8 ONNX model. Another onnxruntime or
numpy build, or another CPU, moves an embedding's last bits, and a fit on them moves the weights
by up to a few 1e-7, and a model with few, large weights by a few parts in a million (seen
2026-12-01: onnxruntime 1.32.0 and numpy 2.5.5 against the builds the weights were trained
with moved the retrospective splitter's coefficient 1.59124 by 3.6e-6). A byte-for-byte check
then fails on a model that reads every answer the same. So numbers are compared to `ATOL` +
`RTOL` × |shipped|, and everything else (names, chosen settings as text, integers, shapes)
exactly: a changed choice, feature or label still fails, and so does any weight that moved
more than rounding can move it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

ATOL = 1e-6
RTOL = 1e-5


def differences(shipped: Any, retrained: Any, where: str = "", *, atol: float = ATOL) -> list[str]:
    """Where `retrained` differs from `shipped` beyond float rounding, as readable lines
    (empty: reproduced). Values are nested mappings, lists, numpy arrays and scalars. `atol`:
    for weights stored rounded, one unit of the last stored place (a weight on the boundary
    flips by that much)."""
    here = where or "."
    if isinstance(shipped, Mapping) or isinstance(retrained, Mapping):
        if not (isinstance(shipped, Mapping) and isinstance(retrained, Mapping)):
            return [f"{here}: {_kind(shipped)} against {_kind(retrained)}"]
        if set(shipped) != set(retrained):
            return [f"{here}: keys {sorted(map(str, set(shipped) ^ set(retrained)))} differ"]
        return [
            line
            for key in shipped
            for line in differences(shipped[key], retrained[key], f"{where}/{key}", atol=atol)
        ]
    if isinstance(shipped, list | tuple) or isinstance(retrained, list | tuple):
        if not (isinstance(shipped, list | tuple) and isinstance(retrained, list | tuple)):
            return [f"{here}: {_kind(shipped)} against {_kind(retrained)}"]
        if len(shipped) != len(retrained):
            return [f"{here}: {len(shipped)} items against {len(retrained)}"]
        return [
            line
            for i, (x, y) in enumerate(zip(shipped, retrained, strict=True))
            for line in differences(x, y, f"{where}[{i}]", atol=atol)
        ]
    a, b = np.asarray(shipped), np.asarray(retrained)
    numbers = a.dtype.kind in "iuf" and b.dtype.kind in "iuf"
    if a.shape != b.shape or (numbers and "f" not in a.dtype.kind + b.dtype.kind):
        return [] if a.shape == b.shape and np.array_equal(a, b) else [f"{here}: {_show(a, b)}"]
    if numbers:
        far = ~np.isclose(b, a, rtol=RTOL, atol=atol, equal_nan=True)  # rtol × |shipped|
        if far.any():
            worst = float(np.max(np.abs(a.astype(float) - b.astype(float))))
            return [f"{here}: {int(far.sum())} of {a.size} numbers moved, at most {worst:.3g}"]
        return []
    # Text, booleans, None: exactly. A float is never read as a choice's name or flag.
    same = a.dtype.kind == b.dtype.kind and np.array_equal(a, b)
    return [] if same else [f"{here}: {_show(a, b)}"]


def check_or_write(
    train: Callable[[bool], dict[str, Any]], weights: Path, argv: Sequence[str]
) -> int:
    """A JSON-weights training script's main: with "--check" in `argv`, retrain quietly and
    compare with the shipped `weights` (exit 1 and the differences when they moved); else
    train, reporting, and write them. `train(report)` returns the weights file's content."""
    check = "--check" in argv
    trained = train(not check)
    if check:
        moved = differences(json.loads(weights.read_text(encoding="utf-8")), trained)
        print("shipped weights reproduced" if not moved else "shipped weights differ")
        print("\n".join(moved))
        return 0 if not moved else 1
    weights.write_text(json.dumps(trained, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {weights.name}")
    return 0


def _kind(value: Any) -> str:
    return type(value).__name__


def _show(a: Any, b: Any) -> str:
    return f"{str(a.tolist())[:60]} against {str(b.tolist())[:60]}"
