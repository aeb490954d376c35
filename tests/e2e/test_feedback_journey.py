"""Feedback, end to end in two browsers: alice makes a feedback link for her recorded answer;
a reviewer with no account opens it in another browser, plays the recording, scores it on the
rubric and pins a comment to a moment; alice sees it beside her own rating and the measures,
and plays her answer from the pinned moment."""

import pytest
from django.core.files.base import ContentFile
from playwright.sync_api import Browser, Page, expect

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt
from tests.e2e.conftest import log_in, watched_page
from tests.practice.conftest import tone_wav

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_reviewer_without_an_account_scores_a_recorded_answer(
    page: Page,
    browser: Browser,
    live_server: object,
    alice: User,
    settings: object,
    tmp_path: object,
) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    attempt = Attempt.objects.create(
        user=alice, question_text="Tell me about a time you fixed a process.",
        status=Attempt.Status.ANALYSED, media_type="audio/wav", rating=2,
        analysis={"version": 3, "duration_s": 20.0, "wpm": 150, "fillers": {"count": 2},
                  "transcript": "Our weekly reports were late. My task was to fix that. I built "
                  "a checklist and trained the team. Reports went out two days earlier."},
    )  # fmt: skip
    attempt.recording.save("answer.wav", ContentFile(tone_wav(20.0)))
    log_in(page, alice)

    # alice asks for feedback from her answer's page.
    page.goto(attempt.get_absolute_url())
    page.get_by_role("link", name="Ask for feedback and read it").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Feedback on")
    expect(page.get_by_text("No feedback yet.")).to_be_visible()
    page.get_by_label("Who it is for").fill("Sam, my mentor")
    page.get_by_role("button", name="Make the link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("A link for Sam, my mentor")
    link = page.get_by_label("Feedback link").input_value()
    assert "/r/" in link

    # Sam opens it in a browser of his own, with no account.
    with watched_page(browser, str(live_server)) as sam:
        sam.goto(link)
        expect(sam.get_by_role("heading", level=1)).to_have_text(
            "Your feedback on an interview answer"
        )
        expect(sam.get_by_text("Tell me about a time you fixed a process.")).to_be_visible()
        sam.wait_for_function("document.querySelector('audio').readyState >= 1")
        assert sam.evaluate("document.querySelector('audio').duration") == pytest.approx(
            20, abs=0.5
        )
        sam.evaluate("document.querySelector('audio').currentTime = 12.4")
        pin = sam.get_by_role("button", name="Pin a comment at 0:12")
        expect(pin).to_be_visible()
        sam.get_by_label("Your name").fill("Sam")
        sam.get_by_role("group", name="Overall, how did the answer go? (1–5)").get_by_label(
            "4"
        ).check()
        sam.get_by_role("group", name="Situation: Sets the scene").get_by_label("yes").check()
        sam.get_by_role("group", name="Action: Describes what they did").get_by_label(
            "partly"
        ).check()
        pin.click()
        sam.keyboard.type("this is where you lost me")
        expect(sam.get_by_label("Comments")).to_have_value("0:12 — this is where you lost me")
        sam.get_by_role("button", name="Send my feedback").click()
        expect(sam.get_by_role("heading", level=1)).to_have_text("Thank you")
        # Nothing else of alice's opens from his browser.
        response = sam.goto(attempt.get_absolute_url())
        assert response is not None
        expect(sam).to_have_url(
            f"{live_server}/account/login/?next=/improve/attempts/{attempt.pk}/"
        )

    # alice reads it beside her own rating and prepcoach's measures.
    page.goto(f"/improve/attempts/{attempt.pk}/feedback/")
    expect(page.get_by_text("You gave it 2 of 5; your 1 reviewer gave it 4")).to_be_visible()
    review = page.get_by_role("article").filter(has_text="Sam")
    expect(review).to_contain_text("this is where you lost me")
    row = page.get_by_role("row", name="Action")
    expect(row).to_contain_text("1")
    page.get_by_role("button", name="Play from 0:12").click()
    page.wait_for_function("document.querySelector('audio').currentTime >= 12")
