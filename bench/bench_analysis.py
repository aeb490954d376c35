"""Answer analysis: accuracy on speech made from known text, agreement with labelled
transcripts, and speed on a two-minute answer.

Baselines measured in the same run: the same Whisper model without prepcoach's disfluent
prompt (what the prompt adds to filler recall), and the raw engine's own transcription time
(what the rest of the pipeline adds).
"""

from __future__ import annotations

import json
import re
import resource
import shutil
import subprocess
import tempfile
import time
import wave
from pathlib import Path

import numpy as np

from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.speech.audio import decode
from prepcoach.coach.speech.engine import WhisperEngine
from prepcoach.coach.speech.model import packaged_model
from prepcoach.coach.speech.pipeline import analyse_recording

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
# Each clip: pieces of speech, the pause (s) after each, and the espeak rate (words a minute).
CLIPS = [
    (
        [
            "In my last job, um, our weekly reports were always late.",
            "My task was to fix that before the audit.",
            "I built a checklist and, uh, I trained the whole team on it.",
            "As a result, the reports went out two days earlier.",
        ],
        [0.4, 1.5, 0.4, 0],
        130,
    ),
    (
        [
            "So, uh, the client wanted the redesign in three weeks.",
            "I split the work into small releases.",
            "Um, I met the client every Friday to show progress.",
            "We shipped on time and, uh, they renewed the contract.",
        ],
        [3.5, 0.4, 1.2, 0],
        160,
    ),
    (
        [
            "I was the newest nurse on the ward.",
            "Um, one night three patients needed me at once.",
            "I checked the sickest patient first and, uh, I called the charge nurse.",
            "Everyone was safe and the handover was complete by six.",
        ],
        [0.5, 4.0, 0.5, 0],
        190,
    ),
    (
        [
            "Our sales team missed its target two quarters in a row.",
            "I was asked to find out why.",
            "Um, I interviewed eight reps and, uh, I mapped the pipeline.",
            "Um, the fix lifted conversion by twelve percent.",
        ],
        [1.5, 0.4, 3.2, 0],
        150,
    ),
]
FILLERS = {"um", "uh"}


ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def spell(number: int) -> str:
    if number < 20:
        return ONES[number]
    if number < 100:
        return TENS[number // 10] + ("" if number % 10 == 0 else " " + ONES[number % 10])
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


def make_clip(
    folder: Path, number: int, pieces: list[str], pauses: list[float], rate: int
) -> tuple[Path, float]:
    """The clip's file and its speaking time (seconds of speech, without the added pauses)."""
    samples: list[np.ndarray] = []
    spoken = 0.0
    sample_rate = 22_050
    for index, (text, pause) in enumerate(zip(pieces, pauses, strict=True)):
        path = folder / f"c{number}-{index}.wav"
        subprocess.run(
            ["espeak-ng", "-s", str(rate), "-w", str(path), text], check=True, capture_output=True
        )
        with wave.open(str(path)) as handle:
            sample_rate = handle.getframerate()
            data = np.frombuffer(handle.readframes(handle.getnframes()), dtype=np.int16)
        samples += [data, np.zeros(int(pause * sample_rate), dtype=np.int16)]
        spoken += len(data) / sample_rate
    joined = np.concatenate(samples)
    out = folder / f"clip{number}.wav"
    with wave.open(str(out), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(sample_rate)
        handle.writeframes(joined.tobytes())
    return out, spoken


def speech_accuracy(folder: Path, engine: WhisperEngine, plain: WhisperEngine) -> None:
    print("speech made from known text (espeak-ng, 4 clips, 130 to 190 wpm, pauses 0.4 to 4 s)")
    errors, pace_errors = [], []
    found = {"prompted": [0, 0, 0], "plain": [0, 0, 0]}  # true positives, measured, inserted
    pauses_found = pauses_true = long_found = long_true = 0
    for number, (pieces, pauses, rate) in enumerate(CLIPS):
        path, spoken = make_clip(folder, number, pieces, pauses, rate)
        reference = words_of(" ".join(pieces))
        data = analyse_recording(path, engine).as_dict()
        hypothesis = words_of(str(data["transcript"]))
        errors.append(wer(reference, hypothesis))
        truth_wpm = len(reference) / ((spoken + sum(pauses)) / 60)
        pace_errors.append(abs(float(data["wpm"]) - truth_wpm) / truth_wpm)  # type: ignore[arg-type]
        inserted = sum(w in FILLERS for w in reference)
        for name, eng in (("prompted", engine), ("plain", plain)):
            got = analyse_recording(path, eng).as_dict() if eng is plain else data
            measured = sum(1 for f in got["fillers"]["items"] if f["text"] in FILLERS)  # type: ignore[index]
            found[name][0] += min(measured, inserted)
            found[name][1] += measured
            found[name][2] += inserted
        detected = data["pauses"]  # type: ignore[assignment]
        pauses_true += sum(p >= 1.0 for p in pauses)
        long_true += sum(p >= 3.0 for p in pauses)
        pauses_found += min(int(detected["count"]), sum(p >= 1.0 for p in pauses))  # type: ignore[index]
        long_found += min(int(detected["long_count"]), sum(p >= 3.0 for p in pauses))  # type: ignore[index]
    print(
        f"  word error rate      {np.mean(errors):.3f}   (aim <= 0.10; worst clip {max(errors):.3f})"
    )
    print(
        f"  wpm error            {np.mean(pace_errors):.3f}   (aim <= 0.05; worst clip {max(pace_errors):.3f})"
    )
    for name in ("prompted", "plain"):
        tp, measured, inserted = found[name]
        print(
            f"  fillers, {name:<9}  recall {tp / inserted:.2f}  precision {tp / max(measured, 1):.2f}"
            + (
                "   (aim recall >= 0.8, precision >= 0.9)"
                if name == "prompted"
                else "   (baseline: no disfluent prompt)"
            )
        )
    prompted, plain_recall = (
        found["prompted"][0] / found["prompted"][2],
        found["plain"][0] / found["plain"][2],
    )
    print(
        f"  the prompt's filler recall: {prompted / plain_recall if plain_recall else float('inf'):.2f}x the plain model's"
    )
    print(
        f"  pauses of 1 s or more found {pauses_found}/{pauses_true}; of 3 s or more {long_found}/{long_true}"
    )


def transcript_agreement() -> None:
    items = json.loads((DATA / "answer_transcripts.json").read_text(encoding="utf-8"))
    labels = ("situation", "task", "action", "result", "quantified_result")
    agree = dict.fromkeys(labels, 0)
    tp = measured = labelled = 0
    misses: list[str] = []
    for item in items:
        result = analyse_answer(text=item["transcript"])
        star = result.content.star
        got = {
            "situation": star["situation"].present,
            "task": star["task"].present,
            "action": result.content.ownership.personal,
            "result": star["result"].present,
            "quantified_result": result.content.quantified_result.present,
        }
        for label in labels:
            agree[label] += got[label] == item[label]
            if got[label] != item[label]:
                misses.append(f"{item['id']}:{label}")
        count = len(result.delivery.fillers)
        tp += min(count, item["fillers"])
        measured += count
        labelled += item["fillers"]
    majority = {
        label: max(sum(i[label] for i in items), len(items) - sum(i[label] for i in items))
        / len(items)
        for label in labels
    }
    print(
        f"labelled transcripts ({len(items)}): agreement, and the always-the-commonest-label baseline"
    )
    for label in labels:
        print(
            f"  {label:<18} {agree[label] / len(items):.3f}   baseline {majority[label]:.3f}   (aim >= 0.85)"
        )
    print(f"  fillers            recall {tp / labelled:.2f}  precision {tp / max(measured, 1):.2f}")
    print(f"  disagreements: {', '.join(misses[:14])}{' …' if len(misses) > 14 else ''}")


def speed(folder: Path, engine: WhisperEngine) -> None:
    story = " ".join(p for pieces, _, _ in CLIPS for p in pieces)
    text = " ".join([story] * 3)
    path = folder / "two-minutes.wav"
    subprocess.run(
        ["espeak-ng", "-s", "150", "-w", str(path), text], check=True, capture_output=True
    )
    audio = decode(path)
    started = time.perf_counter()
    engine.transcribe(audio.samples)
    raw = time.perf_counter() - started
    started = time.perf_counter()
    analyse_recording(path, engine)
    whole = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"speed on a {audio.duration_s:.0f} s answer (this machine, default model)")
    print(
        f"  upload to report: {whole:.1f} s = {whole / audio.duration_s:.2f}x the answer's length   (aim <= 0.3)"
    )
    print(f"  against the raw engine's {raw:.1f} s: {whole / raw:.2f}x   (aim <= 1.15)")
    print(f"  peak memory of this process: {peak_mb:.0f} MB")


def run() -> None:
    if shutil.which("espeak-ng") is None:
        raise SystemExit("bench_analysis needs espeak-ng (apt-get install espeak-ng)")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        model = packaged_model(folder / "model")
        engine = WhisperEngine(model)
        plain = WhisperEngine(model, prompt=None)
        speech_accuracy(folder, engine, plain)
        transcript_agreement()
        speed(folder, engine)
