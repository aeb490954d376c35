"""End of answer to report for spoken answers transcribed while they are recorded (issue 15,
item 1), beside the whole-file analysis and the raw speech engine on the same file, in the
same run.

Each answer (espeak-ng reading the completeness set's stories, pauses of 0.5 to 1 s between
sentences) is written as Chromium's MediaRecorder sends it: a live WebM/Opus stream cut into the
byte pieces of a 2 s timeslice. Recording is simulated in real time's order: after every third
piece (as the worker queues its steps), the pieces so far are joined, decoded (from
`streaming.resume_from` on, as the worker's step does) and the streaming state advanced
(`practice/streaming.py`); each step's work is timed (it must keep up with a piece every 2 s).
The last piece arrives with "stop", so the state used at the end is the one made before it.
Then, on the joined file (remuxed to state its duration, as `finalise` does), one after the
other: the raw engine (baseline: plain faster-whisper on the decoded samples, nothing else),
the whole file (the pipeline without the state) and end of answer to report (the pipeline
with the state: decode, the rest transcribed, the completeness pass, the reading).
- Four 2-minute answers (four voices, development), then the two sets of four of
  `streaming_heldout.py` (written as held-out, development since their first reads in
  2026-12-03): end of answer to report with the read-ahead and without it (the
  same pieces streamed twice), as fractions of the raw engine; median and worst.
- Four short answers (24-27 s, one of Whisper's windows): end of answer to report with such
  an answer read whole at stop (`streaming.ONE_WINDOW_S`) and cut as before, interleaved, with
  each one's WER against the whole file (`short_rows`).
- End of answer to report with the settled text read ahead while recording, as a step does
  (`pipeline.read_settled`), and without, interleaved, each report checked identical
  (`stop_rows`; `run_stop` runs it alone, with an engine of one thread as a worker of two
  lanes has on two cores).
- One 10-minute answer: each step's cost by how long the recording was, beside decoding the
  whole recording so far (what every step did before `decode_from`), then end of answer to
  report beside the whole file.
Queueing and the page's push are not in these figures (a step of the database queue is
milliseconds; the page's push is measured by its own work). WER against the script, words lost
and coverage are given for both paths.
"""

from __future__ import annotations

import io
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import av
import bench_analysis as ba  # type: ignore[import-not-found]
import numpy as np
import speech_set as ss  # type: ignore[import-not-found]
import streaming_heldout as sh  # type: ignore[import-not-found]
from numpy.typing import NDArray

from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.media import remux_with_duration
from prepcoach.coach.speech import streaming
from prepcoach.coach.speech.audio import RATE, decode, decode_from
from prepcoach.coach.speech.engine import WhisperEngine
from prepcoach.coach.speech.model import packaged_model
from prepcoach.coach.speech.pipeline import analyse_recording, read_settled
from prepcoach.coach.speech.streaming import StreamState, advance, at_stop, matches, resume_from

PIECE_S = 2.0
STEP_PIECES = 3  # practice.streaming.STEP_PIECES: a step once 3 pieces came since the last


