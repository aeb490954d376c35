"""The patterns page keeps each entry's sentence vector (issue 15, item 5): the worker keeps
them after an entry is saved (a look then embeds nothing), an edited entry is embedded again, a
deleted one's vector goes, the page itself writes nothing, and the themes are the ones the
model finds when asked afresh. Alice writes retrospectives; Bob has his own."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.embeddings import model_name
from prepcoach.coach.patterns import Embedder, Entry, find_themes
from prepcoach.reflection import patterns
from prepcoach.reflection.models import EntryVector, Retrospective
from prepcoach.reflection.tasks import refresh_entry_vectors
from tests.reflection.test_patterns import ENERGISED


class Counting:
    """The real model, counting the texts it is asked to embed."""

    def __init__(self, model: Embedder) -> None:
        self.model, self.texts = model, list[str]()

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        self.texts += texts
        return self.model.embed(texts)


def main(page: str) -> str:
    """The page's content, without the per-request CSRF token of its head."""
    return page[page.index("<main") : page.index("</main>")]


@pytest.fixture
def counting(sentence_model: None, monkeypatch: pytest.MonkeyPatch) -> Counting:
    model = patterns._embedder()
    assert model is not None
    spy = Counting(model)
    monkeypatch.setattr(patterns, "_embedder", lambda: spy)
    return spy


def test_saving_keeps_the_vectors_and_a_look_embeds_nothing(
    alice_client: Client,
    alice: User,
    counting: Counting,
    django_capture_on_commit_callbacks: Any,
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # the worker's task, once committed
        retros = [
            Retrospective.objects.create(user=alice, role=f"Analyst {n}", energised=text)
            for n, text in enumerate(ENERGISED)
        ]
    assert sorted(counting.texts) == sorted(ENERGISED)
    assert EntryVector.objects.filter(user=alice, model=model_name()).count() == 4
    counting.texts.clear()
    first = main(alice_client.get(reverse("reflection:patterns")).text)
    assert "3 of your 4 energising projects" in first
    assert counting.texts == []

    with django_capture_on_commit_callbacks(execute=True):
        retros[2].energised = "Mentoring the graduate intake on SQL."
        retros[2].save()
        retros[0].delete()
    assert counting.texts == ["Mentoring the graduate intake on SQL."]
    assert EntryVector.objects.filter(user=alice).count() == 3  # the old texts' vectors went
    counting.texts.clear()
    alice_client.get(reverse("reflection:patterns"))
    assert counting.texts == []


def test_the_page_writes_nothing_and_embeds_what_is_not_kept_yet_in_memory(
    alice_client: Client, alice: User, counting: Counting
) -> None:
    """Alice's entries are saved but the worker has not kept their vectors yet (the commit
    callbacks are not run here): the page embeds them in memory and writes no row."""
    for n, text in enumerate(ENERGISED):
        Retrospective.objects.create(user=alice, role=f"Analyst {n}", energised=text)
    EntryVector.objects.create(user=alice, model="an old model 0.1", text_hash="0" * 64, vector=b"")
    alice_client.get(reverse("reflection:patterns"))  # the session and the model warmed up
    counting.texts.clear()
    with CaptureQueriesContext(connection) as queries:
        page = alice_client.get(reverse("reflection:patterns"))
    assert page.status_code == 200
    assert "3 of your 4 energising projects" in page.text
    assert sorted(counting.texts) == sorted(ENERGISED)  # embedded for this view
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
    assert list(EntryVector.objects.filter(user=alice).values_list("model", flat=True)) == [
        "an old model 0.1"
    ]
    assert refresh_entry_vectors.call(alice.pk) == 4  # the worker keeps them, and drops the old
    assert set(EntryVector.objects.filter(user=alice).values_list("model", flat=True)) == {
        model_name()
    }


def test_kept_vectors_find_the_themes_a_fresh_model_finds(
    alice: User, bob: User, counting: Counting
) -> None:
    for text in ENERGISED:
        Retrospective.objects.create(user=alice, role="Analyst", energised=text)
        Retrospective.objects.create(user=bob, role="Bob", energised=text + " Bob was there.")
    fresh, _ = patterns.themes_for(alice)  # embedded in memory: none kept yet
    assert refresh_entry_vectors.call(alice.pk) == 4
    kept, _ = patterns.themes_for(alice)  # from the stored vectors
    entries = [Entry(f"e{n}", t, "energising project") for n, t in enumerate(ENERGISED)]
    direct = find_themes(entries, embedder=counting.model)
    assert [t.theme.sentence for t in kept] == [t.theme.sentence for t in fresh]
    assert [t.sentence for t in direct] == [t.theme.sentence for t in kept]
    assert EntryVector.objects.filter(user=bob).count() == 0  # Bob's not refreshed
