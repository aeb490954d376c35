"""A feed served gzip-compressed without being asked (issue 11, class 6) is unpacked and read,
fetched for real over HTTP from a server on loopback; one that unpacks past the size limit is
refused with a reason, and nothing is half-imported."""

import gzip
import threading
import zlib
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.coach.feeds import MAX_DECODED_BYTES
from prepcoach.reading.models import Feed, FeedItem

RSS = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Packed weekly</title>'
    b"<item><title>Compressed news</title><link>https://example.org/1</link><guid>g1</guid>"
    b"</item></channel></rss>"
)
# path: (Content-Encoding sent, body)
PAGES = {
    "/gzip-unasked.xml": ("gzip", gzip.compress(RSS)),
    "/gzip-unlabelled.xml": ("", gzip.compress(RSS)),
    "/deflate.xml": ("deflate", zlib.compress(RSS)),
    "/bomb.xml": ("gzip", gzip.compress(b"<rss>" + b" " * (MAX_DECODED_BYTES + 1))),
}


@pytest.fixture
def base() -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            encoding, body = PAGES[self.path]
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            if encoding:
                self.send_header("Content-Encoding", encoding)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("path", ["/gzip-unasked.xml", "/gzip-unlabelled.xml", "/deflate.xml"])
def test_a_compressed_feed_is_unpacked_and_read(alice_client: Client, base: str, path: str) -> None:
    page = alice_client.post(reverse("reading:feeds"), {"url": base + path}, follow=True).text
    assert "Following Packed weekly: 1 item" in page
    assert list(FeedItem.objects.values_list("title", flat=True)) == ["Compressed news"]


def test_a_feed_that_unpacks_past_the_limit_is_refused_with_a_reason(
    alice_client: Client, base: str
) -> None:
    alice_client.post(reverse("reading:feeds"), {"url": base + "/bomb.xml"}, follow=True)
    feed = Feed.objects.get()
    assert "unpacks to over 5 MB" in feed.problem
    assert not FeedItem.objects.exists()
