"""Body language from video (issue 10): the landmark source and the judgement on a labelled clip
set made without a camera, from scikit-image's astronaut portrait (tests/face_clips.py; turned
in 3-D by tests/face_turns.py), rendered to WebM with PyAV and read as the worker reads an
answer (coach.body_language.pipeline.analyse_video, 2 frames a second).

Prints face-in-frame agreement, head-angle error in degrees against the applied rotation
(relative to the clip's first 5 s, as the judgement uses them), look-away episodes found
(precision and recall), time per frame and the added latency on a 2-minute answer, each beside
a trivial baseline measured here (always "one face in frame", never "looking away").

`--clips DIR` keeps the clips in DIR; `--frames FILE` also scores the frames another landmark
source read from those clips (`bench/tasks_face_landmarker.py`, MediaPipe Tasks' face
landmarker, run in a throwaway venv), beside the default's, for docs/architecture.md's choice.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests import face_clips as fc
from tests.face_clips import Key, Pose

from prepcoach.coach.body_language import analyse_body_language
from prepcoach.coach.body_language.frames import BodyLanguageSettings, Box, Frame, VideoFacts
from prepcoach.coach.body_language.source import default_source, read_video

FRONT = Pose()


def held(*spans: tuple[float, float, Pose], seconds: float, ramp: float = 0.4) -> list[Key]:
    """Frontal, with each span's pose reached over `ramp` seconds and held."""
    keys = [Key(0.0, FRONT)]
    for start, end, pose in spans:
        keys += [Key(start, FRONT), Key(start + ramp, pose), Key(end - ramp, pose), Key(end, FRONT)]
    return [*keys, Key(seconds, FRONT)]


TURNS_S = 60.0
TURNS = held(
    (8, 12, replace(FRONT, yaw=35)),
    (16, 19, replace(FRONT, yaw=-35)),
    (23, 24, replace(FRONT, yaw=35)),  # a glance: not an episode
    (28, 32, replace(FRONT, pitch=30)),
    (36, 40, replace(FRONT, roll=20)),  # a tilt: still looking toward the camera
    (44, 47, replace(FRONT, yaw=15)),  # under the 25 degrees the labels call away
    (50, 54, replace(FRONT, yaw=-40)),
    seconds=TURNS_S,
)
FRAMING_S = 40.0
FRAMING = [
    Key(0, FRONT), Key(8, FRONT), Key(9, replace(FRONT, x=0.3)), Key(10, replace(FRONT, x=1.5)),
    Key(13.99, replace(FRONT, x=1.5)), Key(14, replace(FRONT, x=0.5)),
    Key(20, replace(FRONT, x=0.5)), Key(20.5, replace(FRONT, x=0.97)),
    Key(24, replace(FRONT, x=0.97)), Key(24.5, replace(FRONT, x=0.5)),
    Key(28, FRONT), Key(29, replace(FRONT, scale=0.5, x=0.35)),
    Key(34, replace(FRONT, scale=0.5, x=0.35)), Key(35, FRONT), Key(FRAMING_S, FRONT),
]  # fmt: skip
LONG_S = 120.0
LONG = held((20, 26, replace(FRONT, x=1.5)), (60, 64, replace(FRONT, roll=15)), seconds=LONG_S)


def turned_webm(path: Path, keys: list[Key], seconds: float, fps: int = 10) -> Path:
    """As fc.write_webm, with the 3-D turned face (and the same sensor noise)."""
    from fractions import Fraction

    import av
    from tests.face_turns import render_turned

    cache: dict[Pose, Any] = {}
    with av.open(str(path), "w", format="webm") as out:
        video = out.add_stream("libvpx", rate=fps)
        video.width, video.height, video.pix_fmt = fc.WIDTH, fc.HEIGHT, "yuv420p"
        video.bit_rate = 1_000_000
        video.options = {"deadline": "realtime", "cpu-used": "16", "threads": "1"}
        for i in range(int(seconds * fps)):
            pose = fc.pose_at(keys, i / fps)
            if pose not in cache:
                cache[pose] = render_turned(pose)
            rgb = fc.sensor_noise(cache[pose], i)
            frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
            frame.pts, frame.time_base = i, Fraction(1, fps)
            for packet in video.encode(frame):
                out.mux(packet)
        for packet in video.encode():
            out.mux(packet)
    return path


