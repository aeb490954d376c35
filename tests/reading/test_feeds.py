"""Feeds fetched for real over HTTP from a server on loopback, into the user's inbox."""

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.dashboard.tasks import send_digests
from prepcoach.reading.models import DigestSettings, Feed, FeedItem, ReadingItem
from prepcoach.reading.tasks import fetch_feeds
from tests.conftest import make_user
from tests.support import a_morning_zone, free_port

ITEM = (
    "<item><title>{title}</title><link>https://example.org/{n}</link><guid>g{n}</guid>"
    "<description>About &lt;b&gt;{title}&lt;/b&gt;</description></item>"
)


def rss(*titles: str) -> bytes:
    items = "".join(ITEM.format(title=t, n=n) for n, t in enumerate(titles))
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Health data weekly</title>'
            f"{items}</channel></rss>").encode()  # fmt: skip


class Site:
    """What the loopback server answers, per path; tests change it between fetches."""

    def __init__(self) -> None:
        self.pages: dict[str, tuple[int, str, bytes]] = {}


@pytest.fixture
def site() -> Iterator[tuple[str, Site]]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status, kind, body = state.pages.get(self.path, (404, "text/plain", b"not here"))
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", state
    finally:
        server.shutdown()
        server.server_close()


def follow(client: Client, url: str) -> Any:
    return client.post(reverse("reading:feeds"), {"url": url}, follow=True)


def test_a_followed_feed_fills_the_inbox(alice_client: Client, site: tuple[str, Site]) -> None:
    base, state = site
    state.pages["/feed.xml"] = (
        200,
        "application/rss+xml",
        rss("Dashboard standard", "SQL in clinics"),
    )
    page = follow(alice_client, base + "/feed.xml").text
    assert "Following Health data weekly: 2 items in your inbox." in page
    assert "Dashboard standard" in page
    assert "About Dashboard standard" in page
    assert "&lt;b&gt;" not in page  # summaries are plain text
    feeds = alice_client.get(reverse("reading:feeds")).text
    assert "checked just now" in feeds  # never "checked 0 minutes ago" (issue 12, class 1)
    assert "0 minutes" not in feeds


def test_new_items_arrive_once_and_read_items_stay_read(alice_client: Client, alice: User, site: tuple[str, Site], settings: object) -> None:  # fmt: skip
    base, state = site
    state.pages["/feed.xml"] = (200, "application/rss+xml", rss("First"))
    follow(alice_client, base + "/feed.xml")
    first = FeedItem.objects.get()
    alice_client.post(reverse("reading:item_action", args=[first.pk]), {"action": "read"})
    state.pages["/feed.xml"] = (200, "application/rss+xml", rss("First", "Second"))
    settings.FEED_REFRESH_SECONDS = 0  # type: ignore[attr-defined]
    assert fetch_feeds.call() == 1  # one feed queued (the tests run each task at once)
    assert sorted(FeedItem.objects.values_list("title", "status")) == [
        ("First", "read"),
        ("Second", "new"),
    ]


def test_save_puts_an_item_on_the_reading_list_and_undo_brings_it_back(alice_client: Client, alice: User, site: tuple[str, Site]) -> None:  # fmt: skip
    base, state = site
    state.pages["/feed.xml"] = (200, "application/rss+xml", rss("Dashboard standard"))
    follow(alice_client, base + "/feed.xml")
    item = FeedItem.objects.get()
    url = reverse("reading:item_action", args=[item.pk])
    row = alice_client.post(url, {"action": "save"}, headers={"HX-Request": "true"}).text
    assert "Saved to your reading list." in row
    assert "Undo" in row
    assert ReadingItem.objects.get(user=alice).link == "https://example.org/0"
    alice_client.post(url, {"action": "undo"})
    assert not ReadingItem.objects.exists()
    assert "Dashboard standard" in alice_client.get(reverse("reading:feeds")).text
    alice_client.post(url, {"action": "dismiss"})
    assert "Your inbox is empty." in alice_client.get(reverse("reading:feeds")).text


