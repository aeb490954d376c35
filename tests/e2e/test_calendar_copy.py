"""The private calendar address, shown once, fits a 390 px phone in full and its Copy button
puts it on the clipboard, in Chromium (copy.js under CSP script-src 'self')."""

import pytest
from playwright.sync_api import Page, expect

from prepcoach.accounts.models import User
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_address_fits_a_phone_and_copies(page: Page, alice: User) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    log_in(page, alice)
    page.goto("/plan/calendar/")
    page.get_by_role("button", name="Create a private calendar address").click()
    address = page.get_by_label("Private address")
    value = address.input_value()
    assert value.startswith("http")
    assert value.endswith(".ics")
    box = address.evaluate(
        "el => [el.scrollWidth, el.clientWidth, el.scrollHeight, el.clientHeight]"
    )
    assert box[0] <= box[1], "the address runs past its box"
    assert box[2] <= box[3], "the address is cut off below"
    page.get_by_role("button", name="Copy the address").click()
    expect(page.locator("#feed-copy-note")).to_contain_text("Copied.")
    assert page.evaluate("navigator.clipboard.readText()") == value
