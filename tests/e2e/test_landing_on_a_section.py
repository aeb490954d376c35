"""A form sent from a section of a long page comes back to that section with its message in view
(issue 12): on a 390 px phone, Alice logs progress (#progress), adds a step (#steps) and a
milestone (#milestones) on her goal's page and saves an interview's debrief (#debrief); each time
the section's heading and the message are both inside the window, the message under the
heading (land.js), not scrolled away at the top of the page."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from prepcoach.accounts.models import User
from prepcoach.goals.models import CheckIn, Goal, Step
from prepcoach.jobs.models import Interview, Opportunity
from tests.e2e.conftest import log_in
from tests.goals.conftest import today

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def assert_in_view(page: Page, section: str, message: str) -> None:
    """The section's heading and the message that follows it are both inside the window, in
    that order."""
    title = page.locator(f"#{section} h2").first
    said = page.locator("#messages .message", has_text=message)
    expect(said).to_be_visible()
    top = page.evaluate("window.scrollY")
    assert top > 0, "the page did not land on the section"
    title_box, said_box = title.bounding_box(), said.bounding_box()
    assert title_box
    assert said_box
    assert 0 <= title_box["y"] < said_box["y"], (title_box, said_box)
    assert said_box["y"] + said_box["height"] <= PHONE["height"], said_box


def goal_page(page: Page, alice: User) -> Goal:
    goal = Goal.objects.create(
        user=alice, text="Do 5 recorded mock interviews before my onsite",
        kind=Goal.Kind.BEHAVIORAL, target_date=today() + dt.timedelta(20),
        target_value=Decimal(5), unit="mock interviews", start_date=today() - dt.timedelta(10),
        why="I freeze on behavioural questions and want to hear myself answer them.",
    )  # fmt: skip
    for n in range(4):
        Step.objects.create(
            goal=goal, title=f"Mock interview {n + 1}", estimated_hours=1,
            due_date=today() + dt.timedelta(n + 1),
        )  # fmt: skip
    CheckIn.objects.create(goal=goal, day=today() - dt.timedelta(1), value=Decimal(2))
    page.set_viewport_size(PHONE)
    log_in(page, alice)
    page.goto(f"/plan/goals/{goal.pk}/")
    return goal


def test_logging_progress_lands_on_progress_with_its_message(page: Page, alice: User) -> None:
    goal_page(page, alice)
    page.get_by_label("Mock interviews so far").fill("3")
    page.get_by_role("button", name="Log it").click()
    page.wait_for_url("**#progress")
    assert_in_view(page, "progress", "Progress logged.")


def test_adding_a_step_lands_on_the_steps_with_its_message(page: Page, alice: User) -> None:
    goal_page(page, alice)
    page.get_by_label("Step", exact=True).fill("Record an answer about a conflict")
    page.get_by_label("Hours").fill("1")
    page.get_by_role("button", name="Add step").click()
    page.wait_for_url("**#steps")
    assert_in_view(page, "steps", "Step “Record an answer about a conflict” added")


def test_a_milestone_lands_on_the_milestones_with_its_message(page: Page, alice: User) -> None:
    goal = goal_page(page, alice)
    CheckIn.objects.create(goal=goal, day=today(), value=Decimal(3))  # 60 %
    page.get_by_label("Milestone", exact=True).fill("Halfway")
    page.get_by_label("When the goal is this % done").fill("50")
    page.get_by_role("button", name="Add milestone").click()
    page.wait_for_url("**#milestones")
    assert_in_view(page, "milestones", "Halfway")


def test_a_debrief_lands_on_the_debrief_with_its_message(page: Page, alice: User) -> None:
    job = Opportunity.objects.create(user=alice, company="Northwind Health", role="Data analyst")
    interview = Interview.objects.create(
        user=alice, opportunity=job, round_name="First round",
        starts_at=timezone.now() - dt.timedelta(hours=2),
        interviewers="Ana Lee, Head of Data\nRaj Okafor, Analyst",
    )  # fmt: skip
    page.set_viewport_size(PHONE)
    log_in(page, alice)
    page.goto(f"/interviews/{interview.pk}/debrief/")
    page.get_by_label("What went well").fill("Clear walk-through of my SQL project")
    page.locator("#id_asked-0-text").fill("Tell me about a time you cleaned messy data")
    page.get_by_role("button", name="Save the debrief").click()
    page.wait_for_url("**#debrief")
    assert_in_view(page, "debrief", "Debrief saved.")
