"""End of answer to report when the speaker goes quiet before pressing Stop (issue 15, item 1):
the browser sends a piece as soon as its level meter hears a quiet (`recorder.js`, QUIET_MS
after the last word), a streaming step runs for it at once and reads the answer's last words
(`coach.speech.streaming.Closing`), and the analysis at Stop takes them instead of reading
them again. Beside the same answer with no such piece (the path before), in the same run.

Each answer is a 2-minute espeak-ng recording (`bench_streaming.two_minutes`, development
voices, or `streaming_heldout3.py` once) ending with its last word, then `gap` seconds of quiet
before Stop (a person finishing an answer and reaching for the button). Recording is replayed
on one timeline of one analysis lane, as the worker runs a recording's steps (one at a time,
each reading every piece that arrived before it began; a step is due once 3 pieces came since
the last step read, or a quiet piece): each step's cost is measured (CPU seconds of its decode
and `advance`, on an engine of one thread, as a worker of two lanes has on two cores: steadier
than wall time beside other work, though it rises too under heavy load, a pass taking 3-7 s of
CPU at load 9 against about 1.5 s on a quiet machine) and the timeline advanced by it; a step
not finished at Stop is handed over or lost (below). At Stop the analysis
runs with the state of the last finished step, or of the step in its pass at Stop when it ends
within HANDOVER_WAIT_S (handed over: its remaining seconds are added, none credited to the
analysis's decoding meanwhile), timed (wall and CPU); the raw engine on the same
file is the baseline. Each answer's transcript with the quiet piece is compared with the one
without: the closing is the same reading by construction, so they must be equal.

Each analysis runs twice from the same replayed state, in turn (which goes first alternates),
after an untimed one that leaves the reader's kept readings as a recording's steps would: as
shipped, the encoder reading the frames that hold audio (`speech.window`, thirty-fifth session),
and the same loaded model reading Whisper's whole 30 s window at Stop, as before
(`full_window`). Only the reading at Stop changes window: the steps replayed while recording
are the shipped engine's, and the untimed run primes the reader with the shipped transcript, so
where the two transcripts differ the baseline reads a few sentences more. How many transcripts
are the same both ways is printed, over the answers whose closing (read while recording, so the
same both ways) was not used; the window's accuracy is `bench_window.py`'s. The raw engine is
plain faster-whisper with the whole window, as before. The thirty-fourth session's baseline here was the rest read after
decoding instead of beside it (`pipeline._rest_read`): its figures are in docs/architecture.md.
"""

from __future__ import annotations

import contextlib
import importlib
import io
import shutil
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import av
import bench_analysis as ba  # type: ignore[import-not-found]
import bench_streaming as bsm  # type: ignore[import-not-found]
import numpy as np
import speech_set as ss  # type: ignore[import-not-found]
from numpy.typing import NDArray

from prepcoach.coach.media import remux_with_duration
from prepcoach.coach.speech import engine as speech_engine
from prepcoach.coach.speech.audio import decode, decode_from
from prepcoach.coach.speech.engine import WhisperEngine
from prepcoach.coach.speech.model import packaged_model
from prepcoach.coach.speech.pipeline import analyse_recording
from prepcoach.coach.speech.streaming import (
    StreamState,
    advance,
    all_spans,
    at_stop,
    matches,
    resume_from,
)

PIECE_S = 2.0
STEP_PIECES = 3  # practice.streaming.STEP_PIECES
QUIET_MS = 1300  # recorder.js: the quiet piece is sent this long after the last word (1.1 s of
# its smoothed level below the quiet, which takes about 0.2 s to fall there)
GAPS = (0.3, 1.5, 3.0)  # seconds from the last word to Stop (0.3: no quiet piece before it)
# settings.STREAM_HANDOVER_WAIT_MS as shipped, in seconds (a Django setting: not imported here).
# It was 0 from 2685554, when waiting 3 s for the quiet step (with the analysis reading the rest
# beside it all the same) was measured to slow the end; since the thirty-sixth session the
# analysis waits up to 5 s for a quiet piece's step in its pass and reads none of the rest
# beside it (`practice.streaming.step_in_pass`). This replay puts each step on one lane's
# timeline, so the analysis it times runs alone either way: the rest read beside the step, on
# the worker's other lane, is timed by `bench_push.py`, not here.
HANDOVER_WAIT_S = 5.0
HEAD_START_S = 1.0  # practice.streaming.HEAD_START_S: waited for only this far into its pass


