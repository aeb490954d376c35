"""Readiness and the pre-interview card in Chromium: alice follows the countdown's "Get ready"
to her interview's readiness page, opens the card, and the card prints on one page without the
site's header and footer; before that she pastes the transcript of an earlier round, confirms
which speaker she is, adds one of its questions to her bank, and sees it among the likely
questions."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from playwright.sync_api import Page, expect

from prepcoach.accounts.models import User
from prepcoach.jobs.models import Fact
from prepcoach.practice.models import Question
from prepcoach.reflection.models import Story
from tests.e2e.conftest import log_in
from tests.interviews.conftest import add_interview, add_job

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PANEL = (
    "Kim: How are you? I am fine thanks.\nAlice: Good. How was the trip? It was long.\n"
    "Kim: Did you find us easily? The map helped.\n"
    "Alice: What is next? Lunch, I think.\n"
    "Kim: Why do you want to leave your current team?\n"
    "Alice: I want to work closer to the clinics that use my reports.\n"
)


def test_alice_gets_ready_and_prints_her_card(page: Page, alice: User, tmp_path: Path) -> None:
    job = add_job(alice, "Acme Health")
    job.job_description = "We need a data analyst with strong SQL skills."
    job.my_questions = "Who would I work with?"
    job.save()
    Fact.objects.create(opportunity=job, text="Acme serves 40 clinics", source="their site")
    Story.objects.create(user=alice, title="Audit rescue", action="I rebuilt the reports in SQL.")
    screen = add_interview(alice, job, hours=-100, round_name="Phone screen")
    final = add_interview(alice, job, hours=50, round_name="Final round")
    log_in(page, alice)

    # The transcript of the phone screen: prepcoach finds her by who answers; she confirms.
    page.goto(f"/interviews/{screen.pk}/")
    page.get_by_role("link", name="Debrief from a transcript").click()
    page.get_by_label("Paste the transcript").fill(PANEL)
    page.get_by_role("button", name="Read the transcript").click()
    expect(page.locator("body")).to_contain_text("Transcript saved. 3 questions found")
    who = page.get_by_role("region", name="Who is who")
    expect(who).to_contain_text("You are Alice; asking: Kim.")
    who.get_by_label("Alice").check()
    who.get_by_role("button", name="This is me").click()
    expect(page.locator("body")).to_contain_text("You are Alice. 3 questions found")
    expect(page.get_by_role("region", name="Who is who")).to_contain_text("as you said")
    question = "Why do you want to leave your current team?"
    page.get_by_role("button", name=f"Add to your bank: “{question}”").click()
    expect(page.locator("body")).to_contain_text(f"Added to your question bank: “{question}”.")
    assert Question.objects.filter(owner=alice, text=question, company="Acme Health").exists()

    page.goto("/")
    page.locator(".countdown").get_by_role("link", name="Get ready").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ready for the final round?")
    likely = page.locator("#likely")
    expect(likely).to_contain_text(question)
    expect(likely).to_contain_text("What is your experience with SQL?")
    page.get_by_role("link", name="The pre-interview card").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Acme Health: Final round")
    expect(page.locator(".pre-card")).to_contain_text("Audit rescue")

    page.emulate_media(media="print")
    printed = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    assert len(printed.pages) == 1
    words = printed.pages[0].extract_text()
    assert "Acme serves 40 clinics" in words
    assert "Who would I work with?" in words
    assert "Log out" not in words
    assert "runs on your own machine" not in words
    assert page.url.endswith(f"/ready/{final.pk}/card/")
