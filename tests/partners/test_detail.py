"""GET /partners/<id>/: the partner sees the goals shared with them and nothing else."""

from __future__ import annotations

import re

from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal
from prepcoach.partners.models import Partnership
from prepcoach.reflection.models import Story
from tests.goals.conftest import add_step
from tests.partners.conftest import SHARED_TEXT, assert_no_secret


def test_bob_sees_the_shared_goal_its_line_check_ins_milestones_and_review(
    bob_client: Client, partnership: Partnership, shared_goal: Goal
) -> None:
    response = bob_client.get(f"/partners/{partnership.pk}/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Alice Doe's goals" in page
    assert SHARED_TEXT in page
    assert "1 of 3 mock interviews" in page
    assert "ideal line" in page
    assert "first mock with Sam" in page  # check-in
    assert "First mock done" in page
    assert "Cheer “First mock done”" in page
    assert "All three done" in page
    assert "not reached yet" in page
    assert "Mock interview with Priya" in page  # due next, in the weekly review
    assert "Weekly review of these goals" in page
    assert '<polyline class="ideal"' in page
    # The chart's key names every line it draws: whose progress, the ideal line and today.
    caption = re.search(r"<figcaption>(.*?)</figcaption>", page, re.S)
    assert caption is not None
    assert '<polyline class="actual"' in page
    assert '<line class="today"' in page
    assert "their progress" in caption[1]
    assert "ideal line" in caption[1]
    assert '<span class="key key-today"></span> today' in caption[1]
    assert_no_secret(page)


def test_nothing_else_of_alices_reaches_any_partner_page(
    bob_client: Client, alice: User, partnership: Partnership
) -> None:
    Story.objects.create(user=alice, title="The night the servers melted")

    pages = [bob_client.get(url).content.decode()
             for url in ("/partners/", f"/partners/{partnership.pk}/")]  # fmt: skip

    for page in pages:
        assert_no_secret(page)
        assert "The night the servers melted" not in page
    assert "Alice Doe" in pages[0]


def test_alice_sees_what_bob_sees(alice_client: Client, partnership: Partnership) -> None:
    page = alice_client.get(f"/partners/{partnership.pk}/").content.decode()

    assert "What Bob Roe sees" in page
    # The title on its own line under the breadcrumb, as on other pages, not beside it.
    assert (
        '<header>\n  <p class="meta"><a href="/partners/">Partners</a> › Bob Roe</p>\n  <h1>'
        in page
    )
    assert SHARED_TEXT in page
    assert "Nudge Bob" not in page  # the partner nudges, not the owner
    assert_no_secret(page)


def test_a_goal_shared_later_appears_and_an_unshared_one_goes(
    bob_client: Client, partnership: Partnership, secret_goal: Goal, shared_goal: Goal
) -> None:
    partnership.goals.set([secret_goal])

    page = bob_client.get(f"/partners/{partnership.pk}/").content.decode()

    assert secret_goal.text in page
    assert SHARED_TEXT not in page


def test_with_no_goals_shared_the_page_says_so(
    bob_client: Client, partnership: Partnership
) -> None:
    partnership.goals.clear()

    page = bob_client.get(f"/partners/{partnership.pk}/").content.decode()

    assert "Alice Doe shares no goals with you at the moment." in page
    assert "Weekly review" not in page


def unmasked(page: bytes) -> bytes:
    """The page with its CSRF tokens and its forms' submit keys (ops/submit_once.py) blanked."""
    return re.sub(
        rb'((?:csrf-token" content=|X-CSRFToken": |csrfmiddlewaretoken" value=|submit_key" value=)")[^"]+',
        rb"\1",
        page,
    )


def test_a_stranger_and_anonymous_get_nothing(
    carol_client: Client, client: Client, partnership: Partnership
) -> None:
    missing = carol_client.get(f"/partners/{partnership.pk}/")
    never = carol_client.get("/partners/999999/")

    assert missing.status_code == never.status_code == 404
    # No hint that the first one exists: the same page (the site's 404), but for the CSRF
    # token and the submit key its log-out form carries, made afresh for every response.
    assert unmasked(missing.content) == unmasked(never.content)
    anonymous = client.get(f"/partners/{partnership.pk}/")
    assert anonymous.status_code == 302
    assert "/account/login/" in anonymous["Location"]


def test_steps_of_unshared_goals_stay_out_of_the_review(
    bob_client: Client, partnership: Partnership, secret_goal: Goal
) -> None:
    add_step(secret_goal, "Another private step", 2)

    page = bob_client.get(f"/partners/{partnership.pk}/").content.decode()

    assert "Another private step" not in page


def test_the_plan_page_links_to_partners(alice_client: Client) -> None:
    page = alice_client.get("/plan/").content.decode()

    assert 'href="/partners/"' in page