def webm(samples: NDArray[np.float32]) -> tuple[bytes, list[tuple[float, int]]]:
    """`samples` (ss.RATE, mono) as a live WebM/Opus stream, as MediaRecorder writes it, and
    where it may be cut: (seconds of audio, bytes) at each cluster's end (a cluster every
    0.1 s), so the recording so far is a prefix of the whole recording's bytes, as the
    browser's pieces are."""
    buffer = io.BytesIO()
    cuts: list[tuple[float, int]] = []
    options = {"live": "1", "cluster_time_limit": "100"}
    with av.open(buffer, "w", format="webm", options=options) as out:
        stream = out.add_stream("libopus", rate=ss.RATE, layout="mono")
        stream.bit_rate = 48_000
        for at in range(0, samples.size, 960):
            block = np.pad(samples[at : at + 960], (0, max(0, at + 960 - samples.size)))
            frame = av.AudioFrame.from_ndarray(block.reshape(1, -1), format="flt", layout="mono")
            frame.sample_rate, frame.pts = ss.RATE, at
            for packet in stream.encode(frame):
                written = buffer.tell()
                out.mux(packet)
                if buffer.tell() != written and packet.pts is not None:
                    # A cluster was written out: the audio before this packet is in the file.
                    cuts.append((float(packet.pts * packet.time_base), buffer.tell()))
        for packet in stream.encode(None):
            out.mux(packet)
    return buffer.getvalue(), cuts


def prefix(data: bytes, cuts: list[tuple[float, int]], seconds: float) -> bytes:
    """The stream's bytes holding its audio up to `seconds` (to the last cluster before)."""
    return data[: max((size for at, size in cuts if at <= seconds), default=0)]


@dataclass(frozen=True)
class Replay:
    state: StreamState | None  # of the last step finished before Stop
    steps: int
    step_cpu_s: float  # every step's CPU seconds, the one in its pass at Stop too
    running_at_stop: bool
    # The state of the step in its pass at Stop, and how long after Stop it ended (handed over
    # to the analysis when that is within HANDOVER_WAIT_S: `practice.streaming.handed_over`).
    handed: StreamState | None = None
    handed_after_s: float = 0.0
    in_pass_s: float = 0.0  # how long the step had been in its pass at Stop


def replay(
    engine: WhisperEngine,
    stream: tuple[bytes, list[tuple[float, int]]],
    stop_s: float,
    quiet_s: float | None,
    folder: Path,
    any_step: bool = False,
) -> Replay:
    """The worker's steps while the recording (`webm`) arrives until `stop_s`, with a quiet
    piece at `quiet_s` (None: none), on one lane's timeline (the module's docstring). A step in
    its pass at Stop is handed over when it is a quiet piece's, or any step's with `any_step`
    (`bench_tail.py`)."""
    bounds = [float(t) for t in np.arange(PIECE_S, stop_s, PIECE_S)]
    if quiet_s is not None and quiet_s < stop_s:
        bounds = sorted({*bounds, quiet_s})
    state: StreamState | None = None
    read, now, steps, cpu_total = 0, 0.0, 0, 0.0
    while True:
        due = next(
            (
                t
                for count, t in enumerate(bounds, start=1)
                if count > read and (count >= read + STEP_PIECES or t == quiet_s)
            ),
            None,
        )
        if due is None:
            return Replay(state, steps, cpu_total, False)
        start = max(now, due)
        if start >= stop_s:
            return Replay(state, steps, cpu_total, False)
        count = sum(1 for t in bounds if t <= start)
        upto = bounds[count - 1]
        so_far = folder / "so-far.webm"
        so_far.write_bytes(prefix(*stream, upto))
        began = time.process_time()
        offset = resume_from(state)
        part = decode_from(so_far, offset) if offset else None
        if part is None or state is None or not matches(state, part, offset):
            offset, part = 0, decode(so_far).samples
        after = advance(engine, part, state, offset)
        cpu = time.process_time() - began
        steps += 1
        cpu_total += cpu
        if start + cpu > stop_s:
            # As shipped only a step for the quiet piece marks its pass and is waited for
            # (`_step`); `any_step` is the candidate where every step marks it.
            quiet = quiet_s is not None and read < bounds.index(quiet_s) + 1 <= count
            if not quiet and not any_step:
                return Replay(state, steps, cpu_total, True)
            return Replay(
                state, steps, cpu_total, True, after, start + cpu - stop_s, stop_s - start
            )
        state, read, now = after, count, start + cpu


def handed_at_stop(run: Replay) -> tuple[StreamState | None, float]:
    """The state the analysis at Stop starts from and the seconds it waited for it: a step in
    its pass at Stop and handed over (`Replay.handed`) is waited for once HEAD_START_S into its
    pass (at Stop: the analysis begins a few tenths of a second later in a worker), up to
    HANDOVER_WAIT_S, pessimistically (none of the wait is credited to the analysis's decoding,
    which the worker does meanwhile); else the last finished step's state, no wait."""
    if run.handed is None or run.in_pass_s < HEAD_START_S:
        return run.state, 0.0
    waited = min(run.handed_after_s, HANDOVER_WAIT_S)
    return (run.handed if run.handed_after_s <= HANDOVER_WAIT_S else run.state), waited


