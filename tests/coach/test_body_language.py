"""The body-language judgement: frames with known values in, observations at the right times
out; bad pictures get a note; never a label about the person."""

from __future__ import annotations

import dataclasses
import json
import math
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from prepcoach.coach.body_language import (
    BodyLanguage,
    BodyLanguageSettings,
    Box,
    Frame,
    Moment,
    Shoulders,
    VideoFacts,
    analyse_body_language,
)
from prepcoach.coach.body_language.report import frozen_stretches

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
    assert "did not change at 0:09–0:20" in frozen  # from 0:09.8, the held picture's first
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


def test_a_frozen_picture_of_a_face_looking_away_gives_no_episode_and_no_tip() -> None:
    """Alice's camera froze at 0:10 on a picture of her looking away, and stayed so for 10 s."""
    frozen_away: dict[str, object] = {"yaw": 40.0, "change": 0.0}
    report = analyse_body_language(answer(30, {(10, 20): frozen_away}), facts(30))
    assert "did not change at 0:09–0:20" in " ".join(report.notes)  # from 0:09.8, held from then
    assert "no observation or tip counts them" in " ".join(report.notes)
    gaze = cue(report, "gaze")
    assert gaze.moments == ()
    assert gaze.share == 1.0  # of the 20 s the picture was live
    assert "No look away lasted longer" in gaze.observation
    assert cue(report, "movement").moments == ()  # no turn into or out of the frozen picture
    assert not report.tips
    assert {s.face for s in report.timeline[10:20]} == {"frozen"}
    assert {s.toward for s in report.timeline[10:20]} == {None}
    # The same look away on a live picture is an episode and a tip.
    live = analyse_body_language(answer(30, {(10, 20): {"yaw": 40.0}}), facts(30))
    assert [(m.start, m.end) for m in cue(live, "gaze").moments] == [(10.0, 20.0)]
    assert any(t.key == "gaze" and "0:10–0:20" in t.text for t in live.tips)


def test_a_mostly_frozen_answer_is_read_on_its_live_seconds() -> None:
    """Frozen from 0:03 to the end of a minute: the 3 live seconds with a face are what can
    tell, so looking and movement are observed on them, not skipped as 'too little face'."""
    report = analyse_body_language(answer(60, {(3, 60): {"change": 0.0}}), facts(60))
    assert {c.key for c in report.cues} >= {"framing", "gaze", "movement"}
    assert cue(report, "gaze").share == 1.0


def test_a_frozen_picture_counts_as_unknown_in_every_cue() -> None:
    """Out of frame, cut off, slumped and smiling, all in a frozen picture: none of it counts,
    and the baseline is the live first seconds, not the frozen ones."""
    slump = Shoulders((0.3, 0.92), (0.7, 0.92))
    frozen = {"change": 0.0, "box": Box(0.8, 0.2, 1.2, 0.6), "shoulders": slump, "smile": 0.6}
    report = analyse_body_language(answer(30, {(0, 6): {"change": 0.0, "yaw": 30.0},
                                                (12, 24): frozen}), facts(30))  # fmt: skip
    assert "did not change at 0:00–0:06, 0:11–0:24" in " ".join(report.notes)
    framing = cue(report, "framing")
    assert framing.share == 1.0
    assert framing.moments == ()
    assert cue(report, "centring").share == 0.0
    gaze = cue(report, "gaze")
    assert gaze.share == 1.0  # the baseline is yaw 0 from 0:06, so yaw 0 is toward the camera
    assert gaze.moments == ()
    posture = cue(report, "posture")
    assert posture.moments == ()
    assert "visible for 100%" in posture.observation
    assert cue(report, "smile").share == 0.0
    assert cue(report, "smile").moments == ()
    assert not report.tips


