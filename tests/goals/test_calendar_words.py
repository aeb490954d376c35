"""The calendar page in plain words: Alice's first address says nothing about an "old one";
a second one says the old one stopped; after a reload it says when it was made and that it
still works. The address is shown in full with a Copy button (copy.js) and a text fallback."""

import html

from django.test import Client
from django.urls import reverse


def make_address(client: Client) -> str:
    page = client.post(reverse("goals:feed_action"), {"action": "create"}, follow=True).text
    return html.unescape(page)


def test_the_first_address_says_nothing_of_an_old_one(alice_client: Client) -> None:
    page = make_address(alice_client)
    assert "Calendar address made: copy it into your calendar now." in page
    assert "old one" not in page.split('id="feed-title"')[0]
    assert "any old one" not in page
    assert 'data-copy="feed-url"' in page
    assert "prepcoach/js/copy.js" in page
    assert "Select the whole address and copy it" in page  # said without JavaScript too


def test_a_second_address_says_the_old_one_stopped(alice_client: Client) -> None:
    make_address(alice_client)
    page = make_address(alice_client)
    assert "New calendar address made; the old one stopped working." in page


def test_after_a_reload_it_says_when_it_was_made(alice_client: Client) -> None:
    make_address(alice_client)
    page = alice_client.get(reverse("goals:calendar")).text
    assert "was made on " in page
    assert "and still works" in page
    assert "works since" not in page
