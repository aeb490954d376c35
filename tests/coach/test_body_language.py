"""The body-language judgement: frames with known values in, observations at the right times
out; bad pictures get a note; never a label about the person."""

from __future__ import annotations

import dataclasses
import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from prepcoach.coach.body_language import (
    BodyLanguage,
    BodyLanguageSettings,
    Box,
    Frame,
    Shoulders,
    VideoFacts,
    analyse_body_language,
)

FPS = 5
CENTRED = Box(0.35, 0.2, 0.65, 0.6)
LEVEL = Shoulders((0.3, 0.8), (0.7, 0.8))
LABELS = re.compile(
    r"confiden|nervous|anxious|emotion|happy|sad|angry|honest|lying|hireab|score|rating",
    re.IGNORECASE,
)


def facts(duration: float, height: int = 480) -> VideoFacts:
    return VideoFacts(640, height, duration, "test-landmarks/1", FPS)


def face(t: float, **changes: object) -> Frame:
    values: dict[str, object] = {
        "t": t,
        "faces": 1,
        "box": CENTRED,
        "yaw": 0.0,
        "pitch": 0.0,
        "roll": 0.0,
        "iris": (0.0, 0.0),
        "smile": 0.38,
        "shoulders": LEVEL,
        "brightness": 0.5,
        "change": 0.02,
    }
    values.update(changes)
    return Frame(**values)  # type: ignore[arg-type]


def answer(duration: float, at: dict[tuple[float, float], dict[str, object]]) -> list[Frame]:
    """Frames at 5 a second, toward the camera and centred, with `at`'s changes in its spans."""
    frames = []
    for i in range(int(duration * FPS)):
        t = i / FPS
        changes: dict[str, object] = {}
        for (start, end), change in at.items():
            if start <= t < end:
                changes.update(change)
        frames.append(face(t, **changes))
    return frames


def cue(report: BodyLanguage, key: str):  # type: ignore[no-untyped-def]
    return next(c for c in report.cues if c.key == key)


def test_a_look_away_of_four_seconds_is_found_at_its_time_and_quoted_in_a_tip() -> None:
    report = analyse_body_language(answer(30, {(12, 16): {"yaw": 40.0}}), facts(30))
    gaze = cue(report, "gaze")
    assert [(m.start, m.end) for m in gaze.moments] == [(12.0, 16.0)]
    assert gaze.share is not None
    assert 0.84 < gaze.share < 0.88
    assert report.tips[0].key == "gaze"
    assert "0:12–0:16" in report.tips[0].text
    assert [s.toward for s in report.timeline[11:17]] == [True, False, False, False, False, True]


def test_a_glance_shorter_than_the_setting_is_no_episode_and_the_setting_can_be_changed() -> None:
    glance = answer(30, {(12, 13.6): {"yaw": 40.0}})
    assert cue(analyse_body_language(glance, facts(30)), "gaze").moments == ()
    strict = BodyLanguageSettings(look_away_s=1.0)
    assert len(cue(analyse_body_language(glance, facts(30), strict), "gaze").moments) == 1
    four = answer(30, {(12, 16): {"yaw": 40.0}})
    lenient = BodyLanguageSettings(look_away_s=5.0)
    assert cue(analyse_body_language(four, facts(30), lenient), "gaze").moments == ()


def test_eyes_turned_away_with_a_still_head_count_as_looking_away() -> None:
    report = analyse_body_language(answer(20, {(8, 12): {"iris": (0.8, 0.0)}}), facts(20))
    assert [(m.start, m.end) for m in cue(report, "gaze").moments] == [(8.0, 12.0)]


def test_the_baseline_is_the_first_seconds_so_an_off_centre_camera_is_not_looking_away() -> None:
    report = analyse_body_language(answer(20, {(0, 20): {"yaw": 25.0, "pitch": 10.0}}), facts(20))
    gaze = cue(report, "gaze")
    assert gaze.share == 1.0
    assert gaze.moments == ()


