"""Reading an RSS or Atom feed the user chose into plain items, and saying clearly why a
feed could not be read. Parsing is feedparser's job; this module decides what the user sees."""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
import zlib
from dataclasses import dataclass

import feedparser

from prepcoach.coach.text import plain_text

SUMMARY_CHARS = 600
TITLE_CHARS = 300

NOT_A_FEED = (
    "That address is a web page, not a feed. Look on the page for an RSS or Atom link "
    "(often an orange icon or “Subscribe”) and add that address instead."
)


@dataclass(frozen=True)
class FeedEntry:
    guid: str
    title: str
    link: str
    summary: str
    published: dt.datetime | None


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    entries: tuple[FeedEntry, ...]
    problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem


MAX_DECODED_BYTES = 5 * 1024 * 1024  # a compressed feed is held to the same size unpacked
GZIP_MAGIC = b"\x1f\x8b"


def decompressed(body: bytes, content_encoding: str = "") -> bytes | None:
    """A body sent gzip- or deflate-compressed (said in Content-Encoding, or not said: some
    servers compress whatever is asked) unpacked; unchanged when not compressed; None when it
    unpacks to more than MAX_DECODED_BYTES or does not unpack."""
    encoding = content_encoding.strip().lower()
    if not (body.startswith(GZIP_MAGIC) or encoding in {"gzip", "x-gzip", "deflate"}):
        return body
    out, rest = bytearray(), body
    while rest and len(out) <= MAX_DECODED_BYTES:
        # 47: gzip or zlib by the header; a raw deflate stream (-15) if neither fits.
        unpack = zlib.decompressobj(47 if rest[:1] in (b"\x1f", b"\x78") else -15)
        try:
            out += unpack.decompress(rest, MAX_DECODED_BYTES + 1 - len(out))
        except zlib.error:
            if out:
                break  # trailing bytes after a whole member: what was unpacked stands
            # Said to be compressed but is not (a misconfigured server): read it as it came.
            return None if body.startswith(GZIP_MAGIC) else body
        if unpack.unconsumed_tail:
            return None  # more than the limit unpacked
        rest = unpack.unused_data.lstrip(b"\x00")  # a gzip file may hold several members
        if not unpack.eof:
            break
    return None if len(out) > MAX_DECODED_BYTES else bytes(out)


def parse_feed(body: bytes, content_type: str = "", content_encoding: str = "") -> ParsedFeed:
    """Entries of the feed in body; a ParsedFeed with a problem and no entries when it is
    not a feed (a web page, broken XML). A feed with minor flaws but readable entries is
    accepted, as feed readers do; a compressed one (asked for or not) is unpacked first."""
    unpacked = decompressed(body, content_encoding)
    if unpacked is None:
        return ParsedFeed(
            "",
            (),
            f"That address sent a compressed feed that unpacks to over "
            f"{MAX_DECODED_BYTES // 2**20} MB or does not unpack. Check the address.",
        )
    body = unpacked
    # A web page starts with its doctype or <html>; a feed may mention "<html" in its text.
    head = body[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<!doctype html", b"<html")):
        return ParsedFeed("", (), NOT_A_FEED)
    parsed = feedparser.parse(
        body, response_headers={"content-type": content_type or "application/xml"}
    )
    # The loose parser salvages empty shells from broken XML: an entry with nothing to show
    # is not an entry.
    entries = [e for e in parsed.entries if e.get("title") or e.get("link") or e.get("summary")]
    if not entries:
        if parsed.get("bozo"):
            reason = str(parsed.get("bozo_exception", "")).strip() or "unreadable XML"
            return ParsedFeed(
                "",
                (),
                f"That address did not return a readable feed ({reason}). Check the address, "
                "or try again later if the site is having trouble.",
            )
        if not parsed.get("version"):
            return ParsedFeed("", (), NOT_A_FEED)
    title = _clean(parsed.feed.get("title", ""))[:TITLE_CHARS]
    return ParsedFeed(title, tuple(_entry(e) for e in entries))


CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _clean(text: str) -> str:
    # NUL and other control characters: invisible, and PostgreSQL refuses NUL in text.
    return CONTROL_RE.sub("", plain_text(text))


def _entry(entry: feedparser.FeedParserDict) -> FeedEntry:
    title = _clean(entry.get("title", ""))[:TITLE_CHARS] or "(untitled)"
    link = str(entry.get("link", ""))
    if not link.startswith(("http://", "https://")):
        link = ""  # a javascript: or relative link must never become a clickable href
    summary = _clean(entry.get("summary", ""))
    if len(summary) > SUMMARY_CHARS:
        summary = summary[: SUMMARY_CHARS - 1].rsplit(" ", 1)[0] + "…"
    guid = CONTROL_RE.sub("", str(entry.get("id") or link or ""))
    if not guid:
        guid = hashlib.sha256(f"{title}\n{summary}".encode()).hexdigest()
    return FeedEntry(guid[:500], title, link[:1000], summary, _published(entry))


def _published(entry: feedparser.FeedParserDict) -> dt.datetime | None:
    # dict.get, not entry.get: feedparser's own lookup of a missing "updated_parsed" falls
    # back to "published_parsed" with a DeprecationWarning.
    stamp = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    if not stamp:
        return None
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(stamp), tz=dt.UTC)
    except (ValueError, OverflowError, OSError):
        return None  # a date like 9999-12-31 at +14:00 is past what a datetime holds
