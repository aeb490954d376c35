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
    # The looking-toward-camera baseline is the median head pose and iris place over the first
    # 5 s of face: people start an answer looking at the interviewer (here, the camera), and a
    # per-person baseline removes the camera's own angle (off-centre laptops, a second screen).
    calibration_s: float = 5.0
    # Within 15 degrees of yaw and 12 of pitch (head and eyes combined) reads as looking toward
    # the camera: the zone in which a viewer feels looked at is about ±10-15 degrees around the
    # eyes (Gamer & Hecht 2007, "Are you looking at me?", the cone of gaze).
    toward_yaw_deg: float = 15.0
    toward_pitch_deg: float = 12.0
    # Degrees of gaze an iris at the eye's edge adds to the head's angle (the eye turns about
    # 30-35 degrees before the head follows; an iris offset of 1 is the edge).
    iris_gain_deg: float = 30.0
    # A glance away to think is normal; more than about 2 s reads as looking away (the issue,
    # and the interview-coaching rule of finishing a thought toward the listener).
    look_away_s: float = 2.0
    # A face whose box is under 15 % of the frame's height is far from the camera; over 60 %
    # is too close (common video-call framing advice: head and shoulders, eyes a third down).
    face_small: float = 0.15
    face_large: float = 0.60
    # The face's centre more than 20 % of the frame off the middle reads as off-centre.
    off_centre: float = 0.20
    # More than 25 % of the face's height outside the frame is "cut off".
    cut_off_margin: float = 0.25
    # Out of frame or cut off for at least 1 s is an episode worth naming.
    frame_episode_s: float = 1.0
    # A head turn or nod of 20 degrees or more within a second is a large movement.
    large_move_deg: float = 20.0
    # Shoulders tilted more than 7 degrees read as not level; the shoulders' middle dropping
    # by 8 % of the frame's height against the start reads as slumping, a side shift of 10 %
    # as leaning (posture advice for video interviews: sit upright, square to the camera).
    shoulder_tilt_deg: float = 7.0
    slump_drop: float = 0.08
    lean_shift: float = 0.10
    posture_episode_s: float = 3.0
    # Mouth width over face width of 0.45 or more is a smile (a neutral mouth is about 0.36-0.40
    # of the face's width in MediaPipe's face mesh; a smile widens it by 10-20 %).
    smile_ratio: float = 0.45
    # The picture is too dark under a mean luma of 0.12, too small under 160 px high, and
    # frozen when nothing changes by 0.2 % for 3 s.
    dark_luma: float = 0.12
    tiny_height_px: int = 160
    frozen_change: float = 0.002
    frozen_s: float = 3.0
    # Two faces in more than 20 % of the frames: someone else is in the picture.
    two_faces_share: float = 0.20
