from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal, Step
from tests.goals.conftest import add_step, days, today


def step_data(
    title: str = "Mock interview with Sam", due_in: int = 5, hours: str = "1.5", **extra: str
) -> dict[str, str]:
    data = {
        "step-title": title, "step-due_date": days(due_in).isoformat(),
        "step-estimated_hours": hours, "step-impact": "3", "step-urgency": "2",
        "step-resources": "https://example.org/questions\nSam (friend)",
    }  # fmt: skip
    data |= extra
    return data


def test_detail_shows_the_goal_progress_and_empty_steps(
    alice_client: Client, mock_goal: Goal
) -> None:
    page = alice_client.get(reverse("goals:detail", args=[mock_goal.pk])).text
    assert "Do 3 recorded mock interviews before my onsite" in page
    assert "No steps yet" in page
    assert "0 of 3 mock interviews" in page
    assert "<svg" in page  # the ideal line is drawn from the start


def test_add_a_step_and_see_it_scheduled(alice_client: Client, mock_goal: Goal) -> None:
    response = alice_client.post(
        reverse("goals:step_add", args=[mock_goal.pk]), step_data(), follow=True
    )
    step = Step.objects.get(goal=mock_goal)
    assert step.resource_list == ["https://example.org/questions", "Sam (friend)"]
    assert "added and scheduled" in response.text
    assert "finishes" in response.text
    assert "It matters a lot and is fairly urgent." in response.text
    assert '<a href="https://example.org/questions" rel="noopener noreferrer">' in response.text


def test_a_step_due_after_its_goal_is_refused_and_kept(
    alice_client: Client, mock_goal: Goal
) -> None:
    response = alice_client.post(
        reverse("goals:step_add", args=[mock_goal.pk]), step_data(title="Too late", due_in=30)
    )
    assert response.status_code == 422
    assert "This step would be due after its goal" in response.text
    assert 'value="Too late"' in response.text
    assert not Step.objects.exists()


def test_bad_hours_and_dates_are_explained(alice_client: Client, mock_goal: Goal) -> None:
    response = alice_client.post(
        reverse("goals:step_add", args=[mock_goal.pk]),
        step_data(hours="0", **{"step-due_date": "30/02/2027"}),
    )
    assert "That is not a real date" in response.text
    assert "greater than or equal to 0.25" in response.text


def test_tick_off_with_htmx_moves_progress(alice_client: Client, alice: User) -> None:
    goal = Goal.objects.create(
        user=alice, text="Write 2 STAR stories", target_date=days(10), start_date=days(-1)
    )
    first = add_step(goal, "Story about conflict", 3)
    add_step(goal, "Story about failure", 6)
    response = alice_client.post(
        reverse("goals:step_toggle", args=[first.pk]), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert "1 of 2 steps" in response.text
    assert 'value="50.0"' in response.text  # the progress bar
    first.refresh_from_db()
    assert first.done_on == today()
    # Ticking again is the undo.
    alice_client.post(reverse("goals:step_toggle", args=[first.pk]))
    first.refresh_from_db()
    assert first.done_on is None


def test_moving_a_step_reports_what_else_moved(alice_client: Client, mock_goal: Goal) -> None:
    # Alice has 1 h on weekdays: "B" waits behind "A"; giving "A" a later date lets "B" go first.
    a = add_step(mock_goal, "A", 3, hours=3)
    add_step(mock_goal, "B", 9, hours=1)
    data = {
        "step-title": "A", "step-due_date": days(15).isoformat(), "step-estimated_hours": "3",
        "step-impact": "2", "step-urgency": "2", "step-resources": "",
    }  # fmt: skip
    response = alice_client.post(reverse("goals:step_edit", args=[a.pk]), data, follow=True)
    assert "To fit your week, the plan moved: " in response.text
    assert "“B” now finishes " in response.text
    assert "Re-planned:" not in response.text  # no arrows between dates (issue 12, class 1)
    assert "→" not in response.text.split("To fit your week")[1].split("</")[0]


def test_delete_a_step(alice_client: Client, mock_goal: Goal) -> None:
    step = add_step(mock_goal, "Old step", 3)
    alice_client.post(reverse("goals:step_delete", args=[step.pk]))
    assert not Step.objects.exists()


def test_bob_cannot_touch_alices_steps(client: Client, bob: User, mock_goal: Goal) -> None:
    step = add_step(mock_goal, "Hers", 3)
    client.force_login(bob)
    assert client.post(reverse("goals:step_toggle", args=[step.pk])).status_code == 404
    assert client.get(reverse("goals:step_edit", args=[step.pk])).status_code == 404
    assert (
        client.post(reverse("goals:step_add", args=[mock_goal.pk]), step_data()).status_code == 404
    )


def test_split_a_goal_moves_the_chosen_steps(
    alice_client: Client, alice: User, mock_goal: Goal
) -> None:
    keep = add_step(mock_goal, "Mock with Sam", 3)
    move = add_step(mock_goal, "Research the panel", 8)
    url = reverse("goals:split", args=[mock_goal.pk])
    assert "Research the panel" in alice_client.get(url).text
    refused = alice_client.post(url, {"text": "Research the panel"})
    assert "Choose at least one step to move" in refused.text
    alice_client.post(url, {"text": "Research my 3 panel interviewers", "steps": [str(move.pk)]})
    part = Goal.objects.exclude(pk=mock_goal.pk).get(user=alice)
    assert list(part.steps.all()) == [move]
    assert part.target_date == move.due_date
    assert list(mock_goal.steps.all()) == [keep]


def test_a_past_due_date_is_asked_about_once_then_saved(
    alice_client: Client, mock_goal: Goal
) -> None:
    url = reverse("goals:step_add", args=[mock_goal.pk])
    asked = alice_client.post(url, step_data(due_in=-35))
    assert asked.status_code == 422
    assert "35 days ago. If the step really was due then, save again" in asked.text
    assert f'name="step-confirm_due" value="{days(-35).isoformat()}"' in asked.text
    assert not Step.objects.exists()
    # The same date sent again with the page's confirmation: saved.
    confirmed = step_data(due_in=-35) | {"step-confirm_due": days(-35).isoformat()}
    alice_client.post(url, confirmed)
    assert Step.objects.get().due_date == days(-35)
    # Confirmed for another day, the new past day is asked about again.
    other = step_data(due_in=-3) | {"step-confirm_due": days(-35).isoformat()}
    assert "3 days ago" in alice_client.post(url, other).text
    assert Step.objects.count() == 1


def test_an_edited_step_is_asked_about_a_past_date_but_not_an_old_one_kept(
    alice_client: Client, mock_goal: Goal
) -> None:
    step = add_step(mock_goal, "Slipped step", -4)
    url = reverse("goals:step_edit", args=[step.pk])
    kept = alice_client.post(url, step_data("Renamed slipped step", due_in=-4))
    assert kept.status_code == 302  # its old date, not changed: nothing to ask
    moved = alice_client.post(url, step_data("Renamed slipped step", due_in=-10))
    assert "10 days ago" in moved.text
    assert 'name="step-confirm_due"' in moved.text
    step.refresh_from_db()
    assert step.due_date == days(-4)