def closing_used(state: StreamState | None, samples: NDArray[np.float32]) -> bool:
    kept = at_stop(state, samples) if state is not None else None
    if kept is None or kept.closing is None:
        return False
    rest = tuple(s for s in all_spans(samples, kept) if s.start >= kept.settled_s)
    return kept.closing.start_s == kept.settled_s and kept.closing.spans == rest


@contextlib.contextmanager
def full_window() -> Iterator[None]:
    """The engine as before the thirty-fifth session: the encoder reads Whisper's whole 30 s
    window, padded with zeros (`speech.window`), on the same loaded model."""
    shipped = speech_engine.fitted_window
    speech_engine.fitted_window = lambda features: features
    try:
        yield
    finally:
        speech_engine.fitted_window = shipped


def rows(engine: WhisperEngine, folder: Path, clips: list[ss.Clip], heading: str) -> None:
    print(
        f"stop -> report when the speaker goes quiet before Stop ({heading}): 2 s pieces, a "
        f"step every {STEP_PIECES} and one for the quiet piece {QUIET_MS} ms after the last "
        "word; an engine of one thread; steps timed in CPU seconds on one lane's timeline"
    )
    ends: dict[tuple[float, bool], list[float]] = {}
    seconds: dict[tuple[float, bool], list[float]] = {}
    before: dict[tuple[float, bool], list[float]] = {}  # with the full 30 s window
    same = total = alike = compared = turn = 0
    for clip in clips:
        last = clip.sentence_times[-1][1]
        for gap in GAPS:
            stop = last + gap
            spoken = clip.samples[: int(min(last + 0.05, clip.duration_s) * ss.RATE)]
            samples = np.concatenate([spoken, np.zeros(int((stop - last) * ss.RATE), np.float32)])
            path = folder / "answer.webm"
            raw = folder / "answer.live.webm"
            stream = webm(samples)
            raw.write_bytes(stream[0])
            remux_with_duration(raw, path)
            decoded = decode(path).samples
            # The raw engine on each gap's own file (a few seconds of quiet more), timed just
            # before that gap's analyses, so every ratio's baseline is its own file's.
            raw_s = bsm.timed(lambda: ba.raw_engine(engine, decoded))[0]  # noqa: B023
            texts = []
            # Stop before the quiet piece would be sent: there is none, only the path as before.
            for quiet in (False, True) if gap > QUIET_MS / 1000 else (False,):
                quiet_s = last + QUIET_MS / 1000 if quiet else None
                run = replay(engine, stream, stop, quiet_s, folder)
                given, waited = handed_at_stop(run)

                def analysed() -> dict[str, object]:
                    return analyse_recording(path, engine, streamed=given).as_dict()  # noqa: B023

                # Once untimed: the reader's kept readings as the recording's steps leave them
                # (`pipeline.read_settled` reads the settled text while recording), so neither
                # timed run reads sentences the other has read; then the two in turn.
                analysed()
                turn += 1
                for shipped in (False, True) if turn % 2 else (True, False):
                    if shipped:
                        cpu = time.process_time()
                        end_s, data = bsm.timed(analysed)
                        cpu = time.process_time() - cpu
                    else:
                        with full_window():
                            old_s, old_data = bsm.timed(analysed)
                end_s += waited
                assert isinstance(data, dict)
                assert isinstance(old_data, dict)
                texts.append(str(data["transcript"]))
                if not closing_used(given, decoded):  # else both take the closing's words
                    compared += 1
                    alike += data["transcript"] == old_data["transcript"]
                ends.setdefault((gap, quiet), []).append(end_s / raw_s)
                seconds.setdefault((gap, quiet), []).append(end_s)
                before.setdefault((gap, quiet), []).append(old_s + waited)
                print(
                    f"  {clip.name}, {clip.duration_s:.0f} s, Stop {gap:.1f} s after the last word, "
                    f"{'quiet piece' if quiet else 'as before  '}: {run.steps} steps "
                    f"({run.step_cpu_s:.1f} s CPU{', one running at Stop' if run.running_at_stop else ''}); "
                    f"{f'handed over after {waited:.2f} s; ' if waited else ''}"
                    f"{f'in its pass {run.in_pass_s:.2f} s at Stop (not waited for); ' if run.handed is not None and not waited else ''}"
                    f"closing used {closing_used(given, decoded)}; stop -> report {end_s:.2f} s "
                    f"(30 s window: {old_s + waited:.2f} s) "
                    f"({cpu:.2f} s CPU) = {end_s / raw_s:.2f}x the raw engine ({raw_s:.2f} s); "
                    f"{data['transcription']}; {bsm.quality(clip, data)}"
                )
            if len(texts) == 2:
                total += 1
                same += texts[0] == texts[1]
    for gap in GAPS:
        for quiet in (False, True):
            if (gap, quiet) not in ends:
                continue
            fractions, walls = ends[(gap, quiet)], seconds[(gap, quiet)]
            then = before[(gap, quiet)]
            ratio = np.median([a / b for a, b in zip(walls, then, strict=True)])
            print(
                f"  Stop {gap:.1f} s after the last word, {'quiet piece' if quiet else 'as before'}: "
                f"median {np.median(fractions):.2f}x, worst {max(fractions):.2f}x the raw engine "
                f"(median {np.median(walls):.2f} s, worst {max(walls):.2f} s; aim 2 s); the 30 s "
                f"window: median {np.median(then):.2f} s, worst {max(then):.2f} s "
                f"(median ratio {ratio:.2f})"
            )
    print(f"  transcripts the same with and without the quiet piece: {same} of {total}")
    print(
        "  transcripts the same with the fitted and the 30 s window at Stop (answers whose "
        f"closing was not used): {alike} of {compared}"
    )


