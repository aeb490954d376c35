"""The first journey: a fresh install, the first account, the home page, out and back in."""

import re

import pytest
from playwright.sync_api import Page, expect

from prepcoach.accounts.models import User
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NAV_SECTIONS = ["Plan", "Grow", "Improve", "Dashboard"]


def test_a_fresh_install_invites_the_first_account(page: Page) -> None:
    page.goto("/")
    expect(page.get_by_role("heading", name="Welcome to prepcoach")).to_be_visible()
    page.get_by_role("link", name="Create the first account").click()
    expect(page).to_have_url(re.compile(r"/account/signup/$"))
    expect(page.get_by_role("heading", name="Create the first account")).to_be_visible()


def test_sign_up_home_log_out_log_in_log_out(page: Page) -> None:
    page.goto("/account/signup/")
    page.get_by_label("Email").fill("erin@example.com")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()

    # Straight to the profile, welcomed, with the main navigation.
    expect(page.get_by_role("heading", name="Your profile")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Welcome to prepcoach")
    nav = page.get_by_role("navigation", name="Main")
    for section in NAV_SECTIONS:
        expect(nav.get_by_role("link", name=section)).to_be_visible()
    assert User.objects.filter(email="erin@example.com").exists()

    nav.get_by_role("link", name="Dashboard").click()
    expect(page.get_by_role("heading", name="Your preparation")).to_be_visible()
    expect(page.get_by_role("heading", name="Start here: your profile")).to_be_visible()
    expect(nav.get_by_role("link", name="Dashboard")).to_have_attribute("aria-current", "page")

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Prepare for your next interview")).to_be_visible()
    expect(page.get_by_role("navigation", name="Main")).to_have_count(0)

    page.get_by_role("link", name="Log in").first.click()
    page.get_by_label("Email").fill("erin@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Your preparation")).to_be_visible()

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("link", name="Log in").first).to_be_visible()


def test_a_wrong_password_is_explained_in_the_page(page: Page) -> None:
    User.objects.create_user("frank@example.com", PASSWORD)
    page.goto("/account/login/")
    page.get_by_label("Email").fill("frank@example.com")
    page.get_by_label("Password").fill("not this one")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("alert")).to_contain_text("That email and password do not match")


def test_keyboard_users_can_skip_to_the_content(page: Page) -> None:
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
