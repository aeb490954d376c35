"""What one sampled video frame shows, and the named thresholds the cues are judged by.

A landmark source (`source.py`) turns a recording into `Frame`s; everything after that is pure
arithmetic on these numbers, so the judgement can be tested without a camera or a model.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Box:
    """The face's box as shares of the frame (0..1; beyond the edges when cut off)."""

    left: float
    top: float
    right: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def centre(self) -> tuple[float, float]:
        return ((self.left + self.right) / 2, (self.top + self.bottom) / 2)

    def cut_off(self, margin: float) -> bool:
        """True when more than `margin` of the face's height lies outside the frame."""
        outside = max(0.0, -self.left, -self.top, self.right - 1, self.bottom - 1)
        return outside > margin * max(self.height, 1e-6)


@dataclass(frozen=True, slots=True)
class Shoulders:
    """Both shoulder points as shares of the frame (x to the right, y down)."""

    left: tuple[float, float]
    right: tuple[float, float]

    @property
    def middle(self) -> tuple[float, float]:
        return ((self.left[0] + self.right[0]) / 2, (self.left[1] + self.right[1]) / 2)

    @property
    def tilt_degrees(self) -> float:
        dx = self.right[0] - self.left[0]
        dy = self.right[1] - self.left[1]
        angle = math.degrees(math.atan2(dy, dx))
        # A mirrored pair (right point left of the left one) is the same line.
        if angle > 90:
            angle -= 180
        elif angle < -90:
            angle += 180
        return angle


@dataclass(frozen=True, slots=True)
class Frame:
    """One sampled frame. Angles in degrees: yaw + turns toward the picture's right, pitch +
    looks down, roll + tilts clockwise; iris offsets are the iris's place in the eye, -1..1
    (x to the picture's right, y down); smile is the mouth's width over the face's width."""

    t: float
    faces: int
    box: Box | None = None
    yaw: float | None = None
    pitch: float | None = None
    roll: float | None = None
    iris: tuple[float, float] | None = None
    smile: float | None = None
    shoulders: Shoulders | None = None
    pose_checked: bool = True  # whether the pose model looked at this frame (it runs less often)
    brightness: float = 0.5  # mean luma, 0..1
    change: float = 1.0  # mean absolute change from the previous sampled frame, 0..1
    # In a stretch where the picture froze (set by the report, never by a source): the frame
    # says nothing about the person, so every cue counts it as "cannot tell".
    still: bool = False


@dataclass(frozen=True, slots=True)
class VideoFacts:
    """What the source knows of the picture as a whole."""

    width: int
    height: int
    duration_s: float
    engine: str  # the landmark model and its version, stored with every analysis
    sample_fps: float


@dataclass(frozen=True, slots=True)
class BodyLanguageSettings:
    """The thresholds the cues are judged by. Each is the user's to change; its range, unit and
    the source of its default are in `thresholds.THRESHOLDS`."""

    calibration_s: float = 5.0  # the baseline: the median head pose and iris of the first 5 s
    toward_yaw_deg: float = 15.0  # toward the camera: within 15 degrees of yaw (the gaze cone)
    toward_pitch_deg: float = 12.0  # and 12 of pitch
    iris_gain_deg: float = 30.0  # degrees of gaze an iris at the eye's edge adds
    look_away_s: float = 2.0  # a look away longer than this is an episode
    face_small: float = 0.15  # face height under this share of the frame: far
    face_large: float = 0.60  # over this: too close
    off_centre: float = 0.20  # the face's centre this share of the frame off the middle
    cut_off_margin: float = 0.25  # this share of the face's height outside the frame: cut off
    frame_episode_s: float = 1.0  # out of frame or cut off this long is an episode
    large_move_deg: float = 20.0  # a turn or nod this large within a second
    shoulder_tilt_deg: float = 7.0  # shoulders tilted this much more than at the start
    slump_drop: float = 0.08  # the shoulders' middle this share of the height below the start
    lean_shift: float = 0.10  # or this share to a side: leaning
    posture_episode_s: float = 3.0
    smile_ratio: float = 0.45  # mouth width over face width for a smile
    dark_luma: float = 0.12  # a mean luma under this: too dark
    tiny_height_px: int = 160  # a picture under this height: too small
    frozen_change: float = 0.0003  # nothing changing by this much (sensor noise does) ...
    frozen_s: float = 3.0  # ... for this long: frozen
    two_faces_share: float = 0.20  # two faces in more than this share of frames
