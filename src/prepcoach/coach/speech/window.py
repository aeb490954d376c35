"""How much of Whisper's 30 s window the encoder reads.

faster-whisper pads every window's log-mel features with zeros to 3,000 frames (30 s, 10 ms a
frame), and Whisper base's encoder costs about the same for a 5 s rest as for 30 s of speech:
about 0.9 s of the 1.1 s the model took over a 5 s rest at the end of an answer (issue 15), and
every step of the decoder attends over the whole window. The encoder reads any number of
frames; given only the frames that hold audio, with a margin of the padding it was trained to
see after them and a floor, it read the same words (`bench/bench_window.py`, with the rule it
was judged by, written before the figures were read).

The floor is 20 s: with a floor of 10 s, clips of one sentence (2-5 s of speech) were read
worse (development, 29 clips: WER +0.023, 7 worse and 1 better), though longer clips were read
better; 15 s, +0.012; 20 s, -0.004 (4 worse, 3 better), a clip of 1-4 sentences then read in
0.59-0.67 of the time the full window took (measured with every window fitted, the language's
too). Held-out
(`bench/window_heldout.py`, written blind, read after the floor was fixed), the words of 68
clips read given their speech: WER -0.009 (interval -0.022 to +0.003; 16 worse, 16 better),
words lost 54 → 42, word times the same (95th percentile 0.02 s), in 0.69 of the time (clips of
one sentence: -0.022, 0.60 of the time).

The window the language is judged on is read whole (`engine.WhisperEngine`): a fitted one made
short clips of English sound less English."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

FULL_FRAMES = 3000  # Whisper's window: 30 s of 10 ms frames
MIN_FRAMES = 2000  # the floor: 20 s
MARGIN_FRAMES = 100  # 1 s of the padding kept after the audio, as the model was trained to see
STEP_FRAMES = 100  # windows in whole seconds, so a few lengths recur


def fitted_frames(features: NDArray[np.float32]) -> int:
    """The frames of `features` (…, mel bins, frames) the encoder should read: the last frame
    holding audio in any window of the batch (faster-whisper's padding is exact zeros in every
    bin; a frame of audio is never all zeros: silence is the log-mel floor), plus `MARGIN_FRAMES`,
    rounded up to whole seconds, at least `MIN_FRAMES` and at most the frames given."""
    frames = int(features.shape[-1])
    # Every window of a batch: faster-whisper's batched path stacks windows of many lengths.
    held = np.flatnonzero(np.any(features.reshape(-1, frames) != 0, axis=0))
    content = int(held[-1]) + 1 if held.size else 0
    wanted = max(MIN_FRAMES, content + MARGIN_FRAMES)
    wanted = -(-wanted // STEP_FRAMES) * STEP_FRAMES
    return min(frames, wanted)


def fitted_window(features: NDArray[np.float32]) -> NDArray[np.float32]:
    """`features` cut to `fitted_frames` (a contiguous copy only when it is cut)."""
    frames = fitted_frames(features)
    if frames == features.shape[-1]:
        return features
    return np.ascontiguousarray(features[..., :frames])
