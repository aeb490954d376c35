"""The reading list a page at a time (issue 15, item 5): Alice has read a lot this year.
Each item's takeaways are rendered alone, by one renderer reused from note to note."""

from __future__ import annotations

import datetime as dt

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.coach.text import markdown_html
from prepcoach.reading.models import ReadingItem
from prepcoach.reading.views import PAGE_SIZE


def add(user: User, n: int, status: str) -> ReadingItem:
    item = ReadingItem.objects.create(user=user, title=f"Item {status} {n:03}", status=status)
    # Newer items first within a status: item 0 is the newest.
    made = timezone.now() - dt.timedelta(hours=n)
    ReadingItem.objects.filter(pk=item.pk).update(created_at=made)
    return item


def test_a_long_list_comes_a_page_at_a_time_to_read_first(
    alice_client: Client, alice: User
) -> None:
    for n in range(70):
        add(alice, n, "done")
    for n in range(40):
        add(alice, n, "to_read")
    for n in range(5):
        add(alice, n, "reading")
    url = reverse("reading:list")
    first = alice_client.get(url).text
    assert "To read (40)" in first
    assert "Reading (5)" in first
    assert "Done (70)" in first  # the whole count, though 5 are on this page
    assert first.count('class="goal-card"') == PAGE_SIZE
    assert "Item to_read 000" in first
    assert first.index("Item to_read 039") < first.index("Item reading 000")
    assert "Item done 004" in first
    assert "Item done 005" not in first
    assert "Page 1 of 3" in first
    assert '<a href="?page=2">Next' in first
    last = alice_client.get(url, {"page": "3"}).text
    assert last.count('class="goal-card"') == 115 - 2 * PAGE_SIZE
    assert "Item done 069" in last
    assert "To read (40)" not in last  # no item of it on this page
    assert "Done (70)" in last
    assert alice_client.get(url, {"page": "99"}).text.count("Page 3 of 3") == 1
    assert "Page 1 of 3" in alice_client.get(url, {"page": "nonsense"}).text


def test_a_short_list_has_no_pager(alice_client: Client, alice: User) -> None:
    add(alice, 0, "to_read")
    page = alice_client.get(reverse("reading:list")).text
    assert "To read (1)" in page
    assert 'class="pager"' not in page


def test_one_note_never_reaches_into_the_next() -> None:
    first = markdown_html("See [the paper][ref].\n\n[ref]: https://example.com/paper")
    assert '<a href="https://example.com/paper"' in first
    second = markdown_html("See [the paper][ref].")
    assert "<a" not in second
    assert second == "<p>See [the paper][ref].</p>"
    assert markdown_html("**bold** <script>x</script>") == markdown_html(
        "**bold** <script>x</script>"
    )
