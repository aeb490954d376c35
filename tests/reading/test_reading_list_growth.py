"""The reading list stays quick as it grows (issue 15, item 5): the same queries with 500 items
as with 10, and each takeaway rendered once per process: the page shown again renders no
Markdown, and an edited takeaway shows its new words at once. Alice reads a lot."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach import text
from prepcoach.reading import models
from prepcoach.reading.models import ReadingItem
from tests.support import page_queries


def add(user: User, first: int, last: int) -> None:
    ReadingItem.objects.bulk_create(
        ReadingItem(user=user, title=f"Paper {n}", status=("to_read", "reading", "done")[n % 3],
                    takeaways=f"**Point {n}**: a [source](https://example.org/{n})")
        for n in range(first, last)
    )  # fmt: skip


def queries(client: Client) -> int:
    return len(page_queries(client, reverse("reading:list")))


def test_the_list_asks_as_often_with_500_items_as_with_10(
    alice_client: Client, alice: User
) -> None:
    add(alice, 0, 10)
    few = queries(alice_client)
    add(alice, 10, 500)
    assert queries(alice_client) == few


class Rendering:
    """The real Markdown renderer, counting the notes it is given."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.real = text.markdown_html

    def __call__(self, note: str) -> str:
        self.texts.append(note)
        return self.real(note)


@pytest.fixture
def rendering(monkeypatch: pytest.MonkeyPatch) -> Rendering:
    spy = Rendering()
    monkeypatch.setattr(models, "markdown_html", spy)
    models._kept_html.cache_clear()
    return spy


def test_takeaways_are_rendered_once_and_an_edit_shows_at_once(
    alice_client: Client, alice: User, rendering: Rendering
) -> None:
    add(alice, 0, 60)
    first = alice_client.get(reverse("reading:list")).text
    assert len(rendering.texts) == 50  # the first page's notes
    assert '<strong>Point 3</strong>: a <a href="https://example.org/3"' in first
    rendering.texts.clear()
    assert alice_client.get(reverse("reading:list")).text.count("<strong>Point") == 50
    assert rendering.texts == []
    item = ReadingItem.objects.get(user=alice, title="Paper 3")
    item.takeaways = "Now *with* emphasis"
    item.save()
    page = alice_client.get(reverse("reading:list")).text
    assert "Now <em>with</em> emphasis" in page
    assert "<strong>Point 3</strong>" not in page
    assert rendering.texts == ["Now *with* emphasis"]
