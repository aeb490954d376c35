"""Every body-language threshold as a setting the user may change: its range, its unit and the
source of its default, and the check of a set of typed values (issue 10).

`BodyLanguageSettings` (frames.py) holds the values the cues are judged by; this table says how
each is asked for, how far it may go, and why its default is what it is. Shares of the picture
are stored 0..1 and typed as percentages.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

from prepcoach.coach.body_language.frames import BodyLanguageSettings

DEFAULTS = BodyLanguageSettings()


@dataclass(frozen=True, slots=True)
class Threshold:
    name: str  # the BodyLanguageSettings field
    group: str  # the cue it tunes, as the settings page heads it
    label: str
    unit: str  # "s", "degrees", "%", "px"
    low: float  # the range as typed (a percentage for a share)
    high: float
    source: str  # why the default is what it is
    percent: bool = False  # stored as a share 0..1, typed as a percentage
    whole: bool = False  # a whole number

    @property
    def default(self) -> float:
        """The default as typed."""
        return typed(self, getattr(DEFAULTS, self.name))

    @property
    def places(self) -> int:
        """How many decimals a typed value may have (look_away_s is stored with one)."""
        return 0 if self.whole else 1 if self.name == "look_away_s" else 2

    def words(self, value: float) -> str:
        return f"{value:g}{'' if self.unit in ('%', 's') else ' '}{self.unit}"

    def range_words(self, with_places: bool = False) -> str:
        """What to type, for any value out of range or not a number it can take: "Type a number
        from 5% to 50% (the default is 15%)."."""
        kind = "a whole number" if self.whole else "a number"
        places = ""
        if with_places and not self.whole:
            places = f", with at most {self.places} decimal{'s' if self.places > 1 else ''}"
        return (
            f"Type {kind} from {self.words(self.low)} to {self.words(self.high)}{places} (the "
            f"default is {self.words(self.default)})."
        )


GAZE, FRAMING, MOVEMENT, POSTURE, SMILE, PICTURE = (
    "Looking toward the camera",
    "Framing and distance",
    "Head movement",
    "Posture",
    "Smile",
    "The picture itself",
)

THRESHOLDS: tuple[Threshold, ...] = (
    Threshold("look_away_s", GAZE, "a look away worth naming", "s", 0.5, 20,
              "a glance away to think is normal; more than about 2 s reads as looking away "
              "(the interview-coaching rule of finishing a thought toward the listener)"),
    Threshold("toward_yaw_deg", GAZE, "toward the camera: up to this far to the side", "degrees",
              5, 45, "the zone in which a viewer feels looked at is about 10-15 degrees around "
              "the eyes (Gamer & Hecht 2007, \u201cAre you looking at me?\u201d, the cone of "
              "gaze)"),
    Threshold("toward_pitch_deg", GAZE, "toward the camera: up to this far up or down",
              "degrees", 5, 45, "the cone of gaze is a little narrower up and down than to the "
              "side (Gamer & Hecht 2007)"),
    Threshold("iris_gain_deg", GAZE, "gaze added by an iris at the eye's edge", "degrees", 0, 60,
              "the eyes turn about 30-35 degrees before the head follows; 0 judges by the "
              "head alone"),
    Threshold("calibration_s", GAZE, "your own straight ahead: the answer's first", "s", 2, 30,
              "people start an answer looking at the interviewer (here, the camera); the "
              "median of the first seconds removes the camera's own angle (an off-centre "
              "laptop, a second screen); posture is judged against the same seconds"),
    Threshold("face_small", FRAMING, "far from the camera: a face under", "%", 5, 50,
              "share of the picture's height; video-call framing advice is head and "
              "shoulders, eyes a third down, which puts the face at about 20-50 %",
              percent=True),
    Threshold("face_large", FRAMING, "too close: a face over", "%", 30, 95,
              "share of the picture's height; over 60 % the shoulders and hands are out of "
              "the picture (the same framing advice)", percent=True),
    Threshold("off_centre", FRAMING, "off-centre: the face's middle this far from the "
              "picture's", "%", 5, 45, "share of the picture; a face a fifth of the picture "
              "off the middle reads as placed to one side", percent=True),
    Threshold("cut_off_margin", FRAMING, "cut off: more of the face outside the picture than",
              "%", 5, 90, "share of the face's height; a quarter of the head out of the picture "
              "hides the forehead or the chin", percent=True),
    Threshold("frame_episode_s", FRAMING, "out of frame or cut off for at least", "s", 0.5, 20,
              "shorter moments (a quick lean for a glass of water) are not worth naming"),
    Threshold("large_move_deg", MOVEMENT, "a large turn or nod: within a second, at least",
              "degrees", 5, 90, "a nod of agreement moves the head about 10-15 degrees; 20 or "
              "more within a second is a turn or a large nod"),
    Threshold("shoulder_tilt_deg", POSTURE, "shoulders not level: tilted more than at the "
              "start by", "degrees", 2, 30, "posture advice for video interviews: sit upright "
              "and square to the camera; judged against your first seconds, as lean and slump "
              "are, so a camera or seat set at an angle is not a tilt, and a few degrees more "
              "is a shrug or a reach"),
    Threshold("slump_drop", POSTURE, "slumping: the shoulders lower than at the start by", "%",
              2, 40, "share of the picture's height (the same posture advice)", percent=True),
    Threshold("lean_shift", POSTURE, "leaning: the shoulders to a side of the start by", "%", 2,
              40, "share of the picture's width (the same posture advice)", percent=True),
    Threshold("posture_episode_s", POSTURE, "a posture change lasting at least", "s", 1, 60,
              "posture changes slowly; a shorter shift is reaching or settling"),
    Threshold("smile_ratio", SMILE, "smiling: a mouth at least this wide", "%", 30, 80,
              "share of the face's width; a neutral mouth is about 36-40 % of it in "
              "MediaPipe's face mesh, and a smile widens it by 10-20 %", percent=True),
    Threshold("dark_luma", PICTURE, "too dark: a mean brightness under", "%", 0, 50,
              "below about an eighth of full brightness a webcam's picture loses the face's "
              "features", percent=True),
    Threshold("tiny_height_px", PICTURE, "too small: a picture under", "px", 60, 1080,
              "the face models look at faces of about 128-192 px; a smaller picture has "
              "smaller faces", whole=True),
    # At most 0.05 %: a frozen stretch's frames back no cue, so a higher setting would call a
    # very clean camera's still face frozen and silence it.
    Threshold("frozen_change", PICTURE, "frozen: the picture changing by less than", "%", 0.01,
              0.05, "share of the brightness between pictures 0.5 s apart; a camera's own noise "
              "changes even a still face's picture by 0.05 % or more (0.09 % with usual "
              "noise), a frozen camera's repeated picture by at most 0.013 % (both measured "
              "after the browser's video encoding, VP8 at 0.3-2.5 Mbit/s)", percent=True),
    Threshold("frozen_s", PICTURE, "frozen for at least", "s", 1, 60,
              "a person holding still for 3 s still moves a little; a camera that froze does "
              "not"),
    Threshold("two_faces_share", PICTURE, "someone else in the picture: two faces in over", "%",
              1, 100, "share of the sampled frames; a passer-by for a moment is not worth a "
              "note", percent=True),
)  # fmt: skip
BY_NAME = {t.name: t for t in THRESHOLDS}


