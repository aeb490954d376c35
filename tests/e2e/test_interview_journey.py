"""Real interviews, end to end in Chromium: alice logs an interview for her job from its page
(by keyboard), sees it count down on her dashboard, and once it has happened writes the
debrief the dashboard asks for, with two questions she was asked; one click each puts them in
her question bank, where she finds them tagged with the company and round."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from prepcoach.accounts.models import User
from prepcoach.jobs.models import Interview, Opportunity
from prepcoach.practice.models import Question
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

QUESTIONS = ("Tell me about a time you cleaned messy data", "Why Northwind Health?")


def test_alice_logs_an_interview_and_debriefs_it(page: Page, alice: User) -> None:
    job = Opportunity.objects.create(user=alice, company="Northwind Health", role="Data analyst")
    london = zoneinfo.ZoneInfo("Europe/London")
    day = timezone.now().astimezone(london).date() + dt.timedelta(days=3)
    log_in(page, alice)

    page.goto(f"/grow/jobs/{job.pk}/")
    expect(page.get_by_text("No interviews logged for this job yet.")).to_be_visible()
    page.get_by_role("link", name="Add an interview").click()
    page.get_by_label("Date").fill(day.isoformat())
    page.get_by_label("Time", exact=True).fill("14:00")
    page.get_by_label("Round").fill("First round")
    page.get_by_label("Format").select_option(label="Video call")
    page.get_by_label("Interviewers").fill("Ana Lee, Head of Data\nRaj Okafor, Analyst")
    page.get_by_label("Round").press("Enter")  # the keyboard saves the form
    when = f"{day:%a} {day.day} {day:%b}"
    expect(page.locator("body")).to_contain_text(f"Interview logged: {when}, 14:00.")

    page.goto("/")
    countdown = page.locator(".countdown")
    expect(countdown).to_contain_text("Next interview: First round at Northwind Health")
    expect(countdown).to_contain_text(f"in 3 days, {when} 14:00")

    # Time passes: the interview was two hours ago.
    Interview.objects.update(starts_at=timezone.now() - dt.timedelta(hours=2))
    page.goto("/")
    expect(page.get_by_text("How did it go?")).to_be_visible()
    page.get_by_role("link", name="Write the debrief").click()
    page.get_by_label("What went well").fill("Clear walk-through of my SQL project")
    page.get_by_label("What didn't go well").fill("Rambled on the motivation question")
    for n, (text, went) in enumerate(zip(QUESTIONS, ("well", "badly"), strict=True)):
        page.locator(f"#id_asked-{n}-text").fill(text)
        page.locator(f"#id_asked-{n}-went").select_option(went)
    page.locator("input[name=body_eye_contact][value=yes]").check()
    page.locator("input[name=rating_communication][value='4']").check()
    page.get_by_role("button", name="Save the debrief").click()
    expect(page.locator("body")).to_contain_text("Debrief saved.")
    expect(page.locator("#note-text")).to_contain_text("Dear Ana and Raj,")

    for text in QUESTIONS:
        page.get_by_role("button", name=f"Add to your bank: “{text}”").click()
        row = page.locator("li", has_text=text)
        expect(row).to_contain_text("Added to your bank")
    assert Question.objects.filter(owner=alice).count() == 2

    page.goto("/improve/questions/?mine=on")
    for text in QUESTIONS:
        expect(page.get_by_role("link", name=text)).to_be_visible()
    expect(page.locator(".question-list")).to_contain_text("asked at Northwind Health, first round")
