"""The one text rule (`coach.characters.text_problem`) on every face: a Django validator that
every form's text field carries, and the base schema every JSON API input derives from.

Forms: `install()` (from the accounts app's `ready`) gives `forms.CharField` the validator by
default, so every text field of every form refuses what the API refuses, with the same words.
The API: `TextInput` checks every string of every field of a request body, nested values
included, and answers 422 naming the field, before anything reaches the database.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from ninja import Schema
from pydantic import ValidationInfo, field_validator

from prepcoach.coach.characters import text_problem


def validate_text(value: object) -> None:
    """Django validator: a text that cannot be stored is refused with a message saying where."""
    if isinstance(value, str) and (problem := text_problem(value)):
        raise ValidationError(problem.message, code="bad_character")


def install() -> None:
    """Every form text field (CharField and its text subclasses) checks with `validate_text`."""
    if validate_text not in forms.CharField.default_validators:
        forms.CharField.default_validators = [*forms.CharField.default_validators, validate_text]


def first_problem(data: Any, where: str = "") -> str | None:
    """The first string in a decoded JSON value that cannot be stored, as "field: message"."""
    if isinstance(data, str):
        problem = text_problem(data)
        return f"{where or 'body'}: {problem.message}" if problem else None
    if isinstance(data, dict):
        for key, value in data.items():
            name = f"{where}.{key}" if where else str(key)
            found = first_problem(str(key), name) or first_problem(value, name)
            if found:
                return found
    if isinstance(data, list):
        for index, value in enumerate(data):
            found = first_problem(value, f"{where}[{index}]")
            if found:
                return found
    return None


class TextInput(Schema):
    """Base of every API input: no string in it holds a character the forms refuse (keys the
    schema does not name are dropped unread, so only its fields are checked)."""

    @field_validator("*", mode="before")
    @classmethod
    def storable_text(cls, value: Any, info: ValidationInfo) -> Any:
        if problem := first_problem(value, info.field_name or ""):
            raise ValueError(problem)
        return value