def test_leaving_the_frame_and_being_cut_off_are_episodes_with_times() -> None:
    frames = answer(
        30, {(5, 8): {"faces": 0, "box": None}, (20, 22): {"box": Box(0.8, 0.2, 1.2, 0.6)}}
    )
    report = analyse_body_language(frames, facts(30))
    framing = cue(report, "framing")
    assert [(m.start, m.end, m.what) for m in framing.moments] == [
        (5.0, 8.0, "out of frame"),
        (20.0, 22.0, "cut off at the edge"),
    ]
    assert framing.share is not None
    assert abs(framing.share - 25 / 30) < 0.01
    assert any(t.key == "framing" and "0:05–0:08" in t.text for t in report.tips)
    assert report.timeline[6].face == "none"
    assert report.timeline[21].face == "cut"


def test_a_small_face_far_from_the_camera_is_named_with_a_tip() -> None:
    far = Box(0.45, 0.3, 0.55, 0.4)
    report = analyse_body_language(answer(20, {(0, 20): {"box": far}}), facts(20))
    assert "far from the camera" in cue(report, "distance").observation
    assert any(t.key == "distance" for t in report.tips)


def test_large_turns_and_nods_are_found_and_a_still_head_has_none() -> None:
    still = analyse_body_language(answer(20, {}), facts(20))
    assert cue(still, "movement").moments == ()
    frames = answer(20, {(10, 20): {"pitch": 30.0}})
    moved = cue(analyse_body_language(frames, facts(20)), "movement")
    assert [m.what for m in moved.moments] == ["nod"]
    assert 9.0 <= moved.moments[0].start <= 10.0 <= moved.moments[0].end <= 11.0


def test_slumping_shows_in_posture_and_smiling_in_its_share() -> None:
    slump = Shoulders((0.3, 0.92), (0.7, 0.92))
    frames = answer(30, {(15, 25): {"shoulders": slump}, (0, 6): {"smile": 0.5}})
    report = analyse_body_language(frames, facts(30))
    posture = cue(report, "posture")
    assert [(m.start, m.end, m.what) for m in posture.moments] == [(15.0, 25.0, "slumping")]
    assert cue(report, "smile").share == 0.2


def test_no_shoulders_means_no_posture_observation() -> None:
    report = analyse_body_language(answer(20, {(0, 20): {"shoulders": None}}), facts(20))
    assert all(c.key != "posture" for c in report.cues)


def test_bad_pictures_each_get_a_clear_note() -> None:
    def notes(frames: list[Frame], f: VideoFacts | None = None) -> str:
        return " ".join(analyse_body_language(frames, f or facts(20)).notes)

    assert "no picture" in notes([])
    assert "No face" in notes(answer(20, {(0, 20): {"faces": 0, "box": None}}))
    assert "Two or more faces" in notes(answer(20, {(0, 20): {"faces": 2}}))
    cut = Box(0.7, 0.2, 1.3, 0.6)
    assert "partly out of the picture" in notes(answer(20, {(0, 20): {"box": cut}}))
    assert "very dark" in notes(answer(20, {(0, 20): {"brightness": 0.05}}))
    assert "very small" in notes(answer(20, {}), facts(20, height=120))
    frozen = notes(answer(20, {(10, 20): {"change": 0.0}}))
    assert "did not change at 0:10–0:20" in frozen
    assert analyse_body_language(answer(20, {}), facts(20)).notes == ()


def test_no_face_gives_framing_only_and_no_tip_about_looking() -> None:
    report = analyse_body_language(answer(20, {(0, 20): {"faces": 0, "box": None}}), facts(20))
    assert [c.key for c in report.cues] == ["framing"]
    assert all(t.key != "gaze" for t in report.tips)


def test_the_report_survives_json_and_keeps_its_engine_and_settings() -> None:
    mine = BodyLanguageSettings(look_away_s=3.0)
    report = analyse_body_language(answer(20, {(5, 10): {"yaw": -40.0}}), facts(20), mine)
    stored = json.loads(json.dumps(report.to_json()))
    assert BodyLanguage.from_json(stored) == report
    assert stored["engine"] == "test-landmarks/1"
    assert stored["settings"]["look_away_s"] == 3.0


