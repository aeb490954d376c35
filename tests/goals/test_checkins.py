"""Check-ins can be corrected (issue 12, class 5): one a day (a second replaces the first, said
so, with undo), edited, deleted with undo. Alice owns the goal; Bob may touch none of it."""

from decimal import Decimal

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.goals.models import CheckIn, Goal
from tests.goals.conftest import days


def log(client: Client, goal: Goal, value: str, day: int = 0, note: str = "") -> str:
    response = client.post(
        reverse("goals:checkin_add", args=[goal.pk]),
        {"checkin-day": days(day).isoformat(), "checkin-value": value, "checkin-note": note},
        follow=True,
    )
    return response.text


def test_a_second_check_in_on_a_day_replaces_the_first_and_can_be_undone(
    alice_client: Client, mock_goal: Goal
) -> None:
    log(alice_client, mock_goal, "1", note="first mock")
    page = log(alice_client, mock_goal, "2", note="second mock")
    assert list(mock_goal.check_ins.values_list("value", "note")) == [(2, "second mock")]
    assert "it replaces that day&#x27;s earlier check-in" in page
    assert "You had logged 1 mock interview for" in page
    assert "now 2 mock interviews, since a day has one check-in" in page
    assert "2 of 3 mock interviews" in page
    undone = alice_client.post(reverse("goals:checkin_undo", args=[mock_goal.pk]), follow=True).text
    assert "Undone: the check-in is as it was." in undone
    assert list(mock_goal.check_ins.values_list("value", "note")) == [(1, "first mock")]
    # Once used (or seen and passed by), the undo is gone.
    again = alice_client.post(reverse("goals:checkin_undo", args=[mock_goal.pk]), follow=True)
    assert "There was nothing left to undo." in again.text
    assert mock_goal.check_ins.get().value == 1


def test_check_ins_on_other_days_are_kept(alice_client: Client, mock_goal: Goal) -> None:
    log(alice_client, mock_goal, "1", day=-2)
    page = log(alice_client, mock_goal, "2")
    assert mock_goal.check_ins.count() == 2
    assert "Progress logged." in page
    assert "Undo" not in page


def test_a_check_in_is_corrected_in_place(alice_client: Client, mock_goal: Goal) -> None:
    check_in = CheckIn.objects.create(goal=mock_goal, day=days(-1), value=Decimal(5))
    detail = alice_client.get(reverse("goals:detail", args=[mock_goal.pk])).text
    edit_url = reverse("goals:checkin_edit", args=[check_in.pk])
    assert edit_url in detail
    form = alice_client.get(edit_url).text
    assert 'name="checkin-value" value="5' in form
    response = alice_client.post(
        edit_url,
        {"checkin-day": days(-1).isoformat(), "checkin-value": "2", "checkin-note": "typo"},
        follow=True,
    )
    assert "corrected" in response.text
    check_in.refresh_from_db()
    assert (check_in.value, check_in.note) == (2, "typo")
    # Moved onto a day that has one already: refused, nothing lost.
    CheckIn.objects.create(goal=mock_goal, day=days(-3), value=Decimal(1))
    refused = alice_client.post(
        edit_url, {"checkin-day": days(-3).isoformat(), "checkin-value": "2"}
    )
    assert "That day has a check-in already" in refused.text
    assert mock_goal.check_ins.count() == 2


def test_a_deleted_check_in_comes_back_with_undo(alice_client: Client, mock_goal: Goal) -> None:
    check_in = CheckIn.objects.create(goal=mock_goal, day=days(-1), value=Decimal(2), note="n")
    page = alice_client.post(reverse("goals:checkin_delete", args=[check_in.pk]), follow=True).text
    assert not mock_goal.check_ins.exists()
    assert "deleted." in page
    assert reverse("goals:checkin_undo", args=[mock_goal.pk]) in page
    alice_client.post(reverse("goals:checkin_undo", args=[mock_goal.pk]))
    back = mock_goal.check_ins.get()
    assert (back.day, back.value, back.note) == (days(-1), 2, "n")


def test_bob_can_neither_correct_nor_delete_alices_check_ins(
    client: Client, bob: object, mock_goal: Goal
) -> None:
    check_in = CheckIn.objects.create(goal=mock_goal, day=days(-1), value=Decimal(2))
    client.force_login(bob)  # type: ignore[arg-type]
    assert client.get(reverse("goals:checkin_edit", args=[check_in.pk])).status_code == 404
    assert client.post(reverse("goals:checkin_delete", args=[check_in.pk])).status_code == 404
    assert client.post(reverse("goals:checkin_undo", args=[mock_goal.pk])).status_code == 404
    assert mock_goal.check_ins.get().value == 2


def test_a_goal_that_counts_itself_offers_no_log_form(alice_client: Client, alice: User) -> None:
    """A goal made from an improvement area is logged by prepcoach as answers come in: a trial
    was offered "Answers that meet it so far" to type beside "it will move by itself"."""
    measured = Goal.objects.create(
        user=alice, text="Keep fillers under 3 a minute in 5 recorded answers by 20 December 2026",
        kind=Goal.Kind.SKILLS, target_date=days(14), target_value=Decimal(5), unit="answers",
        area="fillers",
    )  # fmt: skip
    CheckIn.objects.create(goal=measured, day=days(0), value=Decimal(1),
                           note="Measured from your answers: 1 of 2 answers since the goal began meets it")  # fmt: skip
    page = alice_client.get(reverse("goals:detail", args=[measured.pk])).text
    assert "This goal counts itself from your practice answers" in page
    assert ">Progress logged</h2>" in page  # not "Log progress" over nothing to log
    assert reverse("goals:checkin_add", args=[measured.pk]) not in page
    assert "Correct the check-in" not in page  # prepcoach's own: the next count replaces it
    # One typed by hand before the form went stays correctable (progress reads the newest).
    CheckIn.objects.create(goal=measured, day=days(-1), value=Decimal(4))
    page = alice_client.get(reverse("goals:detail", args=[measured.pk])).text
    assert page.count("Correct the check-in") == 1
    by_hand = Goal.objects.create(
        user=alice, text="Do 3 mock interviews by 20 December 2026", kind=Goal.Kind.SKILLS,
        target_date=days(14), target_value=Decimal(3), unit="mock interviews",
    )  # fmt: skip
    page = alice_client.get(reverse("goals:detail", args=[by_hand.pk])).text
    assert "counts itself" not in page
    assert reverse("goals:checkin_add", args=[by_hand.pk]) in page
