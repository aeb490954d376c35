"""Goals saved before `kind_suggested` existed: their kind may be the user's choice or
prepcoach's reading (the form and the API stored both alike), so none is marked either way,
and so none is ever read again; the migration goes back."""

import pytest

from tests.support import migrate, migrate_to_latest

BEFORE = [("goals", "0009_step_planned_on")]
AFTER = [("goals", "0010_goal_kind_suggested")]


@pytest.mark.django_db(transaction=True)
def test_no_saved_goals_kind_is_taken_for_a_reading_or_a_choice() -> None:
    old = migrate(BEFORE)
    user = old.get_model("accounts", "User").objects.create(email="old@example.com")
    goal = old.get_model("goals", "Goal")
    for kind in ("knowledge", "skills", "behavioral", "networking", "other"):
        goal.objects.create(user=user, text=f"A {kind} goal", kind=kind)

    new = migrate(AFTER).get_model("goals", "Goal")
    saved = set(new.objects.values_list("kind", "kind_suggested"))
    assert saved == {
        (k, None) for k in ("knowledge", "skills", "behavioral", "networking", "other")
    }

    migrate(BEFORE)  # and back
    migrate_to_latest()