def in_frame(frame: Frame, s: BodyLanguageSettings) -> bool:
    return frame.faces == 1 and frame.box is not None and not frame.box.cut_off(s.cut_off_margin)


def spans(flags: list[tuple[float, bool]], step: float, min_s: float) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    start = None
    for t, flag in flags:
        if flag and start is None:
            start = t
        if not flag and start is not None:
            out.append((start, t))
            start = None
    if start is not None:
        out.append((start, flags[-1][0] + step))
    return [(a, b) for a, b in out if b - a >= min_s]


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass(frozen=True)
class Read:
    """One clip as a source read it."""

    frames: list[Frame]
    facts: VideoFacts
    seconds: float  # decoding and the source's models


def read_default(clips: dict[str, Path]) -> dict[str, Read]:
    out = {}
    for name, path in clips.items():
        src = default_source()
        start = time.perf_counter()
        frames, facts = read_video(path, src)  # type: ignore[arg-type]
        out[name] = Read(frames, facts, time.perf_counter() - start)
        src.close()  # type: ignore[union-attr]
    return out


def read_json(path: Path) -> dict[str, Read]:
    """Frames another source wrote (bench/tasks_face_landmarker.py, run in its own venv)."""

    def frame(f: dict[str, Any]) -> Frame:
        box = Box(**f["box"]) if f["box"] else None
        iris = tuple(f["iris"]) if f["iris"] else None
        return Frame(**{**f, "box": box, "iris": iris, "shoulders": None})

    data = json.loads(path.read_text())
    return {
        name: Read([frame(f) for f in d["frames"]], VideoFacts(**d["facts"]), d["seconds"])
        for name, d in data.items()
    }


def score(read: dict[str, Read], keys: dict[str, list[Key]], s: BodyLanguageSettings) -> None:
    """Print face-in-frame agreement, head-angle errors, look-away episodes and time a frame."""
    agree = total = always = 0
    errors: dict[str, list[float]] = {"yaw": [], "pitch": [], "roll": []}
    turned: dict[str, list[float]] = {"yaw": [], "pitch": [], "roll": []}  # |applied| >= 10
    found_eps: list[tuple[float, float]] = []
    true_eps: list[tuple[float, float]] = []
    for name, got in read.items():
        frames, facts = got.frames, got.facts
        truths = [fc.truth(keys[name], f.t) for f in frames]
        for frame, truth in zip(frames, truths, strict=True):
            total += 1
            agree += in_frame(frame, s) == truth.in_frame
            always += truth.in_frame
        if name != "turns":
            continue
        first = [f for f in frames if f.t < s.calibration_s and f.yaw is not None]
        base = {
            "yaw": statistics.median(f.yaw or 0 for f in first),
            "pitch": statistics.median(f.pitch or 0 for f in first),
            "roll": statistics.median(f.roll or 0 for f in first),
        }
        for frame, truth in zip(frames, truths, strict=True):
            if frame.yaw is None or frame.pitch is None or frame.roll is None:
                continue
            for axis in errors:
                applied = getattr(truth, axis)
                error = abs(getattr(frame, axis) - base[axis] - applied)
                errors[axis].append(error)
                if abs(applied) >= 10:
                    turned[axis].append(error)
        report = analyse_body_language(frames, facts, s)
        gaze = next((c for c in report.cues if c.key == "gaze"), None)
        found_eps = [(m.start, m.end) for m in (gaze.moments if gaze else ())]
        step = 1 / facts.sample_fps
        true_eps = spans([(t.t, t.away) for t in truths], step, s.look_away_s)
    print(f"  face in frame, agreement per sampled frame: {agree / total:.1%} of {total} "
          f"(baseline, always in frame: {always / total:.1%})")  # fmt: skip
    for axis, values in errors.items():
        print(f"  head {axis} error against the applied angle: mean {statistics.mean(values):.1f} "
              f"degrees over {len(values)} frames; turned 10 degrees or more: mean "
              f"{statistics.mean(turned[axis]):.1f}, median {statistics.median(turned[axis]):.1f} "
              f"over {len(turned[axis])} frames (baseline, always 0: "
              f"{statistics.mean(abs(getattr(fc.truth(TURNS, i / 2), axis)) for i in range(int(TURNS_S * 2))):.1f} "
              "mean)")  # fmt: skip
    print(f"  yaw read as a share of the applied turn (median, turned 10 degrees or more): "
          f"{yaw_gain(read['turns'].frames, s):.2f}")  # fmt: skip
    hits = sum(any(overlaps(f, t) for t in true_eps) for f in found_eps)
    recalled = sum(any(overlaps(f, t) for f in found_eps) for t in true_eps)
    print(f"  look-away episodes over {s.look_away_s:g} s: {len(true_eps)} labelled, "
          f"{len(found_eps)} found; precision {hits / max(len(found_eps), 1):.2f}, "
          f"recall {recalled / max(len(true_eps), 1):.2f} (baseline, none found: recall 0.00)")  # fmt: skip
    print(f"    labelled {[(round(a, 1), round(b, 1)) for a, b in true_eps]}")
    print(f"    found    {[(round(a, 1), round(b, 1)) for a, b in found_eps]}")
    frames_read = sum(len(r.frames) for r in read.values())
    spent = sum(r.seconds for r in read.values())
    print(f"  time per sampled frame (decoding and the models): "
          f"{spent / frames_read * 1000:.0f} ms over {frames_read} frames")  # fmt: skip


