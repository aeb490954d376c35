"""Milestones can be corrected (issue 12, class 5): renamed, moved to another share of the goal
(reached or not follows the goal's progress), or deleted after a confirmation. Alice owns the
goal; Bob may touch none of it."""

from decimal import Decimal

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.goals.models import CheckIn, Goal, Milestone
from tests.goals.conftest import days


def test_a_milestone_is_corrected_and_its_reached_day_follows(
    alice_client: Client, mock_goal: Goal
) -> None:
    CheckIn.objects.create(goal=mock_goal, day=days(-1), value=Decimal(1))  # 1 of 3: 33 %
    milestone = Milestone.objects.create(goal=mock_goal, title="Halfway", threshold=50)
    detail = alice_client.get(reverse("goals:detail", args=[mock_goal.pk])).text
    url = reverse("goals:milestone_edit", args=[milestone.pk])
    assert url in detail
    saved = alice_client.post(
        url, {"milestone-title": "First mock done", "milestone-threshold": "30"}, follow=True
    )
    assert "Milestone “First mock done” saved." in saved.text
    milestone.refresh_from_db()
    assert (milestone.title, milestone.threshold, milestone.reached_on) == (
        "First mock done", 30, days(0)
    )  # fmt: skip
    alice_client.post(url, {"milestone-title": "First mock done", "milestone-threshold": "60"})
    milestone.refresh_from_db()
    assert milestone.reached_on is None  # not reached at 33 %
    refused = alice_client.post(url, {"milestone-title": "", "milestone-threshold": "500"})
    assert "Fill in “Milestone”" in refused.text
    milestone.refresh_from_db()
    assert milestone.threshold == 60


def test_a_milestone_is_deleted_after_asking(alice_client: Client, mock_goal: Goal) -> None:
    milestone = Milestone.objects.create(goal=mock_goal, title="Halfway", threshold=50)
    url = reverse("goals:milestone_delete", args=[milestone.pk])
    asked = alice_client.get(url).text
    assert "Delete this milestone?" in asked
    assert Milestone.objects.filter(pk=milestone.pk).exists()
    done = alice_client.post(url, follow=True).text
    assert "Milestone “Halfway” deleted." in done
    assert not Milestone.objects.filter(pk=milestone.pk).exists()


def test_bob_can_neither_edit_nor_delete_alices_milestones(
    client: Client, bob: User, mock_goal: Goal
) -> None:
    milestone = Milestone.objects.create(goal=mock_goal, title="Halfway", threshold=50)
    client.force_login(bob)
    assert client.get(reverse("goals:milestone_edit", args=[milestone.pk])).status_code == 404
    assert client.post(reverse("goals:milestone_delete", args=[milestone.pk])).status_code == 404
    milestone.refresh_from_db()
    assert milestone.title == "Halfway"


def test_a_milestone_is_no_longer_reached_when_the_check_in_that_reached_it_goes(
    alice_client: Client, mock_goal: Goal
) -> None:
    CheckIn.objects.create(goal=mock_goal, day=days(-3), value=Decimal(1))  # 33 %
    alice_client.post(
        reverse("goals:checkin_add", args=[mock_goal.pk]),
        {"checkin-day": days(0).isoformat(), "checkin-value": "2"},  # 67 %
    )
    Milestone.objects.create(goal=mock_goal, title="Halfway", threshold=50)
    alice_client.post(
        reverse("goals:milestone_add", args=[mock_goal.pk]),
        {"milestone-title": "Started", "milestone-threshold": "10"},
    )
    halfway = Milestone.objects.get(title="Halfway")
    assert halfway.reached_on == days(0)
    assert "Milestone “Halfway”" in alice_client.get(reverse("goals:review")).text
    latest = mock_goal.check_ins.get(day=days(0))
    page = alice_client.post(reverse("goals:checkin_delete", args=[latest.pk]), follow=True).text
    halfway.refresh_from_db()
    assert halfway.reached_on is None
    assert Milestone.objects.get(title="Started").reached_on == days(0)  # 33 % still holds it
    assert "“Halfway” is no longer reached: the goal is at 33.3% after the correction" in page
    assert "reached" not in page[page.index("Halfway <span") :].split("</li>")[0]
    assert "Milestone “Halfway”" not in alice_client.get(reverse("goals:review")).text  # wins log
    # Undo the delete: the progress holds it again, and it is reached again.
    alice_client.post(reverse("goals:checkin_undo", args=[mock_goal.pk]))
    halfway.refresh_from_db()
    assert halfway.reached_on == days(0)


def test_a_lower_score_logged_or_a_step_added_keeps_a_milestone_reached(
    alice_client: Client, mock_goal: Goal
) -> None:
    """A review: with "reached" read as what the progress says now, logging a lower figure the
    next day, or adding a step, unmarked "Halfway" and said "after the correction". Only a
    correction of what was logged takes a milestone back."""
    CheckIn.objects.create(goal=mock_goal, day=days(-3), value=Decimal(2))  # 67 %
    Milestone.objects.create(goal=mock_goal, title="Halfway", threshold=50, reached_on=days(-3))
    page = alice_client.post(
        reverse("goals:checkin_add", args=[mock_goal.pk]),
        {"checkin-day": days(0).isoformat(), "checkin-value": "1"},  # 33 %
        follow=True,
    ).text
    assert Milestone.objects.get(title="Halfway").reached_on == days(-3)
    assert "no longer reached" not in page


def test_correcting_an_old_check_in_upward_keeps_a_milestone_reached(
    alice_client: Client, mock_goal: Goal
) -> None:
    """A review: 2 of 3 reached "Halfway", 1 was logged since (kept reached), and correcting
    the old 2 to 3 took "Halfway" back, the latest figure being under it."""
    old = CheckIn.objects.create(goal=mock_goal, day=days(-3), value=Decimal(2))
    CheckIn.objects.create(goal=mock_goal, day=days(0), value=Decimal(1))
    Milestone.objects.create(goal=mock_goal, title="Halfway", threshold=50, reached_on=days(-3))
    alice_client.post(
        reverse("goals:checkin_edit", args=[old.pk]),
        {"checkin-day": days(-3).isoformat(), "checkin-value": "3"},
    )
    assert Milestone.objects.get(title="Halfway").reached_on == days(-3)
