"""The models use the cores the process may run on, not every core of the machine."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from prepcoach.coach import cores
from prepcoach.coach.cores import usable_cores, whisper_threads

# Pinning is done in a child process: a thread pool first started while this process was
# pinned (the tokenizer's, say) would keep one core for the rest of the suite.
PINNED = """
import json, os, sys
os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
from prepcoach.coach.cores import usable_cores, whisper_threads
from prepcoach.coach.embeddings import MiniLMEmbedder, model_files
files = model_files()
embedder = MiniLMEmbedder(*files)
vector = embedder.embed(["one core is enough"])[0]
print(json.dumps({
    "cores": usable_cores(),
    "whisper": whisper_threads(),
    "minilm": embedder.session.get_session_options().intra_op_num_threads,
    "size": len(vector),
}))
"""


def test_pinned_to_one_core_every_model_asks_for_one_thread(sentence_model: None) -> None:
    env = {k: v for k, v in os.environ.items() if k != "OMP_NUM_THREADS"}
    done = subprocess.run(
        [sys.executable, "-c", PINNED], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    # ONNX Runtime asked for 0 threads would start one per core of the machine (and pin them
    # there, past the process's affinity).
    assert json.loads(done.stdout.splitlines()[-1]) == {
        "cores": 1, "whisper": 1, "minilm": 1, "size": 384,
    }  # fmt: skip


def test_unpinned_the_sentence_model_asks_for_every_usable_core(sentence_model: None) -> None:
    from prepcoach.coach.embeddings import MiniLMEmbedder, model_files

    files = model_files()
    assert files is not None
    embedder = MiniLMEmbedder(*files)
    assert embedder.session.get_session_options().intra_op_num_threads == usable_cores()


@pytest.mark.parametrize(
    ("requested", "omp", "cores_", "expected"),
    [
        (3, "8", 2, 3),  # asked for: as asked
        (0, "2", 64, 2),  # OMP_NUM_THREADS, as CTranslate2 reads it
        (0, "", 64, 4),  # CTranslate2's default on a large machine
        (0, "", 2, 2),  # but never more than the cores
        (0, "lots", 1, 1),  # not a number: the default
    ],
)
def test_whisper_gets_its_default_within_the_cores(
    monkeypatch: pytest.MonkeyPatch, requested: int, omp: str, cores_: int, expected: int
) -> None:
    monkeypatch.setenv("OMP_NUM_THREADS", omp)
    monkeypatch.setattr(cores, "usable_cores", lambda: cores_)
    assert whisper_threads(requested) == expected


def test_the_whisper_engine_hands_its_threads_to_ctranslate2(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import faster_whisper

    from prepcoach.coach.speech.engine import WhisperEngine

    seen: dict[str, Any] = {}

    class Spy:
        def __init__(self, *args: object, **kwargs: Any) -> None:
            seen.update(kwargs)

    monkeypatch.setattr(faster_whisper, "WhisperModel", Spy)
    monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    WhisperEngine(tmp_path)
    assert seen["cpu_threads"] == min(4, usable_cores())
    WhisperEngine(tmp_path, threads=1)
    assert seen["cpu_threads"] == 1
