"""Retraining the reader from dev.json with the shipped configuration reproduces the shipped
weights (to float rounding) and exactly the same readings of every dev sentence."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

from prepcoach.coach import reader, reader_training

pytestmark = pytest.mark.usefixtures("sentence_model")  # a dependency: missing fails


def test_retraining_reproduces_the_shipped_weights() -> None:
    shipped = reader.weights()
    chosen = json.loads(str(shipped["chosen"]))
    corpus = reader_training.load()
    assert len(corpus.answers) == 561  # the count docs/architecture.md and the data README give
    vectors = reader_training.embed_corpus(corpus)
    weights, _ = reader_training.train(chosen=chosen, vectors=vectors)
    assert set(weights) == set(shipped)
    for key, value in weights.items():
        if key == "chosen":
            assert json.loads(str(value)) == chosen
        else:
            # The embeddings are float32 from int8 ONNX: another onnxruntime or numpy build,
            # or another CPU, moves their last bits, and the weights trained on them by up to
            # 1.8e-7 (onnxruntime 1.32.0, numpy 2.5.5, 2026-12-01), which is far more than
            # rtol allows a coefficient near zero. The readings below must still be identical.
            np.testing.assert_allclose(value, shipped[key], rtol=1e-6, atol=1e-6, err_msg=key)
    for sentences, answer_vectors in zip(corpus.sentences, vectors, strict=True):
        assert reader.label_sentences(sentences, answer_vectors, weights) == reader.label_sentences(
            sentences, answer_vectors, shipped
        )


def test_training_reads_no_held_out_answer_set() -> None:
    # The sets `bench/bench_reader.py` reports as held-out are in no training set.
    root = Path(__file__).resolve().parents[2]
    spec = importlib.util.spec_from_file_location("bench_reader", root / "bench/bench_reader.py")
    assert spec is not None
    assert spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    held_out = {name for name, _ in bench.HELD_OUT}
    assert {"heldout7.json", "heldout8.json", "heldout9.json"} <= held_out
    names = {path.name for path in reader_training.DEVELOPMENT}
    assert "dev.json" in names
    assert not names & held_out
