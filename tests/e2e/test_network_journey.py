"""The network, end to end in Chromium on a 390 px phone: from the Plan page alice adds a
person (by keyboard), imports a CSV with a bad row, sees each row's fate, and finds the
follow-up in her week; her alumni goal moved by itself."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal
from prepcoach.network.models import Contact
from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def no_overflow(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, page.url


def test_alice_keeps_her_network_on_her_phone(page: Page, alice: User, tmp_path: Path) -> None:
    today = timezone.localdate()
    goal = Goal.objects.create(
        user=alice, text="Contact 5 alumni by Friday", kind=Goal.Kind.NETWORKING,
        target_value=Decimal(5), unit="alumni", start_date=today,
    )  # fmt: skip
    log_in(page, alice)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/plan/")
    page.get_by_role("link", name="Network").click()
    expect(page.get_by_text("No one yet.")).to_be_visible()
    no_overflow(page)

    page.get_by_role("link", name="Add a person").click()
    page.get_by_label("Name").fill("Ana " + "Lee" * 40)  # one long word must not overflow
    page.get_by_label("Tags").fill("alumni")
    page.get_by_label("Next follow-up").fill(today.isoformat())
    page.get_by_label("Name").press("Enter")  # the keyboard saves the form
    expect(page.get_by_role("heading", level=1)).to_contain_text("Ana Lee")
    expect(page.locator("body")).to_contain_text("now stands at 1 of 5")
    expect(page.locator("body")).to_contain_text(f"{today:%A} {today.day} {today:%B %Y}")
    no_overflow(page)

    csv = tmp_path / "contacts.csv"
    csv.write_text("Name,Email,Tags\nBen Park,ben@example.org,alumni\n,,\n,,x\n<b>Cy</b>,,\n")
    page.goto("/plan/network/contacts/import/")
    page.get_by_label("CSV or vCard file").set_input_files(str(csv))
    page.get_by_role("button", name="Import").click()
    expect(page.locator("body")).to_contain_text("Imported 2 of 3 contacts from the CSV file")
    expect(page.locator("body")).to_contain_text("Row 4: no name or e-mail: not imported")
    no_overflow(page)
    page.get_by_role("link", name="See your network").click()
    expect(page.get_by_role("link", name="<b>Cy</b>")).to_be_visible()  # text, not bold

    page.goto("/plan/week/")
    expect(page.locator(".follow-ups")).to_contain_text("Follow up with Ana")
    no_overflow(page)
    assert Contact.objects.filter(user=alice).count() == 3
    assert goal.check_ins.order_by("-created_at").first().value == 2  # type: ignore[union-attr]
