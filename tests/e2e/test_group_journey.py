"""A practice group, end to end in two browsers: alice creates a group and invites bob by link;
bob joins; alice shares a question she was asked at a real interview; bob pairs them for a peer
mock and interviews her (the question, prepcoach's follow-ups, the rubric); alice records her
answer in her own browser (Chromium's fake microphone plays a WAV spoken by espeak-ng); bob
plays it and reviews it on the rubric with a pinned comment; they swap sides, and alice reads
bob's review beside her answer. Both are on 390 px phones."""

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, expect

from prepcoach.accounts.models import User
from prepcoach.groups.models import PeerAnswer
from prepcoach.practice.models import Question
from tests.e2e.conftest import log_in, watched_page
from tests.e2e.test_practice_journey import (
    ANALYSIS_WAIT_MS,
    SENTENCES,
    chunks_to_hear_all_of,
    microphone,
    speak,
    wait_for_chunks,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

QUESTION = "Tell me about a time you fixed a broken process"
PRIVATE = "Why are you leaving Northwind so soon"


def fits_a_phone(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


@pytest.fixture
def spoken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pieces = [(sentence, 0.0) for sentence in SENTENCES.values()]
    return speak(tmp_path_factory.mktemp("audio"), "group-answer", pieces)


def test_a_peer_mock_in_a_practice_group(
    playwright: Playwright, browser: Browser, live_server: object, alice: User, bob: User,
    spoken: Path, settings: object, tmp_path: Path,
) -> None:  # fmt: skip
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    Question.objects.create(owner=alice, text=QUESTION, source="Acme onsite, May")
    Question.objects.create(owner=alice, text=PRIVATE)
    mic = microphone(playwright, spoken)
    try:
        with (
            watched_page(mic, str(live_server), timeout_ms=20_000) as page,
            watched_page(browser, str(live_server)) as bobs,
        ):
            page.set_viewport_size({"width": 390, "height": 844})
            bobs.set_viewport_size({"width": 390, "height": 844})
            log_in(page, alice)
            log_in(bobs, bob)

            # alice creates the group from Improve and makes an invitation link.
            page.goto("/improve/")
            page.get_by_role("link", name="Your practice groups").click()
            expect(page.get_by_text("No groups yet")).to_be_visible()
            page.get_by_label("Group name").fill("Thursday analysts")
            page.get_by_role("button", name="Create the group").click()
            expect(page.get_by_role("heading", level=1)).to_have_text("Thursday analysts")
            expect(page.get_by_text("Nothing shared yet")).to_be_visible()
            fits_a_phone(page)
            page.get_by_role("button", name="Make an invitation link").click()
            link = page.get_by_label("Invitation link").input_value()
            assert "/improve/groups/join/" in link

            # She shares the question from her real interview, not the other one.
            page.goto(link.split("/improve/")[0] + "/improve/groups/")
            page.get_by_role("link", name="Thursday analysts").click()
            page.get_by_role("link", name="Choose what you share").click()
            page.get_by_label(f"{QUESTION} (Acme onsite, May)").check()
            page.get_by_role("button", name="Save what I share").click()
            expect(page.get_by_text("You share 1 question with Thursday analysts.")).to_be_visible()

            # bob opens the link on his phone and joins; he sees only what she shared.
            bobs.goto(link)
            expect(bobs.get_by_role("heading", level=1)).to_have_text("Join Thursday analysts")
            bobs.get_by_role("button", name="Join the group").click()
            expect(bobs.get_by_text(QUESTION)).to_be_visible()
            expect(bobs.get_by_text("shared by Alice Doe")).to_be_visible()
            assert PRIVATE not in bobs.content()
            fits_a_phone(bobs)

            # bob pairs them: he interviews, she answers.
            bobs.get_by_role("link", name="Plan a peer mock").first.click()
            bobs.get_by_label("Practise with").select_option(label="Alice Doe")
            bobs.get_by_label("I interview, they answer").check()
            bobs.get_by_label(f"{QUESTION} (shared by Alice Doe)").check()
            bobs.get_by_role("button", name="Plan it").click()
            expect(bobs.get_by_role("heading", level=1)).to_have_text("You interview Alice Doe")
            expect(bobs.get_by_text(QUESTION)).to_be_visible()
            expect(bobs.get_by_text("What would you do differently if it happened again?"))\
                .to_be_visible()  # fmt: skip
            bobs.get_by_text("The rubric", exact=True).click()
            expect(bobs.get_by_text("Backs the result with a number")).to_be_visible()
            fits_a_phone(bobs)

            # alice answers out loud in her own browser.
            page.goto("/improve/groups/")
            page.get_by_role("link", name="Thursday analysts").click()
            page.get_by_role("link", name="Bob Roe interviews Alice Doe").click()
            expect(page.get_by_role("heading", level=1)).to_have_text("Bob Roe interviews you")
            fits_a_phone(page)
            recorder = page.locator("[data-recorder]")
            recorder.get_by_role("button", name="Record").click()
            expect(recorder).to_have_attribute("data-state", "recording")
            wait_for_chunks(alice, chunks_to_hear_all_of(spoken))
            recorder.get_by_role("button", name="Stop").click()
            expect(page.get_by_text("You have answered every question.")).to_be_visible(
                timeout=ANALYSIS_WAIT_MS
            )
            answer = PeerAnswer.objects.get()
            assert answer.attempt.user == alice
            assert answer.attempt.recording

            # bob plays it and reviews it on the rubric, pinning a comment to a moment.
            bobs.reload()
            bobs.get_by_role("link", name="Review answer 1 on the rubric").click()
            expect(bobs.get_by_role("heading", level=1)).to_have_text("Review Alice Doe's answer")
            bobs.wait_for_function("() => document.querySelector('audio').readyState >= 1")
            bobs.evaluate("document.querySelector('audio').currentTime = 4.2")
            pin = bobs.get_by_role("button", name="Pin a comment at 0:04")
            expect(pin).to_be_visible()
            bobs.get_by_role("group", name="Overall, how did the answer go? (1–5)").get_by_label(
                "4"
            ).check()
            bobs.get_by_role("group", name="Result: Says how it ended").get_by_label("yes").check()
            pin.click()
            bobs.keyboard.type("clear result, say the number first")
            bobs.get_by_role("button", name="Send my review").click()
            expect(
                bobs.get_by_text("Review sent: Alice Doe sees it with their answer.")
            ).to_be_visible()

            # They swap sides.
            bobs.get_by_role("button", name="Swap sides").click()
            expect(bobs.get_by_role("heading", level=1)).to_have_text("Alice Doe interviews you")
            expect(bobs.locator("[data-recorder]")).to_be_visible()

            # alice reads his review beside her answer, and interviews him next.
            page.goto(f"/improve/attempts/{answer.attempt_id}/feedback/")
            expect(page.get_by_text("clear result, say the number first")).to_be_visible()
            page.goto("/improve/groups/")
            page.get_by_role("link", name="Thursday analysts").click()
            page.get_by_role("link", name="Alice Doe interviews Bob Roe").click()
            expect(page.get_by_role("heading", level=1)).to_have_text("You interview Bob Roe")
            expect(page.get_by_text(QUESTION)).to_be_visible()
    finally:
        mic.close()
