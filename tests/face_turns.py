"""A face turned in 3-D, for the head-angle and looking-away figures: the portrait of
`face_clips` cut into triangles over its face-mesh points, each point given the depth the mesh
reads from the frontal portrait (the hair, neck and background a plane at the ears' depth),
rotated (yaw, pitch, roll) and seen by a pinhole camera, the triangles drawn far to near. A flat
picture turned in 3-D only gets narrower, which no face model reads as a head turn; this one's
nose moves across its cheeks as a real head's does.

Needs the landmark models (to read the portrait's depth once) and OpenCV (to warp the
triangles), both installed by scripts/install-landmarks.
"""

from __future__ import annotations

import functools
import math
import os
import warnings
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from tests.face_clips import BACKGROUND, HEIGHT, MARK, MARK_SIZE, WIDTH, Pose, portrait, truth_of


@dataclass(frozen=True)
class Mesh:
    points: NDArray[np.float64]  # (n, 3): x, y in the cut's pixels, z depth in the same unit
    triangles: NDArray[np.int32]  # (m, 3)
    image: NDArray[np.uint8]


@functools.cache
def mesh() -> Mesh:
    import cv2  # noqa: F401 - fails here, clearly, without the landmarks install
    from scipy.spatial import Delaunay  # type: ignore[import-untyped]

    os.environ.setdefault("MPLBACKEND", "Agg")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        import mediapipe as mp
    image = np.asarray(portrait().convert("RGB"))
    h, w = image.shape[:2]
    with mp.solutions.face_mesh.FaceMesh(static_image_mode=True, refine_landmarks=False) as fm:
        found = fm.process(image)
    face = np.array([[p.x * w, p.y * h, p.z * w] for p in found.multi_face_landmarks[0].landmark])
    # The plane behind the face: the depth of the face's outline (ears and jaw).
    back = float(np.percentile(face[:, 2], 90))
    step = 20
    border = [(x, y) for x in range(0, w + 1, step) for y in range(0, h + 1, step)]
    hull_min, hull_max = face[:, :2].min(axis=0) - 8, face[:, :2].max(axis=0) + 8
    outside = [
        (x, y, back)
        for x, y in border
        if not (hull_min[0] <= x <= hull_max[0] and hull_min[1] <= y <= hull_max[1])
    ]
    points = np.vstack([face, np.array(outside, dtype=np.float64)])
    triangles = Delaunay(points[:, :2]).simplices.astype(np.int32)
    return Mesh(points, triangles, image)


def rotation(pose: Pose) -> NDArray[np.float64]:
    """Roll about the view axis, then pitch (+ down), then yaw (+ toward the picture's right),
    in picture axes (x right, y down, z away from the camera)."""
    r, p, y = (math.radians(a) for a in (pose.roll, pose.pitch, pose.yaw))
    roll = np.array([[math.cos(r), -math.sin(r), 0], [math.sin(r), math.cos(r), 0], [0, 0, 1]])
    pitch = np.array([[1, 0, 0], [0, math.cos(p), -math.sin(p)], [0, math.sin(p), math.cos(p)]])
    yaw = np.array([[math.cos(y), 0, -math.sin(y)], [0, 1, 0], [math.sin(y), 0, math.cos(y)]])
    return np.asarray(yaw @ pitch @ roll, dtype=np.float64)


def render_turned(pose: Pose) -> NDArray[np.uint8]:
    import cv2

    m = mesh()
    canvas = np.empty((HEIGHT, WIDTH, 3), dtype=np.uint8)
    canvas[:] = BACKGROUND
    if pose.shown:
        h, w = m.image.shape[:2]
        factor = pose.scale * HEIGHT / h
        centre = np.array([w / 2, h / 2, float(np.median(m.points[:, 2]))])
        local = (m.points - centre) * factor
        turned = local @ rotation(pose).T
        focal = 2.0 * pose.scale * HEIGHT
        k = focal / (focal + turned[:, 2])
        xy = np.stack(
            [pose.x * WIDTH + turned[:, 0] * k, pose.y * HEIGHT + turned[:, 1] * k], axis=1
        )
        depth = turned[:, 2][m.triangles].mean(axis=1)
        for index in np.argsort(-depth):  # far first
            tri = m.triangles[index]
            src = m.points[tri, :2].astype(np.float32)
            dst = xy[tri].astype(np.float32)
            x0, y0 = np.floor(dst.min(axis=0)).astype(int)
            x1, y1 = np.ceil(dst.max(axis=0)).astype(int) + 1
            if x1 <= 0 or y1 <= 0 or x0 >= WIDTH or y0 >= HEIGHT or x1 - x0 < 1 or y1 - y0 < 1:
                continue
            matrix = cv2.getAffineTransform(src, (dst - [x0, y0]).astype(np.float32))
            patch = cv2.warpAffine(
                m.image, matrix, (int(x1 - x0), int(y1 - y0)), flags=cv2.INTER_LINEAR,
                borderMode=cv2.BORDER_REFLECT,
            )  # fmt: skip
            mask = np.zeros(patch.shape[:2], dtype=np.uint8)
            cv2.fillConvexPoly(mask, np.round(dst - [x0, y0]).astype(np.int32), 1)
            cx0, cy0 = max(x0, 0), max(y0, 0)
            cx1, cy1 = min(x1, WIDTH), min(y1, HEIGHT)
            sub = mask[cy0 - y0 : cy1 - y0, cx0 - x0 : cx1 - x0].astype(bool)
            region = canvas[cy0:cy1, cx0:cx1]
            region[sub] = patch[cy0 - y0 : cy1 - y0, cx0 - x0 : cx1 - x0][sub]
    if not truth_of(pose, 0.0).in_frame:
        canvas[:MARK_SIZE, :MARK_SIZE] = MARK
    return canvas
