"""POST /partners/<id>/end/: either side ends it, and everything is hidden at once."""

from __future__ import annotations

import pytest
from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal, Milestone
from prepcoach.partners.models import Cheer, Comment, Nudge, Partnership
from tests.partners.conftest import SHARED_TEXT


@pytest.mark.parametrize("who", ["alice", "bob"])
def test_either_side_ends_it_and_every_partner_page_is_gone(
    who: str, alice_client: Client, bob_client: Client, alice: User, bob: User,
    partnership: Partnership, shared_goal: Goal,
) -> None:  # fmt: skip
    bobs = Goal.objects.create(user=bob, text="Bob's SQL course")
    back = Partnership.objects.create(owner=bob, partner=alice)
    back.goals.add(bobs)
    milestone = Milestone.objects.get(title="First mock done")
    Comment.objects.create(partnership=partnership, goal=shared_goal, author=bob, text="go")
    Cheer.objects.create(partnership=partnership, milestone=milestone)
    Nudge.objects.create(partnership=partnership)
    ender = alice_client if who == "alice" else bob_client

    response = ender.post(f"/partners/{partnership.pk}/end/", follow=True)

    assert "neither of you sees the other" in response.content.decode()
    assert not Partnership.objects.exists()
    assert not (Comment.objects.exists())
    assert not (Cheer.objects.exists())
    assert not (Nudge.objects.exists())
    gone = [
        bob_client.get(f"/partners/{partnership.pk}/"),
        alice_client.get(f"/partners/{back.pk}/"),
        bob_client.post(f"/partners/{partnership.pk}/goals/{shared_goal.pk}/comments/",
                        {"text": "hi"}),
        bob_client.post(f"/partners/milestones/{milestone.pk}/cheer/"),
        bob_client.post(f"/partners/{partnership.pk}/nudge/"),
    ]  # fmt: skip
    assert [r.status_code for r in gone] == [404] * len(gone)
    assert SHARED_TEXT not in bob_client.get("/partners/").content.decode()
    assert "Bob's SQL course" not in alice_client.get("/partners/").content.decode()
    assert Goal.objects.filter(pk__in=[shared_goal.pk, bobs.pk]).count() == 2  # goals stay


def test_a_stranger_cannot_end_it(carol_client: Client, partnership: Partnership) -> None:
    assert carol_client.post(f"/partners/{partnership.pk}/end/").status_code == 404
    assert Partnership.objects.filter(pk=partnership.pk).exists()


def test_ending_needs_a_post(bob_client: Client, partnership: Partnership) -> None:
    assert bob_client.get(f"/partners/{partnership.pk}/end/").status_code == 405
    assert Partnership.objects.filter(pk=partnership.pk).exists()
