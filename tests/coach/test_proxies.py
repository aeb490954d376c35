"""Who the client is: X-Forwarded-For counts only when a trusted proxy sent it."""

import pytest

from prepcoach.coach.proxies import Client, client_of, parse_networks

TRUSTED = parse_networks(["10.0.0.0/8", "::1"])


def test_no_trusted_proxy_means_the_socket_address_whatever_the_header_says() -> None:
    assert client_of("192.0.2.1", "203.0.113.7", ()) == Client("192.0.2.1", False)


def test_a_peer_that_is_not_a_trusted_proxy_is_the_client() -> None:
    assert client_of("192.0.2.1", "203.0.113.7", TRUSTED) == Client("192.0.2.1", False)


def test_behind_a_trusted_proxy_the_client_is_the_address_it_forwards() -> None:
    assert client_of("10.0.0.5", "203.0.113.7", TRUSTED) == Client("203.0.113.7", True)


def test_a_chain_is_walked_from_the_server_past_trusted_proxies_only() -> None:
    # The client prepended a made-up address; the trusted hops are skipped, the first untrusted
    # address from the right is who really connected to the outer proxy.
    forwarded = "1.2.3.4, 203.0.113.7, 10.1.1.1"
    assert client_of("10.0.0.5", forwarded, TRUSTED) == Client("203.0.113.7", True)


def test_a_malformed_entry_stops_at_the_last_address_vouched_for() -> None:
    assert client_of("10.0.0.5", "203.0.113.7, junk", TRUSTED) == Client("10.0.0.5", True)


@pytest.mark.parametrize(
    ("forwarded", "address"),
    [('"[2001:db8::1]:443"', "2001:db8::1"), ("192.0.2.9:5000", "192.0.2.9"), ("", "::1")],
)
def test_addresses_as_proxies_write_them(forwarded: str, address: str) -> None:
    assert client_of("::1", forwarded, TRUSTED) == Client(address, True)


def test_an_ipv4_mapped_peer_is_its_ipv4_address() -> None:
    assert client_of("::ffff:10.0.0.5", "203.0.113.7", TRUSTED).address == "203.0.113.7"


def test_a_bad_network_is_named() -> None:
    with pytest.raises(ValueError, match=r"'10\.0\.0\.300' is not an IP address or network"):
        parse_networks(["10.0.0.1", "10.0.0.300"])
