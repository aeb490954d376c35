"""Number boxes in the goal forms show "1" and "5", not "1.00" and "5.00"; a real fraction keeps
its decimals ("1.5"). Alice corrects a check-in, edits her goal and one of its steps."""

from decimal import Decimal

from django.test import Client
from django.urls import reverse

from prepcoach.goals.models import CheckIn, Goal
from tests.goals.conftest import add_step, days


def test_a_check_in_being_corrected_shows_a_whole_number_plainly(
    alice_client: Client, mock_goal: Goal
) -> None:
    check_in = CheckIn.objects.create(goal=mock_goal, day=days(-1), value=Decimal("1.00"))
    form = alice_client.get(reverse("goals:checkin_edit", args=[check_in.pk])).text
    assert 'name="checkin-value" value="1"' in form
    assert 'value="1.00"' not in form


def test_a_fraction_keeps_its_decimals(alice_client: Client, mock_goal: Goal) -> None:
    check_in = CheckIn.objects.create(goal=mock_goal, day=days(-1), value=Decimal("1.50"))
    form = alice_client.get(reverse("goals:checkin_edit", args=[check_in.pk])).text
    assert 'name="checkin-value" value="1.5"' in form


def test_editing_a_goal_shows_its_target_number_plainly(
    alice_client: Client, mock_goal: Goal
) -> None:
    mock_goal.target_value = Decimal("5.00")
    mock_goal.save()
    form = alice_client.get(reverse("goals:edit", args=[mock_goal.pk])).text
    assert 'name="target_value" value="5"' in form
    assert "5.00" not in form


def test_editing_a_step_shows_its_hours_plainly(alice_client: Client, mock_goal: Goal) -> None:
    step = add_step(mock_goal, "Mock with Sam", 2, hours=2)
    form = alice_client.get(reverse("goals:step_edit", args=[step.pk])).text
    assert 'name="step-estimated_hours" value="2"' in form
    assert 'value="2.00"' not in form
