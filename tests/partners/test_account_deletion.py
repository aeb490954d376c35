"""When either side deletes their account, the partnership goes with it, and nothing breaks."""

from __future__ import annotations

from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal
from prepcoach.partners.models import Comment, PartnerInvite, Partnership


def test_the_partner_deleting_their_account_leaves_alices_page_working(
    alice_client: Client, bob: User, partnership: Partnership, shared_goal: Goal
) -> None:
    Comment.objects.create(partnership=partnership, goal=shared_goal, author=bob, text="go")

    bob.delete()

    page = alice_client.get("/partners/")
    assert page.status_code == 200
    assert "Nobody sees your goals." in page.content.decode()
    assert alice_client.get(f"/partners/{partnership.pk}/").status_code == 404
    assert not Comment.objects.exists()
    assert Goal.objects.filter(pk=shared_goal.pk).exists()


def test_the_owner_deleting_their_account_hides_everything_and_kills_her_links(
    bob_client: Client, alice: User, partnership: Partnership, shared_goal: Goal
) -> None:
    _, token = PartnerInvite.issue(alice, "dana@example.com")

    alice.delete()

    page = bob_client.get("/partners/")
    assert page.status_code == 200
    assert "Nobody shares goals with you yet" in page.content.decode()
    assert bob_client.get(f"/partners/{partnership.pk}/").status_code == 404
    assert Client().get(f"/partners/invite/{token}/").status_code == 404
    assert not Partnership.objects.exists()
    assert not PartnerInvite.objects.exists()