def browser_pieces(samples: NDArray[np.float32], seconds: float = PIECE_S) -> list[bytes]:
    """A live WebM/Opus stream (no duration, as MediaRecorder writes it) cut into the byte
    pieces a `seconds` timeslice sends."""
    buffer = io.BytesIO()
    with av.open(buffer, "w", format="webm", options={"live": "1"}) as out:
        stream = out.add_stream("libopus", rate=ss.RATE, layout="mono")
        stream.bit_rate = 48_000
        for at in range(0, samples.size, 960):
            block = np.pad(samples[at : at + 960], (0, max(0, at + 960 - samples.size)))
            frame = av.AudioFrame.from_ndarray(block.reshape(1, -1), format="flt", layout="mono")
            frame.sample_rate, frame.pts = ss.RATE, at
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    data = buffer.getvalue()
    size = -(-len(data) // int(np.ceil(samples.size / ss.RATE / seconds)))
    return [data[i : i + size] for i in range(0, len(data), size)]


VOICES = (  # the recordings of the 2-minute rows (development)
    ss.Voice("espeak en-us 150", "espeak", "en-us", 150),
    ss.Voice("espeak en-gb 160", "espeak", "en-gb", 160),
    ss.Voice("espeak en-us+f3 140", "espeak", "en-us+f3", 140),
    # The ninth session's answer with a 1 s pause every 13 s: 30-34 s were left at stop.
    ss.Voice("espeak en-gb-x-rp 165", "espeak", "en-gb-x-rp", 165),
)


def answer(folder: Path, voice: ss.Voice, sentences: int) -> ss.Clip:
    """The completeness set's stories read in turn (again from the first when they run out),
    `sentences` of them, with pauses of 0.5 and 1 s between them."""
    story = tuple(s for story in ss.STORIES for s in story)
    said = tuple(story[i % len(story)] for i in range(sentences))
    gaps = tuple(1.0 if i % 3 == 2 else 0.5 for i in range(len(said)))
    return ss.build(voice.name, said, voice, folder, gaps=gaps, split_fillers=False)


def two_minutes(folder: Path, voice: ss.Voice = VOICES[0]) -> ss.Clip:
    return answer(folder, voice, 25)


@dataclass(frozen=True)
class Step:
    at_s: float  # how long the recording was when the step ran
    seconds: float  # the step's work: join, decode what it needs, advance
    decoded_s: float  # seconds of audio it decoded
    whole_decode_s: float | None  # decoding the whole recording so far (as steps did before)
    reading_cpu_s: float = 0.0  # CPU seconds reading the settled text ahead (read_settled)


def record(
    engine: WhisperEngine,
    pieces: list[bytes],
    folder: Path,
    baseline_every: int = 0,
    read_ahead: bool = True,
) -> tuple[StreamState, list[Step]]:
    """The state as the worker keeps it while the pieces arrive (the last with "stop"), and
    each step's cost. A step decodes from `resume_from(state)` (`decode_from`) when the state
    matches those seconds, as the worker does, else the whole recording so far; a step whose
    words changed then reads the settled text ahead (`pipeline.read_settled`, unless not
    `read_ahead`), timed apart in CPU seconds. Every `baseline_every`-th step, decoding the
    whole recording so far is timed apart (not used)."""
    state: StreamState | None = None
    steps: list[Step] = []
    for count in range(STEP_PIECES, len(pieces), STEP_PIECES):  # as queue_stream_step queues
        started = time.perf_counter()
        so_far = folder / "so-far.webm"
        so_far.write_bytes(b"".join(pieces[:count]))
        offset = resume_from(state)
        samples = decode_from(so_far, offset) if offset else None
        if samples is None or state is None or not matches(state, samples, offset):
            offset = 0
            try:
                samples = decode(so_far).samples
            except ValueError:
                continue  # too short to read yet
        before = state
        state = advance(engine, samples, state, offset)
        seconds = time.perf_counter() - started
        reading = 0.0
        if read_ahead and (state.ahead or state).words != (
            (before.ahead or before).words if before else ()
        ):
            cpu = time.process_time()
            read_settled(state)
            reading = time.process_time() - cpu
        whole = None
        if baseline_every and len(steps) % baseline_every == 0:
            begun = time.perf_counter()
            decode(so_far)
            whole = time.perf_counter() - begun
        steps.append(Step(count * PIECE_S, seconds, samples.size / RATE, whole, reading))
    assert state is not None
    return state, steps


def recorded(samples: NDArray[np.float32], folder: Path, name: str) -> tuple[list[bytes], Path]:
    """The browser's pieces of `samples` and the file `finalise` makes of them."""
    pieces = browser_pieces(samples)
    raw_file = folder / f"{name}.live.webm"
    raw_file.write_bytes(b"".join(pieces))
    path = folder / f"{name}.webm"
    remux_with_duration(raw_file, path)  # as finalise joins it
    return pieces, path


def streamed_analysis(
    engine: WhisperEngine, samples: NDArray[np.float32], folder: Path
) -> tuple[dict[str, object], StreamState, Path]:
    """The analysis of a recording made in the browser from `samples` (48 kHz mono) through
    the streaming path: its 2 s pieces arrive in real time's order, a step after every
    STEP_PIECES (`record`), then the joined file (remuxed as `finalise` does, returned for
    the whole-file path to read the very same audio) is analysed with the state kept. Its
    `transcription` says "whole file" if the state did not match."""
    pieces, path = recorded(samples, folder, "streamed")
    state, _ = record(engine, pieces, folder)
    return analyse_recording(path, engine, streamed=state).as_dict(), state, path


def timed(work: Callable[[], object]) -> tuple[float, object]:
    begun = time.perf_counter()
    result = work()
    return time.perf_counter() - begun, result


def clip_wer(clip: ss.Clip, data: object) -> float:
    assert isinstance(data, dict)
    return float(ba.wer(ba.words_of(clip.text), ba.words_of(str(data["transcript"]))))


def quality(clip: ss.Clip, data: object) -> str:
    assert isinstance(data, dict)
    reference, said = ba.words_of(clip.text), ba.words_of(str(data["transcript"]))
    lost = ba.deletions(reference, said) / len(reference)
    return f"WER {ba.wer(reference, said):.3f} lost {lost:.3f} coverage {data['coverage']['ratio']:.3f}"


def _stream(
    engine: WhisperEngine, pieces: list[bytes], folder: Path, ahead: bool
) -> tuple[StreamState, list[Step]]:
    """`record`, with the read-ahead (`streaming.AHEAD_AFTER_S`) or without it (as before)."""
    kept = streaming.AHEAD_AFTER_S
    streaming.AHEAD_AFTER_S = kept if ahead else float("inf")
    try:
        return record(engine, pieces, folder)
    finally:
        streaming.AHEAD_AFTER_S = kept


def two_minute_rows(
    folder: Path,
    engine: WhisperEngine,
    voices: tuple[ss.Voice, ...] = VOICES,
    sentences: tuple[str, ...] | None = None,
    heading: str = "development voices and sentences",
) -> None:
    """2-minute recordings (one a voice), each streamed while recorded with the read-ahead and
    without it (as before it), then end of answer to report for each, the whole file and the
    raw engine on the same file, interleaved."""
    print(
        f"transcribed while recorded: {len(voices)} answers of about 2 minutes (espeak-ng, pauses "
        f"0.5-1 s), {PIECE_S:.0f} s pieces, a step every {STEP_PIECES}; this machine, default "
        f"model; {heading}"
    )
    ends: dict[bool, list[float]] = {True: [], False: []}
    wholes, raws, differences = [], [], []
    for voice in voices:
        clip = (
            two_minutes(folder, voice)
            if sentences is None
            else ss.build(
                voice.name, sentences, voice, folder,
                gaps=tuple(1.0 if i % 3 == 2 else 0.5 for i in range(len(sentences))),
                split_fillers=False,
            )
        )  # fmt: skip
        pieces, path = recorded(clip.samples, folder, "answer")
        samples = decode(path).samples
        raw_s = timed(lambda: ba.raw_engine(engine, samples))[0]  # noqa: B023
        whole_s, whole = timed(lambda: analyse_recording(path, engine).as_dict())  # noqa: B023
        assert isinstance(whole, dict)
        wholes.append(whole_s / raw_s)
        raws.append(raw_s)
        print(
            f"  {voice.name}, {clip.duration_s:.0f} s: whole file {whole_s:.2f} s = "
            f"{whole_s / raw_s:.2f}x the raw engine ({raw_s:.2f} s); {quality(clip, whole)}"
        )
        for ahead in (False, True):
            state, steps = _stream(engine, pieces, folder, ahead)
            end_s, streamed = timed(
                lambda: analyse_recording(path, engine, streamed=state).as_dict()  # noqa: B023
            )
            assert isinstance(streamed, dict)
            ends[ahead].append(end_s / raw_s)
            if ahead:
                differences.append(clip_wer(clip, streamed) - clip_wer(clip, whole))
            took = [step.seconds for step in steps]
            kept = at_stop(state, samples)
            left = clip.duration_s - (kept.settled_s if kept else 0.0)
            print(
                f"    {'read ahead' if ahead else 'as before '}: {len(steps)} steps, "
                f"{state.passes} passes (a step median {np.median(took):.2f} s, at most "
                f"{max(took):.2f} s), {left:.1f} s left at stop; end of answer to report "
                f"{end_s:.2f} s = {end_s / raw_s:.2f}x the raw engine ({streamed['transcription']});"
                f" {quality(clip, streamed)}"
            )
    for ahead, label in ((False, "as before"), (True, "read ahead")):
        print(
            f"  end of answer to report, {label}: median {np.median(ends[ahead]):.2f}x, worst "
            f"{max(ends[ahead]):.2f}x the raw engine (the aim of 2 s is "
            f"{2.0 / float(np.median(raws)):.2f}x this run's median raw engine, "
            f"{np.median(raws):.2f} s)"
        )
    print(
        f"  whole file median {np.median(wholes):.2f}x, worst {max(wholes):.2f}x the raw engine "
        f"(aim <= 1.1x); raw engine median {np.median(raws):.2f} s"
    )
    print("  " + ba.paired_difference(differences, "WER, read ahead - whole file"))


def short_rows(folder: Path, engine: WhisperEngine, rounds: int = 3) -> None:
    """Answers of one of Whisper's windows or a little more (24-34 s: the completeness clips'
    lengths), each streamed while recorded, then end of answer to report with an answer of
    `streaming.ONE_WINDOW_S` or less read whole at stop and with it cut as before (ONE_WINDOW_S
    set to 0), interleaved `rounds` times; WER of each against the whole file."""
    print(
        f"\nshort answers (espeak, the completeness set's sentences), end of answer to report "
        f"with an answer of {streaming.ONE_WINDOW_S:.0f} s or less read whole at stop and cut "
        f"as before, interleaved {rounds} times (medians); WER streamed less whole file:"
    )
    kept = streaming.ONE_WINDOW_S
    for voice in VOICES:
        clip = answer(folder, voice, 5)
        pieces, path = recorded(clip.samples, folder, "short")
        whole = analyse_recording(path, engine).as_dict()
        state, _ = record(engine, pieces, folder)
        times: dict[float, list[float]] = {kept: [], 0.0: []}
        found: dict[float, dict[str, object]] = {}
        try:
            for _ in range(rounds):
                for window in (kept, 0.0):
                    streaming.ONE_WINDOW_S = window
                    seconds, data = timed(
                        lambda: analyse_recording(path, engine, streamed=state).as_dict()  # noqa: B023
                    )
                    assert isinstance(data, dict)
                    times[window].append(seconds)
                    found[window] = data
        finally:
            streaming.ONE_WINDOW_S = kept
        print(
            f"  {voice.name}, {clip.duration_s:.0f} s: read whole {np.median(times[kept]):.2f} s, "
            f"WER {clip_wer(clip, found[kept]) - clip_wer(clip, whole):+.3f}; cut as before "
            f"{np.median(times[0.0]):.2f} s, WER {clip_wer(clip, found[0.0]) - clip_wer(clip, whole):+.3f}"
        )


def ten_minute_row(folder: Path, engine: WhisperEngine) -> None:
    """A 10-minute answer streamed: each step's cost as the recording grows (beside decoding
    the whole recording so far, as every step did before), then end of answer to report
    beside the whole file and the raw engine on the same file."""
    clip = answer(folder, VOICES[0], 123)
    pieces, path = recorded(clip.samples, folder, "ten")
    started = time.perf_counter()
    state, steps = record(engine, pieces, folder, baseline_every=5)
    total = time.perf_counter() - started
    print(
        f"a {clip.duration_s / 60:.1f}-minute answer ({len(pieces)} pieces): {len(steps)} steps, "
        f"{state.passes} passes, {total:.0f} s of work while recorded; "
        f"{clip.duration_s - state.settled_s:.1f} s left at stop"
    )
    print("  recorded so far   steps  step median  at most  decoded median | whole decode median")
    for low in range(0, int(clip.duration_s) + 1, 120):
        mine = [s for s in steps if low < s.at_s <= low + 120]
        if not mine:
            continue
        before = [s.whole_decode_s for s in mine if s.whole_decode_s is not None]
        print(
            f"  {low // 60:2d}-{low // 60 + 2:2d} min         {len(mine):5d}  "
            f"{np.median([s.seconds for s in mine]):9.2f} s  {max(s.seconds for s in mine):5.2f} s"
            f"  {np.median([s.decoded_s for s in mine]):10.1f} s   | "
            + (f"{np.median(before):8.2f} s" if before else "")
        )
    samples = decode(path).samples
    raw_s = timed(lambda: ba.raw_engine(engine, samples))[0]
    whole_s, whole = timed(lambda: analyse_recording(path, engine).as_dict())
    end_s, streamed = timed(lambda: analyse_recording(path, engine, streamed=state).as_dict())
    assert isinstance(streamed, dict)
    print(
        f"  end of answer to report {end_s:.2f} s ({streamed['transcription']}); whole file "
        f"{whole_s:.2f} s = {whole_s / raw_s:.2f}x the raw engine ({raw_s:.2f} s)"
    )
    print(f"    whole file {quality(clip, whole)}   streamed {quality(clip, streamed)}")


ARMS = ("as before", "read ahead")


def stop_rows(
    folder: Path, engine: WhisperEngine, voices: tuple[ss.Voice, ...] = VOICES, rounds: int = 3
) -> None:
    """End of answer to report for 2-minute answers streamed while recorded, as before and
    with the settled text read while recording, as a step does (`pipeline.read_settled`: the
    sentence model's memory then holds its sentences at stop), interleaved `rounds` times.
    Each run starts with that memory emptied (a new answer's sentences were never read) and,
    reading ahead, filled by the settled text (not timed: a step does it while recording).
    Wall and CPU seconds, as fractions of the raw engine on the same file in the same run, and
    whether all the reports are the same (they must be). With the reading's share of the CPU
    seconds (`analyse_answer`, timed on its own)."""
    from prepcoach.coach import reader_inputs
    from prepcoach.coach.speech import pipeline

    print(
        f"\nstop to report as before and with the settled text read ahead, interleaved {rounds} times, medians; engine threads "
        f"{engine.threads or 'default'}; CPU as a fraction of the raw engine's"
    )
    question = "Tell me about a project you led."
    # The reading's models loaded, as a worker that has read an answer has them.
    analyse_answer(text="I led a team of four. We shipped it a month early.", question=question)
    ratios: dict[str, list[float]] = {arm: [] for arm in ARMS}
    reading = pipeline.analyse_answer
    for voice in voices:
        clip = two_minutes(folder, voice)
        pieces, path = recorded(clip.samples, folder, "answer")
        samples = decode(path).samples
        begun, cpu = time.perf_counter(), time.process_time()
        ba.raw_engine(engine, samples)
        raw_s, raw_cpu = time.perf_counter() - begun, time.process_time() - cpu
        state, steps = record(engine, pieces, folder)
        ahead_cpu = sum(step.reading_cpu_s for step in steps)
        chosen = at_stop(state, samples)
        left = clip.duration_s - (chosen.settled_s if chosen else 0.0)
        times: dict[str, list[tuple[float, float]]] = {arm: [] for arm in ARMS}
        reads: dict[str, list[float]] = {arm: [] for arm in ARMS}
        reports: list[dict[str, object]] = []
        for _ in range(rounds):
            for arm in ARMS:
                reader_inputs.MIDDLE.states.clear()
                if arm == "read ahead":
                    pipeline.read_settled(state, question)

                def timed_reading(**given: Any) -> Any:
                    cpu = time.process_time()
                    try:
                        return reading(**given)
                    finally:
                        reads[arm].append(time.process_time() - cpu)  # noqa: B023

                pipeline.analyse_answer = timed_reading  # type: ignore[assignment]
                try:
                    begun, cpu = time.perf_counter(), time.process_time()
                    data = analyse_recording(
                        path, engine, streamed=state, question=question
                    ).as_dict()
                    times[arm].append((time.perf_counter() - begun, time.process_time() - cpu))
                finally:
                    pipeline.analyse_answer = reading
                reports.append(data)
        same = all(r == reports[0] for r in reports)
        cells = []
        for arm in ARMS:
            wall = float(np.median([t[0] for t in times[arm]]))
            cpu = float(np.median([t[1] for t in times[arm]]))
            ratios[arm].append(cpu / raw_cpu)
            cells.append(
                f"{arm} {wall:.2f} s wall, {cpu:.2f} s CPU ({cpu / raw_cpu:.3f}x; the reading "
                f"{np.median(reads[arm]):.2f} s)"
            )
        print(
            f"  {voice.name}, {clip.duration_s:.0f} s, {left:.1f} s left at stop, raw engine "
            f"{raw_s:.2f} s wall {raw_cpu:.2f} s CPU: {'; '.join(cells)}; reports "
            f"{'all identical' if same else 'DIFFER'} ({reports[0]['transcription']}); read "
            f"ahead while recording: {ahead_cpu:.2f} CPU s in "
            f"{sum(1 for step in steps if step.reading_cpu_s)} of {len(steps)} steps"
        )
    for arm in ARMS:
        print(
            f"  {arm}: stop to report CPU median {np.median(ratios[arm]):.3f}x, worst "
            f"{max(ratios[arm]):.3f}x the raw engine's"
        )


def run_stop(threads: int = 1, rounds: int = 5) -> None:
    """`stop_rows` alone, with an engine of `threads` (a worker of two lanes on two cores gives
    each engine one: `practice.engines`)."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        engine = WhisperEngine(packaged_model(folder / "model"), threads=threads)
        stop_rows(folder, engine, rounds=rounds)


def run() -> None:
    if shutil.which("espeak-ng") is None:
        raise SystemExit("bench_streaming needs espeak-ng (apt-get install espeak-ng)")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        engine = WhisperEngine(packaged_model(folder / "model"))
        two_minute_rows(folder, engine)
        two_minute_rows(
            folder, engine, sh.VOICES, sh.SENTENCES,
            "the first held-out voices and sentences (bench/streaming_heldout.py; read once "
            "2026-12-03, development since)",
        )  # fmt: skip
        two_minute_rows(
            folder, engine, sh.VOICES_2, sh.SENTENCES_2,
            "the second held-out voices and sentences (bench/streaming_heldout.py; first read "
            "for MIN_STRETCH_S 24 s, 2026-12-03, development since, as bench_stop counts it)",
        )  # fmt: skip
        short_rows(folder, engine)
        ten_minute_row(folder, engine)
