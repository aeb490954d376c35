import itertools
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from numpy.typing import NDArray

from prepcoach.coach.speech.audio import AudioError
from prepcoach.coach.speech.engine import LanguageGuess, WhisperEngine, Word
from prepcoach.coach.speech.model import MODEL_SHA256, packaged_model
from prepcoach.coach.speech.pipeline import analyse_recording
from prepcoach.coach.speech.vad import Span
from tests.coach.speech.conftest import read_wav, speak, write_wav


def test_the_packaged_model_is_joined_once_and_checked(tmp_path: Path) -> None:
    import hashlib

    folder = packaged_model(tmp_path / "whisper-base")
    assert hashlib.sha256((folder / "model.bin").read_bytes()).hexdigest() == MODEL_SHA256
    stamp = (folder / "model.bin").stat().st_mtime_ns
    assert packaged_model(tmp_path / "whisper-base") == folder
    assert (folder / "model.bin").stat().st_mtime_ns == stamp  # not joined again


def test_a_spoken_answer_is_transcribed_with_fillers_and_timings(
    answer_wav: Path, engine: WhisperEngine
) -> None:
    result = analyse_recording(
        answer_wav, engine, question="Tell me about a time you fixed a late process"
    )
    data = result.as_dict()
    assert "checklist" in data["transcript"].lower()
    assert [f["text"] for f in data["fillers"]["items"]] == ["um", "uh"]  # kept, not cleaned away
    assert all(f["start"] is not None for f in data["fillers"]["items"])
    words = data["words"]
    assert words[0]["start"] < 0.5
    assert all(a["start"] <= b["start"] for a, b in itertools.pairwise(words))
    assert 120 < data["wpm"] < 220
    assert data["star"]["result"]["present"]
    assert data["star"]["action"]["present"]
    assert data["ownership"]["i_actions"] >= 2
    assert len(data["tips"]) <= 3
    json.dumps(data)


def test_a_long_silence_is_a_long_pause(audio_dir: Path, engine: WhisperEngine) -> None:
    first, rate = read_wav(speak("I built a checklist for the team.", audio_dir / "p1.wav"))
    second, _ = read_wav(
        speak("As a result, the reports were two days early.", audio_dir / "p2.wav")
    )
    gap = np.zeros(int(rate * 4.0), dtype=np.int16)
    path = write_wav(audio_dir / "paused.wav", np.concatenate([first, gap, second]), rate)
    data = analyse_recording(path, engine).as_dict()
    assert data["pauses"]["long_count"] == 1
    assert 3.5 < data["pauses"]["longest_s"] < 4.6


def _music(seconds: float = 6.0, rate: int = 16_000) -> np.ndarray:
    """Plucked notes of an arpeggio, each with harmonics and a decay: music, no voice."""
    notes = [261.6, 329.6, 392.0, 523.3, 440.0, 349.2, 293.7, 392.0]
    t = np.arange(int(rate * 0.5)) / rate
    pluck = [
        sum(np.sin(2 * np.pi * f * k * t) / k for k in (1, 2, 3)) * np.exp(-4 * t) for f in notes
    ]
    tune = np.tile(np.concatenate(pluck), int(seconds / 4) + 1)[: int(rate * seconds)]
    return tune * 6000


@pytest.mark.parametrize("kind", ["silence", "noise", "music"])
def test_silence_or_noise_is_explained(tmp_path: Path, engine: WhisperEngine, kind: str) -> None:
    rng = np.random.default_rng(1)
    samples = (
        np.zeros(16_000 * 3)
        if kind == "silence"
        else rng.normal(0, 300, 16_000 * 3)
        if kind == "noise"
        else _music()
    )
    path = write_wav(tmp_path / f"{kind}.wav", samples, 16_000)
    with pytest.raises(AudioError, match=r"No speech was found|Too few words|completely silent"):
        analyse_recording(path, engine)


def test_a_model_is_chosen_by_name_or_folder(tmp_path: Path) -> None:
    from prepcoach.coach.speech.model import ModelError, resolve_model

    assert (resolve_model("", tmp_path) / "model.bin").exists()
    assert resolve_model("base", tmp_path) == tmp_path / "whisper-base"
    with pytest.raises(ModelError, match="not a complete model folder"):
        resolve_model(str(tmp_path / "nowhere"), tmp_path)


def test_a_model_folder_without_its_tokenizer_is_refused(tmp_path: Path) -> None:
    """faster-whisper would fetch the missing tokenizer from the model hub: never."""
    from prepcoach.coach.speech.model import ModelError, resolve_model

    folder = tmp_path / "half"
    folder.mkdir()
    for name in ("model.bin", "config.json", "vocabulary.json"):
        (folder / name).write_bytes(b"x")
    with pytest.raises(ModelError, match=r"missing tokenizer\.json"):
        resolve_model(str(folder), tmp_path)