def typed(threshold: Threshold, stored: float) -> float:
    """A stored value as the user types it (a share as a percentage), without float noise."""
    value = stored * 100 if threshold.percent else stored
    return round(value) if threshold.whole else round(value, 4)


def stored_value(threshold: Threshold, value: float) -> float | int:
    if threshold.whole:
        return round(value)
    return round(value / 100, 6) if threshold.percent else float(value)


@dataclass(frozen=True, slots=True)
class ThresholdCheck:
    """The settings the typed values make, or what is wrong with them (field name → words)."""

    settings: BodyLanguageSettings
    problems: dict[str, str]


def check_thresholds(values: Mapping[str, float]) -> ThresholdCheck:
    """Typed values (percentages for shares; a missing one keeps its default) checked against
    their ranges and against each other. With any problem, `settings` is the defaults."""
    problems: dict[str, str] = {}
    changed: dict[str, float | int] = {}
    for name, value in values.items():
        threshold = BY_NAME.get(name)
        if threshold is None:
            problems[name] = "Not a body-language threshold."
            continue
        if (
            not math.isfinite(value)
            or not threshold.low <= value <= threshold.high
            or (threshold.whole and value != round(value))
        ):
            problems[name] = threshold.range_words()
        else:
            changed[name] = stored_value(threshold, value)
    settings = replace(DEFAULTS, **changed)  # type: ignore[arg-type]
    if not problems and settings.face_small >= settings.face_large:
        problems["face_large"] = (
            f"The size that reads as too close ({settings.face_large:.0%}) must be above the one "
            f"that reads as far ({settings.face_small:.0%})."
        )
    return ThresholdCheck(DEFAULTS if problems else settings, problems)


def from_stored(stored: Mapping[str, object]) -> BodyLanguageSettings:
    """Settings from stored values (shares 0..1): an unknown name, a value that is not a
    number or one out of its range (an old row, a hand edit) keeps the default."""
    changed: dict[str, float | int] = {}
    for name, value in stored.items():
        threshold = BY_NAME.get(name)
        if threshold is None or isinstance(value, bool) or not isinstance(value, int | float):
            continue
        if math.isfinite(value) and threshold.low <= typed(threshold, value) <= threshold.high:
            changed[name] = round(value) if threshold.whole else float(value)
    settings = replace(DEFAULTS, **changed)  # type: ignore[arg-type]
    if settings.face_small >= settings.face_large:
        settings = replace(settings, face_small=DEFAULTS.face_small, face_large=DEFAULTS.face_large)
    return settings


def to_stored(settings: BodyLanguageSettings) -> dict[str, float | int]:
    """The values that differ from the defaults, to store (the rest follow the defaults)."""
    return {
        t.name: getattr(settings, t.name)
        for t in THRESHOLDS
        if getattr(settings, t.name) != getattr(DEFAULTS, t.name)
    }
