"""A worker's peak memory on a 10-minute answer (issue 15, item 1: aim 600 MB), beside the raw
speech engine on the same file, each measured in a child process of its own in this run (its
`ru_maxrss`: resident memory at its peak, the model loaded included).

- raw engine (baseline): the file decoded, then plain faster-whisper (the same model and
  settings as the worker: int8 CPU, English, word timestamps, its voice filter, beam 5) over
  the whole 10 minutes at once, nothing else;
- the worker before windows: prepcoach's whole analysis (`analyse_recording`: decoding, voice
  activity, transcription with the completeness pass, delivery and content reading, the
  sentence model loaded) with long answers read in one piece, as it was until 2026-11-30;
- the worker: the same analysis as it runs now, a long answer read by the engine and the voice
  detector in windows of at most 2 minutes cut at pauses (`coach.speech.audio.window_cuts`).

The answer is the two-minute answer of `bench_analysis.py`'s speed figure (espeak-ng, WebM/Opus)
told five times over. Slow: three analyses of 10 minutes of speech (about 10 minutes here).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import av
import numpy as np
import speech_set as ss  # type: ignore[import-not-found]

from prepcoach.coach.speech.audio import decode
from prepcoach.coach.speech.model import packaged_model

AIM_MB = 600
MINUTES = 10

CHILD = r"""
import json, resource, sys
from pathlib import Path

which, path, model = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
from prepcoach.coach.speech import audio
from prepcoach.coach.speech.engine import WhisperEngine

engine = WhisperEngine(model)
if which == "raw":
    samples = audio.decode(path).samples
    segments, _ = engine.model.transcribe(
        samples, language="en", word_timestamps=True, condition_on_previous_text=False,
        vad_filter=True, vad_parameters={"min_silence_duration_ms": 500, "speech_pad_ms": 200},
        beam_size=engine.beam_size,
    )
    words = sum(len(segment.words or []) for segment in segments)
else:
    if which == "one piece":
        audio.WINDOW_S = 10**6  # every answer one window, as before
    from prepcoach.coach.speech.pipeline import analyse_recording

    words = len(analyse_recording(path, engine).words or ())
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"peak_mb": peak, "words": words}))
"""


def ten_minutes(folder: Path) -> Path:
    """The two-minute answer told five times, written as a browser would send it."""
    import bench_analysis as ba  # type: ignore[import-not-found]

    story = tuple(s for sentences, _, _ in ba.CLIPS for s in sentences)
    voice = ss.Voice("espeak 150", "espeak", "en-us", 150)
    two = ss.build("two minutes", story + story, voice, folder).samples
    rate = ss.RATE  # the clips are made at 48 kHz, as a browser records
    samples = np.tile(two, int(np.ceil(MINUTES * 60 * rate / two.size)))[: MINUTES * 60 * rate]
    pcm = (np.clip(samples, -1, 1) * 32767).astype(np.int16)
    path = folder / "ten-minutes.webm"
    with av.open(str(path), "w", format="webm") as container:
        stream = container.add_stream("libopus", rate=48_000, layout="mono")
        stream.bit_rate = 48_000
        resampler = av.AudioResampler(format="s16", layout="mono", rate=48_000)

        def write(frames: list[av.AudioFrame]) -> None:
            for frame in frames:
                frame.pts = None
                for packet in stream.encode(frame):
                    container.mux(packet)

        for offset in range(0, pcm.size, rate):
            second = av.AudioFrame.from_ndarray(
                pcm[offset : offset + rate].reshape(1, -1), format="s16", layout="mono"
            )
            second.sample_rate = rate
            write(resampler.resample(second))
        write(resampler.resample(None))
        for packet in stream.encode(None):
            container.mux(packet)
    return path


def measure(which: str, path: Path, model: Path) -> tuple[float, int, float]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, which, str(path), str(model)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode:
        raise SystemExit(f"bench_memory: the {which} child failed:\n{done.stderr[-3000:]}")
    found = json.loads(done.stdout.strip().splitlines()[-1])
    return float(found["peak_mb"]), int(found["words"]), time.perf_counter() - started


def run() -> None:
    if shutil.which("espeak-ng") is None:
        raise SystemExit("bench_memory needs espeak-ng (apt-get install espeak-ng)")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        model = packaged_model(folder / "model")
        path = ten_minutes(folder)
        length = decode(path).duration_s
        print(f"peak memory on a {length / 60:.0f}-minute answer (WebM/Opus, child processes)")
        figures = {which: measure(which, path, model) for which in ("raw", "one piece", "worker")}
        for which, label in (
            ("raw", "raw faster-whisper, whole file (baseline)"),
            ("one piece", "worker, the answer read in one piece (before)"),
            ("worker", "worker, read in windows of 2 minutes (now)"),
        ):
            peak, words, seconds = figures[which]
            print(f"  {label}: {peak:.0f} MB   ({words} words, {seconds:.0f} s)")
        worker = figures["worker"][0]
        print(
            f"  worker / raw engine: {worker / figures['raw'][0]:.2f}x; "
            f"aim <= {AIM_MB} MB: {'met' if worker <= AIM_MB else 'missed'}"
        )
