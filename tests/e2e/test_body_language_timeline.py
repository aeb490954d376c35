"""The body-language timeline in real Chromium (issue 10, tester): Alice clicks inside a lane
of her 12 s video answer and the video plays from the second under the pointer, not from the
start of the stretch she clicked in; the moment buttons stay the keyboard's path; the legend
names every colour; at 1280 and 390 px."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from playwright.sync_api import Page, ViewportSize, expect

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt, Question
from prepcoach.practice.tasks import read_body_language
from tests.e2e.conftest import log_in
from tests.face_clips import Key, Pose, write_webm

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SIZES: list[ViewportSize] = [{"width": 1280, "height": 800}, {"width": 390, "height": 844}]


@pytest.fixture(scope="module")
def turning_away(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """12 s of a face in frame that leaves the picture from 5 s to 9 s."""
    here, gone = Pose(), replace(Pose(), x=1.4)
    keys = [Key(0, here), Key(4.99, here), Key(5, gone), Key(8.99, gone), Key(9, here)]
    path = write_webm(tmp_path_factory.mktemp("clips") / "answer.webm", [*keys, Key(12, here)], 12)
    return path.read_bytes()


def answer_page(page: Page, alice: User, clip: bytes) -> Attempt:
    question = Question.objects.create(
        owner=alice,
        text="Tell me about a time you disagreed with a colleague.",
        category="behavioral",
    )
    attempt = Attempt.objects.create(
        user=alice, question=question, question_text=question.text,
        status=Attempt.Status.ANALYSED, analysis={"version": 3, "transcript": "kept"},
        with_video=True, media_type="video/webm", analysis_started_at=timezone.now(),
        body_language_started_at=timezone.now(),
    )  # fmt: skip
    attempt.recording.save("answer.webm", ContentFile(clip))
    read_body_language(attempt)
    log_in(page, alice)
    page.goto(f"/improve/attempts/{attempt.pk}/")
    page.locator("video[data-playback]").evaluate(
        """(v) => new Promise((done) => v.readyState >= 1 ? done()
               : v.addEventListener('loadedmetadata', () => done(), { once: true }))"""
    )
    return attempt


@pytest.mark.parametrize("size", SIZES, ids=["1280", "390"])
def test_clicking_along_a_lane_plays_from_the_second_under_the_pointer(
    page: Page, alice: User, turning_away: bytes, size: ViewportSize
) -> None:
    page.set_viewport_size(size)
    answer_page(page, alice, turning_away)
    section = page.locator("[data-body-language]")
    lane = section.locator("svg[data-lane]").first
    duration = float(lane.get_attribute("data-duration") or "0")
    assert 11 <= duration <= 13
    video = page.locator("video[data-playback]")
    box = lane.bounding_box()
    assert box is not None
    for share in (0.8, 0.2, 0.55):
        # Inside one stretch (the "one face" run from 0:09 to the end, or from 0:00 to 0:05):
        # the video goes to that share of the answer, not to the stretch's start.
        lane.click(position={"x": box["width"] * share, "y": box["height"] / 2})
        at = float(video.evaluate("(v) => v.currentTime"))
        assert abs(at - share * duration) <= 0.3, (share, at, duration)
    # A moment button is the keyboard's path: Enter on it plays from its moment.
    moment = section.locator("[data-cue='Framing'] button[data-seek]").first
    moment.focus()
    page.keyboard.press("Enter")
    at = float(video.evaluate("(v) => v.currentTime"))
    assert abs(at - float(moment.get_attribute("data-seek") or "-9")) <= 0.1
    # Every colour is named in words under the timeline, and the page fits a phone.
    legend = section.locator("ul.legend li")
    expect(legend.first).to_be_visible()
    expect(section.locator("li[data-legend='off']")).to_contain_text("no face in frame")
    assert int(page.evaluate("document.documentElement.scrollWidth")) <= size["width"]
