"""What is left to read when Stop comes as the last word ends (issue 15, item 1): the shipped
read-ahead (`streaming.STOP_TAIL_S`, `AHEAD_AFTER_S`) and hand-over (only a quiet piece's step
in its pass at Stop is waited for) beside other settings, on the same answers in the same run.

With Stop pressed as the last word ends there is no quiet piece, so the analysis at Stop reads
all the speech after the settled time, or after the part read ahead when more than STOP_TAIL_S
would be left. A tail of 13 s took 1.4 s to read (thirty-eighth session, `bench_stop.py
heldout2`), most of the 1.8-1.9 s from Stop to report. Tried in the thirty-ninth session, each
by a rule written before its run (docs/architecture.md), neither shipped:
- a shorter STOP_TAIL_S and AHEAD_AFTER_S (14 and 8 s, 10 and 6 s), so the part read ahead is
  read and kept more often: median Stop -> report 1.64 and 1.62 s against 1.66 s, worst 2.55
  and 2.41 against 2.50 s, steps' CPU while recording +14 %, WER +0.002 (the rule asked for the
  median 0.3 s lower). What is left is bounded mostly by where the talk pauses (a whole
  sentence of espeak's holds none), little by these settings;
- any step in its pass at Stop handed over (as a quiet piece's is), `SETTINGS` now: where a
  step settling a stretch was in its pass at Stop it left 7.5 s to read instead of 23-24 s
  (2.39 -> 1.95 s, 2.43 -> 1.16 s), but a long wait cost another (1.52 -> 1.97 s) and the worst
  answer had no step in its pass: worst 2.43 against 2.56 s, median 1.57 against 1.61 s (the
  rule asked for the worst 0.3 s lower).

Each answer is replayed as `bench_stop` replays it (2 s pieces, a step every 3 pieces on one
lane's timeline, an engine of one thread, a step in its pass at Stop waited for only when the
setting hands it over, as `bench_stop` waits for a quiet piece's), Stop
`GAP_S` after the last word, once per setting, the settings in turns (the order rotating per
answer). Printed per answer and setting: seconds left to read at Stop, Stop -> report (wall),
the steps' CPU seconds while recording, and the transcript's WER; then per setting the median
and worst Stop -> report, the mean WER and the mean of the per-answer WER differences from the
shipped setting with a 95 % bootstrap interval, and how many answers read worse or better.

`python bench/bench_tail.py [development|heldout4]`: "development" is bench_stop's quick set
(4 development voices) with stop_heldout2.py and stop_heldout3.py (development since the
thirty-eighth session); another is a name of `bench_stop.HELD_OUT` (its speech set's module).
"""

from __future__ import annotations

import importlib
import shutil
import sys
import tempfile
from pathlib import Path

import bench_stop as bs  # type: ignore[import-not-found]
import bench_streaming as bsm  # type: ignore[import-not-found]
import numpy as np
import speech_set as ss  # type: ignore[import-not-found]

from prepcoach.coach.media import remux_with_duration
from prepcoach.coach.speech import streaming
from prepcoach.coach.speech.audio import RATE, decode
from prepcoach.coach.speech.engine import WhisperEngine
from prepcoach.coach.speech.model import packaged_model
from prepcoach.coach.speech.pipeline import analyse_recording

GAP_S = 0.3  # Stop this long after the last word: before any quiet piece could be sent
# (name, STOP_TAIL_S, AHEAD_AFTER_S, whether any step in its pass at Stop is handed over or only
# a quiet piece's); the first is the baseline the others are compared with.
SETTINGS: tuple[tuple[str, float, float, bool], ...] = (
    ("shipped", streaming.STOP_TAIL_S, streaming.AHEAD_AFTER_S, False),
    ("any step handed over", streaming.STOP_TAIL_S, streaming.AHEAD_AFTER_S, True),
)


def _clips(folder: Path, which: str) -> list[ss.Clip]:
    if which == "development":
        clips = [bsm.two_minutes(folder, voice) for voice in bsm.VOICES]
        modules = ("stop_heldout2", "stop_heldout3")
    else:
        clips, modules = [], (bs.HELD_OUT[which][0],)
    for name in modules:
        held = importlib.import_module(name)
        clips += bs._built(folder, held.VOICES, held.SENTENCES)
        clips += bs._built(folder, held.VOICES_2, held.SENTENCES_2)
    return clips


