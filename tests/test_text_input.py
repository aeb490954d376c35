"""Forms and the JSON API refuse the same text with the same words (issue 11, class 5): NUL
bytes, lone surrogates and other control characters give a 422 or a form error naming the
field, never a 500 on either database, and nothing is stored."""

import importlib
import inspect
import json
import pkgutil
from typing import Any

import pytest
from django import forms
from django.test import Client
from django.urls import reverse
from ninja import Schema

import prepcoach
from prepcoach.accounts.models import User
from prepcoach.goals.models import Goal, Step
from prepcoach.jobs.models import Opportunity
from prepcoach.text_input import TextInput, validate_text

# Raw JSON, so the lone surrogate travels as JSON's own escape, as an attacker sends it.
BAD = {"NUL": r"Do 3 mocks\u0000", "lone surrogate": r"Do 3 mocks \ud800", "escape": r"\u001b[2J"}


def post_raw(client: Client, path: str, body: str) -> Any:
    return client.post(path, body, content_type="application/json")


@pytest.mark.parametrize("kind", BAD)
def test_the_api_refuses_what_no_database_stores_with_a_422_naming_the_field(
    alice_client: Client, alice: User, kind: str
) -> None:
    bad = BAD[kind]
    goal = Goal.objects.create(user=alice, text="Read 3 papers")
    cases = [
        ("/api/smart", f'{{"text": "{bad}"}}', "text"),
        ("/api/goals", f'{{"text": "Do 3 mocks", "why": "{bad}"}}', "why"),
        (f"/api/goals/{goal.pk}/steps", f'{{"title": "{bad}", "due_date": "2030-01-01"}}', "title"),
        ("/api/analyze", f'{{"text": "I led it.", "question": "{bad}"}}', "question"),
    ]
    for path, body, field in cases:
        response = post_raw(alice_client, path, body)
        assert response.status_code == 422, (path, response.content)
        detail = json.dumps(response.json())
        assert f"{field}: The text holds" in detail
        assert "remove it and send again" in detail
    assert Goal.objects.filter(user=alice).count() == 1
    assert not Step.objects.exists()


def test_every_api_input_uses_the_one_validator() -> None:
    inputs = []
    for module in pkgutil.walk_packages(prepcoach.__path__, "prepcoach."):
        if module.name.endswith(".api"):
            found = importlib.import_module(module.name)
            inputs += [
                cls for _, cls in inspect.getmembers(found, inspect.isclass)
                if issubclass(cls, Schema) and cls.__name__.endswith("In")
                and cls.__module__ == found.__name__
            ]  # fmt: skip
    assert {c.__name__ for c in inputs} >= {"SmartIn", "GoalIn", "StepIn", "AnalyzeIn"}
    assert [c.__name__ for c in inputs if not issubclass(c, TextInput)] == []


def test_every_form_text_field_carries_the_validator() -> None:
    assert validate_text in forms.CharField().validators
    assert validate_text in forms.CharField(widget=forms.Textarea).validators


def test_a_form_refuses_the_same_text_with_the_same_words_and_keeps_the_input(
    alice_client: Client, alice: User
) -> None:
    data = {"company": "Acme\x0bHealth", "role": "Reporting analyst", "stage": "applied",
            "job_description": "We hire analysts.", "interview_dates": ""}  # fmt: skip
    response = alice_client.post(reverse("research:opportunity_new"), data)
    assert response.status_code == 200
    assert "The text holds a vertical tab (U+000B) at character 5" in response.text
    assert "Reporting analyst" in response.text  # nothing typed is lost
    assert not Opportunity.objects.filter(user=alice).exists()
