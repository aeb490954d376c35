"""The goal's progress chart on a 390 px phone (review): its labels read at a normal size, the
latest figure stands clear of the today line, and the legend names only the lines drawn."""

import datetime as dt
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from prepcoach.accounts.models import User
from prepcoach.goals.models import CheckIn, Goal
from tests.e2e.conftest import log_in
from tests.goals.conftest import today

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _goal(alice: User, text: str) -> Goal:
    return Goal.objects.create(
        user=alice, text=text, kind=Goal.Kind.BEHAVIORAL, target_date=today() + dt.timedelta(20),
        target_value=Decimal(5), unit="mock interviews", start_date=today() - dt.timedelta(10),
    )  # fmt: skip


def test_the_chart_reads_on_a_phone(page: Page, alice: User) -> None:
    goal = _goal(alice, "Do 5 recorded mock interviews before my onsite")
    CheckIn.objects.create(goal=goal, day=today(), value=Decimal(3))  # 60% today
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, alice)
    page.goto(f"/plan/goals/{goal.pk}/")
    labels = page.locator(".chart text")
    expect(labels.first).to_be_visible()
    heights = labels.evaluate_all("ts => ts.map(t => t.getBoundingClientRect().height)")
    assert len(heights) >= 5  # three percents, two dates, the latest figure
    assert min(heights) >= 11, heights  # about 6 px before
    value = page.locator(".chart text.value").bounding_box()
    line = page.locator(".chart line.today").bounding_box()
    assert value
    assert line
    assert value["x"] + value["width"] <= line["x"] or value["x"] >= line["x"] + line["width"]
    expect(page.locator(".chart figcaption")).to_contain_text("your progress")


def test_no_check_ins_no_progress_in_the_legend(page: Page, alice: User) -> None:
    goal = _goal(alice, "Do 5 recorded mock interviews before my final round")
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, alice)
    page.goto(f"/plan/goals/{goal.pk}/")
    caption = page.locator(".chart figcaption")
    expect(caption).to_contain_text("ideal line")
    expect(caption).not_to_contain_text("your progress")