def _left(state: streaming.StreamState | None, samples: np.ndarray) -> float:  # type: ignore[type-arg]
    """Seconds of the decoded recording (16 kHz) after the state the end continues from."""
    kept = streaming.at_stop(state, samples) if state is not None else None
    return samples.size / RATE - (kept.settled_s if kept is not None else 0.0)


def _interval(differences: list[float], draws: int = 10_000) -> tuple[float, float]:
    rng = np.random.default_rng(39)
    values = np.asarray(differences)
    means = values[rng.integers(0, values.size, (draws, values.size))].mean(axis=1)
    return float(np.percentile(means, 2.5)), float(np.percentile(means, 97.5))


def run(which: str = "development") -> None:
    if shutil.which("espeak-ng") is None:
        raise SystemExit("bench_tail needs espeak-ng (apt-get install espeak-ng)")
    shipped = (streaming.STOP_TAIL_S, streaming.AHEAD_AFTER_S)
    walls: dict[str, list[float]] = {name: [] for name, *_ in SETTINGS}
    wers: dict[str, list[float]] = {name: [] for name, *_ in SETTINGS}
    cpus: dict[str, list[float]] = {name: [] for name, *_ in SETTINGS}
    with tempfile.TemporaryDirectory(prefix="bench-tail-") as scratch:
        folder = Path(scratch)
        engine = WhisperEngine(packaged_model(folder / "model"), threads=1)
        clips = _clips(folder, which)
        print(
            f"Stop {GAP_S} s after the last word, {len(clips)} answers ({which}): left to read "
            "at Stop, Stop -> report, steps' CPU while recording, WER"
        )
        for index, clip in enumerate(clips):
            last = clip.sentence_times[-1][1]
            stop = last + GAP_S
            spoken = clip.samples[: int(min(last + 0.05, clip.duration_s) * ss.RATE)]
            samples = np.concatenate([spoken, np.zeros(int(GAP_S * ss.RATE), np.float32)])
            raw, path = folder / "answer.live.webm", folder / "answer.webm"
            stream = bs.webm(samples)
            raw.write_bytes(stream[0])
            remux_with_duration(raw, path)
            decoded = decode(path).samples
            turn = index % len(SETTINGS)
            rows = []
            for name, tail_s, ahead_s, any_step in SETTINGS[turn:] + SETTINGS[:turn]:
                streaming.STOP_TAIL_S, streaming.AHEAD_AFTER_S = tail_s, ahead_s
                try:
                    run_ = bs.replay(engine, stream, stop, None, folder, any_step)
                    given, waited = bs.handed_at_stop(run_)  # as bench_stop waits
                    analyse_recording(path, engine, streamed=given)  # untimed: as bench_stop
                    wall, data = bsm.timed(
                        lambda: analyse_recording(path, engine, streamed=given).as_dict()  # noqa: B023
                    )
                    wall += waited
                    left = _left(given, decoded)  # by this setting's STOP_TAIL_S
                finally:
                    streaming.STOP_TAIL_S, streaming.AHEAD_AFTER_S = shipped
                wer = bsm.clip_wer(clip, data)
                walls[name].append(wall)
                wers[name].append(wer)
                cpus[name].append(run_.step_cpu_s)
                rows.append(
                    f"{name}: {left:.1f} s left, {wall:.2f} s, "
                    f"{run_.step_cpu_s:.1f} s CPU ({run_.steps} steps"
                    f"{', one in its pass at Stop' if run_.running_at_stop else ''}"
                    f"{f', handed over after {waited:.2f} s' if waited else ''}), WER {wer:.3f}"
                )
            print(f"  {clip.name}, {clip.duration_s:.0f} s: " + "; ".join(sorted(rows)), flush=True)
    base = SETTINGS[0][0]
    for name, *_ in SETTINGS:
        line = (
            f"  {name}: Stop -> report median {np.median(walls[name]):.2f} s, worst "
            f"{max(walls[name]):.2f} s; steps' CPU while recording mean "
            f"{np.mean(cpus[name]):.1f} s; mean WER {np.mean(wers[name]):.4f}"
        )
        if name != base:
            differences = [a - b for a, b in zip(wers[name], wers[base], strict=True)]
            low, high = _interval(differences)
            worse = sum(d > 0 for d in differences)
            better = sum(d < 0 for d in differences)
            line += (
                f", less the shipped {np.mean(differences):+.4f} [{low:+.4f}, {high:+.4f}], "
                f"{worse} worse, {better} better"
            )
        print(line)


if __name__ == "__main__":
    run(sys.argv[1] if len(sys.argv) > 1 else "development")