# The sets written blind for this bench, by `run`'s name for them: their module and the heading
# printed (each development data since it was first read).
HELD_OUT = {
    "heldout": ("stop_heldout", "development since its first read: stop_heldout.py (2026-12-05)"),
    "heldout2": (
        "stop_heldout2",
        "development since its first reads: stop_heldout2.py (2026-12-05)",
    ),
    "heldout3": (
        "stop_heldout3",
        "development since its first read: stop_heldout3.py (2026-12-05)",
    ),
    "heldout4": (
        "stop_heldout4",
        "development since its first read: stop_heldout4.py (2026-12-05)",
    ),
    "heldout5": (
        "stop_heldout5",
        "development since its first read: stop_heldout5.py (2026-12-06)",
    ),
    "heldout6": (
        "stop_heldout6",
        "development since its first read: stop_heldout6.py (2026-12-06)",
    ),
    "heldout7": (
        "stop_heldout7",
        "development since its first read: stop_heldout7.py (2026-12-06)",
    ),
}


def _built(folder: Path, voices: tuple[ss.Voice, ...], sentences: tuple[str, ...]) -> list[ss.Clip]:
    gaps = tuple(1.0 if i % 3 == 2 else 0.5 for i in range(len(sentences)))
    return [ss.build(v.name, sentences, v, folder, gaps=gaps, split_fillers=False) for v in voices]


def run(which: str = "development") -> None:
    """`which`: "development" (the 12 development 2-minute answers of bench_streaming: its
    four voices and streaming_heldout.py's two sets), "quick" (the first four), "dev3"
    (streaming_heldout3.py, development since it chose the window's floor), "heldout"
    (stop_heldout.py: 8 answers written blind on 2026-12-05, read first after the hand-over's
    head start was committed; development since its read found the looping answer) or
    "heldout2", "heldout3" or "heldout4" (stop_heldout2.py, stop_heldout3.py, stop_heldout4.py: 8
    answers each, written blind in the thirty-eighth and thirty-ninth sessions and read then, end
    to end)."""
    if shutil.which("espeak-ng") is None:
        raise SystemExit("bench_stop needs espeak-ng (apt-get install espeak-ng)")
    import streaming_heldout as sh  # type: ignore[import-not-found]

    with tempfile.TemporaryDirectory(prefix="bench-stop-") as scratch:
        folder = Path(scratch)
        engine = WhisperEngine(packaged_model(folder / "model"), threads=1)
        if which == "dev3":
            import streaming_heldout3 as sh3  # type: ignore[import-not-found]

            clips = _built(folder, sh3.VOICES, sh3.SENTENCES)
            rows(engine, folder, clips, "development: streaming_heldout3.py")
            return
        if which in HELD_OUT:
            held = importlib.import_module(HELD_OUT[which][0])
            clips = _built(folder, held.VOICES, held.SENTENCES)
            clips += _built(folder, held.VOICES_2, held.SENTENCES_2)
            rows(engine, folder, clips, HELD_OUT[which][1])
            return
        clips = [bsm.two_minutes(folder, voice) for voice in bsm.VOICES]
        if which != "quick":
            clips += _built(folder, sh.VOICES, sh.SENTENCES)
            clips += _built(folder, sh.VOICES_2, sh.SENTENCES_2)
        rows(engine, folder, clips, f"{len(clips)} development answers")


if __name__ == "__main__":
    import sys

    run(sys.argv[1] if len(sys.argv) > 1 else "development")
