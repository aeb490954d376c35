"""A worker's peak memory on a 10-minute answer (issue 15, item 1: aim 600 MB), beside the raw
speech engine on the same file, each measured in a child process of its own in this run (its
`VmHWM` from /proc/self/status when it ends: resident memory at its peak, the model loaded
included; not `ru_maxrss`, which a child keeps from the process that forked it, so in a whole
`make bench`, after benchmarks that grew this process to 2.4 GB, every child read 2,462 MB).

- raw engine (baseline): the file decoded, then plain faster-whisper (the same model and
  settings as the worker: int8 CPU, English, word timestamps, its voice filter, beam 5) over
  the whole 10 minutes at once, nothing else;
- the worker before windows: prepcoach's whole analysis (`analyse_recording`: decoding, voice
  activity, transcription with the completeness pass, delivery and content reading, the
  sentence model loaded) with long answers read in one piece, as it was until 2026-11-30;
- the worker: the same analysis as it runs now, a long answer read by the engine and the voice
  detector in windows of at most 2 minutes cut at pauses (`coach.speech.audio.window_cuts`);
- the worker process: a real `prepcoach worker` (Django, its lanes as the settings give them,
  the speech-engine pool) in a temporary home on SQLite, started with the environment `prepcoach
  serve` and the systemd unit give it (`ops.malloc.worker_environment`: two malloc arenas),
  beside the same worker with glibc's default arenas (as before the thirty-seventh session),
  taking the answer from its queue as an answer recorded in the browser, its peak resident
  memory (`VmHWM`) read from /proc while it runs, until the answer is analysed.

The answer is the two-minute answer of `bench_analysis.py`'s speed figure (espeak-ng, WebM/Opus)
told five times over. Slow: five analyses of 10 minutes of speech (about 6 minutes here).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
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
from prepcoach.ops.malloc import worker_environment

AIM_MB = 600
MINUTES = 10

CHILD = r"""
import json, sys
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
# VmHWM is this address space's own peak: a new one at exec. ru_maxrss is not: Linux keeps
# the forking process's resident size as the child's, so a child of a large process read that.
status = Path("/proc/self/status").read_text().splitlines()
peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
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


ROOT = Path(__file__).resolve().parent.parent
WORKER_BOUND_S = 900
SETUP = """
from django.core.management import call_command
call_command('migrate', verbosity=0)
from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt
from prepcoach.practice.tasks import queue_analysis
user = User.objects.create_user(email='memory@example.org', password='a long enough pass 42')
attempt = Attempt.objects.create(
    user=user, recording=RECORDING, media_type='audio/webm', status='saved',
    question_text='Tell me about a time you fixed a process.',
)
print('attempt', queue_analysis(attempt).pk)
"""


def _peak_mb(pid: int) -> float:
    """The process's peak resident memory so far (VmHWM, kB in /proc), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM for {pid}")


def measure_worker(path: Path, arenas: bool = True) -> tuple[float, int, float]:
    """A real `prepcoach worker` analysing the answer from its queue: (peak MB, words, seconds).
    `arenas`: started as shipped (two malloc arenas); False: glibc's default, as before."""
    with tempfile.TemporaryDirectory(prefix="bench-memory-home-") as home:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "EMAIL_"))}
        env.pop("DATABASE_URL", None)
        env.pop("MALLOC_ARENA_MAX", None)
        if arenas:
            env = worker_environment(env)  # as `prepcoach serve` and the systemd unit start it
        else:
            env["MALLOC_ARENA_MAX"] = "64"  # over glibc's own limit (8 a core): uncapped, as before
        env["PREPCOACH_HOME"] = home
        name = "recordings/ten-minutes.webm"
        (Path(home) / "media" / "recordings").mkdir(parents=True)
        shutil.copy(path, Path(home) / "media" / name)
        setup = subprocess.run(
            [sys.executable, "-m", "prepcoach", "manage", "shell", "-c",
             f"RECORDING = {name!r}\n" + SETUP],
            env=env, cwd=ROOT, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        if setup.returncode:
            raise SystemExit(f"bench_memory: setting up the home failed:\n{setup.stderr[-3000:]}")
        attempt = int(setup.stdout.split("attempt")[-1].split()[0])
        database = Path(home) / "prepcoach.sqlite3"
        started = time.perf_counter()
        with open(Path(home) / "worker.log", "w") as log:
            worker = subprocess.Popen(
                [sys.executable, "-m", "prepcoach", "worker"], env=env, cwd=ROOT,
                stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        try:
            peak, status = 0.0, ""
            while time.perf_counter() - started < WORKER_BOUND_S:
                if worker.poll() is not None:
                    raise SystemExit(
                        "bench_memory: the worker stopped:\n"
                        + (Path(home) / "worker.log").read_text()[-3000:]
                    )
                peak = max(peak, _peak_mb(worker.pid))
                with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=20) as db:
                    row = db.execute(
                        "SELECT status, analysis FROM practice_attempt WHERE id = ?", (attempt,)
                    ).fetchone()
                status = row[0]
                if status in {"analysed", "failed"}:
                    peak = max(peak, _peak_mb(worker.pid))
                    break
                time.sleep(0.5)
            seconds = time.perf_counter() - started
        finally:
            worker.terminate()
            try:
                worker.wait(timeout=60)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()
        if status != "analysed":
            raise SystemExit(f"bench_memory: the worker's answer ended {status or 'unfinished'}")
        words = len(json.loads(row[1]).get("words") or ())
        return peak, words, seconds


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
        figures["process before"] = measure_worker(path, arenas=False)
        figures["process"] = measure_worker(path)
        for which, label in (
            ("raw", "raw faster-whisper, whole file (baseline)"),
            ("one piece", "worker, the answer read in one piece (before)"),
            ("worker", "worker, read in windows of 2 minutes (now)"),
            ("process before", "a real `prepcoach worker`, glibc's default malloc arenas (before)"),
            ("process", "a real `prepcoach worker` taking it from its queue, 2 arenas (now)"),
        ):
            peak, words, seconds = figures[which]
            print(f"  {label}: {peak:.0f} MB   ({words} words, {seconds:.0f} s)")
        worker = max(figures["worker"][0], figures["process"][0])
        print(
            f"  worker / raw engine: {worker / figures['raw'][0]:.2f}x (the higher of the two "
            f"worker figures); aim <= {AIM_MB} MB: {'met' if worker <= AIM_MB else 'missed'}"
        )
