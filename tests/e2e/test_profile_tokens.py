"""HTMX under a strict Content-Security-Policy: the token section updates in place."""

import re

import pytest
from playwright.sync_api import Page, expect

from prepcoach.accounts.models import AccessToken, User
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_create_and_revoke_a_token_without_leaving_the_page(page: Page, alice: User) -> None:
    log_in(page, alice)
    page.goto("/account/profile/")
    expect(page.get_by_text("You have no tokens")).to_be_visible()
    marker = page.evaluate("() => (window.__untouched = true)")  # lost if the page reloads
    assert marker is True

    page.get_by_label("Token name").fill("laptop script")
    page.get_by_role("button", name="Create token").click()
    secret = page.locator("code.secret")
    expect(secret).to_have_text(re.compile(r"^pc_\S{20,}$"))
    assert page.evaluate("() => window.__untouched") is True
    assert AccessToken.objects.get(user=alice).name == "laptop script"

    page.get_by_role("button", name="Revoke").click()
    expect(page.get_by_text("Token “laptop script” revoked")).to_be_visible()
    assert page.evaluate("() => window.__untouched") is True
    assert AccessToken.objects.get(user=alice).revoked_at is not None


def test_profile_hours_are_saved(page: Page, alice: User) -> None:
    log_in(page, alice)
    page.goto("/account/profile/")
    page.get_by_label("Target role").fill("Product manager")
    page.get_by_label("Saturday").fill("5")
    page.get_by_role("button", name="Save profile").click()
    expect(page.get_by_role("status").first).to_contain_text("Profile saved")
    alice.profile.refresh_from_db()
    assert alice.profile.target_role == "Product manager"
    assert alice.profile.availability.hours[5] == 5
