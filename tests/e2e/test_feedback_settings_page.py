"""The feedback settings page in real Chromium (issue 10, tester): Alice types "4e" in a
threshold box (a malformed number Chromium would send as empty from a number box, read as "the
default" and saved); the page refuses it on its box, saves nothing and keeps "4e". And coming
from the report's link (#body-language), a refused save puts the focus on the "Nothing was
saved" banner, in view, with its first link next on Tab; at 1280 and 390 px."""

from __future__ import annotations

from decimal import Decimal

import pytest
from playwright.sync_api import Page, ViewportSize, expect

from prepcoach.accounts.models import User
from prepcoach.practice.models import PracticeSettings
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

URL = "/improve/feedback-settings/"
SIZES: list[ViewportSize] = [{"width": 1280, "height": 800}, {"width": 390, "height": 844}]


def banner_in_view(page: Page) -> None:
    banner = page.locator("#nothing-saved")
    expect(banner).to_be_visible()
    expect(banner).to_be_focused()
    box = banner.bounding_box()
    height = page.viewport_size["height"] if page.viewport_size else 0
    assert box is not None
    assert box["y"] >= -1, box  # its first line inside the window
    assert box["y"] + 40 <= height, box


@pytest.mark.parametrize("size", SIZES, ids=["1280", "390"])
def test_typing_4e_in_a_box_is_refused_there_and_kept_and_nothing_is_saved(
    page: Page, alice: User, size: ViewportSize
) -> None:
    page.set_viewport_size(size)
    log_in(page, alice)
    page.goto(URL)
    look_away = page.get_by_label("A look away worth naming (s)")
    look_away.fill("3")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved: new analyses use these thresholds")).to_be_visible()
    assert PracticeSettings.objects.get(user=alice).look_away_s == Decimal(3)

    look_away = page.get_by_label("A look away worth naming (s)")
    look_away.fill("4e")
    pace = page.get_by_label("Slowest good pace (wpm)")
    pace.fill("1e")
    page.get_by_role("button", name="Save").click()
    banner_in_view(page)
    expect(page.locator("#nothing-saved")).to_contain_text("Nothing was saved")
    expect(page.locator("#id_look_away_s_error")).to_contain_text("Type a number from 0.5s to 20s")
    expect(page.locator("#id_pace_low_error")).to_contain_text("Type a whole number from 60 wpm")
    expect(page.get_by_label("A look away worth naming (s)")).to_have_value("4e")
    expect(page.get_by_label("Slowest good pace (wpm)")).to_have_value("1e")
    saved = PracticeSettings.objects.get(user=alice)
    assert saved.look_away_s == Decimal(3)  # not reset to its default of 2
    assert saved.pace_low == 130


@pytest.mark.parametrize("size", SIZES, ids=["1280", "390"])
def test_from_the_reports_link_a_refused_save_focuses_the_banner_in_view(
    page: Page, alice: User, size: ViewportSize
) -> None:
    page.set_viewport_size(size)
    log_in(page, alice)
    page.goto(f"{URL}#body-language")
    page.get_by_label("A look away worth naming (s)").fill("99")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_label("A look away worth naming (s)")).to_have_value("99")
    assert page.url.endswith("#body-language")
    banner_in_view(page)
    page.keyboard.press("Tab")
    first_link = page.locator("#nothing-saved a").first
    expect(first_link).to_be_focused()
    expect(first_link).to_have_attribute("href", "#id_look_away_s")
