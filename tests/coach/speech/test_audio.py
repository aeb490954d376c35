from pathlib import Path

import numpy as np
import pytest

from prepcoach.coach.speech.audio import RATE, AudioError, decode
from tests.coach.speech.conftest import read_wav, reencode


@pytest.mark.parametrize(
    ("name", "codec"),
    [("a.webm", "libopus"), ("a.ogg", "libopus"), ("a.m4a", "aac"), ("a.mp4", "aac")],
)
def test_browser_formats_decode_to_16_khz_mono(
    answer_wav: Path, audio_dir: Path, name: str, codec: str
) -> None:
    original = decode(answer_wav)
    converted = decode(reencode(answer_wav, audio_dir / name, codec))
    assert abs(converted.duration_s - original.duration_s) < 0.15
    assert converted.samples.dtype == np.float32
    assert converted.samples.ndim == 1
    assert np.abs(converted.samples).max() > 0.05


def test_a_wav_keeps_its_length(answer_wav: Path) -> None:
    data, rate = read_wav(answer_wav)
    assert decode(answer_wav).duration_s == pytest.approx(len(data) / rate, abs=0.05)
    assert decode(answer_wav).samples.size == pytest.approx(len(data) / rate * RATE, rel=0.01)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"%PDF-1.7 hello", "cannot be read"),
        (b"\x1a\x45\xdf\xa3" + b"\x00" * 64, "cannot be read|no sound|shorter"),
    ],
)
def test_bad_files_say_what_to_do(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.webm"
    path.write_bytes(content)
    with pytest.raises(AudioError, match=message):
        decode(path)


def test_a_truncated_recording_keeps_what_decodes(
    answer_wav: Path, audio_dir: Path, tmp_path: Path
) -> None:
    whole = reencode(answer_wav, audio_dir / "whole.webm", "libopus")
    cut = tmp_path / "cut.webm"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    kept = decode(cut)
    assert 1.0 < kept.duration_s < decode(whole).duration_s


def test_an_answer_too_long_is_refused(answer_wav: Path) -> None:
    with pytest.raises(AudioError, match="longer than"):
        decode(answer_wav, max_seconds=2)
