"""Answer analysis from speech: does every word said reach the report, how accurate are the
figures built on it, and what does the pipeline cost over the speech engine alone.

1. Completeness: spoken answers (espeak-ng voices at 130–190 wpm and the piper neural voice,
   some with sox room noise) with a 2–5 s silence at every sentence boundary in turn, as WAV
   and as WebM/Opus. Per clip: word error rate (WER) and coverage (seconds of speech with words
   ÷ seconds of speech). Baseline in the same run: the pipeline as it was before the
   completeness pass (the disfluent prompt, one pass, no re-reading).
2. Accuracy on the four earlier clips: WER, wpm error, fillers and pauses matched to their true
   times (a detection with no true filler or pause within the tolerance is a false alarm; every
   kind of filler counts, not only "um" and "uh").
3. Speed on a two-minute answer. Baseline: plain faster-whisper with the same model and the same
   decoding settings (int8 CPU, English, word timestamps, its VAD filter, beam 1, no prompt),
   transcribing the decoded samples and nothing else. The pipeline side includes everything
   from the file to the report: decoding, voice activity, language detection, transcription,
   the coverage pass, delivery and content reading.

The texts and clips were written for this benchmark; no rule or setting was tuned on the
accuracy clips (written 2026-11-22) after 2026-11-23, and the completeness set is new on 2026-11-30 (its stories
were written before any setting was chosen; the prompt was turned off because of the figures
it prints, so it is a development set for that choice).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import speech_set as ss  # type: ignore[import-not-found]
from numpy.typing import NDArray

from prepcoach.coach.speech.audio import decode
from prepcoach.coach.speech.coverage import measure_coverage
from prepcoach.coach.speech.engine import DISFLUENT_PROMPT, WhisperEngine
from prepcoach.coach.speech.model import packaged_model
from prepcoach.coach.speech.pipeline import analyse_recording
from prepcoach.coach.speech.vad import speech_spans

FILLER_TOLERANCE_S = 0.6  # a detected filler this close to a true one's start is that filler

ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def spell(number: int) -> str:
    if number < 20:
        return ONES[number]
    if number < 100:
        return TENS[number // 10] + ("" if number % 10 == 0 else " " + ONES[number % 10])
    if number < 1000:
        rest = number % 100
        return ONES[number // 100] + " hundred" + (" " + spell(rest) if rest else "")
    return str(number)


def words_of(text: str) -> list[str]:
    """Words for comparing transcripts: "12%" and "twelve percent" are the same words."""
    text = re.sub(r"(\d+)%", r"\1 percent", text.lower())
    text = re.sub(r"\b\d+\b", lambda m: spell(int(m.group(0))), text)
    return re.findall(r"[a-z']+", text)


def wer(reference: list[str], hypothesis: list[str]) -> float:
    rows = list(range(len(hypothesis) + 1))
    for i, ref in enumerate(reference, start=1):
        previous, rows[0] = rows[0], i
        for j, hyp in enumerate(hypothesis, start=1):
            previous, rows[j] = rows[j], min(rows[j] + 1, rows[j - 1] + 1, previous + (ref != hyp))
    return rows[-1] / max(len(reference), 1)


def deletions(reference: list[str], hypothesis: list[str]) -> int:
    """Reference words with no counterpart in the hypothesis, on a minimum-edit alignment:
    words lost, as opposed to words misheard (substitutions)."""
    n, m = len(reference), len(hypothesis)
    cost = np.zeros((n + 1, m + 1), dtype=np.int32)
    cost[:, 0], cost[0, :] = np.arange(n + 1), np.arange(m + 1)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            cost[i, j] = min(cost[i - 1, j] + 1, cost[i, j - 1] + 1,
                             cost[i - 1, j - 1] + (reference[i - 1] != hypothesis[j - 1]))  # fmt: skip
    i, j, lost = n, m, 0
    while i > 0:
        if j > 0 and cost[i, j] == cost[i - 1, j - 1] + (reference[i - 1] != hypothesis[j - 1]):
            i, j = i - 1, j - 1
        elif cost[i, j] == cost[i - 1, j] + 1:
            i, lost = i - 1, lost + 1
        else:
            j -= 1
    return lost


def old_pipeline(path: Path, engine: WhisperEngine) -> tuple[str, float]:
    """The transcript as prepcoach made it before the completeness pass (one pass, prompted),
    and its coverage of the detected speech."""
    samples = decode(path).samples
    words = engine.words(samples)
    return "".join(w.w for w in words), measure_coverage(speech_spans(samples), words).ratio


@dataclass
class Row:
    name: str
    fmt: str
    wer: float
    lost: float  # share of the reference's words deleted
    coverage: float
    old_wer: float | None
    old_lost: float | None
    old_coverage: float | None
    words: int = 0  # the reference's words
    streamed: bool = False  # the "stream" row took the streamed path (its state matched)


def completeness(folder: Path, engine: WhisperEngine, prompted: WhisperEngine) -> None:
    voices = [
        ss.Voice("espeak en-us 130", "espeak", "en-us", 130),
        ss.Voice("espeak en-gb 160", "espeak", "en-gb", 160),
        ss.Voice("espeak en-us+m3 190", "espeak", "en-us+m3", 190),
        ss.Voice("espeak en-us+f3 175", "espeak", "en-us+f3", 175),
    ]
    if ss.piper_available():
        voices.append(ss.Voice("piper joe", "piper"))
    else:
        print("  (piper voice not installed: pip install -e '.[bench]'; espeak voices only)")
    import bench_streaming as bs  # type: ignore[import-not-found]  # it imports this module

    noise = ss.room_noise(folder)
    rows: list[Row] = []
    streamed = 0  # clips whose streamed state matched the joined recording
    started = time.perf_counter()
    for v, voice in enumerate(voices):
        for s in (v % len(ss.STORIES), (v + 2) % len(ss.STORIES)):
            story = ss.STORIES[s]
            for boundary in range(len(story) - 1):
                pause = 2.0 + (boundary + v) % 4  # 2, 3, 4 or 5 s
                gaps = tuple(pause if i == boundary else 0.35 for i in range(len(story)))
                noisy = (boundary + s) % 3 == 0
                clip = ss.build(
                    f"{voice.name} s{s} b{boundary} {pause:.0f}s{' noise' if noisy else ''}",
                    story, voice, folder, gaps=gaps, split_fillers=False,
                    noise=noise if noisy else None, snr_db=15.0 if boundary % 2 else 25.0,
                )  # fmt: skip
                reference = words_of(clip.text)
                wav = ss.write_wav(clip, folder / "clip.wav")
                webm = ss.write_webm(clip, folder / "clip.webm")
                old_text, old_cover = old_pipeline(wav, prompted)
                old = words_of(old_text)
                joined = None  # the same samples recorded as 2 s browser pieces, joined
                for fmt in ("wav", "webm", "stream", "joined"):
                    if fmt == "stream":
                        data, _, joined = bs.streamed_analysis(engine, clip.samples, folder)
                        streamed += data["transcription"] == "streamed"
                    else:
                        path = {"wav": wav, "webm": webm}.get(fmt, joined)
                        assert path is not None
                        data = analyse_recording(path, engine).as_dict()
                    said = words_of(str(data["transcript"]))
                    first = fmt == "wav"
                    rows.append(
                        Row(clip.name, fmt, wer(reference, said),
                            deletions(reference, said) / len(reference),
                            float(data["coverage"]["ratio"]),  # type: ignore[index]
                            wer(reference, old) if first else None,
                            deletions(reference, old) / len(reference) if first else None,
                            old_cover if first else None, len(reference),
                            data.get("transcription") == "streamed")
                    )  # fmt: skip
    clips = len({r.name for r in rows})
    print(
        f"completeness: {clips} clips x 4 paths (WAV, WebM; browser pieces streamed and joined), {len(voices)} voices "
        f"({time.perf_counter() - started:.0f} s); set written 2026-11-30, development for the prompt choice"
    )
    print(
        "  WER = all errors; lost = share of words deleted; cover = seconds of speech with words ÷ speech"
    )
    print(
        f"  {'clip':<38} {'fmt':<4} {'WER':>5} {'lost':>5} {'cover':>6} | {'old WER':>7} {'lost':>5} {'cover':>6}"
    )
    for r in rows:
        old = (f"{r.old_wer:7.3f} {r.old_lost:5.3f} {r.old_coverage:6.3f}"
               if r.old_wer is not None and r.old_lost is not None and r.old_coverage is not None
               else " " * 20)  # fmt: skip
        flag = "" if r.wer <= 0.10 and r.coverage >= 0.95 else "  <- misses aim"
        print(
            f"  {r.name:<38} {r.fmt:<4} {r.wer:5.3f} {r.lost:5.3f} {r.coverage:6.3f} | {old}{flag}"
        )
    worst_wer = max(rows, key=lambda r: r.wer)
    worst_cov = min(rows, key=lambda r: r.coverage)
    olds = [r.old_wer for r in rows if r.old_wer is not None]
    at_aim = sum(r.wer <= 0.10 and r.coverage >= 0.95 for r in rows)
    print(
        f"  clip-paths at aim (WER <= 0.10 and coverage >= 0.95; each clip on each path): "
        f"{at_aim}/{len(rows)}"
    )
    print(
        f"  worst WER      {worst_wer.wer:.3f}  ({worst_wer.name}, {worst_wer.fmt})   mean {np.mean([r.wer for r in rows]):.3f}"
    )
    worst_lost = max(rows, key=lambda r: r.lost)
    print(f"  worst coverage {worst_cov.coverage:.3f}  ({worst_cov.name}, {worst_cov.fmt})")
    print(f"  worst lost     {worst_lost.lost:.3f}  ({worst_lost.name}, {worst_lost.fmt})")
    old_cover = [r.old_coverage for r in rows if r.old_coverage is not None]
    old_lost = [r.old_lost for r in rows if r.old_lost is not None]
    print(
        f"  baseline, the pipeline before (prompted, one pass), WAV: worst WER {max(olds):.3f} "
        f"(mean {np.mean(olds):.3f}), worst lost {max(old_lost):.3f}, worst coverage {min(old_cover):.3f}, "
        f"clips with WER > 0.10: {sum(o > 0.10 for o in olds)}/{len(olds)}"
    )
    print(
        "  issue 15: the clip recorded as 2 s browser pieces (live WebM/Opus): 'stream' with a "
        f"streaming step after every {bs.STEP_PIECES} and the end ({streamed}/{clips} took the "
        "streamed path), 'joined' the whole-file path on the very same joined file"
    )
    print(
        f"  {'path':<7} {'WER mean':>8} {'worst':>6} {'lost mean':>9} {'worst':>6} {'words lost':>10} {'cover mean':>10} {'worst':>6} {'at aim':>7}"
    )
    for fmt in ("wav", "webm", "joined", "stream"):
        mine = [r for r in rows if r.fmt == fmt]
        words = sum(round(r.lost * r.words) for r in mine)
        at = sum(r.wer <= 0.10 and r.coverage >= 0.95 for r in mine)
        print(
            f"  {fmt:<7} {np.mean([r.wer for r in mine]):8.3f} {max(r.wer for r in mine):6.3f} "
            f"{np.mean([r.lost for r in mine]):9.3f} {max(r.lost for r in mine):6.3f} {words:10d} "
            f"{np.mean([r.coverage for r in mine]):10.3f} {min(r.coverage for r in mine):6.3f} {at:4d}/{len(mine)}"
        )
    streamed_wer = {r.name: r.wer for r in rows if r.fmt == "stream" and r.streamed}
    joined_wer = {r.name: r.wer for r in rows if r.fmt == "joined"}
    print("  " + paired_difference(
        [streamed_wer[n] - joined_wer[n] for n in joined_wer if n in streamed_wer],
        "WER, streamed - joined (clips that took the streamed path)",
    ))  # fmt: skip


# "As accurate as the whole file" (issue 15, item 1), decided on 2026-12-03 before the figures
# below were read: over the same clips, the mean of each clip's WER streamed less its WER read
# whole from the very same file has a 95 % bootstrap interval whose upper end is at most 0.02
# (the margin `tests/coach/speech/test_streaming.py` allows one answer; a lower end above 0
# says it is worse all the same). A clip's reading moves by a few hundredths with milliseconds
# of what Whisper hears (twentieth session), so single clips say little; the mean over many
# does, and over a handful (the 2-minute answers) the interval is wide.
EQUIVALENCE_MARGIN = 0.02


def paired_difference(differences: list[float], label: str, draws: int = 10_000) -> str:
    """The mean of paired differences with its 95 % bootstrap interval (seeded), and how many
    were worse, better and the same, against EQUIVALENCE_MARGIN."""
    values = np.asarray(differences, dtype=float)
    if not values.size:
        return f"paired {label}: no pairs"
    rng = np.random.default_rng(20261203)
    means = values[rng.integers(0, values.size, (draws, values.size))].mean(axis=1)
    low, high = np.quantile(means, [0.025, 0.975])
    verdict = (
        "NOT shown as accurate"
        if high > EQUIVALENCE_MARGIN
        else "within the margin, but worse (the interval lies above 0)"
        if low > 0
        else "as accurate: within the margin"
    )
    return (
        f"paired {label}: mean {values.mean():+.4f}, 95 % interval [{low:+.4f}, {high:+.4f}] "
        f"over {values.size}; worse {int((values > 1e-9).sum())}, better "
        f"{int((values < -1e-9).sum())}, same {int((np.abs(values) <= 1e-9).sum())}; "
        f"{verdict} ({EQUIVALENCE_MARGIN})"
    )


def decoding_settings(folder: Path, engine: WhisperEngine) -> None:
    """The measurement behind the engine's settings: prompt, beam size and Whisper's
    temperature fallback, each through the whole completeness pass, on clips of every voice
    (WAV)."""
    greedy, fallback = (0.0,), (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)
    variants = {
        "beam 1, no prompt": (1, None, greedy),
        "beam 5, no prompt": (5, None, greedy),
        "beam 5, temperature fallback": (5, None, fallback),
        "beam 1, disfluent prompt": (1, DISFLUENT_PROMPT, greedy),
    }
    voices = [ss.Voice("espeak en-gb 160", "espeak", "en-gb", 160),
              ss.Voice("espeak en-us+m3 190", "espeak", "en-us+m3", 190)]  # fmt: skip
    if ss.piper_available():
        voices.append(ss.Voice("piper joe", "piper"))
    clips = [
        ss.build(f"{voice.name} s{s}", ss.STORIES[s], voice, folder, split_fillers=False,
                 gaps=tuple(3.0 if i == 1 else 0.35 for i in range(len(ss.STORIES[s]))))
        for voice in voices for s in range(len(ss.STORIES))
    ]  # fmt: skip
    print(f"decoding settings on {len(clips)} clips (a 3 s pause after the second sentence)")
    for label, (beam, prompt, temperatures) in variants.items():
        variant = WhisperEngine.__new__(WhisperEngine)
        variant.__dict__.update(engine.__dict__)
        variant.beam_size, variant.prompt, variant.temperatures = beam, prompt, temperatures
        errors, lost, seconds = [], [], 0.0
        for clip in clips:
            path = ss.write_wav(clip, folder / "setting.wav")
            reference = words_of(clip.text)
            started = time.perf_counter()
            said = words_of(str(analyse_recording(path, variant).as_dict()["transcript"]))
            seconds += time.perf_counter() - started
            errors.append(wer(reference, said))
            lost.append(deletions(reference, said) / len(reference))
        print(f"  {label:<30} WER mean {np.mean(errors):.3f} worst {max(errors):.3f}   "
              f"lost worst {max(lost):.3f}   time {seconds:.0f} s")  # fmt: skip


# The earlier accuracy clips: sentences, the silence after each, and the espeak rate.
CLIPS = [
    (("In my last job, um, our weekly reports were always late.", "My task was to fix that before the audit.",
      "I built a checklist and, uh, I trained the whole team on it.", "As a result, the reports went out two days earlier."),
     (0.4, 1.5, 0.4, 0), 130),
    (("So, uh, the client wanted the redesign in three weeks.", "I split the work into small releases.",
      "Um, I met the client every Friday to show progress.", "We shipped on time and, uh, they renewed the contract."),
     (3.5, 0.4, 1.2, 0), 160),
    (("I was the newest nurse on the ward.", "Um, one night three patients needed me at once.",
      "I checked the sickest patient first and, uh, I called the charge nurse.", "Everyone was safe and the handover was complete by six."),
     (0.5, 4.0, 0.5, 0), 190),
    (("Our sales team missed its target two quarters in a row.", "I was asked to find out why.",
      "Um, I interviewed eight reps and, uh, I mapped the pipeline.", "Um, the fix lifted conversion by twelve percent."),
     (1.5, 0.4, 3.2, 0), 150),
]  # fmt: skip


def _match(truth: list[tuple[float, float]], found: list[tuple[float, float]], slack: float) -> int:
    """How many true intervals a found one matches (each found and each true used once)."""
    used: set[int] = set()
    hits = 0
    for start, end in truth:
        for i, (f_start, f_end) in enumerate(found):
            if i not in used and f_start <= end + slack and start - slack <= f_end:
                used.add(i)
                hits += 1
                break
    return hits


def accuracy(folder: Path, engine: WhisperEngine, prompted: WhisperEngine) -> None:
    print(
        "accuracy on the four earlier clips (espeak-ng, 130–190 wpm, pauses 0.4–4 s; development set, written 2026-11-22)"
    )
    stats = {name: dict.fromkeys(("f_true", "f_found", "f_hit", "p_true", "p_found", "p_hit", "l_true", "l_found", "l_hit"), 0)
             for name in ("default", "prompted")}  # fmt: skip
    errors: dict[str, list[float]] = {"default": [], "prompted": []}
    pace: dict[str, list[float]] = {"default": [], "prompted": []}
    for number, (sentences, gaps, rate) in enumerate(CLIPS):
        voice = ss.Voice(f"espeak {rate}", "espeak", "en-us", rate)
        clip = ss.build(f"clip{number}", sentences, voice, folder, gaps=gaps)
        path = ss.write_wav(clip, folder / f"acc{number}.wav")
        reference = words_of(clip.text)
        spoken_s = clip.sentence_times[-1][1] - clip.sentence_times[0][0]
        truth_wpm = len(reference) / (spoken_s / 60)
        true_fillers = [(start, end) for _, start, end in clip.fillers]
        for name, eng in (("default", engine), ("prompted", prompted)):
            data = analyse_recording(path, eng).as_dict()
            errors[name].append(wer(reference, words_of(str(data["transcript"]))))
            pace[name].append(abs(float(data["wpm"]) - truth_wpm) / truth_wpm)  # type: ignore[arg-type]
            found = [(f["start"], f["start"] + 0.3) for f in data["fillers"]["items"]]  # type: ignore[index]
            s = stats[name]
            s["f_true"] += len(true_fillers)
            s["f_found"] += len(found)
            s["f_hit"] += _match(true_fillers, found, FILLER_TOLERANCE_S)
            detected = [(p["start"], p["end"]) for p in data["pauses"]["items"]]  # type: ignore[index]
            for key, limit in (("p", 1.0), ("l", 3.0)):
                truth = [p for p in clip.pauses if p[1] - p[0] >= limit]
                got = [p for p in detected if p[1] - p[0] >= limit]
                s[f"{key}_true"] += len(truth)
                s[f"{key}_found"] += len(got)
                s[f"{key}_hit"] += _match(truth, got, 0.3)
    for name in ("default", "prompted"):
        s = stats[name]
        label = "default (no prompt)" if name == "default" else "baseline: the old disfluent prompt"
        print(f"  {label}")
        print(
            f"    WER mean {np.mean(errors[name]):.3f}, worst {max(errors[name]):.3f}   wpm error mean {np.mean(pace[name]):.3f}, worst {max(pace[name]):.3f}"
        )
        print(
            f"    fillers  recall {s['f_hit'] / max(s['f_true'], 1):.2f} ({s['f_hit']}/{s['f_true']})  "
            f"precision {s['f_hit'] / max(s['f_found'], 1):.2f} ({s['f_hit']}/{s['f_found']} found; every kind counts)"
        )
        print(
            f"    pauses >= 1 s recall {s['p_hit']}/{s['p_true']} precision {s['p_hit']}/{s['p_found']};"
            f"  >= 3 s recall {s['l_hit']}/{s['l_true']} precision {s['l_hit']}/{s['l_found']}"
        )


def raw_engine(
    engine: WhisperEngine, samples: NDArray[np.float32], whole_window: bool = True
) -> None:
    """The speech engine alone on samples, as the pipeline calls it: the baseline of the speed
    figures (decoding, voice activity and the reading are what it leaves out). Plain
    faster-whisper, reading Whisper's whole 30 s window as every session before the
    thirty-fifth measured it, whatever window the engine's encoder reads (`speech.window`);
    with `whole_window` False, the engine's own encoder (the fitted window the pipeline reads
    with), so a ratio against it is the pipeline's overhead alone, the window's saving apart."""
    whole = getattr(engine.model, "encode_whole", None)
    if whole is not None and whole_window:
        engine.model.encode = whole
    try:
        segments, _ = engine.model.transcribe(
            samples, language="en", word_timestamps=True, condition_on_previous_text=False,
            vad_filter=True, vad_parameters={"min_silence_duration_ms": 500, "speech_pad_ms": 200},
            beam_size=engine.beam_size,
        )  # fmt: skip
        list(segments)
    finally:
        engine.model.__dict__.pop("encode", None)


def speed(folder: Path, engine: WhisperEngine) -> None:
    story = tuple(s for sentences, _, _ in CLIPS for s in sentences)
    clip = ss.build(
        "two minutes", story + story, ss.Voice("espeak 150", "espeak", "en-us", 150), folder
    )
    path = ss.write_webm(clip, folder / "two-minutes.webm")
    samples = decode(path).samples

    def plain() -> None:
        raw_engine(engine, samples)

    def fitted() -> None:
        raw_engine(engine, samples, whole_window=False)

    def once(work: object) -> tuple[float, float]:
        started, cpu = time.perf_counter(), time.process_time()
        work()  # type: ignore[operator]
        return time.perf_counter() - started, time.process_time() - cpu

    # Interleaved, the fastest of three each: the machine is shared, and load that comes and
    # goes then falls on both sides alike. The CPU time this process spent is printed beside
    # the wall time: on a loaded machine it is the steadier of the two.
    raws, fits, wholes = [], [], []
    for _ in range(3):
        raws.append(once(plain))
        fits.append(once(fitted))
        wholes.append(once(lambda: analyse_recording(path, engine)))
    raw, whole = min(w for w, _ in raws), min(w for w, _ in wholes)
    raw_cpu, whole_cpu = min(c for _, c in raws), min(c for _, c in wholes)
    fit, fit_cpu = min(w for w, _ in fits), min(c for _, c in fits)
    print(
        f"speed on a {clip.duration_s:.0f} s answer (WebM/Opus, this machine, default model; fastest of three, interleaved; load {os.getloadavg()[0]:.1f})"
    )
    print(
        f"  plain faster-whisper (baseline, Whisper's whole 30 s window): {raw:.1f} s wall, "
        f"{raw_cpu:.1f} s CPU"
    )
    print(
        f"  the same engine with the encoder's fitted window the pipeline reads with "
        f"(speech.window): {fit:.1f} s wall, {fit_cpu:.1f} s CPU"
    )
    print(
        f"  file to report: {whole:.1f} s wall = {whole / raw:.2f}x the plain engine; {whole_cpu:.1f} s CPU = {whole_cpu / raw_cpu:.2f}x   (aim <= 1.1)"
    )
    print(
        f"    the pipeline's overhead alone (against the fitted engine): {whole / fit:.2f}x wall, "
        f"{whole_cpu / fit_cpu:.2f}x CPU"
    )
    spans = speech_spans(samples)
    print(
        f"  ({len(spans)} speech spans; the report is {whole / clip.duration_s:.2f}x the answer's length)"
    )


def run() -> None:
    if shutil.which("espeak-ng") is None or shutil.which("sox") is None:
        raise SystemExit("bench_analysis needs espeak-ng and sox (apt-get install espeak-ng sox)")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        model = packaged_model(folder / "model")
        engine = WhisperEngine(model)
        prompted = WhisperEngine.__new__(WhisperEngine)
        prompted.__dict__.update(engine.__dict__)  # the same loaded model, the old settings
        prompted.prompt, prompted.beam_size = DISFLUENT_PROMPT, 1  # as it was configured before
        completeness(folder, engine, prompted)
        decoding_settings(folder, engine)
        accuracy(folder, engine, prompted)
        speed(folder, engine)
