"""Video of a face made without a camera, with known values at every moment.

The face is scikit-image's `data.astronaut()` (a NASA portrait in the public domain), cut to
head and shoulders, moved, scaled and turned (yaw and pitch as a flat picture turned in 3-D and
seen through a pinhole, roll in the picture's plane) over a grey background, and taken out of
frame. Used by the body-language tests, `bench/bench_body_language.py` and the browser journey
(a Y4M for Chromium's fake camera). A square in the top-left corner is red while the face is
out of frame, so a test can find that moment in a recording whose start it does not control.

Every written frame carries a camera's sensor noise (`sensor_noise`, seeded by the frame's
number): a live camera never gives the same pixels twice, and a picture that repeats exactly is
what a frozen camera gives (the body-language report counts such stretches as unknown).
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
from numpy.typing import NDArray
from PIL import Image

WIDTH, HEIGHT = 640, 480
BACKGROUND = (118, 122, 128)
MARK = (230, 30, 30)  # the out-of-frame marker's colour
MARK_SIZE = 24
# A webcam's noise in good indoor light: a standard deviation of about 2 levels of 255 in each
# channel after the camera's own denoising (the still-face clips then change by 0.29-0.63 % of
# the brightness between frames 0.5 s apart after VP8 at 1 Mbit/s; coach.body_language's
# frozen_change is set from those figures).
NOISE_SD = 2.0
# The portrait's head and shoulders, and the face inside that cut (pixels of the cut).
CUT = (90, 0, 370, 360)
FACE = (50, 20, 225, 210)


@dataclass(frozen=True, slots=True)
class Pose:
    x: float = 0.5  # the cut's centre, as shares of the frame
    y: float = 0.5
    scale: float = 0.75  # the cut's height as a share of the frame's
    yaw: float = 0.0  # degrees; + turns toward the picture's right
    pitch: float = 0.0  # + looks down
    roll: float = 0.0  # + clockwise
    shown: bool = True


@dataclass(frozen=True, slots=True)
class Key:
    t: float
    pose: Pose


@dataclass(frozen=True, slots=True)
class Truth:
    t: float
    in_frame: bool  # the whole face inside the picture
    yaw: float
    pitch: float
    roll: float
    away: bool  # head turned or nodded 25 degrees or more


def pose_at(keys: Sequence[Key], t: float) -> Pose:
    """Linear between keys; `shown` holds from one key to the next."""
    if t <= keys[0].t:
        return keys[0].pose
    for a, b in itertools.pairwise(keys):
        if a.t <= t < b.t:
            k = (t - a.t) / (b.t - a.t)
            p, q = a.pose, b.pose

            def mix(u: float, v: float, k: float = k) -> float:
                return u + (v - u) * k

            return Pose(
                mix(p.x, q.x),
                mix(p.y, q.y),
                mix(p.scale, q.scale),
                mix(p.yaw, q.yaw),
                mix(p.pitch, q.pitch),
                mix(p.roll, q.roll),
                p.shown,
            )
    return keys[-1].pose


@functools.cache
def portrait() -> Image.Image:
    from skimage import data

    face: NDArray[np.uint8] = data.astronaut()  # type: ignore[no-untyped-call]
    return Image.fromarray(face).crop(CUT)


def _project(pose: Pose, points: NDArray[np.float64], size: float) -> NDArray[np.float64]:
    """Points of the cut (pixels, centred, y down) turned and seen by a pinhole camera."""
    roll, pitch, yaw = (math.radians(a) for a in (pose.roll, pose.pitch, pose.yaw))
    x = points[:, 0] * math.cos(roll) - points[:, 1] * math.sin(roll)
    y = points[:, 0] * math.sin(roll) + points[:, 1] * math.cos(roll)
    z = y * math.sin(pitch)
    y = y * math.cos(pitch)
    z = z + x * math.sin(yaw)
    x = x * math.cos(yaw)
    focal = 2.0 * size  # a normal lens: the subject at twice its height
    k = focal / (focal + z)
    return np.stack([pose.x * WIDTH + x * k, pose.y * HEIGHT + y * k], axis=1)


def _coefficients(src: NDArray[np.float64], dst: NDArray[np.float64]) -> list[float]:
    """PIL's perspective coefficients taking output points `dst` to input points `src`."""
    rows, rhs = [], []
    for (u, v), (x, y) in zip(dst, src, strict=True):
        rows.append([u, v, 1, 0, 0, 0, -x * u, -x * v])
        rows.append([0, 0, 0, u, v, 1, -y * u, -y * v])
        rhs += [x, y]
    return [float(c) for c in np.linalg.solve(np.array(rows), np.array(rhs))]