@pytest.mark.parametrize(
    ("path", "page", "message"),
    [
        ("/blog", (200, "text/html", b"<!DOCTYPE html><html><body>A blog</body></html>"), "is a web page, not a feed"),
        ("/broken.xml", (200, "application/xml", b"<?xml version='1.0'?><rss><channel><item><title>Bro"), "did not return a readable feed"),
        ("/gone.xml", (500, "text/plain", b"oops"), "answered “500 Internal Server Error”"),
    ],
)  # fmt: skip
def test_a_bad_feed_is_explained(alice_client: Client, site: tuple[str, Site], path: str, page: tuple[int, str, bytes], message: str) -> None:  # fmt: skip
    base, state = site
    state.pages[path] = page
    text = follow(alice_client, base + path).text
    assert message in text
    assert Feed.objects.get().problem  # kept, with the reason, to try again later


def test_a_feed_that_goes_down_keeps_its_items(alice_client: Client, site: tuple[str, Site], settings: object) -> None:  # fmt: skip
    base, state = site
    state.pages["/feed.xml"] = (200, "application/rss+xml", rss("Kept"))
    follow(alice_client, base + "/feed.xml")
    feed = Feed.objects.get()
    feed.url = f"http://127.0.0.1:{free_port()}/feed.xml"  # nothing listens there
    feed.save()
    settings.FEED_REFRESH_SECONDS = 0  # type: ignore[attr-defined]
    fetch_feeds.call()
    feed.refresh_from_db()
    assert feed.problem.startswith("Could not read a feed from 127.0.0.1")
    assert list(FeedItem.objects.values_list("title", flat=True)) == ["Kept"]
    assert "Could not read a feed from 127.0.0.1" in alice_client.get(reverse("reading:feeds")).text


def test_the_same_feed_twice_is_refused(alice_client: Client, site: tuple[str, Site]) -> None:
    base, state = site
    state.pages["/feed.xml"] = (200, "application/rss+xml", rss("One"))
    follow(alice_client, base + "/feed.xml")
    assert "You already follow that feed." in follow(alice_client, base + "/feed.xml").text
    assert Feed.objects.count() == 1


def test_others_inbox_items_are_not_found(client: Client, alice_client: Client, site: tuple[str, Site]) -> None:  # fmt: skip
    base, state = site
    state.pages["/feed.xml"] = (200, "application/rss+xml", rss("Private"))
    follow(alice_client, base + "/feed.xml")
    item = FeedItem.objects.get()
    other = Client()
    other.force_login(make_user("bob@example.com"))
    assert (
        other.post(
            reverse("reading:item_action", args=[item.pk]), {"action": "dismiss"}
        ).status_code
        == 404
    )


def test_the_digest_mails_new_and_saved_items_once(db: None, site: tuple[str, Site]) -> None:
    base, state = site
    state.pages["/feed.xml"] = (200, "application/rss+xml", rss("Dashboard standard"))
    carol = make_user("carol@example.com", time_zone=a_morning_zone())
    DigestSettings.objects.create(user=carol, frequency="daily")
    Feed.objects.create(user=carol, url=base + "/feed.xml")
    ReadingItem.objects.create(user=carol, title="Causal inference course", kind="course")
    make_user("dave@example.com")  # never asked
    fetch_feeds.call()
    assert send_digests.call() == 1
    (message,) = mail.outbox
    assert message.to == ["carol@example.com"]
    assert "Dashboard standard" in message.body
    assert "Causal inference course" in message.body
    assert "/digest/\n" in message.body.split("Open the digest: ")[1]
    assert send_digests.call() == 0


