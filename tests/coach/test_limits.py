"""The caps of `coach.limits` and the recording length they are checked against."""

from pathlib import Path

from prepcoach.coach.limits import RECORDING_GRACE_S, recording_too_long, too_long
from prepcoach.coach.media import measured_seconds
from tests.practice.conftest import live_webm, tone_wav


def test_a_text_at_its_limit_passes_and_one_more_character_is_named() -> None:
    assert too_long("x" * 300, 300, "question") is None
    assert too_long("x" * 301, 300, "question") == (
        "The question is 301 characters, over the limit of 300: shorten it and send again."
    )


def test_a_recording_over_its_limit_and_grace_is_refused_with_its_length() -> None:
    assert recording_too_long(None, 600) is None  # unreadable: decoding says why
    assert recording_too_long(600 + RECORDING_GRACE_S, 600) is None
    message = recording_too_long(45 * 60, 600)
    assert message is not None
    assert message.startswith("The recording plays for 45 min 00 s, over the 10-minute limit")


def test_the_length_is_read_from_the_packets_even_without_a_stated_duration(
    tmp_path: Path,
) -> None:
    webm = tmp_path / "live.webm"
    webm.write_bytes(live_webm(3.0))  # a browser's live WebM: its header states no duration
    seconds = measured_seconds(webm)
    assert seconds is not None
    assert 2.9 <= seconds <= 3.1
    wav = tmp_path / "tone.wav"
    wav.write_bytes(tone_wav(2.0))
    assert measured_seconds(wav) == 2.0
    empty = tmp_path / "empty.webm"
    empty.write_bytes(b"")
    assert measured_seconds(empty) is None  # decoding then says why


def test_a_line_break_sent_as_cr_lf_counts_once_as_the_browsers_box_counted_it() -> None:
    text = "a\r\n" * 50 + "b" * 50  # 150 characters to a textarea's maxlength, 200 as sent
    assert too_long(text, 150, "answer") is None
    assert too_long(text + "c", 150, "answer") is not None
