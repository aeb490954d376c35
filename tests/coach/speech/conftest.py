"""Real speech for the speech tests: espeak-ng reads known text; PyAV re-encodes it the way
browsers record (WebM/Opus, Ogg/Opus, MP4/AAC)."""

from __future__ import annotations

import shutil
import subprocess
import wave
from pathlib import Path

import numpy as np
import pytest

from prepcoach.coach.speech.engine import WhisperEngine, whisper_engine
from prepcoach.coach.speech.model import packaged_model

ANSWER = (
    "In my last job, um, our reports were always late. My task was to fix that. "
    "I built a checklist and, uh, I trained the team. "
    "As a result, the reports went out two days earlier."
)


def speak(text: str, path: Path, rate: int = 150) -> Path:
    espeak = shutil.which("espeak-ng")
    if espeak is None:
        pytest.fail(
            "espeak-ng is needed for the speech tests: apt-get install espeak-ng", pytrace=False
        )
    subprocess.run(
        [espeak, "-s", str(rate), "-w", str(path), text], check=True, capture_output=True
    )
    return path


def read_wav(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path)) as handle:
        rate = handle.getframerate()
        data = np.frombuffer(handle.readframes(handle.getnframes()), dtype=np.int16)
    return data, rate


def write_wav(path: Path, data: np.ndarray, rate: int) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(data.astype(np.int16).tobytes())
    return path


def reencode(source: Path, target: Path, codec: str, rate: int = 48_000) -> Path:
    """The WAV as a browser would have sent it."""
    import av

    with av.open(str(source)) as inp, av.open(str(target), "w") as out:
        stream = out.add_stream(codec, rate=rate)
        stream.layout = "mono"  # type: ignore[union-attr]
        resampler = av.AudioResampler(format=stream.format.name, layout="mono", rate=rate)  # type: ignore[union-attr]
        for frame in inp.decode(audio=0):
            for piece in resampler.resample(frame):
                for packet in stream.encode(piece):  # type: ignore[union-attr]
                    out.mux(packet)
        for packet in stream.encode(None):  # type: ignore[union-attr]
            out.mux(packet)
    return target


@pytest.fixture(scope="session")
def audio_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("speech")


@pytest.fixture(scope="session")
def answer_wav(audio_dir: Path) -> Path:
    return speak(ANSWER, audio_dir / "answer.wav")


@pytest.fixture(scope="session")
def engine(tmp_path_factory: pytest.TempPathFactory) -> WhisperEngine:
    return whisper_engine(packaged_model(tmp_path_factory.mktemp("model") / "whisper-base"))
