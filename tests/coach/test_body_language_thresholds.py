"""Every body-language threshold is the user's: a range, a unit and a source for each, typed
values checked with a message that says what to type, stored values read back safely, and each
changed value changing what the report says."""

from __future__ import annotations

from dataclasses import fields

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prepcoach.coach.body_language import BodyLanguageSettings, Box, Shoulders
from prepcoach.coach.body_language.report import analyse_body_language
from prepcoach.coach.body_language.thresholds import (
    BY_NAME,
    THRESHOLDS,
    check_thresholds,
    from_stored,
    to_stored,
)
from tests.coach.test_body_language import answer, cue, facts


def test_every_setting_is_listed_once_with_its_range_unit_and_source() -> None:
    assert [t.name for t in THRESHOLDS] == list(BY_NAME)
    assert set(BY_NAME) == {f.name for f in fields(BodyLanguageSettings)}
    for t in THRESHOLDS:
        assert t.low <= t.default <= t.high, t.name
        assert t.low < t.high, t.name
        assert len(t.source) > 30, t.name
        assert t.unit in {"s", "degrees", "%", "px"}, t.name
        # A share is typed as a percentage: a 0..1 range would be a mistake in the table.
        assert not t.percent or t.unit == "%", t.name


def test_typed_percentages_become_shares_and_missing_values_keep_their_defaults() -> None:
    checked = check_thresholds({"face_small": 20, "smile_ratio": 50, "large_move_deg": 30})
    assert checked.problems == {}
    assert checked.settings.face_small == 0.2
    assert checked.settings.smile_ratio == 0.5
    assert checked.settings.large_move_deg == 30
    assert checked.settings.look_away_s == BodyLanguageSettings().look_away_s


@pytest.mark.parametrize(
    ("values", "field", "words"),
    [
        ({"face_small": 0.15}, "face_small", "from 5% to 50% (the default is 15%)"),
        ({"toward_yaw_deg": 90}, "toward_yaw_deg", "from 5 degrees to 45 degrees"),
        ({"frozen_s": -1}, "frozen_s", "from 1s to 60s (the default is 3s)"),
        (
            {"tiny_height_px": 200.5},
            "tiny_height_px",
            "Type a whole number from 60 px to 1080 px (the default is 160 px).",
        ),
        ({"calibration_s": float("nan")}, "calibration_s", "Type a number from 2s to 30s"),
        ({"face_small": 40, "face_large": 35}, "face_large", "must be above the one"),
        ({"mood": 3}, "mood", "Not a body-language threshold"),
    ],
)
def test_a_bad_value_is_refused_with_what_to_type_and_nothing_is_half_applied(
    values: dict[str, float], field: str, words: str
) -> None:
    checked = check_thresholds({"look_away_s": 4, **values})
    assert list(checked.problems) == [field]
    assert words in checked.problems[field]
    assert checked.settings == BodyLanguageSettings()  # the good value beside it is not taken


def test_stored_values_come_back_and_a_bad_stored_value_keeps_its_default() -> None:
    mine = check_thresholds({"face_small": 25, "frozen_change": 0.04, "tiny_height_px": 240})
    stored = to_stored(mine.settings)
    assert stored == {"face_small": 0.25, "tiny_height_px": 240, "frozen_change": 0.0004}
    assert from_stored(stored) == mine.settings
    junk = {"face_small": 7, "smile_ratio": "wide", "dark_luma": True, "old_name": 1}
    assert from_stored(junk) == BodyLanguageSettings()
    assert from_stored({"face_small": 0.5, "face_large": 0.4}) == BodyLanguageSettings()
    # Stored when up to 5 % was allowed: a frozen stretch now backs no cue, so 0.3 % would
    # silence a live camera's still face; it keeps the default.
    assert from_stored({"frozen_change": 0.003}) == BodyLanguageSettings()


typed_values = st.fixed_dictionaries(
    {},
    optional={
        t.name: (
            st.integers(int(t.low), int(t.high)).map(float)
            if t.whole
            else st.floats(t.low, t.high).map(lambda v: round(v, 2))
        )
        for t in THRESHOLDS
    },
)


@given(typed_values)
def test_any_values_in_range_are_taken_and_stored_without_loss(values: dict[str, float]) -> None:
    checked = check_thresholds(values)
    if values.get("face_small", 15) >= values.get("face_large", 60):
        assert list(checked.problems) == ["face_large"]  # the one rule between two values
        return
    assert checked.problems == {}
    assert from_stored(to_stored(checked.settings)) == checked.settings
    for name, value in values.items():
        t = BY_NAME[name]
        stored = getattr(checked.settings, name)
        assert (stored * 100 if t.percent else stored) == pytest.approx(value)


FAR = Box(0.42, 0.3, 0.58, 0.5)  # a face 20 % of the picture's height
NEAR = Box(0.3, 0.1, 0.7, 0.65)  # 55 %
SIDE = Box(0.6, 0.2, 0.9, 0.6)  # its middle 25 % right of the picture's
SLUMP = Shoulders((0.3, 0.86), (0.7, 0.86))  # 6 % lower than the start


@pytest.mark.parametrize(
    ("changes", "typed", "key", "default_says", "changed_says"),
    [
        ({"box": FAR}, {"face_small": 25}, "distance", "usual distance", "far from the camera"),
        ({"box": NEAR}, {"face_large": 50}, "distance", "usual distance", "close to the camera"),
        ({"box": SIDE}, {"off_centre": 30}, "centring", "for 100%", "for 0%"),
        ({"smile": 0.42}, {"smile_ratio": 40}, "smile", "Smiling for 0%", "Smiling for 100%"),
        ({"yaw": 18.0}, {"toward_yaw_deg": 20}, "gaze", "for 50%", "for 100%"),
        ({"shoulders": SLUMP}, {"slump_drop": 5}, "posture", "no slumping", "1 stretches"),
    ],
)
def test_a_changed_threshold_changes_the_observation(
    changes: dict[str, object],
    typed: dict[str, float],
    key: str,
    default_says: str,
    changed_says: str,
) -> None:
    """The answer's second half carries the change; the first half is the usual picture."""
    frames = answer(20, {(10, 20): changes} if key in {"gaze", "posture"} else {(0, 20): changes})
    mine = check_thresholds(typed)
    assert mine.problems == {}
    assert default_says in cue(analyse_body_language(frames, facts(20)), key).observation
    said = cue(analyse_body_language(frames, facts(20), mine.settings), key).observation
    assert changed_says in said


def test_changed_picture_thresholds_change_the_notes() -> None:
    dim = answer(20, {(0, 20): {"brightness": 0.2}})
    assert analyse_body_language(dim, facts(20)).notes == ()
    darker = check_thresholds({"dark_luma": 25}).settings
    assert "very dark" in " ".join(analyse_body_language(dim, facts(20), darker).notes)
    small = check_thresholds({"tiny_height_px": 600}).settings
    assert "very small" in " ".join(analyse_body_language(answer(20, {}), facts(20), small).notes)
    still = answer(20, {(5, 9): {"change": 0.0}})
    assert "did not change" in " ".join(analyse_body_language(still, facts(20)).notes)
    patient = check_thresholds({"frozen_s": 5}).settings
    assert analyse_body_language(still, facts(20), patient).notes == ()