def yaw_gain(frames: list[Frame], s: BodyLanguageSettings) -> float:
    first = [f.yaw for f in frames if f.t < s.calibration_s and f.yaw is not None]
    base = statistics.median(first)
    gains = [
        (f.yaw - base) / applied
        for f in frames
        if f.yaw is not None and abs(applied := fc.truth(TURNS, f.t).yaw) >= 10
    ]
    return statistics.median(gains) if gains else float("nan")


def run(argv: list[str] | None = None) -> None:
    """`--clips DIR` keeps the clips there (for another source to read); `--frames FILE` scores
    the frames another source read from them beside the default's."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--clips", type=Path)
    parser.add_argument("--frames", type=Path)
    args = parser.parse_args(argv if argv is not None else [])
    source = default_source()
    if not hasattr(source, "frame"):
        print(f"  skipped: {getattr(source, 'reason', source)} (scripts/install-landmarks)")
        return
    engine = source.name  # type: ignore[union-attr]
    source.close()  # type: ignore[union-attr]
    s = BodyLanguageSettings()
    folder = args.clips or Path(tempfile.mkdtemp(prefix="bench-body-"))
    folder.mkdir(parents=True, exist_ok=True)
    made = time.perf_counter()
    clips = {"turns": folder / "turns.webm", "framing": folder / "framing.webm"}
    if not (args.frames and all(p.is_file() for p in clips.values())):
        turned_webm(clips["turns"], TURNS, TURNS_S)
        fc.write_webm(clips["framing"], FRAMING, FRAMING_S)
    keys = {"turns": TURNS, "framing": FRAMING}
    print(f"  clip set: 2 labelled clips ({TURNS_S:.0f} s turned in 3-D, {FRAMING_S:.0f} s moved "
          f"and out of frame), made in {time.perf_counter() - made:.0f} s")  # fmt: skip
    print(f"  - {engine} (the default source)")
    score(read_default(clips), keys, s)
    if args.frames:
        other = read_json(args.frames)
        print(f"  - {next(iter(other.values())).facts.engine} (read by another source)")
        score(other, keys, s)
    long = fc.write_webm(folder / "long.webm", LONG, LONG_S)
    from prepcoach.coach.body_language.pipeline import timed

    result, seconds = timed(long, s)
    frames_long = getattr(result, "frames", 0)
    print(f"  added latency on a {LONG_S / 60:.0f}-minute answer (after its speech report is "
          f"saved): {seconds:.1f} s for {frames_long} frames = {seconds / LONG_S:.3f} x the "
          "answer's length (budget 0.1 x)")  # fmt: skip


if __name__ == "__main__":
    run(sys.argv[1:])
