"""The goal's page and the plan say a goal's kind by name ("Behavioral", not the code
"behavioral") and its check-ins with the right plural ("1 mock interview"). Alice's goal."""

import html
from decimal import Decimal

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.smart import check_goal
from prepcoach.goals.models import CheckIn, Goal
from tests.goals.conftest import add_step, days, today


def test_the_kind_badge_shows_the_kinds_name(alice_client: Client, mock_goal: Goal) -> None:
    for url in (reverse("goals:detail", args=[mock_goal.pk]), reverse("goals:index")):
        page = alice_client.get(url).text
        assert '<span class="badge">Behavioral</span>' in page, url
        assert '<span class="badge">behavioral</span>' not in page, url


def test_the_smart_panel_names_the_kind(alice_client: Client) -> None:
    panel = alice_client.post(
        reverse("goals:smart_check"), {"text": "Do 3 mock interviews by Friday"}
    ).text
    assert '">Behavioral</strong>' in panel
    assert '">behavioral</strong>' not in panel


def test_check_ins_say_one_and_many_right(alice_client: Client, mock_goal: Goal) -> None:
    CheckIn.objects.create(goal=mock_goal, day=days(-2), value=Decimal("1.00"))
    CheckIn.objects.create(goal=mock_goal, day=days(-1), value=Decimal("2.00"))
    page = alice_client.get(reverse("goals:detail", args=[mock_goal.pk])).text
    assert ": 1 mock interview\n" in page or ": 1 mock interview<" in page
    assert "1 mock interviews" not in page
    assert ": 2 mock interviews" in page
    assert "target 3 mock interviews" in page


def test_the_smart_panel_says_where_the_date_came_from_and_its_heading_once(
    alice_client: Client, alice: User
) -> None:
    goal = Goal.objects.create(
        user=alice, text="Do 3 mock interviews by Friday", kind=Goal.Kind.BEHAVIORAL,
        target_date=None, target_value=Decimal(3), unit="mock interviews",
    )  # fmt: skip
    goal.target_date = check_goal(goal.text, today()).deadline
    goal.save()
    assert goal.target_date is not None
    page = html.unescape(alice_client.get(reverse("goals:detail", args=[goal.pk])).text)
    assert "from “by Friday” in your goal" in page
    assert "the target date you set" not in page
    assert page.count(" of 5 met") == 1  # in the summary, not again in the panel


def test_the_goal_page_points_to_the_edit_form_only_for_a_wording_fix(
    alice_client: Client, mock_goal: Goal
) -> None:
    """A goal meeting all five criteria may still carry a fix about its plan (Attainable's
    steps and hours): "Edit the goal to apply a fix" pointed a trial to the wrong place."""
    add_step(mock_goal, "Book the first mock", 3, hours=1)
    page = alice_client.get(reverse("goals:detail", args=[mock_goal.pk])).text
    assert "SMART check: 5 of 5 met" in page
    assert "to apply a fix" not in page
    vague = Goal.objects.create(
        user=mock_goal.user, text="Get better at interviews", kind=Goal.Kind.BEHAVIORAL
    )
    page = alice_client.get(reverse("goals:detail", args=[vague.pk])).text
    assert "5 of 5 met" not in page
    assert "to apply a fix" in page
    # No hours in the week: only Attainable misses, and its fix is the profile's, not the words.
    mock_goal.user.profile.weekly_hours = [0, 0, 0, 0, 0, 0, 0]
    mock_goal.user.profile.save()
    page = alice_client.get(reverse("goals:detail", args=[mock_goal.pk])).text
    assert "SMART check: 4 of 5 met" in page
    assert 'data-criterion="attainable"' in page
    assert 'verdict-met" data-criterion="attainable"' not in page
    assert "to apply a fix" not in page