frame_values = st.builds(
    face,
    t=st.just(0.0),
    faces=st.integers(0, 2),
    box=st.one_of(
        st.none(),
        st.builds(
            lambda x, y, w: Box(x, y, x + w, y + w),
            st.floats(-0.3, 1.0),
            st.floats(-0.3, 1.0),
            st.floats(0.02, 0.9),
        ),
    ),
    yaw=st.one_of(st.none(), st.floats(-90, 90)),
    pitch=st.one_of(st.none(), st.floats(-60, 60)),
    iris=st.one_of(st.none(), st.tuples(st.floats(-1, 1), st.floats(-1, 1))),
    smile=st.one_of(st.none(), st.floats(0.2, 0.7)),
    shoulders=st.one_of(
        st.none(),
        st.builds(
            Shoulders,
            st.tuples(st.floats(0, 1), st.floats(0, 1)),
            st.tuples(st.floats(0, 1), st.floats(0, 1)),
        ),
    ),
    brightness=st.floats(0, 1),
    change=st.floats(0, 1),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(frame_values, max_size=120), st.sampled_from([1.0, 2.0, 5.0]))
def test_any_frames_give_bounded_shares_quoted_tips_and_no_label(
    values: list[Frame], fps: float
) -> None:
    frames = [dataclasses.replace(v, t=i / fps) for i, v in enumerate(values)]
    duration = len(frames) / fps
    report = analyse_body_language(frames, facts(duration))
    assert len(report.tips) <= 2
    for c in report.cues:
        assert c.share is None or 0.0 <= c.share <= 1.0
        for m in c.moments:
            assert 0.0 <= m.start < m.end <= duration + 1e-6
        assert list(c.moments) == sorted(c.moments, key=lambda m: m.start)
    for tip in report.tips:
        assert tip.moments
        first = tip.moments[0].start
        assert f"{int(first) // 60}:{int(first) % 60:02d}" in tip.text
    assert len(report.timeline) == (
        int(duration) if duration == int(duration) else int(duration) + 1
    )
    text = json.dumps(report.to_json())
    assert not LABELS.search(text.replace('"smile_ratio"', ""))
    assert BodyLanguage.from_json(json.loads(text)) == report


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(2.5, 8.0), st.floats(1.5, 6.0), st.sampled_from([-45.0, 45.0])),
        min_size=1,
        max_size=4,
    )
)
def test_look_aways_with_known_times_are_each_found_within_a_frame(
    spans: list[tuple[float, float, float]],
) -> None:
    changes: dict[tuple[float, float], dict[str, object]] = {}
    t = 6.0  # after the calibration seconds
    expected = []
    for length, gap, yaw in spans:
        start = round(t * FPS) / FPS
        end = round((t + length) * FPS) / FPS
        changes[(start - 1e-9, end - 1e-9)] = {"yaw": yaw}
        expected.append((start, end))
        t = end + gap
    report = analyse_body_language(answer(t + 3, changes), facts(t + 3))
    found = [(m.start, m.end) for m in cue(report, "gaze").moments]
    assert len(found) == len(expected)
    for (fs, fe), (es, ee) in zip(found, expected, strict=True):
        assert abs(fs - es) <= 1 / FPS + 1e-6
        assert abs(fe - ee) <= 1 / FPS + 1e-6


def test_posture_is_judged_on_the_frames_the_pose_model_looked_at() -> None:
    slump = Shoulders((0.3, 0.92), (0.7, 0.92))
    frames = [
        dataclasses.replace(f, shoulders=None, pose_checked=False) if i % 4 else f
        for i, f in enumerate(answer(30, {(15, 25): {"shoulders": slump}}))
    ]
    report = analyse_body_language(frames, facts(30))
    posture = cue(report, "posture")
    assert [(m.start, m.end, m.what) for m in posture.moments] == [(15.2, 25.6, "slumping")]
    assert "visible for 100%" in posture.observation