frozen_or_live = st.sampled_from(
    [
        {"faces": 0, "box": None},
        {"box": Box(0.8, 0.2, 1.2, 0.6)},
        {"yaw": 45.0},
        {"yaw": -40.0, "pitch": 30.0},
        {"shoulders": Shoulders((0.3, 0.92), (0.7, 0.92))},
        {"smile": 0.6},
        {"change": 0.0},
        {"change": 0.0, "faces": 0, "box": None},
        {"change": 0.0, "yaw": 45.0},
        {"change": 0.0, "pitch": -35.0, "smile": 0.6},
        {"change": 0.0001, "shoulders": Shoulders((0.1, 0.95), (0.5, 0.8))},
    ]
)


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] < b[1] - 1e-9 and b[0] < a[1] - 1e-9


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 25), st.floats(0.5, 8), frozen_or_live), max_size=6))
def test_no_tip_cue_moment_or_timeline_second_rests_on_a_frozen_stretch(
    spans: list[tuple[float, float, dict[str, object]]],
) -> None:
    frames = answer(30, {(start, start + length): change for start, length, change in spans})
    s = BodyLanguageSettings()
    still = frozen_stretches(frames, s)
    for m in still:  # its held picture's first sample, then unchanged ones, any changed one a
        # lone refresh between two unchanged ones
        held = [f.change < s.frozen_change for f in frames if m.start < f.t < m.end]
        assert held, m
        assert held[0], m
        assert held[-1], m
        assert all(h or (held[i - 1] and held[i + 1]) for i, h in enumerate(held)), m
    report = analyse_body_language(frames, facts(30), s)
    quoted = [m for c in report.cues for m in c.moments] + [
        m for t in report.tips for m in t.moments if t.key != "distance"
    ]
    for m in quoted:
        for f in still:
            assert not overlaps((m.start, m.end), (f.start, f.end)), (m, f)
    for second in report.timeline:
        if any(f.start <= second.t and second.t + 1 <= f.end for f in still):
            assert (second.face, second.toward, second.smile) == ("frozen", None, None)
    # Every share is the one the live frames alone give.
    live = [f for f in frames if not any(m.start <= f.t < m.end for m in still)]
    if still:
        assert any("did not change" in n for n in report.notes)
        assert live or not report.tips
    if live:
        alone = analyse_body_language(live, facts(30), s)
        assert {c.key: c.share for c in report.cues} == {c.key: c.share for c in alone.cues}


def refreshed_freeze(fps: int = 4) -> list[Frame]:
    """The tester's fake camera: live and level until 0:06, then the very same picture (smiling,
    slumped) held to 0:11.75, which VP8 refreshed once at 0:10.5 (one sample changed by 0.3 %),
    then live again, still smiling to 0:12.5 and slumped to 0:19.5."""
    slump = Shoulders((0.3, 0.92), (0.7, 0.92))
    frames = []
    for i in range(30 * fps):
        t = i / fps
        change = 0.004  # a live camera's noise
        if 6.0 < t < 11.75:
            change = 0.003 if t == 10.5 else 0.0
        smile = 0.6 if 6.0 <= t < 12.5 else 0.38
        shoulders = slump if 6.0 <= t < 19.5 else LEVEL
        frames.append(face(t, change=change, smile=smile, shoulders=shoulders))
    return frames


def test_an_encoder_refresh_inside_a_frozen_picture_does_not_end_the_freeze() -> None:
    """Erin's fake camera held one picture from 0:06 to 0:11.75; the browser's encoder refreshed
    it once at 0:10.5. That was one freeze, and no moment or tip starts inside it."""
    frames = refreshed_freeze()
    s = BodyLanguageSettings()
    assert frozen_stretches(frames, s) == (Moment(6.0, 11.75, "frozen"),)
    report = analyse_body_language(frames, facts(30), s)
    assert "did not change at 0:06–0:11:" in " ".join(report.notes)
    quoted = [m for c in report.cues for m in c.moments] + [
        m for t in report.tips for m in t.moments
    ]
    assert quoted  # the slump after the freeze is still found
    for m in quoted:
        assert not 6.0 <= m.start < 11.75, m
        assert not overlaps((m.start, m.end), (6.0, 11.75)), m
    posture = cue(report, "posture")
    assert [(m.start, m.end) for m in posture.moments] == [(11.75, 19.5)]
    assert cue(report, "smile").moments == ()  # 0.75 s of smiling after the freeze: no episode
    assert {s.face for s in report.timeline[6:11]} == {"frozen"}


def test_a_live_still_face_is_never_frozen_even_with_a_lone_quiet_sample() -> None:
    """Kim holds very still in front of a clean camera: 0.05-0.8 % every sample, with a lone
    sample under the setting now and then; nothing of it is frozen."""
    values = [0.0005, 0.0008, 0.002, 0.008, 0.0001, 0.0006, 0.0005, 0.0002, 0.0009, 0.003]
    frames = [face(i / 2, change=values[i % len(values)]) for i in range(120)]
    report = analyse_body_language(frames, facts(60))
    assert frozen_stretches(frames, BodyLanguageSettings()) == ()
    assert report.notes == ()
    assert "frozen" not in {s.face for s in report.timeline}
    # A camera that sends a new picture every other sample repeats single samples: it is live.
    stutter = [face(i / 2, change=0.0 if i % 2 else 0.004) for i in range(120)]
    assert frozen_stretches(stutter, BodyLanguageSettings()) == ()