@functools.lru_cache(maxsize=64)
def render(pose: Pose) -> NDArray[np.uint8]:
    """One RGB frame."""
    canvas = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    if pose.shown:
        cut = portrait()
        height = pose.scale * HEIGHT
        factor = height / cut.height
        w, h = cut.width * factor, cut.height * factor
        corners = np.array([[0, 0], [cut.width, 0], [cut.width, cut.height], [0, cut.height]])
        centred = (corners - [cut.width / 2, cut.height / 2]) * factor
        placed = _project(pose, centred, max(w, h))
        # Only the box the cut lands in is transformed (the whole frame would take 5 times
        # as long).
        left, top = np.floor(placed.min(axis=0)).astype(int)
        right, bottom = np.ceil(placed.max(axis=0)).astype(int)
        box = (int(right - left), int(bottom - top))
        coeffs = _coefficients(corners.astype(np.float64), placed - [left, top])
        layer = cut.transform(box, Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BILINEAR)
        mask = Image.new("L", cut.size, 255).transform(
            box, Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BILINEAR
        )
        canvas.paste(layer, (int(left), int(top)), mask)
    frame = np.asarray(canvas).copy()
    if not truth_of(pose, 0.0).in_frame:
        frame[:MARK_SIZE, :MARK_SIZE] = MARK
    return frame


def sensor_noise(rgb: NDArray[np.uint8], seed: int, sd: float = NOISE_SD) -> NDArray[np.uint8]:
    """The picture as a live camera gives it: Gaussian noise of `sd` levels, seeded so a clip is
    the same on every run."""
    noise = np.random.default_rng(seed).standard_normal(rgb.shape, dtype=np.float32) * sd
    return np.clip(rgb + noise, 0, 255).round().astype(np.uint8)


def truth_of(pose: Pose, t: float) -> Truth:
    cut = portrait()
    factor = pose.scale * HEIGHT / cut.height
    face = np.array(
        [[FACE[0], FACE[1]], [FACE[2], FACE[1]], [FACE[2], FACE[3]], [FACE[0], FACE[3]]],
        dtype=np.float64,
    )
    centred = (face - [cut.width / 2, cut.height / 2]) * factor
    placed = _project(pose, centred, pose.scale * HEIGHT)
    inside = bool(
        pose.shown
        and placed[:, 0].min() >= 0
        and placed[:, 1].min() >= 0
        and placed[:, 0].max() <= WIDTH
        and placed[:, 1].max() <= HEIGHT
    )
    return Truth(
        t,
        inside,
        pose.yaw,
        pose.pitch,
        pose.roll,
        abs(pose.yaw) >= 25 or abs(pose.pitch) >= 25,
    )


def truth(keys: Sequence[Key], t: float) -> Truth:
    return truth_of(pose_at(keys, t), t)


def write_webm(path: Path, keys: Sequence[Key], seconds: float, fps: int = 15) -> Path:
    """The clip as VP8 WebM (as a browser records), each frame with its sensor noise."""
    with av.open(str(path), "w", format="webm") as out:
        video = out.add_stream("libvpx", rate=fps)
        video.width, video.height, video.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        video.bit_rate = 1_000_000
        # One thread, fastest settings: threads fight for the cores of a busy machine.
        video.options = {"deadline": "realtime", "cpu-used": "16", "threads": "1"}
        for i in range(int(seconds * fps)):
            rgb = sensor_noise(render(pose_at(keys, i / fps)), i)
            frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
            frame.pts = i
            frame.time_base = Fraction(1, fps)
            for packet in video.encode(frame):
                out.mux(packet)
        for packet in video.encode():
            out.mux(packet)
    return path


def write_y4m(path: Path, keys: Sequence[Key], seconds: float, fps: int = 15) -> Path:
    """The clip as Y4M (4:2:0), the file Chromium's fake camera plays in a loop, each frame with
    its sensor noise (the camera's file loops, so the noise repeats with it, as the face does)."""
    with path.open("wb") as out:
        out.write(f"YUV4MPEG2 W{WIDTH} H{HEIGHT} F{fps}:1 Ip A1:1 C420jpeg\n".encode())
        for i in range(int(seconds * fps)):
            rgb = sensor_noise(render(pose_at(keys, i / fps)), i)
            frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
            yuv = frame.reformat(format="yuv420p")
            out.write(b"FRAME\n")
            for plane in yuv.planes:
                data = np.frombuffer(bytes(plane), dtype=np.uint8).reshape(-1, plane.line_size)
                out.write(data[:, : plane.width].tobytes())
    return path


def marked(rgb: NDArray[np.uint8]) -> bool:
    """Whether a picture carries the out-of-frame marker (as a test reads a recording)."""
    corner = rgb[4 : MARK_SIZE - 4, 4 : MARK_SIZE - 4].reshape(-1, 3).mean(axis=0)
    return bool(corner[0] > 170 and corner[1] < 90 and corner[2] < 90)


def still(seconds: float, pose: Pose | None = None) -> list[Key]:
    return [Key(0.0, pose or Pose()), Key(seconds, pose or Pose())]
