"""`analyse_body_language`: frames in, observations with their times out, a per-second
timeline, notes on what the picture did not allow, and at most two tips quoting their moments.

Kept apart from the answer's analysis on purpose: nothing here enters the answer's rating, and
nothing here names an emotion, confidence, nervousness, honesty or hireability. Published work
finds these cues real but smaller than what is said and how it sounds (Hoque et al. 2013, MACH;
Naim et al. 2015, automated analysis of job interviews).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from prepcoach.coach.body_language import cues as c
from prepcoach.coach.body_language.frames import BodyLanguageSettings, Frame, VideoFacts

VERSION = 1
MAX_TIPS = 2
LONG_ANSWER_S = 300.0  # past this the source samples more sparsely, and the report says so


@dataclass(frozen=True, slots=True)
class Tip:
    key: str
    text: str
    rule: str
    moments: tuple[c.Moment, ...]


@dataclass(frozen=True, slots=True)
class Second:
    t: int
    face: str  # "one", "none", "two", "cut", "unknown", "frozen" (the picture froze)
    toward: bool | None
    moved: bool
    smile: bool | None


@dataclass(frozen=True, slots=True)
class BodyLanguage:
    version: int
    engine: str
    duration_s: float
    frames: int
    sample_fps: float
    notes: tuple[str, ...]
    cues: tuple[c.Cue, ...]
    tips: tuple[Tip, ...]
    timeline: tuple[Second, ...]
    settings: BodyLanguageSettings = field(default_factory=BodyLanguageSettings)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> BodyLanguage:
        def moments(items: list[dict[str, Any]]) -> tuple[c.Moment, ...]:
            return tuple(c.Moment(**m) for m in items)

        return cls(
            version=data["version"],
            engine=data["engine"],
            duration_s=data["duration_s"],
            frames=data["frames"],
            sample_fps=data["sample_fps"],
            notes=tuple(data["notes"]),
            cues=tuple(
                c.Cue(**{**cue, "moments": moments(cue["moments"])}) for cue in data["cues"]
            ),
            tips=tuple(Tip(**{**t, "moments": moments(t["moments"])}) for t in data["tips"]),
            timeline=tuple(Second(**s) for s in data["timeline"]),
            settings=BodyLanguageSettings(**data.get("settings", {})),
        )


def clock(seconds: float) -> str:
    whole = int(seconds)
    m, s = divmod(whole, 60)
    return f"{m}:{s:02d}"


def when(moments: Sequence[c.Moment], most: int = 3) -> str:
    """The moments as the report quotes them: "0:12-0:16, 0:40-0:43"."""
    shown = [f"{clock(m.start)}–{clock(m.end)}" for m in moments[:most]]
    more = len(moments) - most
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def analyse_body_language(
    frames: Sequence[Frame], facts: VideoFacts, settings: BodyLanguageSettings | None = None
) -> BodyLanguage:
    s = settings or BodyLanguageSettings()
    frames = sorted(frames, key=lambda f: f.t)
    notes = list(picture_notes(frames, facts, s))
    frames = without_frozen(frames, s)
    found: list[c.Cue] = []
    live = c.live(frames)
    seen = sum(1 for f in live if f.faces >= 1)
    if frames:
        found += c.framing(frames, s)
    # A face in a tenth of the frames that can tell (a frozen stretch's cannot) is enough.
    if live and seen / len(live) >= 0.1:
        for cue in (c.gaze(frames, s), c.movement(frames, s), c.posture(frames, s)):
            if cue is not None:
                found.append(cue)
        smiled = c.smile(frames, s)
        if smiled is not None:
            found.append(smiled)
    found = [clipped(cue, facts.duration_s) for cue in found]
    return BodyLanguage(
        version=VERSION,
        engine=facts.engine,
        duration_s=facts.duration_s,
        frames=len(frames),
        sample_fps=facts.sample_fps,
        notes=tuple(notes),
        cues=tuple(found),
        tips=tips(found, s, facts.duration_s),
        timeline=timeline(frames, found, facts.duration_s, s),
        settings=s,
    )


def frozen_stretches(frames: Sequence[Frame], s: BodyLanguageSettings) -> tuple[c.Moment, ...]:
    """Where the picture did not change by `frozen_change` for `frozen_s` or longer: a live
    camera's own noise changes every picture (thresholds.py), a frozen one repeats it. Each
    stretch starts a sample before its first unchanged one: that sample already shows the held
    picture, or, after the browser's VP8 encoding, the encoder's first, blurrier copy of it,
    which the next samples sharpen by about as much as a camera's noise changes a picture.

    A lone changed sample between two held runs does not end a freeze: the encoder refreshes a
    held picture now and then (Chromium's VP8 once changed one by 0.3 %), and the picture held
    on either side is the same one. Runs are joined across one sample when either holds two
    samples or more, so a camera sending a new picture every other sample (single repeated
    samples between changed ones) stays live; a short run after such a refresh belongs to the
    freeze it continues."""
    if not frames:
        return ()
    step = c.step_of(frames)
    runs: list[list[int]] = []  # [first, last] indices of each run of unchanged samples
    for i, f in enumerate(frames):
        if f.change < s.frozen_change:
            if runs and runs[-1][1] == i - 1:
                runs[-1][1] = i
            else:
                runs.append([i, i])
    joined: list[list[int]] = []
    for k, run in enumerate(runs):
        before = runs[k - 1] if k else None
        if (
            before is not None
            and run[0] == before[1] + 2
            and max(run[1] - run[0], before[1] - before[0]) >= 1
        ):
            joined[-1][1] = run[1]
        else:
            joined.append(list(run))
    found: list[c.Moment] = []
    for first, last in joined:
        following = frames[last + 1].t if last + 1 < len(frames) else math.inf
        end = following if following - frames[last].t <= 1.5 * step else frames[last].t + step
        if end - frames[first].t < s.frozen_s - 1e-9:
            continue
        start = frames[first - 1].t if first else frames[first].t
        if found and start <= found[-1].end:  # touching: one freeze
            found[-1] = c.Moment(found[-1].start, end, "frozen")
        else:
            found.append(c.Moment(start, end, "frozen"))
    return tuple(found)


def without_frozen(frames: Sequence[Frame], s: BodyLanguageSettings) -> list[Frame]:
    """The frames, those in a frozen stretch marked `still`: they say nothing about the person,
    so no share, baseline, episode, movement or tip counts them."""
    frozen = frozen_stretches(frames, s)
    if not frozen:
        return list(frames)
    return [
        replace(f, still=True) if any(m.start <= f.t < m.end for m in frozen) else f for f in frames
    ]


def clipped(cue: c.Cue, duration: float) -> c.Cue:
    """The cue with its moments ending by the end of the video (the last frame's step may
    reach past it)."""
    if not any(m.end > duration for m in cue.moments):
        return cue
    moments = tuple(
        c.Moment(m.start, min(m.end, duration), m.what) for m in cue.moments if m.start < duration
    )
    return replace(cue, moments=moments)


def picture_notes(frames: Sequence[Frame], facts: VideoFacts, s: BodyLanguageSettings) -> list[str]:
    """What the picture did not allow, in words the user can act on."""
    if not frames:
        return ["The recording has no picture to look at, so only the speech report is shown."]
    notes: list[str] = []
    if facts.height and facts.height < s.tiny_height_px:
        notes.append(
            f"The picture is very small ({facts.width}×{facts.height} px): faces and eyes are "
            "hard to find in it, so these observations may miss things."
        )
    light = statistics.median(f.brightness for f in frames)
    if light < s.dark_luma:
        notes.append(
            "The picture is very dark: a light in front of you (not behind) would let the "
            "camera see your face."
        )
    seen = [f for f in frames if f.faces >= 1]
    if len(seen) < 0.1 * len(frames):
        notes.append(
            "No face was found in the picture for most of the answer, so there is nothing to "
            "observe about looking, head movement or smiling."
        )
    elif sum(1 for f in frames if f.faces >= 2) > s.two_faces_share * len(frames):
        notes.append(
            "Two or more faces were in the picture for much of the answer; the observations "
            "follow one face and skip the moments with more."
        )
    cut = [f for f in seen if f.box is not None and f.box.cut_off(s.cut_off_margin)]
    if seen and len(cut) > 0.8 * len(seen):
        notes.append(
            "The face was partly out of the picture nearly the whole time: move the camera so "
            "your whole head and shoulders fit."
        )
    frozen = frozen_stretches(frames, s)
    if frozen:
        notes.append(
            f"The camera's picture did not change at {when(frozen)}: it may have frozen, and "
            "those moments say nothing about you, so no observation or tip counts them."
        )
    if facts.duration_s > LONG_ANSWER_S:
        notes.append(f"A long answer: the picture was sampled {facts.sample_fps:g} times a second.")
    return notes


def tips(found: Sequence[c.Cue], s: BodyLanguageSettings, duration: float) -> tuple[Tip, ...]:
    """At most two, the ones resting on the most time, each quoting its moments."""
    by = {cue.key: cue for cue in found}
    candidates = [
        episode_tip(
            by.get("gaze"),
            lambda at: (
                f"Finish each thought toward the camera: you looked away for longer than "
                f"{s.look_away_s:g} s at {at}."
            ),
            f"A look away longer than {s.look_away_s:g} s, head and eyes more than "
            f"{s.toward_yaw_deg:g} degrees to the side or {s.toward_pitch_deg:g} up or "
            f"down from your first {s.calibration_s:g} s.",
        ),
        episode_tip(
            by.get("framing"),
            lambda at: f"Stay in the picture: you were out of frame or cut off at {at}.",
            f"No face, or more than {s.cut_off_margin:.0%} of it outside the picture, "
            f"for {s.frame_episode_s:g} s or more.",
        ),
        distance_tip(by.get("distance"), s, duration),
        episode_tip(
            by.get("posture"),
            lambda at: (
                f"Sit upright and square to the camera: at {at} your shoulders slumped, "
                "leaned or tilted from where they were at the start."
            ),
            f"Shoulders tilted over {s.shoulder_tilt_deg:g} degrees more, dropped by "
            f"{s.slump_drop:.0%} or shifted by {s.lean_shift:.0%} of the picture, each "
            f"against your first {s.calibration_s:g} s, for {s.posture_episode_s:g} s or more.",
        ),
    ]
    ranked = sorted((pair for pair in candidates if pair is not None), key=lambda pair: -pair[0])
    return tuple(tip for _, tip in ranked[:MAX_TIPS])


def episode_tip(
    cue: c.Cue | None, text: Callable[[str], str], rule: str
) -> tuple[float, Tip] | None:
    """A tip resting on a cue's episodes, weighed by their time, its text quoting them."""
    if cue is None or not cue.moments:
        return None
    weight = sum(m.length for m in cue.moments)
    return (weight, Tip(cue.key, text(when(cue.moments)), rule, cue.moments))


def distance_tip(
    distance: c.Cue | None, s: BodyLanguageSettings, duration: float
) -> tuple[float, Tip] | None:
    """Sitting too far or too close holds the whole answer: weighed as half of it."""
    if distance is None or not ("far" in distance.observation or "close" in distance.observation):
        return None
    whole = (c.Moment(0.0, duration, "the whole answer"),)
    closer = "closer to" if "far" in distance.observation else "further from"
    return (
        duration * 0.5,
        Tip(
            "distance",
            f"Sit {closer} the camera: {distance.observation[9:].rstrip('.')} over {when(whole)}.",
            f"A face under {s.face_small:.0%} or over {s.face_large:.0%} of the picture's "
            "height (head and shoulders in frame).",
            whole,
        ),
    )


def timeline(
    frames: Sequence[Frame], found: Sequence[c.Cue], duration: float, s: BodyLanguageSettings
) -> tuple[Second, ...]:
    """One entry a second: whether one face was in the picture, looking toward the camera,
    moving a lot, smiling (the majority of that second's frames; None when not known)."""
    seconds = max(0, math.ceil(duration - 1e-9))
    base = c.baseline(frames, s)
    moves = next((cue.moments for cue in found if cue.key == "movement"), ())
    buckets: dict[int, list[Frame]] = {}
    for f in frames:
        buckets.setdefault(int(f.t), []).append(f)
    out: list[Second] = []
    for t in range(seconds):
        sampled = buckets.get(t, [])
        here = c.live(sampled)
        out.append(
            Second(
                t,
                "frozen" if sampled and not here else face_state(here, s),
                majority([c.toward_camera(f, base, s) for f in here] if base is not None else []),
                any(m.start <= t + 0.5 <= m.end for m in moves),
                majority(
                    [
                        None if not c.one_face(f) or f.smile is None else f.smile >= s.smile_ratio
                        for f in here
                    ]
                ),
            )
        )
    return tuple(out)


def face_state(frames: Sequence[Frame], s: BodyLanguageSettings) -> str:
    if not frames:
        return "unknown"
    states = []
    for f in frames:
        if f.faces == 0 or f.box is None:
            states.append("none")
        elif f.faces >= 2:
            states.append("two")
        elif f.box.cut_off(s.cut_off_margin):
            states.append("cut")
        else:
            states.append("one")
    return max(sorted(set(states)), key=states.count)


def majority(values: Sequence[bool | None]) -> bool | None:
    known = [v for v in values if v is not None]
    if not known:
        return None
    return sum(known) * 2 >= len(known)
