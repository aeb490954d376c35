"""Plan, end to end: type a goal and watch the check, save it, add steps, see the week, tick
one off and watch progress move."""

import datetime as dt
import re

import pytest
from playwright.sync_api import Page, expect

from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal, Step
from tests.e2e.conftest import log_in
from tests.goals.conftest import today

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_from_a_vague_wish_to_a_scheduled_plan(page: Page, alice: User) -> None:
    alice.profile.weekly_hours = [2, 2, 2, 2, 2, 2, 2]  # every day, so the week always has room
    alice.profile.save()
    log_in(page, alice)
    page.goto("/plan/")
    page.get_by_role("link", name="Set a goal").click()

    goal_field = page.get_by_label("Your goal")
    panel = page.get_by_role("complementary", name="SMART check")
    goal_field.press_sequentially("get better at interviews", delay=10)
    expect(panel).to_contain_text("“get better” says what to improve")
    expect(panel.locator('[data-criterion="time_bound"]')).to_have_class(
        re.compile("verdict-missing")
    )

    # The verdicts change as the goal sharpens.
    goal_field.fill("")
    goal_field.press_sequentially("Do 3 recorded mock interviews within three weeks", delay=10)
    expect(panel.locator('[data-criterion="time_bound"]')).to_have_class(re.compile("verdict-met"))
    expect(panel.locator('[data-criterion="measurable"]')).to_have_class(re.compile("verdict-met"))
    expect(panel).to_contain_text("You can count it: “3 recorded mock interviews”")
    page.get_by_role("button", name="Create goal").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Do 3 recorded mock interviews within three weeks"
    )
    goal = Goal.objects.get(user=alice)
    assert goal.target_date == today() + dt.timedelta(days=21)
    expect(page.get_by_text("0 of 3 recorded mock interviews").first).to_be_visible()

    add_step = page.get_by_role("region", name="Add a step")
    for title, due_in in [("Mock interview with Sam", 5), ("Mock interview with Priya", 9)]:
        add_step.get_by_label("Step").fill(title)
        due = today() + dt.timedelta(days=due_in)
        add_step.get_by_label("Due").fill(due.isoformat())
        add_step.get_by_label("Hours").fill("1.5")
        add_step.get_by_role("button", name="Add step").click()
        expect(page.get_by_role("status").first).to_contain_text(
            f"Step “{title}” added and scheduled"
        )
    assert Step.objects.filter(goal=goal).count() == 2

    page.get_by_role("link", name="See the week").click()
    expect(page.get_by_role("link", name="Mock interview with Sam").first).to_be_visible()
    page.go_back()

    # Tick one off: the steps' progress moves without a page load. The goal itself counts mock
    # interviews, so log one and see its bar and chart follow.
    steps_bar = page.get_by_role("progressbar", name="Steps done")
    expect(steps_bar).to_have_attribute("value", "0.0")
    page.get_by_role("button", name="Mark “Mock interview with Sam” done").click()
    expect(steps_bar).to_have_attribute("value", "50.0")
    expect(page.get_by_text("steps: 1 of 2 steps")).to_be_visible()
    assert Step.objects.get(title="Mock interview with Sam").done_on == today()
    progress_bar = page.get_by_role("progressbar", name="Progress")
    page.get_by_label("Recorded mock interviews so far").fill("1")
    page.get_by_role("button", name="Log it").click()
    expect(page.get_by_role("status").first).to_contain_text("Progress logged")
    expect(progress_bar).to_have_attribute("value", "33.3")
    expect(page.locator("svg polyline.actual")).to_have_count(1)
