"""Fetching a feed the user asked for, and storing its new entries in their inbox.

This is the only place prepcoach reaches the network for Grow, and only for addresses the
user added: that is the configuration the privacy promise allows. On a shared server anyone
who signs up can add a feed, so by default the server refuses addresses inside its own
network (loopback, private, link-local), on every redirect too."""

from __future__ import annotations

import http.client
import ipaddress
import logging
import socket
import time
import urllib.error
import urllib.request
from urllib.parse import quote, urlsplit, urlunsplit

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone

from prepcoach.coach.feeds import ParsedFeed, parse_feed
from prepcoach.reading.models import Feed, FeedItem

logger = logging.getLogger(__name__)

MAX_FEED_BYTES = 5 * 1024 * 1024
TIMEOUT_SECONDS = 15  # for each read
DEADLINE_SECONDS = 45  # for the whole download: a server dripping bytes cannot hold the worker
USER_AGENT = "prepcoach feed reader"


class RefusedAddressError(Exception):
    """An address prepcoach will not fetch; the message says why, for the user."""


def _check(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RefusedAddressError("A feed's address starts with https:// or http://.")


def checked_addresses(host: str, port: int) -> list[str]:
    """The addresses `host` resolves to, each allowed for a feed: resolved once, and the
    connection goes to one of these (a name that resolves to a public address when checked and
    to 127.0.0.1 when connecting, DNS rebinding, cannot reach the server's own network).
    Raises RefusedAddressError for an address inside the server's network, OSError for a name
    that does not resolve."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if settings.FEEDS_ALLOW_PRIVATE_ADDRESSES:
        return addresses
    for address in addresses:
        if not ipaddress.ip_address(address.split("%")[0]).is_global:
            raise RefusedAddressError(
                f"{host} is an address inside this server's network, which this "
                "server does not fetch feeds from. Use the feed's public address."
            )
    return addresses


def _connect(host: str, port: int, timeout: float | None) -> socket.socket:
    """A connection to the first checked address of `host` that answers."""
    error: OSError = OSError(f"{host} has no address")
    for address in checked_addresses(host, port):
        try:
            return socket.create_connection((address, port), timeout)
        except OSError as failed:
            error = failed
    raise error


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def connect(self) -> None:
        self.sock = _connect(self.host, self.port, self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def connect(self) -> None:
        # The certificate is still checked against the name (server_hostname), not the address.
        sock = _connect(self.host, self.port, self.timeout)
        context = self._context  # type: ignore[attr-defined]  # set by HTTPSConnection, untyped
        self.sock = context.wrap_socket(sock, server_hostname=self.host)


class _PinnedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_PinnedHTTPConnection, req)


class _PinnedHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_PinnedHTTPSConnection, req)


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        _check(newurl)  # every hop: no redirect to ftp://; its address is checked on connecting
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _ascii(url: str) -> str:
    """An address with non-ASCII paths (https://example.org/actualités/) percent-encoded; an
    IPv6 address stays in its brackets."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        host = host.encode("idna").decode() if host else ""
    else:
        host = f"[{literal.compressed}]" if literal.version == 6 else literal.compressed
    netloc = host + (f":{parts.port}" if parts.port else "")
    safe = "/%:@!$&'()*+,;=-._~?"
    return urlunsplit((parts.scheme, netloc, quote(parts.path, safe), quote(parts.query, safe), ""))


def download(url: str) -> ParsedFeed:
    """The feed at url, or a ParsedFeed whose problem says what went wrong."""
    host = urlsplit(url).hostname or url
    try:
        url = _ascii(url)
        _check(url)
        # No proxy from the environment: the connection must go to the address checked.
        opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}), _PinnedHTTPHandler, _PinnedHTTPSHandler,
            _CheckedRedirects,
        )  # fmt: skip
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310
        started = time.monotonic()
        with opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            chunks, size = [], 0
            while chunk := response.read(64 * 1024):
                chunks.append(chunk)
                size += len(chunk)
                if size > MAX_FEED_BYTES:
                    too_big = f"The feed at {host} is over {MAX_FEED_BYTES // 2**20} MB, too large"
                    return ParsedFeed("", (), too_big + " to be a news feed. Check the address.")
                if time.monotonic() - started > DEADLINE_SECONDS:
                    slow = f"{host} took over {DEADLINE_SECONDS} s to send the feed."
                    return ParsedFeed("", (), slow + " It is tried again later.")
            content_type = response.headers.get("Content-Type", "")
            encoding = response.headers.get("Content-Encoding", "")  # sent even unasked
    except RefusedAddressError as error:
        return ParsedFeed("", (), str(error))
    except urllib.error.HTTPError as error:
        problem = (
            f"{host} answered “{error.code} {error.reason}”. Check the address; if it is "
            "right, the site may be down, so it is tried again later."
        )
        return ParsedFeed("", (), problem)
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        return ParsedFeed("", (), f"Could not read a feed from {host} ({reason}). It is tried "
                          "again later; check the address if this keeps happening.")  # fmt: skip
    return parse_feed(b"".join(chunks), content_type, encoding)


def refresh(feed: Feed) -> int:
    """Fetch one feed and add its unseen entries to the inbox; returns how many were new.
    A failed fetch keeps every item already stored and records why it failed."""
    try:
        parsed = download(feed.url)
    except Exception:
        # Whatever a feed sends, the user sees that it failed rather than "not checked yet".
        logger.exception("feed %s failed", feed.pk)
        parsed = ParsedFeed("", (), "This feed could not be read. It is tried again later.")
    feed.last_fetched_at = timezone.now()
    feed.problem = parsed.problem
    if parsed.title:
        feed.title = parsed.title
    feed.save(update_fields=["last_fetched_at", "problem", "title"])
    known = set(feed.items.values_list("guid", flat=True))
    added = 0
    for entry in parsed.entries:
        if entry.guid in known:
            continue
        known.add(entry.guid)
        try:
            with transaction.atomic():
                FeedItem.objects.create(
                    feed=feed,
                    guid=entry.guid,
                    title=entry.title,
                    link=entry.link,
                    summary=entry.summary,
                    published=entry.published,
                )
        except IntegrityError:
            continue  # fetched twice at once: the other fetch stored it
        except DatabaseError:
            logger.exception("feed %s: an entry could not be stored", feed.pk)
            continue  # one odd entry must not keep the rest out of the inbox
        added += 1
    return added
