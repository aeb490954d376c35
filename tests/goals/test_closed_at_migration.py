"""Goals finished before `closed_at` existed take their last change's time, so the plan's list
of finished goals keeps the order it had; active goals have none; the migration goes back."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.support import migrate, migrate_to_latest

BEFORE = [("goals", "0007_goal_area_longer")]
AFTER = [("goals", "0008_goal_closed_at")]


@pytest.mark.django_db(transaction=True)
def test_finished_goals_are_closed_when_they_last_changed_and_active_ones_are_not() -> None:
    old = migrate(BEFORE)
    user = old.get_model("accounts", "User").objects.create(email="old@example.com")
    goal = old.get_model("goals", "Goal")
    done = goal.objects.create(user=user, text="Write 3 STAR stories", status="done")
    dropped = goal.objects.create(user=user, text="Learn Rust", status="dropped")
    active = goal.objects.create(user=user, text="Run 4 mocks by Friday")
    when = timezone.now() - dt.timedelta(days=40)
    goal.objects.filter(pk__in=[done.pk, dropped.pk]).update(updated_at=when)

    new = migrate(AFTER).get_model("goals", "Goal")
    closed = dict(new.objects.values_list("pk", "closed_at"))
    assert closed == {done.pk: when, dropped.pk: when, active.pk: None}

    migrate(BEFORE)  # and back
    migrate_to_latest()
