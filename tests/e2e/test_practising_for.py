"""A free-practice answer practised for a job, in a real browser: "Practising for" chosen with
the keyboard is sent with the recorder's start and with the typed answer, and the typed
answer's report names the job on its key-terms card.

- alice: practises a question from the bank for her Data analyst job at Acme.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, Playwright, expect

from prepcoach.accounts.models import User
from prepcoach.jobs.models import Opportunity
from prepcoach.practice.models import Attempt, Question
from tests.e2e.conftest import CHROMIUM_ARGS, chromium_path, log_in, watched_page
from tests.research.test_key_terms import ADVERT

pytestmark = pytest.mark.usefixtures("sentence_model")

ANSWER = (
    "When our admissions reports kept arriving late, I took over the weekly SQL report and "
    "rebuilt the Tableau dashboard. Reports now arrive two days earlier."
)


@pytest.fixture
def fake_mic_page(playwright: Playwright, live_server: object) -> Iterator[Page]:
    """A tab whose browser has a fake microphone (a tone): the start is all this test needs."""
    args = [*CHROMIUM_ARGS, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream"]
    browser: Browser = playwright.chromium.launch(
        executable_path=chromium_path(), headless=True, args=args
    )
    try:
        with watched_page(browser, str(live_server)) as tab:
            yield tab
    finally:
        browser.close()


def test_the_job_chosen_goes_with_the_recording_and_the_typed_answer(
    fake_mic_page: Page, alice: User
) -> None:
    page = fake_mic_page
    job = Opportunity.objects.create(
        user=alice, company="Acme", role="Data analyst", job_description=ADVERT
    )
    # Her own question: a browser test's database may have been emptied of the starter bank by
    # the transactional tests before it (CI found none).
    question = Question.objects.create(
        owner=alice, text="Tell me about a time you cleaned up a messy data set.",
        category="behavioral", competency="problem-solving",
    )  # fmt: skip
    log_in(page, alice)
    page.goto(f"/improve/questions/{question.pk}/")

    # Chosen with the keyboard, found by its label.
    choice = page.get_by_label("Practising for")
    choice.focus()
    page.keyboard.press("ArrowDown")
    expect(choice).to_have_value(str(job.pk))

    with page.expect_request(
        lambda r: r.url.endswith("/record/") and r.method == "POST"
    ) as started:
        page.get_by_role("button", name="Record").click()
    assert re.search(rf'name="job"\r\n\r\n{job.pk}\r\n', started.value.post_data or "")
    expect(page.locator("[data-recorder]").first).to_have_attribute("data-state", "recording")
    recording = Attempt.objects.get(user=alice, status="recording")
    assert recording.job_id == job.pk
    context = page.context
    page.close()  # the recording left mid-answer (kept, as any closed page's is)

    # Back on the question, the job chosen last is chosen again; the answer is typed now.
    page = context.new_page()
    page.goto(f"/improve/questions/{question.pk}/")
    expect(page.get_by_label("Practising for")).to_have_value(str(job.pk))
    page.get_by_role("textbox", name="Your answer").fill(ANSWER)
    page.get_by_role("button", name="Save answer").click()
    expect(page.get_by_role("heading", name="Key terms of Data analyst at Acme")).to_be_visible()
    typed = Attempt.objects.filter(user=alice).exclude(text="").get()
    assert typed.job_id == job.pk
