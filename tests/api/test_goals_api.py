import datetime as dt
import json

from django.test import Client

from prepcoach.accounts.models import AccessToken, User
from prepcoach.coach.limits import MAX_GOAL_CHARS
from prepcoach.goals.models import Goal
from tests.goals.conftest import today

CRITERIA = {"specific", "measurable", "attainable", "relevant", "time_bound"}


def post(client: Client, path: str, body: dict[str, object], **headers: str):
    return client.post(path, json.dumps(body), content_type="application/json", **headers)


def test_smart_check_follows_the_contract(client: Client, alice: User) -> None:
    _, secret = AccessToken.issue(alice, "script")
    response = post(
        client, "/api/smart", {"text": "get better at interviews", "today": "2026-11-21"},
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )  # fmt: skip
    assert response.status_code == 200
    data = response.json()
    assert set(data) == CRITERIA | {"type", "deadline", "quantities", "rewrite"}
    assert data["specific"]["verdict"] == "missing"
    assert data["deadline"] is None
    assert "Data analyst" in data["rewrite"]  # alice's profile is the context


def test_create_goal_add_step_tick_it_off(alice_client: Client, alice: User) -> None:
    created = post(alice_client, "/api/goals", {"text": "Write 2 STAR stories within two weeks"})
    assert created.status_code == 201
    goal = created.json()
    assert goal["kind"] == "behavioral"
    assert goal["target_date"] == (today() + dt.timedelta(days=14)).isoformat()
    due = (today() + dt.timedelta(days=3)).isoformat()
    step = post(
        alice_client, f"/api/goals/{goal['id']}/steps", {"title": "Conflict story", "due_date": due}
    )
    assert step.status_code == 201
    done = alice_client.post(f"/api/steps/{step.json()['id']}/done")
    assert done.json()["done_on"] == today().isoformat()
    # The goal counts 2 STAR stories (read from its words, as on the web): a step is not one.
    assert (goal["target_value"], goal["unit"]) == (2, "STAR stories")
    assert alice_client.get(f"/api/goals/{goal['id']}").json()["progress_percent"] == 0.0
    assert [g["id"] for g in alice_client.get("/api/goals").json()] == [goal["id"]]


def test_bad_goals_and_steps_are_explained(alice_client: Client, alice: User) -> None:
    empty = post(alice_client, "/api/goals", {"text": "🎯"})
    assert empty.status_code == 422
    assert "Describe the goal in words" in empty.json()["detail"]
    goal = Goal.objects.create(user=alice, text="Read 3 papers", target_date=today())
    late = (today() + dt.timedelta(days=5)).isoformat()
    step = post(alice_client, f"/api/goals/{goal.pk}/steps", {"title": "Paper 1", "due_date": late})
    assert step.status_code == 422
    assert "due after its goal" in step.json()["detail"]


def test_other_peoples_goals_are_not_found(client: Client, alice: User, bob: User) -> None:
    goal = Goal.objects.create(user=alice, text="Read 3 papers")
    client.force_login(bob)
    assert client.get(f"/api/goals/{goal.pk}").status_code == 404
    assert client.get("/api/goals").json() == []


def test_out_of_range_values_are_refused(alice_client: Client) -> None:
    far = post(alice_client, "/api/smart", {"text": "Do 3 mocks", "today": "9999-12-30"})
    assert far.status_code == 422
    huge = post(alice_client, "/api/goals", {"text": "Do 3 mocks", "target_value": 123456789})
    assert huge.status_code == 422
    negative = post(alice_client, "/api/goals", {"text": "Do 3 mocks", "target_value": -5})
    assert negative.status_code == 422


def test_smart_check_takes_no_longer_goal_than_the_page(alice_client: Client) -> None:
    text = "Do 3 mock interviews by Friday. " * 625  # 20,000 characters
    response = post(alice_client, "/api/smart", {"text": text})
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"][-1] == "text"
    assert f"at most {MAX_GOAL_CHARS} characters" in error["msg"]
    assert post(alice_client, "/api/smart", {"text": text[:MAX_GOAL_CHARS]}).status_code == 200


def test_the_decimal_fields_are_documented_and_taken_as_numbers(alice_client: Client) -> None:
    schemas = alice_client.get("/api/openapi.json").json()["components"]["schemas"]
    hours = schemas["StepIn"]["properties"]["estimated_hours"]
    assert (hours["type"], hours["minimum"], hours["maximum"], hours["default"]) == (
        "number", 0.25, 200, 1,
    )  # fmt: skip
    target = schemas["GoalIn"]["properties"]["target_value"]["anyOf"]
    assert [t["type"] for t in target] == ["number", "null"]  # no longer "or any string"
    goal = post(alice_client, "/api/goals", {"text": "Do mock interviews", "target_value": 4.5})
    assert goal.status_code == 201
    assert goal.json()["target_value"] == 4.5
    steps = f"/api/goals/{goal.json()['id']}/steps"
    due = today().isoformat()
    made = post(alice_client, steps, {"title": "A", "due_date": due, "estimated_hours": 1.5})
    assert made.status_code == 201
    assert made.json()["estimated_hours"] == 1.5
    for value, message in [
        ("1.5", "send a number, such as 1.5, not text"),
        (1.234, "no more than 2 decimal places"),
        (0.1, "must be at least 0.25"),
        (200.01, "must be at most 200"),
    ]:
        refused = post(
            alice_client, steps, {"title": "B", "due_date": due, "estimated_hours": value}
        )
        assert refused.status_code == 422
        assert message in refused.json()["detail"][0]["msg"]
    text = post(alice_client, "/api/goals", {"text": "Do mocks", "target_value": "4"})
    assert text.status_code == 422
    zero = post(alice_client, "/api/goals", {"text": "Do mocks", "target_value": 0})
    assert "must be more than 0" in zero.json()["detail"][0]["msg"]


def test_a_goal_made_through_the_api_records_whose_kind_it_is(
    alice_client: Client, alice: User
) -> None:
    read = post(alice_client, "/api/goals", {"text": "Write 2 STAR stories within two weeks"})
    chosen = post(alice_client, "/api/goals", {"text": "Read 2 papers", "kind": "networking"})
    assert Goal.objects.get(pk=read.json()["id"]).kind_suggested is True
    assert Goal.objects.get(pk=chosen.json()["id"]).kind_suggested is False
