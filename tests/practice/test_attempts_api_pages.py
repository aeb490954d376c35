"""GET /api/attempts a page at a time (issue 15, item 5): Alice has answered 45 times this
year, Bob once. Pages are newest first, counted, bounded, and only hers."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from prepcoach.accounts.models import AccessToken, User
from prepcoach.api_contract import MAX_PAGE
from prepcoach.practice.models import Attempt, Question


@pytest.fixture
def answers(alice: User, bob: User, question: Question) -> list[int]:
    now = timezone.now()
    made = []
    for n in range(45):
        attempt = Attempt.objects.create(
            user=alice, question=question, question_text=question.text, text=f"Answer {n}"
        )
        Attempt.objects.filter(pk=attempt.pk).update(created_at=now - dt.timedelta(days=n))
        made.append(attempt.pk)
    Attempt.objects.create(user=bob, question=question, question_text=question.text, text="Bob")
    return made  # newest first


@pytest.fixture
def auth(alice: User) -> dict[str, str]:
    _, secret = AccessToken.issue(alice, "script")
    return {"Authorization": f"Bearer {secret}"}


def test_pages_walk_every_answer_newest_first_once(
    client: Client, auth: dict[str, str], answers: list[int]
) -> None:
    first = client.get("/api/attempts", headers=auth).json()
    assert first["count"] == 45
    assert [a["id"] for a in first["items"]] == answers[:20]  # 20 unless asked
    seen: list[int] = []
    for offset in range(0, 45, 15):
        page = client.get("/api/attempts", {"limit": 15, "offset": offset}, headers=auth).json()
        seen += [a["id"] for a in page["items"]]
    assert seen == answers
    beyond = client.get("/api/attempts", {"offset": 45}, headers=auth).json()
    assert beyond == {"items": [], "count": 45}


@pytest.mark.parametrize(
    "query", [{"limit": 0}, {"limit": MAX_PAGE + 1}, {"offset": -1}, {"limit": "ten"}]
)
def test_a_page_out_of_bounds_is_a_422_naming_it(
    client: Client, auth: dict[str, str], answers: list[int], query: dict[str, str | int]
) -> None:
    response = client.get("/api/attempts", query, headers=auth)
    assert response.status_code == 422
    (issue,) = response.json()["detail"]
    assert issue["loc"][-1] == next(iter(query))


def test_the_schema_documents_the_page(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()
    operation = schema["paths"]["/api/attempts"]["get"]
    params = {p["name"]: p["schema"] for p in operation["parameters"]}
    assert params["limit"]["maximum"] == MAX_PAGE
    assert params["limit"]["minimum"] == 1
    assert params["offset"]["minimum"] == 0
    assert set(operation["responses"]) == {"200", "401", "422"}
    paged = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    fields = schema["components"]["schemas"][paged.rsplit("/", 1)[1]]["properties"]
    assert set(fields) == {"items", "count"}
