"""The encoder reads the frames that hold audio: never less than they are with a margin, never
under the 20 s floor, and never a frame of speech cut, in any window of a batch."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from prepcoach.coach.speech.window import (
    FULL_FRAMES,
    MARGIN_FRAMES,
    MIN_FRAMES,
    STEP_FRAMES,
    fitted_frames,
    fitted_window,
)


def padded(content: int, bins: int = 80, batch: bool = False) -> np.ndarray:
    """A window as faster-whisper hands it to the encoder: `content` frames of log-mel values
    (never exactly zero in every bin), then zeros to 30 s."""
    rng = np.random.default_rng(content)
    features = np.zeros((bins, FULL_FRAMES), dtype=np.float32)
    features[:, :content] = rng.uniform(-1.0, 1.5, size=(bins, content)).astype(np.float32)
    features[0, :content] += 3.0  # no column of speech is all zeros
    return features[None] if batch else features


def test_a_five_second_rest_is_read_at_the_floor() -> None:
    assert fitted_frames(padded(500)) == MIN_FRAMES


def test_a_window_of_speech_is_read_whole() -> None:
    assert fitted_frames(padded(FULL_FRAMES)) == FULL_FRAMES
    assert fitted_frames(padded(2950)) == FULL_FRAMES  # the margin reaches past 30 s


def test_the_end_of_the_speech_keeps_a_second_of_padding_in_whole_seconds() -> None:
    assert fitted_frames(padded(2_512)) == 2_700  # 25.12 s of audio, 1 s after, up to 27 s


def test_silence_alone_is_read_at_the_floor() -> None:
    assert fitted_frames(np.zeros((80, FULL_FRAMES), dtype=np.float32)) == MIN_FRAMES


def test_a_window_shorter_than_the_floor_is_left_as_given() -> None:
    # faster-whisper never gives one, but a caller might: nothing is read past its end.
    assert fitted_frames(padded(300)[:, :600]) == 600


@given(st.integers(0, FULL_FRAMES), st.booleans())
def test_every_frame_of_audio_is_read_with_its_margin(content: int, batch: bool) -> None:
    features = padded(content, bins=8, batch=batch)
    frames = fitted_frames(features)
    assert min(FULL_FRAMES, max(MIN_FRAMES, content + MARGIN_FRAMES)) <= frames <= FULL_FRAMES
    assert frames % STEP_FRAMES == 0
    assert frames - max(MIN_FRAMES, content + MARGIN_FRAMES) < STEP_FRAMES
    window = fitted_window(features)
    assert window.shape == (*features.shape[:-1], frames)
    assert window.flags.c_contiguous  # CTranslate2 reads the buffer as laid out
    np.testing.assert_array_equal(window[..., :content], features[..., :content])
    assert not features[..., frames:].any()  # only padding is left out


def test_a_batch_is_read_to_its_longest_window() -> None:
    batch = np.stack([padded(500), padded(2_900)])
    assert fitted_frames(batch) == FULL_FRAMES
    assert fitted_window(batch).shape == batch.shape
