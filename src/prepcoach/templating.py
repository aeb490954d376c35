"""Template filters every page may use (registered as builtins in settings)."""

from collections.abc import Mapping
from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: Mapping[Any, Any] | None, key: Any) -> Any:
    """{{ priorities|get_item:step.pk }}: look a value up by a key held in a variable."""
    if not mapping:
        return None
    return mapping.get(key)


@register.filter
def split_words(text: str) -> list[str]:
    """{% for part in "situation task action result"|split_words %}"""
    return text.split()
