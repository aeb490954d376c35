"""A video answer recorded in Chromium with a fake camera (issue 10): the camera plays a Y4M of
the astronaut portrait (tests/face_clips.py, with a camera's sensor noise) that leaves the
picture for 4 s, the microphone a spoken answer. The answer page shows the timeline under the
player and the out-of-frame moment where the recording has it; selecting the moment plays the
video from there."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import av
import numpy as np
import pytest
from playwright.sync_api import Browser, Page, Playwright, expect

from prepcoach.accounts.models import User
from prepcoach.coach.body_language.pipeline import load
from prepcoach.coach.body_language.report import BodyLanguage
from prepcoach.practice.models import Attempt, Question
from tests.e2e.conftest import CHROMIUM_ARGS, chromium_path, log_in, watched_page
from tests.e2e.test_practice_journey import (
    ANALYSIS_WAIT_MS,
    SENTENCES,
    chunks_to_hear_all_of,
    speak,
    starter_bank,  # noqa: F401 - the fixture that puts the question bank back
    wait_for_chunks,
)
from tests.face_clips import Key, Pose, marked, write_y4m

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# The camera's file, played in a loop from when the page opens the camera (at Record, before
# the 2.1 s countdown): the face in frame, out of it from 7 s to 11 s, back. The recording
# starts a little after the file does, so the test finds the moment in the recording itself
# (the clip marks out-of-frame frames with a red corner).
HERE, GONE = Pose(), replace(Pose(), x=1.45)
CAMERA = [Key(0, HERE), Key(6.99, HERE), Key(7, GONE), Key(10.99, GONE), Key(11, HERE)]
CAMERA_S = 20.0


@pytest.fixture(scope="module")
def camera_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("camera")
    return write_y4m(folder / "face.y4m", [*CAMERA, Key(CAMERA_S, HERE)], CAMERA_S)


@pytest.fixture(scope="module")
def answer_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pieces = [(sentence, 0.0) for sentence in SENTENCES.values()]
    return speak(tmp_path_factory.mktemp("audio"), "answer", pieces)


@pytest.fixture
def camera_page(
    playwright: Playwright, camera_file: Path, answer_file: Path, live_server: object
) -> Iterator[Page]:
    args = [
        *CHROMIUM_ARGS,
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-audio-capture={answer_file}%noloop",
        f"--use-file-for-fake-video-capture={camera_file}",
        "--autoplay-policy=no-user-gesture-required",
    ]
    browser: Browser = playwright.chromium.launch(
        executable_path=chromium_path(), headless=True, args=args
    )
    try:
        with watched_page(browser, str(live_server), timeout_ms=20_000) as tab:
            yield tab
    finally:
        browser.close()


def marked_runs(path: Path) -> list[tuple[float, float]]:
    """Where the recording itself shows the red corner (the face out of the picture), as runs.
    The camera's file plays in a loop, so a recording that lasts long (a busy machine sends its
    pieces late) may show the exit again."""
    times = []
    with av.open(str(path)) as container:
        for frame in container.decode(video=0):
            if frame.time is not None and marked(
                np.asarray(frame.to_ndarray(format="rgb24"), np.uint8)
            ):
                times.append(float(frame.time))
    assert times, "the recording never showed the face leaving the picture"
    runs: list[tuple[float, float]] = []
    for t in times:
        if runs and t - runs[-1][1] <= 0.5:
            runs[-1] = (runs[-1][0], t)
        else:
            runs.append((t, t))
    return runs


def test_a_video_answer_shows_its_timeline_and_the_moment_the_face_left(
    camera_page: Page, alice: User, answer_file: Path
) -> None:
    page = camera_page
    log_in(page, alice)
    question = Question.objects.filter(owner__isnull=True).order_by("pk").first()
    assert question is not None
    page.goto(f"/improve/questions/{question.pk}/")
    recorder = page.locator("[data-recorder]").first
    recorder.get_by_label("With video").check()
    recorder.get_by_role("button", name="Record").click()
    expect(recorder).to_have_attribute("data-state", "recording")
    wait_for_chunks(alice, chunks_to_hear_all_of(answer_file))
    recorder.get_by_role("button", name="Stop").click()
    page.wait_for_url("**/improve/attempts/*/", timeout=ANALYSIS_WAIT_MS)

    attempt = Attempt.objects.get(user=alice)
    assert attempt.with_video
    assert attempt.status == "analysed", attempt.failure
    assert attempt.analysis
    assert attempt.analysis["transcript"]
    runs = marked_runs(Path(attempt.recording.path))
    gone_from, gone_to = runs[0]
    report = load(attempt.body_language)
    assert isinstance(report, BodyLanguage), report
    # The fake camera's file carries sensor noise, as a live camera does: not a frozen picture.
    assert not any("did not change" in n for n in report.notes), report.notes
    out = [m for c in report.cues if c.key == "framing" for m in c.moments]
    assert out, report.cues
    assert {m.what for m in out} == {"out of frame"}, out
    assert abs(out[0].start - gone_from) <= 1.0, (out[0], gone_from)
    assert abs(out[0].end - gone_to) <= 1.5, (out[0], gone_to)
    # Any later exit is the camera file's next loop, where the recording shows it too.
    for later in out[1:]:
        assert any(abs(later.start - start) <= 1.0 for start, _ in runs[1:]), (later, runs)

    # On the page: the timeline under the player, its "In frame" lane red where the face left,
    # and the observation quoting the moment.
    section = page.locator("[data-body-language]")
    expect(section.get_by_role("heading", name="What the camera saw")).to_be_visible()
    expect(section.locator(".lane")).to_have_count(4)
    gap = section.locator(".lane").first.locator("rect[data-state='off']").first
    assert abs(float(gap.get_attribute("data-seek") or "-9") - gone_from) <= 1.5
    moments = section.locator("[data-cue='Framing'] button[data-seek]")
    expect(moments).to_have_count(len(out))
    moment = moments.first
    expect(moment).to_contain_text("out of frame")
    expect(section.get_by_text("Stay in the picture")).to_be_visible()

    # Selecting the moment plays the video from there.
    video = page.locator("video[data-playback]")
    video.evaluate(
        """(v) => new Promise((done) => v.readyState >= 1 ? done()
               : v.addEventListener('loadedmetadata', () => done(), { once: true }))"""
    )
    moment.click()
    at = float(video.evaluate("(v) => v.currentTime"))
    assert abs(at - out[0].start) < 0.6, (at, out[0].start)
    # The page fits a phone with the timeline on it.
    page.set_viewport_size({"width": 390, "height": 844})
    assert int(page.evaluate("document.documentElement.scrollWidth")) <= 390
