"""Real headless Chromium (Debian's package) driven by Playwright against a live server.

No browser is downloaded: Playwright launches the system binary through executable_path.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Playwright,
    sync_playwright,
)
from playwright.sync_api import Error as PlaywrightError

# Playwright's sync API runs an event loop in this thread; the live server's database calls
# happen in their own thread, but Django cannot tell and would refuse them.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# The flags keep Chromium from reaching out to Google's services, which a closed network (and
# a private app) should never see; --no-sandbox because CI runs as root.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    path = os.environ.get("PREPCOACH_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail(
            f"Chromium not found at {path}: install Debian's chromium package "
            "(make test does it when run as root) or set PREPCOACH_CHROMIUM.",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """One Playwright for the session: its sync API allows only one at a time."""
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(
        executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@contextmanager
def watched_page(
    browser: Browser,
    base_url: str,
    timeout_ms: int = 15_000,
    expected: Callable[[str], bool] = lambda text: False,
) -> Iterator[Page]:
    """A fresh browser tab; the test fails if the page logs an error (a CSP violation, say)
    other than those `expected` accepts (the browser's own line for a piece the test makes the
    server refuse, say), or throws one."""
    context = browser.new_context(base_url=base_url)
    context.set_default_timeout(timeout_ms)
    page = context.new_page()
    errors: list[str] = []

    def remember(message: ConsoleMessage) -> None:
        if message.type == "error" and not expected(message.text):
            errors.append(message.text)

    page.on("console", remember)
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        yield page
    finally:  # a failed test's tabs are left too, or its microphone could hang the run
        seen = _leave(context, errors)
    assert seen == [], f"the browser reported errors: {seen}"


def _leave(context: BrowserContext, errors: list[str]) -> list[str]:
    """Close the context, each of its tabs leaving its document first; the errors its pages
    reported before they were left."""
    # Playwright's sync API hands over a page's events only while a call runs: one call per tab
    # collects what the pages reported after the test's last call (a late 404, say).
    for tab in context.pages:
        with suppress(PlaywrightError):
            tab.evaluate("0")
    seen = list(errors)  # what the test's own pages reported, before they are left
    # Every tab leaves its document before the context closes, so a microphone's or camera's
    # stream ends with its document: closing a context with the stream still open hung for 13
    # minutes in CI once (2026-12-01, the store-away journey), after every check had passed.
    for tab in context.pages:
        try:
            tab.goto("about:blank")
        except PlaywrightError as error:  # a test's own dialog handler may keep its page
            print(f"teardown: {tab.url} was not left ({error.message.splitlines()[0]})")
    context.close()
    return seen


@pytest.fixture
def page(browser: Browser, live_server: object, settings: object) -> Iterator[Page]:
    """A watched tab for the test. It asks for `settings` so that a test's overrides (its
    MEDIA_ROOT, say) outlive the tab: fixtures end in the reverse of their start, and a tab
    still fetching a recording's next range after MEDIA_ROOT was put back logged a 404 (CI,
    2026-12-01, test_feedback_journey)."""
    with watched_page(browser, str(live_server)) as tab:
        yield tab


def log_in(page: Page, user: object) -> None:
    """Sign the browser in as user by handing it a session cookie (the log-in form has its own
    test in test_accounts_journey.py)."""
    from django.test import Client

    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    page.goto("/")
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": page.url}])
