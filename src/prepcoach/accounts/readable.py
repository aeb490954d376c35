"""The archive's readable half: everything a user owns as Markdown, one file per part of the
journey (`readable/goals.md`: goals with their steps, check-ins and milestones; `jobs.md`:
jobs with their facts and interviews; `practice.md`: answers with their transcripts...).

Laid out from the models like the JSON half, so a new table appears without editing this file:
each app's tables that hang off no other table of the same app are sections, and a table whose
required link points at one of them is listed under each of its rows.

The user's words are written so that they stay words in Markdown (`coach.escape`): a one-line
value never becomes a heading, a list, a link or HTML, and a longer text keeps its Markdown
but not its raw HTML.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.apps import apps
from django.db import models
from django.utils import timezone

from prepcoach.accounts import archive
from prepcoach.coach.escape import markdown_source, markdown_text

TRANSCRIPT_KEY = "transcript"  # an answer's analysis keeps what was heard under this key


def render(user: models.Model, owned: archive.Owned) -> dict[str, str]:
    """File name → Markdown, for every app with something of the user's in it."""
    by_app: dict[str, list[type[models.Model]]] = {}
    for model in archive.exported_models():
        if not model._meta.auto_created:
            by_app.setdefault(model._meta.app_label, []).append(model)
    out: dict[str, str] = {}
    for app_label, app_models in by_app.items():
        lines: list[str] = []
        for model in app_models:
            if _parent_in(model, app_models) is not None:
                continue
            rows = _rows(model, owned)
            if not rows:
                continue
            lines += [f"## {_title(model._meta.verbose_name_plural)}", ""]
            for obj in rows:
                lines += _row(obj, app_models, owned, level=3)
        if lines:
            app_name = str(apps.get_app_config(app_label).verbose_name)
            out[f"{app_label}.md"] = "\n".join([f"# {app_name}", "", *lines]).rstrip() + "\n"
    return out


def _title(name: Any) -> str:
    text = str(name)
    return text[:1].upper() + text[1:]


def _rows(model: type[models.Model], owned: archive.Owned) -> list[models.Model]:
    ids = owned.get(archive.label_of(model), set())
    return list(model._base_manager.filter(pk__in=ids).order_by("pk")) if ids else []


def _parent_in(
    model: type[models.Model], family: list[type[models.Model]]
) -> models.ForeignKey[Any, Any] | None:
    for f in archive.parent_fields(model):
        if not f.null and f.related_model in family and f.related_model is not model:
            return f
    return None


def _row(
    obj: models.Model, family: list[type[models.Model]], owned: archive.Owned, level: int
) -> list[str]:
    lines = [f"{'#' * level} {_one_line(str(obj))}", ""]
    paragraphs: list[str] = []
    secrets = archive.secret_fields(type(obj))
    for f in type(obj)._meta.concrete_fields:
        if f.primary_key or f.is_relation or f.name in secrets:
            continue
        label = _title(f.verbose_name)
        value = getattr(obj, f.attname)
        if isinstance(f, models.FileField):
            if value:
                lines.append(f"- **{label}**: [{value.name}](../media/{value.name})")
        elif isinstance(f, models.JSONField):
            text = _json_words(value)
            if text:
                paragraphs += [f"**{label}**:", "", markdown_source(text), ""]
        elif isinstance(value, str) and ("\n" in value or len(value) > 120):
            paragraphs += [f"**{label}**:", "", markdown_source(value.strip()), ""]
        elif value not in (None, ""):
            shown = getattr(obj, f"get_{f.name}_display")() if f.choices else value
            lines.append(f"- **{label}**: {_words(shown)}")
    lines += ["", *paragraphs] if paragraphs else [""]
    for child in family:
        link = _parent_in(child, family)
        if link is None or link.related_model is not type(obj):
            continue
        ids = owned.get(archive.label_of(child), set())
        rows = child._base_manager.filter(pk__in=ids, **{link.attname: obj.pk}).order_by("pk")
        if rows:
            lines += [f"{'#' * (level + 1)} {_title(child._meta.verbose_name_plural)}", ""]
            for row in rows:
                lines += _row(row, family, owned, min(level + 2, 6))
    return lines


def _json_words(value: Any) -> str:
    """The readable part of a JSON column: a list of words, or an analysis's transcript."""
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return ", ".join(value)
    if isinstance(value, dict) and isinstance(value.get(TRANSCRIPT_KEY), str):
        return str(value[TRANSCRIPT_KEY]).strip()
    return ""


def _words(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value, dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    if isinstance(value, bool):
        return "yes" if value else "no"
    return _one_line(str(value))


def _one_line(text: str) -> str:
    """One line of the user's words, shown as typed in Markdown."""
    return markdown_text(text)
