"""The new-goal form: on a 390 px phone the SMART panel sits right under the goal box, so it
changes in view while typing; on a wide screen it stays beside the form."""

import re

import pytest
from playwright.sync_api import FloatRect, Page, expect

from prepcoach.accounts.models import User
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def boxes(page: Page) -> tuple[FloatRect, FloatRect, FloatRect]:
    found = []
    for locator in (page.get_by_label("Your goal"),
                    page.get_by_role("complementary", name="SMART check"),
                    page.get_by_role("button", name="Create goal")):  # fmt: skip
        box = locator.bounding_box()
        assert box is not None
        found.append(box)
    return found[0], found[1], found[2]


def test_on_a_phone_the_panel_is_under_the_goal_box_and_above_the_button(
    page: Page, alice: User
) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    log_in(page, alice)
    page.goto("/plan/goals/new/")
    page.get_by_label("Your goal").press_sequentially("get better at interviews", delay=10)
    panel = page.get_by_role("complementary", name="SMART check")
    expect(panel).to_contain_text("“get better” says what to improve")
    goal, checked, button = boxes(page)
    assert goal["y"] + goal["height"] <= checked["y"] < button["y"]
    # Nothing but the goal's help line between the box and the panel: it is in view.
    assert checked["y"] - (goal["y"] + goal["height"]) < 120
    assert checked["x"] + checked["width"] <= 390


def test_on_a_wide_screen_the_panel_is_beside_the_form(page: Page, alice: User) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, alice)
    page.goto("/plan/goals/new/")
    goal, checked, button = boxes(page)
    assert checked["x"] >= goal["x"] + goal["width"]
    assert checked["y"] < goal["y"] + goal["height"]
    assert button["x"] < checked["x"]


def test_the_users_own_words_come_back_after_prepcoachs_version(page: Page, alice: User) -> None:
    """A trial pressed "Use this version" and could not get its own words back: setting the
    box from script empties the browser's undo. The Undo button, and Ctrl+Z while the box still
    holds the rewrite, put them back; the box has the focus when the page opens, and Ctrl+Enter
    sends the form."""
    log_in(page, alice)
    page.goto("/plan/goals/new/")
    box = page.get_by_label("Your goal")
    expect(box).to_be_focused()
    own = "get better at SQL"
    box.press_sequentially(own, delay=10)
    use = page.get_by_role("button", name="Use this version")
    use.click()
    expect(box).not_to_have_value(own)
    page.get_by_role("button", name="Undo").click()
    expect(box).to_have_value(own)
    expect(box).to_be_focused()
    use.click()
    expect(box).not_to_have_value(own)
    box.press("Control+z")
    expect(box).to_have_value(own)
    box.press("Control+Enter")
    expect(page).to_have_url(re.compile(r"/plan/goals/\d+/$"))


def test_create_and_cancel_stand_apart(page: Page, alice: User) -> None:
    """A browser check found "Create goal" and "Cancel" touching."""
    for width in (390, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        log_in(page, alice)
        page.goto("/plan/goals/new/")
        create = page.get_by_role("button", name="Create goal").bounding_box()
        cancel = page.get_by_role("link", name="Cancel").bounding_box()
        assert create is not None
        assert cancel is not None
        assert cancel["x"] - (create["x"] + create["width"]) >= 6, width