def test_the_digest_page_shows_the_same_and_sets_the_frequency(
    alice_client: Client, alice: User
) -> None:
    ReadingItem.objects.create(user=alice, title="Causal inference course", kind="course")
    # The digest moved to the dashboard: an old link lands there.
    page = alice_client.get(reverse("reading:digest"), follow=True).text
    assert "Causal inference course" in page
    assert "Nothing new." in page
    alice_client.post(reverse("dashboard:digest"), {"frequency": "weekly"})
    assert DigestSettings.objects.get(user=alice).frequency == "weekly"


def test_addresses_inside_the_servers_network_are_refused(alice_client: Client, site: tuple[str, Site], settings: object) -> None:  # fmt: skip
    """On a shared server, a stranger's feed must not make it fetch from its own network."""
    base, state = site
    state.pages["/feed.xml"] = (200, "application/rss+xml", rss("Internal"))
    settings.FEEDS_ALLOW_PRIVATE_ADDRESSES = False  # type: ignore[attr-defined]
    page = follow(alice_client, base + "/feed.xml").text
    assert "is an address inside this server&#x27;s network" in page
    assert not FeedItem.objects.exists()


def test_a_feed_that_drips_is_cut_off(db: None, site: tuple[str, Site], monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    from prepcoach.reading import fetch

    base, state = site
    state.pages["/slow.xml"] = (
        200,
        "application/rss+xml",
        rss(*[f"Item {n}" for n in range(3000)]),
    )
    monkeypatch.setattr(fetch, "DEADLINE_SECONDS", 0)
    assert "took over 0 s to send the feed" in fetch.download(base + "/slow.xml").problem


def test_odd_entries_do_not_keep_the_rest_out(alice_client: Client, site: tuple[str, Site]) -> None:
    base, state = site
    odd = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Odd</title>'
           b"<item><title>A&#0;B</title><guid>nul</guid></item>"
           b"<item><title>Far future</title><guid>y</guid><pubDate>Fri, 31 Dec 9999 23:59:59 -1400</pubDate></item>"
           b"<item><title>Mentions &lt;html&gt; tags</title><guid>h</guid><description><![CDATA[<html> in text]]></description></item>"
           b"</channel></rss>")  # fmt: skip
    state.pages["/odd.xml"] = (200, "application/rss+xml", odd)
    follow(alice_client, base + "/odd.xml")
    assert sorted(FeedItem.objects.values_list("title", flat=True)) == [
        "AB",
        "Far future",
        "Mentions tags",  # a tag in a title is dropped: titles are plain text
    ]


def test_undo_never_removes_an_entry_the_user_made_themselves(alice_client: Client, alice: User, site: tuple[str, Site]) -> None:  # fmt: skip
    base, state = site
    state.pages["/feed.xml"] = (200, "application/rss+xml", rss("Dashboard standard"))
    follow(alice_client, base + "/feed.xml")
    mine = ReadingItem.objects.create(
        user=alice, title="Dashboard standard", link="https://example.org/0"
    )
    item = FeedItem.objects.get()
    url = reverse("reading:item_action", args=[item.pk])
    alice_client.post(url, {"action": "save"})
    alice_client.post(url, {"action": "undo"})
    assert list(ReadingItem.objects.all()) == [mine]


def test_a_digest_of_many_items_says_how_many_more(db: None) -> None:
    from prepcoach.reading.digest import LISTED

    carol = make_user("carol@example.com", time_zone=a_morning_zone())
    DigestSettings.objects.create(user=carol, frequency="daily")
    feed = Feed.objects.create(user=carol, url="https://example.org/feed.xml")
    FeedItem.objects.bulk_create(
        FeedItem(feed=feed, guid=str(n), title=f"Item {n}") for n in range(LISTED + 30)
    )
    assert send_digests.call() == 1
    (message,) = mail.outbox
    assert message.subject == (
        f"prepcoach: your day: 0 steps due, 0 areas to work on, {LISTED + 30} new items to read"
    )
    assert "…and 30 more in your inbox." in message.body
