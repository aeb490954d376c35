"""The models use the cores the process may run on, not every core of the machine."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from prepcoach.coach.cores import usable_cores


@pytest.fixture
def one_core() -> Iterator[int]:
    """This process pinned to one of its cores for the test (as `taskset -c N` would)."""
    before = os.sched_getaffinity(0)
    core = min(before)
    os.sched_setaffinity(0, {core})
    try:
        yield core
    finally:
        os.sched_setaffinity(0, before)


def test_the_count_follows_the_affinity(one_core: int) -> None:
    assert usable_cores() == 1


def test_the_sentence_model_pinned_to_one_core_asks_for_one_thread(
    sentence_model: None, one_core: int
) -> None:
    from prepcoach.coach.embeddings import MiniLMEmbedder, model_files

    files = model_files()
    assert files is not None
    embedder = MiniLMEmbedder(*files)
    # ONNX Runtime asked for 0 threads would start one per core of the machine (and pin them
    # there, past the process's affinity).
    assert embedder.session.get_session_options().intra_op_num_threads == 1
    assert len(embedder.embed(["one core is enough"])[0]) == 384


def test_unpinned_the_sentence_model_asks_for_every_usable_core(sentence_model: None) -> None:
    from prepcoach.coach.embeddings import MiniLMEmbedder, model_files

    files = model_files()
    assert files is not None
    embedder = MiniLMEmbedder(*files)
    assert embedder.session.get_session_options().intra_op_num_threads == usable_cores()