def test_an_answer_in_another_language_is_explained(audio_dir: Path, engine: WhisperEngine) -> None:
    import shutil
    import subprocess

    path = audio_dir / "french.wav"
    text = ("Bonjour, dans mon dernier poste, j'ai construit une liste de contrôle et j'ai formé "
            "toute l'équipe. En conséquence, les rapports sont partis deux jours plus tôt.")  # fmt: skip
    subprocess.run(
        [shutil.which("espeak-ng") or "espeak-ng", "-v", "fr", "-w", str(path), text], check=True
    )
    with pytest.raises(AudioError, match="another language"):
        analyse_recording(path, engine)


class _Looping:
    """An engine that reads any speech as one sentence said over and over, as Whisper read
    French in espeak's voice when told it was English, and guesses `language`."""

    name = "looping"

    def __init__(self, language: str, english: float, loops: bool = True) -> None:
        self.guess = LanguageGuess(language, 0.6, english)
        self.loops = loops  # False: it hears nothing at all

    def detect_language(self, samples: NDArray[np.float32]) -> LanguageGuess:
        return self.guess

    def words(
        self, samples: NDArray[np.float32], speech: Sequence[Span] | None = None
    ) -> tuple[Word, ...]:
        if not self.loops:
            return ()
        sentence = " In the next few days the team is linked to the platform.".split(" ")[1:]
        return tuple(Word(f" {w}", 0.3 * i, 0.3 * i + 0.25) for i, w in enumerate(sentence * 4))

    def first_pass(
        self, samples: NDArray[np.float32], speech: Sequence[Span]
    ) -> tuple[tuple[Word, ...], LanguageGuess]:
        return self.words(samples, speech), self.guess


@pytest.mark.parametrize(
    ("language", "english", "loops", "named"),
    [("fr", 0.05, True, True), ("en", 0.9, True, False), ("fr", 0.4, True, False),
     ("fr", 0.05, False, False)],
)  # fmt: skip
def test_speech_that_only_loops_is_named_by_its_language_when_clearly_not_english(
    answer_wav: Path, language: str, english: float, loops: bool, named: bool
) -> None:
    """Every pass loops, so no words are kept: another language or music (which loops too:
    prepcoach cannot tell them apart, so it names both) when the detector is clear it is not
    English; else an answer too unclear to read. An engine that hears nothing at all names no
    language, whatever the detector says."""
    with pytest.raises(AudioError, match="Too few words") as raised:
        analyse_recording(answer_wav, _Looping(language, english, loops))
    assert ("another language (fr) or music" in str(raised.value)) is named, raised.value


def test_two_first_uses_at_once_both_get_the_whole_model(tmp_path: Path) -> None:
    """The worker and the CLI may join the packaged model at the same moment."""
    import hashlib
    import threading

    from prepcoach.coach.speech.model import MODEL_SHA256, packaged_model

    start = threading.Barrier(2)
    results: list[object] = []

    def join() -> None:
        start.wait()
        try:
            results.append(packaged_model(tmp_path / "whisper-base"))
        except Exception as error:  # the test reports what went wrong
            results.append(error)

    threads = [threading.Thread(target=join) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [tmp_path / "whisper-base"] * 2
    model = (tmp_path / "whisper-base" / "model.bin").read_bytes()
    assert hashlib.sha256(model).hexdigest() == MODEL_SHA256
    assert sorted(p.name for p in (tmp_path / "whisper-base").iterdir()) == [
        "config.json", "model.bin", "tokenizer.json", "vocabulary.json"
    ]  # fmt: skip


def test_a_spoken_answer_to_a_follow_up_asked_of_a_plan_is_read_as_a_plan(
    answer_wav: Path, engine: WhisperEngine
) -> None:
    """The worker tells a recorded follow-up's analysis what it was asked of, as a typed one's
    (`relevance.follow_up_kind`): "Who would you involve, and when?" alone reads as no plan."""
    asked = "Who would you involve, and when?"
    data = analyse_recording(answer_wav, engine, question=asked, kind="would_do").as_dict()
    assert data["relevance"]["kind"] == "would_do"
    assert data["relevance"]["check"] is None


def test_the_transcription_s_freed_memory_is_given_back_before_the_reading(
    answer_wav: Path, engine: WhisperEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    from prepcoach.coach import heap
    from prepcoach.coach.answer import AnswerAnalysis, analyse_answer

    steps: list[str] = []

    def giving_back() -> bool:
        steps.append("give back")
        return True

    def reading(**kwargs: Any) -> AnswerAnalysis:
        steps.append("read")
        return analyse_answer(**kwargs)

    monkeypatch.setattr(heap, "give_back", giving_back)
    monkeypatch.setattr("prepcoach.coach.speech.pipeline.analyse_answer", reading)
    analyse_recording(answer_wav, engine)
    assert steps == ["give back", "read"]
