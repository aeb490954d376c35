"""Every page passes axe-core (issue 12, "Also") and fits a phone (issue 12, class 3): Chromium
opens every GET page of the app signed in as its owner and signed out (the log-in pages and
every link a person is given), in the access matrix's world (tests/access_world.py: every URL
pattern, with Alice's objects), runs axe-core's rules (colour contrast included) and fails on
any serious or critical violation; each of the owner's pages is then narrowed to a phone's
390×844 and fails if it scrolls sideways. One walk does both, since opening each page is most
of the cost. axe-core is vendored in tests/e2e/vendor (see its README: version, source, licence).

The app's CSP allows only its own scripts, so axe is not added as a <script>: Playwright hands
it to every new document through the DevTools protocol (add_init_script), which a page's CSP
does not govern, as a person's browser extension would run it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Browser, Page

from tests.access_world import World, build_world, routes, urls_for
from tests.e2e.conftest import log_in
from tests.interviews.conftest import add_interview

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
AXE_VERSION = "4.14.1"
BLOCKING = ("serious", "critical")
DESKTOP = {"width": 1280, "height": 720}
PHONE = {"width": 390, "height": 844}
# The tokens of the links a person is given without an account: an answer's feedback link, a
# mock interview's, a story's.
LINKS = ("valid", "mock", "story")


def page_urls(world: World, tokens: Iterable[str]) -> Iterator[str]:
    """Every URL of every pattern, once, with each of the given link tokens."""
    seen: set[str] = set()
    for route, names in routes():
        for token in tokens:
            for url in urls_for(route, names, world, world.tokens[token]):
                if url not in seen:
                    seen.add(url)
                    yield url


# The rules about a whole document: an HTMX fragment answered to a GET (the SMART panel, an
# answer's status) is not one, and is checked by every other rule.
DOCUMENT_RULES = ("document-title", "html-has-lang", "landmark-one-main", "page-has-heading-one")


def kind_of(client: Client, url: str) -> str | None:
    """ "page", "fragment" (HTML without a document around it), or None: a download, a
    recording, an API answer, a refusal or a redirect (to the log-in page, which is checked on
    its own) is not a page to check. Asked in-process by Django's test client signed in as the
    tab is: most of the walk's URLs are no page to check, and asking them through the browser's
    request API took a quarter of the walk (56 s of 202)."""
    response = client.get(url)
    try:
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            return None
        return "page" if response.content.lstrip().lower().startswith(b"<!doctype") else "fragment"
    finally:
        response.close()


def violations(page: Page, url: str, kind: str) -> list[str]:
    """The serious and critical violations on url, in the light colour scheme and (colour
    contrast) the dark one."""
    page.emulate_media(color_scheme="light")
    page.goto(url)
    off = {rule: {"enabled": False} for rule in DOCUMENT_RULES} if kind == "fragment" else {}
    found: list[dict[str, Any]] = page.evaluate(
        "async (rules) => (await axe.run(document, {resultTypes: ['violations'], rules}))"
        ".violations",
        off,
    )
    page.emulate_media(color_scheme="dark")
    found += [
        {**rule, "id": f"{rule['id']} (dark)"}
        for rule in page.evaluate(
            "async () => (await axe.run(document, {resultTypes: ['violations'],"
            " runOnly: ['color-contrast']})).violations"
        )
    ]
    return [
        f"{url}: {rule['id']} ({rule['impact']}) {rule['help']}: "
        + "; ".join(
            f"{' '.join(node['target'])} {node.get('failureSummary', '')!r}"
            for node in rule["nodes"][:3]
        )
        for rule in found
        if rule["impact"] in BLOCKING
    ]


def too_wide(page: Page) -> str | None:
    """The page narrowed to a phone's width (its CSS media queries apply at once; the app has
    no script that lays a page out by its width): a message when it then scrolls sideways.
    The desktop size is put back for the next page."""
    page.set_viewport_size(PHONE)
    width = int(page.evaluate("document.documentElement.scrollWidth"))
    page.set_viewport_size(DESKTOP)
    return f"{page.url}: {width} px wide at {PHONE['width']} px" if width > PHONE["width"] else None


def check_all(
    page: Page, client: Client, urls: Iterable[str], phone: bool = False
) -> tuple[int, list[str]]:
    """How many pages were checked, and every problem found. `client` is signed in as the
    page's tab is. `phone`: each is also narrowed to a phone's width (`too_wide`)."""
    checked, problems = 0, []
    for url in urls:
        kind = kind_of(client, url)
        if kind:
            problems += violations(page, url, kind)
            if phone and (wide := too_wide(page)):
                problems.append(wide)
            checked += 1
    return checked, problems


@pytest.mark.django_db(transaction=True)
def test_no_page_has_a_serious_accessibility_violation_or_scrolls_sideways_on_a_phone(
    browser: Browser,
    live_server: Any,
    tmp_path: Path,
    settings: Any,
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings.MEDIA_ROOT = tmp_path
    world = build_world(tmp_path)
    # Last week, every day past, with an interview on it: a past day's look is checked on every
    # day of the week, not only on the days after Monday (CI found its faded text on a Tuesday).
    add_interview(world.alice, hours=-7 * 24, round_name="Last week's round")
    last_week = f"/plan/week/?start={(timezone.localdate() - dt.timedelta(days=7)).isoformat()}"

    def tab() -> Page:
        context = browser.new_context(base_url=str(live_server), viewport=DESKTOP)
        context.set_default_timeout(15_000)
        context.add_init_script(path=AXE)
        return context.new_page()

    signed_out = tab()
    signed_out.goto("/")
    assert signed_out.evaluate("axe.version") == AXE_VERSION
    out_count, out_problems = check_all(signed_out, Client(), page_urls(world, LINKS))
    signed_out.context.close()

    signed_in = tab()
    log_in(signed_in, world.alice)
    alice = Client()
    alice.force_login(world.alice)
    in_count, in_problems = check_all(
        signed_in, alice, [*page_urls(world, ("valid",)), last_week], phone=True
    )
    signed_in.context.close()

    with capsys.disabled():  # shown in CI's log even when the test passes
        print(
            f"\naxe-core {AXE_VERSION}: {in_count} pages checked signed in, {out_count} signed out, "
            f"{len(in_problems) + len(out_problems)} serious or critical violations or pages "
            f"wider than a phone ({PHONE['width']} px)"
        )
    assert in_count >= 80, in_count  # the walk reached the app, not just the log-in page
    assert out_count >= 5, out_count  # the log-in pages and the links given out
    assert in_problems + out_problems == [], "\n".join(in_problems + out_problems)
