"""The week, in Chromium (issue 12, class 5): a step is ticked done from its day with the
keyboard alone, in place (HTMX), and a long title reads in a few lines, with its goal."""

import datetime as dt
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal, Step
from tests.e2e.conftest import log_in
from tests.goals.conftest import today

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TITLE = "Compare the three product-strategy frameworks from the course against Acme's roadmap"


def test_a_step_is_ticked_from_the_week_with_the_keyboard(page: Page, alice: User) -> None:
    alice.profile.weekly_hours = [3, 3, 3, 3, 3, 3, 3]  # every day, so today has room
    alice.profile.save()
    goal = Goal.objects.create(
        user=alice, text="Prepare the product-sense round", target_date=today() + dt.timedelta(9)
    )
    step = Step.objects.create(
        goal=goal, title=TITLE, due_date=today() + dt.timedelta(days=3),
        estimated_hours=Decimal(1),
    )  # fmt: skip
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, alice)
    page.goto("/plan/week/")
    block = page.locator("li.block").first
    expect(block).to_contain_text("for Prepare the product-sense round")
    title = block.locator(".block-title")
    box = title.bounding_box()
    line = float(title.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)"))
    assert box
    assert box["height"] <= 3 * line + 1, (box, line)  # not seven or eight lines

    marker = page.evaluate("() => (window.__untouched = true)")  # lost if the page reloads
    assert marker is True
    tick = page.get_by_role("button", name=f"Mark “{TITLE}” done").first
    tick.focus()
    page.keyboard.press("Enter")
    undo = page.get_by_role("button", name=f"Mark “{TITLE}” not done").first
    expect(undo).to_be_focused()
    expect(page.locator("li.block.done").first).to_contain_text("done")
    assert page.evaluate("() => window.__untouched") is True
    step.refresh_from_db()
    assert step.done_on == today()
    page.keyboard.press("Space")  # and back, still from the keyboard
    expect(page.get_by_role("button", name=f"Mark “{TITLE}” done").first).to_be_focused()
    step.refresh_from_db()
    assert step.done_on is None


def test_every_block_of_a_split_step_follows_a_tick(page: Page, alice: User) -> None:
    alice.profile.weekly_hours = [1, 1, 1, 1, 1, 1, 1]
    alice.profile.save()
    goal = Goal.objects.create(
        user=alice, text="Prepare the product-sense round", target_date=today() + dt.timedelta(30)
    )
    monday = today() + dt.timedelta(days=7 - today().weekday())  # next week, whatever today is
    Step.objects.create(
        goal=goal, title="Read the course notes", due_date=monday - dt.timedelta(days=1),
        estimated_hours=Decimal((monday - today()).days),
    )  # fmt: skip  # fills every hour until next Monday
    Step.objects.create(
        goal=goal, title="Book a mock with Sam", due_date=monday + dt.timedelta(days=5),
        estimated_hours=Decimal(2),
    )  # fmt: skip  # one hour next Monday, one next Tuesday
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, alice)
    page.goto(f"/plan/week/?start={monday.isoformat()}")
    ticks = page.get_by_role("button", name="Mark “Book a mock with Sam” done")
    expect(ticks).to_have_count(2)
    ticks.first.focus()
    page.keyboard.press("Enter")
    undo = page.get_by_role("button", name="Mark “Book a mock with Sam” not done")
    expect(undo).to_have_count(2)  # both days agree without a reload
    expect(undo.first).to_be_focused()
    expect(ticks).to_have_count(0)
    expect(page.locator(".htmx-settling, .htmx-swapping, .htmx-request")).to_have_count(0)
    page.keyboard.press("Enter")  # and back: both again
    expect(ticks).to_have_count(2)
    expect(ticks.first).to_be_focused()


def a_zone_not_on_sunday() -> tuple[str, dt.date]:
    """A time zone whose today is not the last day of its week (so a later day of today's week
    exists), and that today: at any moment the zones' dates span at least two days."""
    import zoneinfo

    from django.utils import timezone

    for name in ("Europe/London", "Pacific/Kiritimati", "Etc/GMT+12"):
        day = timezone.now().astimezone(zoneinfo.ZoneInfo(name)).date()
        if day.weekday() < 6:
            return name, day
    raise AssertionError("every zone is on a Sunday")


def test_a_step_ticked_on_a_later_day_appears_done_today_without_an_error(
    page: Page, alice: User
) -> None:
    """Ticked done on a later day, the step is done today: the week shows its block on today as
    well, in place, and htmx finds where to put it (a new user's trial: the tick logged "oob
    target missing" in the console, which `page` fails on)."""
    zone, day = a_zone_not_on_sunday()
    alice.profile.time_zone = zone
    alice.profile.weekly_hours = [1, 1, 1, 1, 1, 1, 1]
    alice.profile.save()
    goal = Goal.objects.create(
        user=alice, text="Prepare the product-sense round", target_date=day + dt.timedelta(30)
    )
    Step.objects.create(
        goal=goal, title="Read the course notes", due_date=day, estimated_hours=Decimal(1)
    )  # today's hour
    Step.objects.create(
        goal=goal, title="Book a mock with Sam", due_date=day + dt.timedelta(days=10),
        estimated_hours=Decimal(1),
    )  # fmt: skip  # tomorrow's hour
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, alice)
    page.goto("/plan/week/")
    today_ = page.locator("li.day.today")
    expect(today_).not_to_contain_text("Book a mock with Sam")
    page.get_by_role("button", name="Mark “Book a mock with Sam” done").first.click()
    undo = page.get_by_role("button", name="Mark “Book a mock with Sam” not done")
    expect(
        today_.get_by_role("button", name="Mark “Book a mock with Sam” not done")
    ).to_be_visible()
    expect(undo).to_have_count(2)  # where it was ticked, and today, where it was done
    expect(page.locator(".htmx-settling, .htmx-swapping, .htmx-request")).to_have_count(0)
    page.reload()  # the page agrees with what a reload shows
    expect(today_).to_contain_text("Book a mock with Sam")
