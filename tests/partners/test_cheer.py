"""POST /partners/milestones/<id>/cheer/: the partner cheers a reached milestone."""

from __future__ import annotations

from django.test import Client

from prepcoach.goals.models import Goal, Milestone
from prepcoach.partners.models import Cheer, Partnership


def test_bob_cheers_and_alice_sees_it(
    bob_client: Client, alice_client: Client, partnership: Partnership, shared_goal: Goal
) -> None:
    reached = Milestone.objects.get(title="First mock done")

    response = bob_client.post(f"/partners/milestones/{reached.pk}/cheer/", follow=True)
    bob_client.post(f"/partners/milestones/{reached.pk}/cheer/")  # twice is still one cheer

    assert "You cheered “First mock done”" in response.content.decode()
    assert Cheer.objects.count() == 1
    page = alice_client.get(f"/partners/{partnership.pk}/").content.decode()
    assert "cheered" in page


def test_a_milestone_not_reached_yet_waits(
    bob_client: Client, partnership: Partnership, shared_goal: Goal
) -> None:
    ahead = Milestone.objects.get(title="All three done")

    response = bob_client.post(f"/partners/milestones/{ahead.pk}/cheer/", follow=True)

    assert "is not reached yet: cheer when it is" in response.content.decode()
    assert Cheer.objects.count() == 0


def test_no_cheer_for_an_unshared_goal_or_a_stranger(
    bob_client: Client, carol_client: Client, alice_client: Client, partnership: Partnership,
    secret_goal: Goal,
) -> None:  # fmt: skip
    hidden = secret_goal.milestones.get()
    shared = Milestone.objects.get(title="First mock done")

    assert bob_client.post(f"/partners/milestones/{hidden.pk}/cheer/").status_code == 404
    assert carol_client.post(f"/partners/milestones/{shared.pk}/cheer/").status_code == 404
    assert alice_client.post(f"/partners/milestones/{shared.pk}/cheer/").status_code == 404
    assert Cheer.objects.count() == 0


def test_a_cheer_for_progress_since_corrected_says_so(
    bob_client: Client, alice_client: Client, partnership: Partnership, shared_goal: Goal
) -> None:
    reached = Milestone.objects.get(title="First mock done")  # 30 %, reached by 1 of 3
    bob_client.post(f"/partners/milestones/{reached.pk}/cheer/")
    check_in = shared_goal.check_ins.get()
    alice_client.post(f"/plan/check-ins/{check_in.pk}/delete/")
    reached.refresh_from_db()
    assert reached.reached_on is None
    for client in (alice_client, bob_client):
        page = client.get(f"/partners/{partnership.pk}/").content.decode()
        row = page[page.index("First mock done") :].split("</li>")[0]
        assert "not reached yet" in row
        assert 'cheered</span> <span class="meta">for progress since corrected' in row
