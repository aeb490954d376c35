"""Partners, end to end in two browsers: alice invites bob by mail, bob accepts and sees only
the goal she shared, cheers and comments, alice sees it, then ends it and bob's view is gone."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from prepcoach.accounts.models import User
from prepcoach.partners.models import Partnership
from tests.e2e.conftest import log_in, watched_page
from tests.partners.conftest import (
    SECRET_TEXT,
    SHARED_TEXT,
    create_secret_goal,
    create_shared_goal,
    invite_link,
    path_of,
    use_smtp,
)
from tests.support import SmtpSink, wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_alice_and_bob_as_partners_from_invitation_to_the_end(
    page: Page, browser: Browser, live_server: Any, alice: User, bob: User,
    smtp_server: tuple[int, SmtpSink], settings: Any,
) -> None:  # fmt: skip
    sink = use_smtp(smtp_server, settings)
    create_shared_goal(alice)
    create_secret_goal(alice)

    # Alice invites bob from the Plan page, sharing one of her two goals.
    log_in(page, alice)
    page.set_viewport_size({"width": 390, "height": 844})  # both on phones: nothing overflows
    page.goto("/plan/")
    page.get_by_role("link", name="Partners").click()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.get_by_label("Your partner's e-mail").fill("bob@example.com")
    page.get_by_label(SHARED_TEXT).check()
    expect(page.get_by_label(SECRET_TEXT)).not_to_be_checked()
    page.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_role("status").first).to_contain_text("Invitation sent to bob@example.com")
    message = wait_for(lambda: sink.messages, what="the invitation mail")[0]
    link = path_of(invite_link(message))

    with watched_page(browser, str(live_server)) as bobs:
        bobs.set_viewport_size({"width": 390, "height": 844})  # bob is on his phone
        log_in(bobs, bob)
        bobs.goto(link)
        expect(bobs.get_by_role("heading", level=1)).to_have_text(
            "Be Alice Doe's accountability partner"
        )
        bobs.get_by_role("button", name="Accept").click()
        expect(bobs.get_by_role("heading", level=1)).to_have_text("Alice Doe's goals")
        expect(bobs.get_by_role("heading", name=SHARED_TEXT)).to_be_visible()
        expect(bobs.get_by_text("1 of 3 mock interviews").first).to_be_visible()
        assert SECRET_TEXT not in bobs.content()
        assert bobs.evaluate("document.documentElement.scrollWidth") <= 390

        # He cheers the milestone she reached, and comments without a page load.
        bobs.get_by_role("button", name="Cheer “First mock done”").click()
        expect(bobs.get_by_role("status").first).to_contain_text("You cheered “First mock done”")
        bobs.get_by_label("Comment on").fill("One down, <b>two</b> to go!")
        bobs.get_by_role("button", name="Post comment").click()
        expect(bobs.get_by_text("Comment posted.")).to_be_visible()
        expect(bobs.get_by_text("One down, <b>two</b> to go!")).to_be_visible()

        # Alice sees both.
        partnership = Partnership.objects.get(owner=alice, partner=bob)
        page.goto(f"/partners/{partnership.pk}/")
        expect(page.get_by_role("heading", level=1)).to_have_text("What Bob Roe sees")
        expect(page.get_by_text("One down, <b>two</b> to go!")).to_be_visible()
        expect(page.locator(".milestones .badge", has_text="cheered")).to_be_visible()

        # She ends it, after saying yes to what goes with it: bob's page is gone at once, with
        # nothing of hers on it.
        page.get_by_role("link", name="End the partnership with Bob Roe…").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "End the partnership with Bob Roe?"
        )
        expect(page.get_by_text("1 comment", exact=True)).to_be_visible()
        page.get_by_role("button", name="End the partnership").click()
        expect(page.get_by_role("status").first).to_contain_text("Partnership with Bob Roe ended")
        # (Fetched with his cookies rather than navigated: a 404 in the tab is a console error.)
        gone = bobs.request.get(f"/partners/{partnership.pk}/")
        assert gone.status == 404
        assert SHARED_TEXT not in gone.text()
        bobs.goto("/partners/")
        expect(bobs.get_by_text("Nobody shares goals with you yet")).to_be_visible()
        assert SHARED_TEXT not in bobs.content()
