import datetime as dt

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal, Step
from tests.goals.conftest import today


def test_a_new_user_is_told_where_to_start(alice_client: Client) -> None:
    page = alice_client.get(reverse("dashboard:home")).text
    assert "No goals yet" in page
    for section in ("Plan", "Grow", "Improve", "Dashboard"):
        assert f">{section}</a>" in page


def test_the_plan_card_shows_what_is_due(alice_client: Client, alice: User) -> None:
    goal = Goal.objects.create(user=alice, text="Write 3 STAR stories")
    Step.objects.create(goal=goal, title="Conflict story", due_date=today() + dt.timedelta(days=2))
    page = alice_client.get(reverse("dashboard:home")).text
    assert "1 active goal" in page
    assert "Conflict story" in page
