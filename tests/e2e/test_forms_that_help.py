"""Forms that help rather than fight (issue 12, class 4), in Chromium: the profile takes the
browser's time zone on a first visit, the add-step grid's labels sit on one line, and the
story form gives its title the page's width."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from prepcoach.accounts.models import Profile, User
from prepcoach.goals.models import Goal
from tests.e2e.conftest import log_in, watched_page

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LAPTOP: ViewportSize = {"width": 1280, "height": 900}


def test_a_first_visit_to_the_profile_takes_the_browsers_time_zone(
    browser: Browser, live_server: Any
) -> None:
    carol = User.objects.create_user("carol@example.com", "x" * 20)
    Profile.objects.create(user=carol)
    with watched_page(browser, str(live_server)) as page:
        # A fresh context cannot take a time zone after the fact: open one in Tokyo.
        context = browser.new_context(base_url=str(live_server), timezone_id="Asia/Tokyo")
        tokyo = context.new_page()
        log_in(tokyo, carol)
        tokyo.goto("/account/profile/")
        expect(tokyo.get_by_label("Time zone")).to_have_value("Asia/Tokyo")
        expect(tokyo.get_by_label("Monday")).to_have_value("1")
        tokyo.get_by_role("button", name="Save profile").click()
        expect(tokyo.get_by_role("status").first).to_contain_text("Profile saved")
        profile = Profile.objects.get(user=carol)
        assert profile.time_zone == "Asia/Tokyo"
        assert profile.weekly_hours == [1, 1, 1, 1, 1, 2, 2]
        # Once set, the page never guesses again: the saved zone stays in another browser.
        log_in(page, carol)
        page.goto("/account/profile/")
        expect(page.get_by_label("Time zone")).to_have_value("Asia/Tokyo")
        context.close()


def test_sign_up_takes_the_browsers_time_zone(browser: Browser, live_server: Any) -> None:
    context = browser.new_context(base_url=str(live_server), timezone_id="America/Chicago")
    page = context.new_page()
    page.goto("/account/signup/")
    page.get_by_label("Email").fill("dana@example.com")
    page.get_by_label("Password", exact=True).fill("a long passphrase 42")
    page.get_by_label("Password confirmation").fill("a long passphrase 42")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_label("Time zone")).to_have_value("America/Chicago")
    context.close()
    assert Profile.objects.get(user__email="dana@example.com").time_zone == "America/Chicago"


def test_the_add_step_labels_sit_on_one_line(
    browser: Browser, live_server: Any, alice: User
) -> None:
    goal = Goal.objects.create(user=alice, text="Do 3 mock interviews")
    with watched_page(browser, str(live_server)) as page:
        page.set_viewport_size(LAPTOP)
        log_in(page, alice)
        page.goto(f"/plan/goals/{goal.pk}/")
        form = page.locator("form[action$='/steps/']")
        boxes = [form.locator(f"label[for='id_step-{name}']").bounding_box()
                 for name in ("title", "due_date", "estimated_hours")]  # fmt: skip
        tops = {round(box["y"]) for box in boxes if box}
        assert len(tops) == 1, tops


def test_the_story_title_is_read_whole(page: Page, alice: User) -> None:
    page.set_viewport_size(LAPTOP)
    log_in(page, alice)
    page.goto("/grow/stories/new/")
    title = page.get_by_label("Title").bounding_box()
    action = page.get_by_label("Action").bounding_box()
    assert title
    assert action
    assert title["width"] >= 600, title  # not a 20-character box
    assert abs(title["width"] - action["width"]) < 2
