"""The patterns page keeps each entry's sentence vector (issue 15, item 5): a second look
embeds nothing, an edited entry is embedded again, a deleted one's vector goes, and the themes
are the ones the model finds when asked afresh. Alice writes retrospectives; Bob has his own."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.embeddings import model_name
from prepcoach.coach.patterns import Embedder, Entry, find_themes
from prepcoach.reflection import patterns
from prepcoach.reflection.models import EntryVector, Retrospective
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


def test_a_second_look_embeds_nothing(
    alice_client: Client, alice: User, counting: Counting
) -> None:
    retros = [
        Retrospective.objects.create(user=alice, role=f"Analyst {n}", energised=text)
        for n, text in enumerate(ENERGISED)
    ]
    first = main(alice_client.get(reverse("reflection:patterns")).text)
    assert sorted(counting.texts) == sorted(ENERGISED)
    assert EntryVector.objects.filter(user=alice, model=model_name()).count() == 4
    counting.texts.clear()
    assert "3 of your 4 energising projects" in first
    assert main(alice_client.get(reverse("reflection:patterns")).text) == first
    assert counting.texts == []

    retros[2].energised = "Mentoring the graduate intake on SQL."
    retros[2].save()
    retros[0].delete()
    alice_client.get(reverse("reflection:patterns"))
    assert counting.texts == ["Mentoring the graduate intake on SQL."]
    assert EntryVector.objects.filter(user=alice).count() == 3  # the old texts' vectors went


def test_kept_vectors_find_the_themes_a_fresh_model_finds(
    alice: User, bob: User, counting: Counting
) -> None:
    for text in ENERGISED:
        Retrospective.objects.create(user=alice, role="Analyst", energised=text)
        Retrospective.objects.create(user=bob, role="Bob", energised=text + " Bob was there.")
    fresh, _ = patterns.themes_for(alice)
    kept, _ = patterns.themes_for(alice)  # from the stored vectors
    entries = [Entry(f"e{n}", t, "energising project") for n, t in enumerate(ENERGISED)]
    direct = find_themes(entries, embedder=counting.model)
    assert [t.theme.sentence for t in kept] == [t.theme.sentence for t in fresh]
    assert [t.sentence for t in direct] == [t.theme.sentence for t in kept]
    assert EntryVector.objects.filter(user=bob).count() == 0  # Bob's page not looked at
