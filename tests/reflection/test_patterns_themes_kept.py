"""The patterns page reads the themes the worker kept (issue 15, item 5): saving an entry keeps
its themes, the page then finds nothing itself and shows exactly what it would have found, an
entry changed since (the worker not done yet) is never shown with the old themes, and the page
asks the database as often with 50 entries as with 5. Alice writes retrospectives."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.patterns import Entry, Theme, find_themes
from prepcoach.reflection import patterns
from prepcoach.reflection.models import Retrospective, ThemeSet
from tests.reflection.test_patterns import ENERGISED
from tests.reflection.test_patterns_vectors import main
from tests.support import page_queries


class Finding:
    """The real theme finder, counting how often it is asked."""

    def __init__(self) -> None:
        self.calls = 0
        self.real = find_themes

    def __call__(self, entries: Sequence[Entry], **kwargs: Any) -> list[Theme]:
        self.calls += 1
        return self.real(entries, **kwargs)


@pytest.fixture
def finding(sentence_model: None, monkeypatch: pytest.MonkeyPatch) -> Finding:
    spy = Finding()
    monkeypatch.setattr(patterns, "find_themes", spy)
    return spy


def write(user: User, texts: Sequence[str], callbacks: Any) -> list[Retrospective]:
    with callbacks(execute=True):  # the worker's task, once committed
        return [
            Retrospective.objects.create(user=user, role=f"Analyst {n}", energised=text)
            for n, text in enumerate(texts)
        ]


def test_the_page_shows_the_kept_themes_as_it_would_find_them(
    alice_client: Client,
    alice: User,
    finding: Finding,
    django_capture_on_commit_callbacks: Any,
) -> None:
    write(alice, ENERGISED, django_capture_on_commit_callbacks)
    assert ThemeSet.objects.filter(user=alice).count() == 1
    finding.calls = 0
    kept = main(alice_client.get(reverse("reflection:patterns")).text)
    assert finding.calls == 0  # read, not found again
    assert "3 of your 4 energising projects" in kept
    ThemeSet.objects.filter(user=alice).delete()
    fresh = main(alice_client.get(reverse("reflection:patterns")).text)
    assert finding.calls == 1
    assert kept == fresh


def test_an_entry_changed_since_is_never_shown_with_the_old_themes(
    alice_client: Client,
    alice: User,
    finding: Finding,
    django_capture_on_commit_callbacks: Any,
) -> None:
    retros = write(alice, ENERGISED, django_capture_on_commit_callbacks)
    before = ThemeSet.objects.get(user=alice)
    retros[3].energised = "Rebuilding the reporting load jobs with the data team."
    retros[3].save()  # the worker has not run: the kept themes are of the old words
    finding.calls = 0
    page = main(alice_client.get(reverse("reflection:patterns")).text)
    assert finding.calls == 1
    assert "2 of your 4 energising projects" in page
    assert "3 of your 4 energising projects" not in page
    assert ThemeSet.objects.get(user=alice).digest == before.digest  # the page wrote nothing


def queries(client: Client) -> int:
    return len(page_queries(client, reverse("reflection:patterns")))


def test_the_page_asks_as_often_with_50_entries_as_with_5(
    alice_client: Client,
    alice: User,
    finding: Finding,
    django_capture_on_commit_callbacks: Any,
) -> None:
    few = [f"{text} Round {n}." for n, text in enumerate(ENERGISED + ENERGISED[:1])]
    write(alice, few, django_capture_on_commit_callbacks)
    before = queries(alice_client)
    many = [f"{ENERGISED[n % 4]} Round {n}." for n in range(5, 50)]
    write(alice, many, django_capture_on_commit_callbacks)
    finding.calls = 0
    assert queries(alice_client) == before
    assert finding.calls == 0
