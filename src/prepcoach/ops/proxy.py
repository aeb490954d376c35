"""Requests through a TLS proxy: which headers are believed, and who the client is.

`client_address` is the one answer to "what is the client's address" (log-in throttling and
logs ask it). A request from a peer outside TRUSTED_PROXIES loses its X-Forwarded-* and
Forwarded headers on arrival, so neither Django's HTTPS detection (SECURE_PROXY_SSL_HEADER)
nor anything after it can be told a story by a client.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from prepcoach.coach.proxies import Client, client_of, is_trusted, parse_address

FORWARDED_PREFIXES = ("HTTP_X_FORWARDED_", "HTTP_FORWARDED")


def client(request: HttpRequest) -> Client:
    return client_of(
        str(request.META.get("REMOTE_ADDR", "")),
        str(request.META.get("HTTP_X_FORWARDED_FOR", "")),
        settings.TRUSTED_PROXIES,
    )


def client_address(request: HttpRequest) -> str:
    """The address of the person making the request, behind trusted proxies too."""
    return client(request).address


class TrustedProxyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        peer = parse_address(str(request.META.get("REMOTE_ADDR", "")))
        if not is_trusted(peer, settings.TRUSTED_PROXIES):
            for key in [k for k in request.META if k.startswith(FORWARDED_PREFIXES)]:
                del request.META[key]
        return self.get_response(request)
