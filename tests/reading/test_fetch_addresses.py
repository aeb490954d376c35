"""The feed fetcher connects only to the addresses it checked (issue 11, class 3).

The name service is outside this machine, so it is the one part replaced here: a resolver
that answers a public address first and the loopback address after, as a rebinding attacker's
DNS server does. The feed server itself is real, on loopback."""

from __future__ import annotations

import socket
from typing import Any

import pytest

from prepcoach.reading import fetch
from tests.reading.test_feeds import Site, rss, site  # noqa: F401  (the fixture)

PUBLIC = "93.184.216.34"  # a global address; nothing is ever sent to it here


class RebindingResolver:
    """A public address the first time a name is looked up, the loopback address after."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def __call__(self, host: str, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        self.asked.append(host)
        address = PUBLIC if len(self.asked) == 1 else "127.0.0.1"
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, int(port or 80)))]


@pytest.mark.django_db
def test_a_name_that_rebinds_to_loopback_never_reaches_the_server(
    site: tuple[str, Site],  # noqa: F811
    settings: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    base, state = site
    port = int(base.rsplit(":", 1)[1])
    state.pages["/feed.xml"] = (200, "application/rss+xml", rss("Internal"))
    settings.FEEDS_ALLOW_PRIVATE_ADDRESSES = False
    resolver = RebindingResolver()
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    connected: list[tuple[str, int]] = []
    real_connect = socket.create_connection

    def connect(address: tuple[str, int], *args: Any, **kwargs: Any) -> socket.socket:
        connected.append(address)
        if address[0] == PUBLIC:  # no network here: the public host does not answer
            raise ConnectionRefusedError("refused")
        return real_connect(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", connect)
    parsed = fetch.download(f"http://feeds.example:{port}/feed.xml")
    assert resolver.asked == ["feeds.example"]  # resolved once
    assert connected == [(PUBLIC, port)]  # and connected to what was checked
    assert parsed.entries == ()
    assert "Could not read a feed from feeds.example" in parsed.problem


@pytest.mark.django_db
def test_a_name_that_resolves_inside_the_network_is_refused_saying_so(
    settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.FEEDS_ALLOW_PRIVATE_ADDRESSES = False
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        lambda host, port, *a, **k: [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.8", 80))],
    )
    parsed = fetch.download("http://intranet.example/feed.xml")
    assert "intranet.example is an address inside this server's network" in parsed.problem


@pytest.mark.django_db
def test_a_name_that_does_not_resolve_says_the_feed_could_not_be_read(
    settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.FEEDS_ALLOW_PRIVATE_ADDRESSES = False

    def unknown(*args: Any, **kwargs: Any) -> list[Any]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", unknown)
    parsed = fetch.download("http://no-such-host.example/feed.xml")
    assert parsed.problem.startswith("Could not read a feed from no-such-host.example")


def test_an_ipv6_address_keeps_its_brackets() -> None:
    assert fetch._ascii("https://[2606:4700:0::1111]/feed") == "https://[2606:4700::1111]/feed"
    assert fetch._ascii("http://[::1]:8080/a b") == "http://[::1]:8080/a%20b"


@pytest.mark.django_db
def test_an_ipv6_loopback_address_is_refused_as_inside_the_network(settings: Any) -> None:
    settings.FEEDS_ALLOW_PRIVATE_ADDRESSES = False
    parsed = fetch.download("http://[::1]:9/feed.xml")
    assert "::1 is an address inside this server's network" in parsed.problem


@pytest.mark.django_db
def test_a_public_ipv6_address_is_allowed_and_tried(
    settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings.FEEDS_ALLOW_PRIVATE_ADDRESSES = False
    tried: list[tuple[str, int]] = []

    def connect(address: tuple[str, int], *args: Any, **kwargs: Any) -> socket.socket:
        tried.append(address)
        raise ConnectionRefusedError("no network here")

    monkeypatch.setattr(socket, "create_connection", connect)
    parsed = fetch.download("http://[2606:4700::1111]/feed.xml")
    assert tried == [("2606:4700::1111", 80)]
    assert "inside this server's network" not in parsed.problem
