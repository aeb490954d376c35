import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from prepcoach.coach.feeds import NOT_A_FEED, parse_feed

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Health data weekly</title>
<item><title>NHS publishes &lt;b&gt;new&lt;/b&gt; dashboard standard</title><link>https://example.org/a</link>
<guid>a-1</guid><description>&lt;p&gt;The standard covers &lt;script&gt;alert(1)&lt;/script&gt;SQL reporting.&lt;/p&gt;</description>
<pubDate>Mon, 16 Nov 2026 09:00:00 GMT</pubDate></item>
<item><title>Evil link</title><link>javascript:alert(1)</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Analytics papers</title><entry><title>Causal dashboards</title><id>urn:x:1</id>
<link href="https://example.org/p1"/><updated>2026-11-01T10:00:00Z</updated><summary>Short 📈</summary></entry></feed>""".encode()


def test_rss_items_become_plain_safe_entries() -> None:
    feed = parse_feed(RSS)
    assert feed.ok
    assert feed.title == "Health data weekly"
    first, evil = feed.entries
    assert first.title == "NHS publishes new dashboard standard"
    assert first.summary == "The standard covers SQL reporting."
    assert first.guid == "a-1"
    assert first.published == dt.datetime(2026, 11, 16, 9, tzinfo=dt.UTC)
    assert evil.link == ""  # never a javascript: href
    assert evil.guid  # an item without id or link still gets a stable key


def test_atom_feeds_are_read_too() -> None:
    (entry,) = parse_feed(ATOM).entries
    assert (entry.title, entry.link, entry.summary) == (
        "Causal dashboards",
        "https://example.org/p1",
        "Short 📈",
    )


def test_a_web_page_is_not_a_feed() -> None:
    page = b"<!DOCTYPE html><html><head><title>Blog</title></head><body>Hi</body></html>"
    assert parse_feed(page, "text/html").problem == NOT_A_FEED


def test_malformed_xml_says_so() -> None:
    feed = parse_feed(b"<?xml version='1.0'?><rss><channel><item><title>Broken")
    assert not feed.entries
    assert feed.problem.startswith("That address did not return a readable feed")


def test_long_summaries_are_cut_at_a_word() -> None:
    body = RSS.replace(b"SQL reporting.", b"word " * 400)
    summary = parse_feed(body).entries[0].summary
    assert len(summary) <= 600
    assert summary.endswith("…")


@given(st.binary(max_size=2000))
def test_any_bytes_give_entries_or_a_problem(body: bytes) -> None:
    feed = parse_feed(body)
    assert feed.ok or not feed.entries


def test_a_compressed_body_is_unpacked_whatever_its_header_says() -> None:
    """Issue 11, class 6: gzip sent unasked, unlabelled, in several members, or labelled but
    plain; too big unpacked or broken is None (the caller says why)."""
    import gzip
    import zlib

    from prepcoach.coach.feeds import MAX_DECODED_BYTES, decompressed

    body = b"<rss>news</rss>"
    assert decompressed(gzip.compress(body)) == body
    assert decompressed(gzip.compress(body), "gzip") == body
    assert decompressed(gzip.compress(body) + gzip.compress(body)) == body + body
    assert decompressed(zlib.compress(body), "deflate") == body
    assert decompressed(body, "gzip") == body  # a server that says gzip and is not
    assert decompressed(body) == body
    assert decompressed(b"\x1f\x8b broken") is None
    assert decompressed(gzip.compress(b" " * (MAX_DECODED_BYTES + 1))) is None
