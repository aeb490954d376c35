from pathlib import Path

import numpy as np
import pytest

from prepcoach.coach.speech.audio import RATE, AudioError, decode, decode_from, opus_samples
from tests.coach.speech.conftest import read_wav, reencode, write_wav


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


def _piece_by_piece(path: Path) -> tuple[np.ndarray, bool]:
    """The samples resampled one decoded piece at a time (as `decode` did before it asked the
    resampler for whole seconds), stopping where the file is damaged, and what the resampler
    still holds taken at the end; and whether the decoder broke off on damage."""
    import av

    broke = False
    with av.open(str(path)) as container:
        resampler = av.AudioResampler(format="fltp", layout="mono", rate=RATE)
        chunks = []
        try:
            for frame in container.decode(container.streams.audio[0]):
                chunks += [out.to_ndarray()[0] for out in resampler.resample(frame)]
        except av.error.FFmpegError:
            broke = True
        chunks += [out.to_ndarray()[0] for out in resampler.resample(None)]
    return np.concatenate(chunks), broke


def test_whole_seconds_from_the_resampler_keep_every_sample(
    answer_wav: Path, audio_dir: Path, tmp_path: Path
) -> None:
    """Bit for bit the piece-by-piece samples, to the last one: the part of a second the
    resampler still holds at the end, where a file is cut short, or where the decoder breaks
    off on damage, is kept."""
    whole = reencode(answer_wav, audio_dir / "whole.webm", "libopus")
    cut = tmp_path / "cut.webm"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size * 2 // 5])
    damaged = tmp_path / "damaged.m4a"
    data = bytearray(reencode(answer_wav, audio_dir / "whole.m4a", "aac").read_bytes())
    middle = len(data) // 2
    data[middle : middle + 2000] = np.random.default_rng(7).bytes(2000)
    damaged.write_bytes(bytes(data))
    broken_off = []
    for path in (whole, cut, damaged):
        reference, broke = _piece_by_piece(path)
        broken_off.append(broke)
        assert reference.size % RATE  # a part of a second is left at the end
        assert np.array_equal(decode(path).samples, reference)
    assert broken_off == [False, False, True]  # the damaged file really takes the error path


def test_the_last_part_of_a_second_counts_for_the_length(answer_wav: Path) -> None:
    """The most an answer may last is checked on every sample, the resampler's rest too."""
    seconds = decode(answer_wav).duration_s
    assert seconds % 1  # a part of a second at the end
    with pytest.raises(AudioError, match="longer than"):
        decode(answer_wav, max_seconds=seconds - 0.01)
    assert decode(answer_wav, max_seconds=seconds + 0.01).duration_s == seconds


def test_an_answer_too_long_is_refused(answer_wav: Path) -> None:
    with pytest.raises(AudioError, match="longer than"):
        decode(answer_wav, max_seconds=2)


@pytest.fixture(scope="module")
def long_opus(answer_wav: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 30 s of speech as WebM/Opus, the way a browser records it."""
    folder = tmp_path_factory.mktemp("decode-from")
    data, rate = read_wav(answer_wav)
    wav = write_wav(folder / "long.wav", np.concatenate([data, data, data]), rate)
    return reencode(wav, folder / "long.webm", "libopus")


def test_decode_from_gives_the_very_samples_of_the_whole_decode(long_opus: Path) -> None:
    whole = decode(long_opus).samples
    assert whole.size > 25 * RATE
    for seconds in range(int(whole.size / RATE)):
        tail = decode_from(long_opus, seconds)
        assert tail is not None, seconds
        assert np.array_equal(tail, whole[seconds * RATE :]), seconds


def test_decode_from_a_recording_cut_short_as_its_pieces_arrive(
    long_opus: Path, tmp_path: Path
) -> None:
    data = long_opus.read_bytes()
    so_far = tmp_path / "so-far.webm"
    so_far.write_bytes(data[: len(data) * 2 // 3])  # the pieces so far, joined
    whole = decode(so_far).samples
    for seconds in (3, 10, int(whole.size / RATE) - 2):
        tail = decode_from(so_far, seconds)
        assert tail is not None
        assert np.array_equal(tail, whole[seconds * RATE :]), seconds


def test_decode_from_declines_what_it_cannot_promise(
    answer_wav: Path, long_opus: Path, tmp_path: Path
) -> None:
    assert decode_from(answer_wav, 2) is None  # not Opus: the caller decodes the whole file
    data, rate = read_wav(answer_wav)
    quiet = write_wav(tmp_path / "quiet.wav", (data * 0.02).astype(np.int16), rate)
    quiet_opus = reencode(quiet, tmp_path / "quiet.webm", "libopus")
    assert decode(quiet_opus).gain_db > 0  # decode amplifies it by the whole file's peak
    assert decode_from(quiet_opus, 2) is None
    assert decode_from(long_opus, 2, max_seconds=10) is None  # too long: decode says so
    (tmp_path / "bad.webm").write_bytes(b"%PDF-1.7 hello")
    assert decode_from(tmp_path / "bad.webm", 2) is None


def test_opus_packet_sizes_come_from_the_toc_byte() -> None:
    assert opus_samples(bytes([(1 << 3) | 0])) == 960  # SILK 20 ms, one frame
    assert opus_samples(bytes([(31 << 3) | 1])) == 1920  # CELT 20 ms, two frames
    assert opus_samples(bytes([(16 << 3) | 3, 3])) == 360  # CELT 2.5 ms, three frames
    assert opus_samples(b"") == 0
