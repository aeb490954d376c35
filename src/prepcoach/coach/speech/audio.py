"""Any browser recording (WebM/Opus, MP4/AAC, Ogg, WAV, M4A), audio or video, decoded to
16 kHz mono samples with PyAV (FFmpeg's libraries, bundled in its wheel)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import av
import numpy as np
from numpy.typing import NDArray

RATE = 16_000
MAX_SECONDS = 45 * 60  # longer is not an answer; decoding it would only fill memory


class AudioError(ValueError):
    """A recording that cannot be analysed; the message says why and what to do."""


@dataclass(frozen=True)
class Audio:
    samples: NDArray[np.float32]  # mono, RATE per second, -1 to 1
    duration_s: float


def decode(path: Path | str, max_seconds: float = MAX_SECONDS) -> Audio:
    path = Path(path)
    if not path.exists() or path.stat().st_size == 0:
        raise AudioError("The recording is empty: nothing was captured. Record the answer again.")
    try:
        container = av.open(str(path))
    except (av.error.InvalidDataError, av.error.FFmpegError, ValueError) as error:
        raise AudioError(
            f"This file cannot be read as audio or video ({error.__class__.__name__}): record "
            "again, or upload a WebM, Ogg, MP4, M4A or WAV file."
        ) from None
    with container:
        streams = [s for s in container.streams if s.type == "audio"]
        if not streams:
            raise AudioError("The file has no sound track: record with a microphone.")
        resampler = av.AudioResampler(format="flt", layout="mono", rate=RATE)
        chunks: list[NDArray[np.float32]] = []
        total = 0
        try:
            for frame in container.decode(streams[0]):
                assert isinstance(frame, av.AudioFrame)
                for out in resampler.resample(frame):
                    data = out.to_ndarray().reshape(-1).astype(np.float32)
                    chunks.append(data)
                    total += data.size
                if total > max_seconds * RATE:
                    raise AudioError(
                        f"The recording is longer than {int(max_seconds // 60)} minutes: an answer "
                        "that long cannot be analysed. Record a shorter one."
                    )
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray().reshape(-1).astype(np.float32))
        except av.error.FFmpegError as error:
            if not chunks:
                raise AudioError(
                    f"The sound could not be decoded ({error.__class__.__name__}): the file may be "
                    "damaged or use a codec prepcoach cannot read. Record the answer again."
                ) from None
            # A truncated file: keep what decoded, as a player would.
    samples = np.concatenate(chunks) if chunks else np.zeros(0, dtype=np.float32)
    if samples.size < RATE // 4:
        raise AudioError(
            "The recording is shorter than a quarter of a second: record the answer again."
        )
    return Audio(samples, samples.size / RATE)
