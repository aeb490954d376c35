"""The cues a camera can honestly observe, each with the moments it rests on.

Observations only: framing, looking toward the camera, head movement, posture and smiling, as
shares of the answer and episodes with their times. Nothing here names a feeling or a trait.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from prepcoach.coach.body_language.frames import BodyLanguageSettings, Frame


@dataclass(frozen=True, slots=True)
class Moment:
    start: float
    end: float
    what: str  # "out of frame", "looking away", "head turn", ...

    @property
    def length(self) -> float:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Cue:
    key: str  # framing, distance, centring, gaze, movement, posture, smile
    title: str
    observation: str
    share: float | None  # the share of the judged time the observation holds, when it is one
    moments: tuple[Moment, ...] = ()


def times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def step_of(frames: Sequence[Frame]) -> float:
    """The sampling step: the median gap between frames (1 s for a single frame)."""
    gaps = [b.t - a.t for a, b in itertools.pairwise(frames) if b.t > a.t]
    return statistics.median(gaps) if gaps else 1.0


def episodes(
    frames: Sequence[Frame], holds: Callable[[Frame], bool | None], what: str, min_s: float
) -> tuple[Moment, ...]:
    """Runs of frames where `holds` is True, each lasting at least `min_s` seconds. A frame
    where it cannot be told (None), or where the picture froze (`still`), ends a run."""
    step = step_of(frames)
    found: list[Moment] = []
    start: float | None = None
    last = 0.0
    for frame in frames:
        if not frame.still and holds(frame) is True:
            if start is None:
                start = frame.t
            last = frame.t
        elif start is not None:
            end = frame.t if frame.t - last <= 1.5 * step else last + step
            found.append(Moment(round(start, 3), round(end, 3), what))
            start = None
    if start is not None:
        found.append(Moment(round(start, 3), round(last + step, 3), what))
    return tuple(m for m in found if m.length >= min_s - 1e-9)


def share(frames: Sequence[Frame], holds: Callable[[Frame], bool | None]) -> float | None:
    """The share of frames where `holds` is True among those where it can be told (a frozen
    picture's frames cannot tell)."""
    known = [v for v in (holds(f) for f in frames if not f.still) if v is not None]
    return sum(known) / len(known) if known else None


def one_face(frame: Frame) -> bool:
    return frame.faces == 1 and frame.box is not None


def live(frames: Sequence[Frame]) -> list[Frame]:
    """The frames outside a frozen stretch: the only ones a cue may rest on."""
    return [f for f in frames if not f.still]


# --- framing -------------------------------------------------------------------------------


def framing(frames: Sequence[Frame], s: BodyLanguageSettings) -> list[Cue]:
    def in_frame(f: Frame) -> bool:
        return one_face(f) and f.box is not None and not f.box.cut_off(s.cut_off_margin)

    def out(f: Frame) -> bool:
        return f.faces == 0

    def cut(f: Frame) -> bool:
        return f.faces >= 1 and f.box is not None and f.box.cut_off(s.cut_off_margin)

    moments = sorted(
        episodes(frames, out, "out of frame", s.frame_episode_s)
        + episodes(frames, cut, "cut off at the edge", s.frame_episode_s),
        key=lambda m: m.start,
    )
    in_share = share(frames, in_frame) or 0.0
    cues = [
        Cue(
            "framing",
            "Framing",
            f"One face fully in frame for {in_share:.0%} of the answer"
            + (f"; it left the frame or was cut off {times(len(moments))}." if moments else "."),
            in_share,
            tuple(moments),
        )
    ]
    faced = [f for f in live(frames) if one_face(f) and f.box is not None]
    if not faced:
        return cues
    height = statistics.median(f.box.height for f in faced if f.box)
    if height < s.face_small:
        size = f"small in the picture ({height:.0%} of its height): far from the camera"
    elif height > s.face_large:
        size = f"large in the picture ({height:.0%} of its height): close to the camera"
    else:
        size = f"{height:.0%} of the picture's height: a usual distance"
    cues.append(Cue("distance", "Distance", f"The face was {size}.", None))
    off = [
        f
        for f in faced
        if f.box and max(abs(f.box.centre[0] - 0.5), abs(f.box.centre[1] - 0.45)) > s.off_centre
    ]
    off_ids = {id(f) for f in off}
    off_share = len(off) / len(faced)
    cx = statistics.median(f.box.centre[0] for f in faced if f.box)
    side = "left" if cx < 0.5 else "right"
    centring = f"The face was off-centre for {off_share:.0%} of the time it was seen" + (
        f", mostly to the picture's {side}." if off_share >= 0.5 else "."
    )
    cues.append(
        Cue(
            "centring",
            "Centring",
            centring,
            off_share,
            episodes(
                frames,
                lambda f: None if not one_face(f) else id(f) in off_ids,
                "off-centre",
                s.frame_episode_s,
            ),
        )
    )
    return cues


# --- looking toward the camera -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Baseline:
    yaw: float
    pitch: float
    iris_x: float
    iris_y: float


def baseline(frames: Sequence[Frame], s: BodyLanguageSettings) -> Baseline | None:
    posed = [f for f in live(frames) if one_face(f) and f.yaw is not None and f.pitch is not None]
    if not posed:
        return None
    first = [f for f in posed if f.t <= posed[0].t + s.calibration_s] or posed[:1]
    irises = [f.iris for f in first if f.iris is not None]
    return Baseline(
        statistics.median(f.yaw or 0.0 for f in first),
        statistics.median(f.pitch or 0.0 for f in first),
        statistics.median(i[0] for i in irises) if irises else 0.0,
        statistics.median(i[1] for i in irises) if irises else 0.0,
    )


def toward_camera(frame: Frame, base: Baseline, s: BodyLanguageSettings) -> bool | None:
    """Head and eyes together within the settings' cone around the baseline; None when no
    single face's pose is known."""
    if not one_face(frame) or frame.yaw is None or frame.pitch is None:
        return None
    ix, iy = frame.iris if frame.iris is not None else (base.iris_x, base.iris_y)
    yaw = frame.yaw - base.yaw + s.iris_gain_deg * (ix - base.iris_x)
    pitch = frame.pitch - base.pitch + s.iris_gain_deg * (iy - base.iris_y)
    return abs(yaw) <= s.toward_yaw_deg and abs(pitch) <= s.toward_pitch_deg


def gaze(frames: Sequence[Frame], s: BodyLanguageSettings) -> Cue | None:
    base = baseline(frames, s)
    if base is None:
        return None

    def away(f: Frame) -> bool | None:
        toward = toward_camera(f, base, s)
        return None if toward is None else not toward

    toward_share = share(frames, lambda f: toward_camera(f, base, s))
    if toward_share is None:
        return None
    moments = episodes(frames, away, "looking away", s.look_away_s)
    found = (
        f" Looked away for longer than {s.look_away_s:g} s {times(len(moments))}."
        if moments
        else f" No look away lasted longer than {s.look_away_s:g} s."
    )
    return Cue(
        "gaze",
        "Looking toward the camera",
        f"Looking toward the camera (head and eyes, against the first {s.calibration_s:g} s) "
        f"for {toward_share:.0%} of the time the face was seen." + found,
        toward_share,
        moments,
    )


# --- head movement, posture, smile ---------------------------------------------------------


def movement(frames: Sequence[Frame], s: BodyLanguageSettings) -> Cue | None:
    posed = [f for f in live(frames) if one_face(f) and f.yaw is not None and f.pitch is not None]
    if len(posed) < 2:
        return None
    moves: list[Moment] = []
    speeds: list[float] = []
    j = 0
    for i, f in enumerate(posed):
        # Compare with the frame about a second earlier.
        while j < i and posed[j].t < f.t - 1.0 - 1e-9:
            j += 1
        if j == i:
            continue
        g = posed[j]
        dyaw = abs((f.yaw or 0.0) - (g.yaw or 0.0))
        dpitch = abs((f.pitch or 0.0) - (g.pitch or 0.0))
        speeds.append(max(dyaw, dpitch) / max(f.t - g.t, 1e-6))
        if max(dyaw, dpitch) >= s.large_move_deg:
            what = "head turn" if dyaw >= dpitch else "nod"
            if moves and moves[-1].end >= g.t and moves[-1].what == what:
                moves[-1] = Moment(moves[-1].start, f.t, what)
            else:
                moves.append(Moment(g.t, f.t, what))
    if not speeds:
        return None
    typical = statistics.median(speeds)
    steady = "steady" if typical < s.large_move_deg / 4 else "often moving"
    return Cue(
        "movement",
        "Head movement",
        f"The head was {steady} (a typical change of {typical:.0f} degrees a second)"
        + (
            f"; {len(moves)} large movements (turns or nods of {s.large_move_deg:g} degrees "
            "or more within a second)."
            if moves
            else "; no large turns or nods."
        ),
        None,
        tuple(moves),
    )


def posture(frames: Sequence[Frame], s: BodyLanguageSettings) -> Cue | None:
    checked = [f for f in frames if f.pose_checked]  # episodes: a frozen frame ends a run
    looked = live(checked)  # counts: a frozen frame is not one the pose model could judge
    seen = [f for f in looked if f.shoulders is not None]
    if len(seen) < max(3, len(looked) // 4):
        return None
    # Each against the start, the median of the first `calibration_s` as for looking: a camera
    # or seat set at an angle tilts the shoulders in the picture from the first second.
    first = [f for f in seen if f.t <= seen[0].t + s.calibration_s]
    mx = statistics.median(f.shoulders.middle[0] for f in first if f.shoulders)
    my = statistics.median(f.shoulders.middle[1] for f in first if f.shoulders)
    tilt = statistics.median(f.shoulders.tilt_degrees for f in first if f.shoulders)

    def tilted(f: Frame) -> bool | None:
        if f.shoulders is None:
            return None
        more = (f.shoulders.tilt_degrees - tilt + 90) % 180 - 90  # a line's angle: mod 180
        return abs(more) > s.shoulder_tilt_deg

    def slumped(f: Frame) -> bool | None:
        return None if f.shoulders is None else f.shoulders.middle[1] - my > s.slump_drop

    def leaning(f: Frame) -> bool | None:
        return None if f.shoulders is None else abs(f.shoulders.middle[0] - mx) > s.lean_shift

    level = 1 - (share(seen, tilted) or 0.0)
    moments = sorted(
        episodes(checked, tilted, "shoulders not level", s.posture_episode_s)
        + episodes(checked, slumped, "slumping", s.posture_episode_s)
        + episodes(checked, leaning, "leaning to a side", s.posture_episode_s),
        key=lambda m: m.start,
    )
    return Cue(
        "posture",
        "Posture",
        f"Shoulders visible for {len(seen) / len(looked):.0%} of the answer and as level as in "
        f"the first {s.calibration_s:g} s for {level:.0%} of that time"
        + (
            f"; {len(moments)} stretches of slumping, leaning or tilting against the start."
            if moments
            else "; no slumping, leaning or tilting against the start."
        ),
        level,
        tuple(moments),
    )


def smile(frames: Sequence[Frame], s: BodyLanguageSettings) -> Cue | None:
    def smiling(f: Frame) -> bool | None:
        return None if not one_face(f) or f.smile is None else f.smile >= s.smile_ratio

    smiled = share(frames, smiling)
    if smiled is None:
        return None
    return Cue(
        "smile",
        "Smile",
        f"Smiling for {smiled:.0%} of the time the face was seen.",
        smiled,
        episodes(frames, smiling, "smiling", 1.0),
    )
