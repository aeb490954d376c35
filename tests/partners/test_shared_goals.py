"""POST /partners/<id>/goals/: the owner chooses which of their goals the partner sees."""

from __future__ import annotations

from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal
from prepcoach.partners.models import Partnership


def test_alice_changes_what_bob_sees_and_bob_sees_the_change_at_once(
    alice_client: Client, bob_client: Client, partnership: Partnership, secret_goal: Goal,
    shared_goal: Goal,
) -> None:  # fmt: skip
    page = alice_client.get("/partners/").content.decode()
    assert "Save what Bob Roe sees" in page

    response = alice_client.post(f"/partners/{partnership.pk}/goals/", {"goals": [secret_goal.pk]},
                                 follow=True)  # fmt: skip

    assert "Bob Roe now sees 1 of your goals." in response.content.decode()
    bobs_view = bob_client.get(f"/partners/{partnership.pk}/").content.decode()
    assert secret_goal.text in bobs_view
    assert shared_goal.text not in bobs_view


def test_sharing_nothing_is_allowed_and_said(
    alice_client: Client, partnership: Partnership
) -> None:
    response = alice_client.post(f"/partners/{partnership.pk}/goals/", {}, follow=True)

    assert "Bob Roe sees none of your goals now." in response.content.decode()
    assert partnership.goals.count() == 0


def test_only_her_own_goals_and_only_the_owner(
    alice_client: Client, bob_client: Client, carol_client: Client, partnership: Partnership,
    carol: User, shared_goal: Goal, secret_goal: Goal,
) -> None:  # fmt: skip
    carols = Goal.objects.create(user=carol, text="Carol's goal")

    refused = alice_client.post(f"/partners/{partnership.pk}/goals/", {"goals": [carols.pk]},
                                follow=True)  # fmt: skip
    assert "pick from your own goals" in refused.content.decode()
    for stranger in (bob_client, carol_client):
        assert stranger.post(f"/partners/{partnership.pk}/goals/",
                             {"goals": [secret_goal.pk]}).status_code == 404  # fmt: skip
    assert list(partnership.goals.all()) == [shared_goal]
