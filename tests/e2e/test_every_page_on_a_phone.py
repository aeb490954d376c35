"""Every page fits a phone (issue 12, class 3): Chromium at 390×844 opens every GET page of the
app as its owner, in the access matrix's world (tests/access_world.py: every URL pattern,
with Alice's objects), and fails on any that scrolls sideways."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from tests.access_world import build_world, routes, urls_for
from tests.e2e.conftest import CHROMIUM_ARGS, log_in  # noqa: F401 - the args document the launch

PHONE = {"width": 390, "height": 844}


@pytest.mark.django_db(transaction=True)
def test_no_page_scrolls_sideways_on_a_phone(
    browser: Browser,
    live_server: Any,
    tmp_path: Path,
    settings: Any,
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings.MEDIA_ROOT = tmp_path
    world = build_world(tmp_path)
    context = browser.new_context(base_url=str(live_server), viewport=PHONE)
    context.set_default_timeout(15_000)
    page = context.new_page()
    log_in(page, world.alice)
    wide: list[tuple[str, int]] = []
    pages = 0
    for route, names in routes():
        for url in urls_for(route, names, world, world.tokens["valid"]):
            # Asked first without a tab: a download, a recording, an API answer or a refusal
            # (405 for a POST-only URL) is not a page to lay out.
            head = context.request.get(url, max_redirects=0)
            if head.status != 200 or "text/html" not in head.headers.get("content-type", ""):
                continue
            page.goto(url)
            pages += 1
            width = int(page.evaluate("document.documentElement.scrollWidth"))
            if width > PHONE["width"]:
                wide.append((url, width))
    context.close()
    with capsys.disabled():  # shown in CI's log even when the test passes
        print(f"\n{pages} pages opened at {PHONE['width']} px")
    assert pages >= 80, pages  # the walk reached the app, not just the log-in page
    assert wide == [], "\n".join(f"{url}: {width} px" for url, width in wide)