live_change = st.floats(0.0005, 0.008)


@settings(max_examples=150, deadline=None)
@given(
    fps=st.sampled_from([1, 2, 4, 5]),
    frozen_s=st.sampled_from([1.0, 2.0, 3.0, 5.0]),
    before=st.lists(live_change, min_size=1, max_size=20),
    held=st.integers(4, 40),
    spike_at=st.floats(0, 1, exclude_max=True),
    spike=st.floats(0.0003, 0.05),
    after=st.lists(live_change, max_size=20),
)
def test_a_lone_refresh_inside_a_held_picture_never_splits_it(
    fps: int,
    frozen_s: float,
    before: list[float],
    held: int,
    spike_at: float,
    spike: float,
    after: list[float],
) -> None:
    """A held picture of `held` unchanged samples after its first one, with one of them (never
    the first or last) changed by an encoder's refresh, is the same freeze as without it."""
    at = 1 + int(spike_at * (held - 2))
    unchanged = [0.0] * held
    refreshed = [*unchanged[:at], spike, *unchanged[at + 1 :]]
    s = BodyLanguageSettings(frozen_s=frozen_s)

    def stretches(middle: list[float]) -> tuple[Moment, ...]:
        changes = [*before, *middle, *after]
        return frozen_stretches([face(i / fps, change=v) for i, v in enumerate(changes)], s)

    whole = stretches(unchanged)
    assert stretches(refreshed) == whole
    first = (len(before) - 1) / fps  # the held picture's first sample
    if held / fps >= frozen_s - 1e-9:
        assert len(whole) == 1
        assert abs(whole[0].start - first) < 1e-9
        assert abs(whole[0].end - (len(before) + held) / fps) < 1e-9  # the first live sample's
    else:
        assert whole == ()


def tilted(degrees: float) -> Shoulders:
    """Level shoulders turned by `degrees` about their middle (clockwise in the picture)."""
    dx, dy = 0.2 * math.cos(math.radians(degrees)), 0.2 * math.sin(math.radians(degrees))
    return Shoulders((0.5 - dx, 0.8 - dy), (0.5 + dx, 0.8 + dy))


def test_shoulders_tilted_from_the_start_are_the_baseline_not_a_tilt() -> None:
    """Dana's camera (or seat) is set at an angle: the pose model reads her shoulders 15 degrees
    tilted from the first second to the last. She did not tilt; no episode, no tip."""
    report = analyse_body_language(answer(30, {(0, 30): {"shoulders": tilted(15)}}), facts(30))
    posture = cue(report, "posture")
    assert posture.moments == ()
    assert posture.share == 1.0
    assert "as level as in the first 5 s for 100%" in posture.observation
    assert all(t.key != "posture" for t in report.tips)


def test_a_tilt_mid_answer_is_found_against_the_first_seconds() -> None:
    """Dana, seated at the same angle, tilts 15 degrees more from 0:12 to 0:20; Omar, square to
    the camera, tilts 15 degrees over the same seconds. Both are one episode, with a tip."""
    for start in (15.0, 0.0):
        frames = answer(
            30, {(0, 12): {"shoulders": tilted(start)}, (12, 20): {"shoulders": tilted(start + 15)},
                 (20, 30): {"shoulders": tilted(start)}}
        )  # fmt: skip
        report = analyse_body_language(frames, facts(30))
        posture = cue(report, "posture")
        assert [(m.start, m.end, m.what) for m in posture.moments] == [
            (12.0, 20.0, "shoulders not level")
        ]
        assert posture.share is not None
        assert abs(posture.share - 22 / 30) < 0.01
        tip = next(t for t in report.tips if t.key == "posture")
        assert "0:12–0:20" in tip.text
        assert "against your first 5 s" in tip.rule
    # The setting still decides how much more is a tilt.
    frames = answer(30, {(0, 12): {"shoulders": tilted(15)}, (12, 30): {"shoulders": tilted(20)}})
    assert cue(analyse_body_language(frames, facts(30)), "posture").moments == ()
    strict = BodyLanguageSettings(shoulder_tilt_deg=3.0)
    assert len(cue(analyse_body_language(frames, facts(30), strict), "posture").moments) == 1
