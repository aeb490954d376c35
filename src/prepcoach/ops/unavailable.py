"""The 503 a person sees when a part the server needs is down: the database (restarting, out
of reach) or the file store (out of reach, full). Requests are not one transaction
(ATOMIC_REQUESTS is off: finishing an answer saves it, then queues its analysis), so the page
does not promise that what was sent was saved whole or not at all: it says it may not have been
saved, to check and try again, and that what was saved before is kept.

"The database is down" means its connection is: Django's InterfaceError (a closed connection)
or psycopg's OperationalError for a connection that failed, was lost or was refused (no
SQLSTATE, class 08, or the server shutting down or starting: 57P01-57P03). A deadlock, a
statement timeout or SQLite's "database is locked" is not an outage and stays a plain 500.

`server_error` is the site's `handler500`: Django calls it for any exception a view or a
middleware raised (sessions and the time-zone middleware read the database before any view
runs), so a lost database connection gets this page, never the generic 500. The page is
rendered without the request, so it reads nothing from the database itself.
"""

from __future__ import annotations

import sys
from urllib.parse import urlsplit

from django.core.exceptions import DisallowedHost
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme

from prepcoach.ops.store import StoreUnavailableError

RETRY_AFTER_S = 10
DATABASE_DOWN = (
    "prepcoach cannot reach its database just now (it may be restarting). What you just sent "
    "may not have been saved: in a few seconds, check and try again. What was saved before is "
    "kept."
)
# PostgreSQL's SQLSTATEs for a server shutting down, crashed or still starting.
SERVER_GOING = frozenset({"57P01", "57P02", "57P03"})


def wants_json(request: HttpRequest) -> bool:
    """JSON for the API and for scripts' fetches (the recorder's pieces ask for `*/*`); a page
    for whatever a browser shows (its navigations and HTMX ask for text/html or are HTMX)."""
    accept = request.headers.get("Accept", "")
    if request.path.startswith("/api/") or "application/json" in accept:
        return True
    return "text/html" not in accept and "HX-Request" not in request.headers


def unavailable(request: HttpRequest, title: str, message: str, back: str = "") -> HttpResponse:
    """503 with the message, as JSON (`error`, as the recorder and the API read it) or a page."""
    headers = {"Retry-After": str(RETRY_AFTER_S)}
    if wants_json(request):
        return JsonResponse({"error": message, "detail": message}, status=503, headers=headers)
    context = {"title": title, "message": message, "back": back}
    page = render_to_string("ops/unavailable.html", context)
    return HttpResponse(page, status=503, headers=headers)


def connection_lost(error: BaseException) -> bool | None:
    """Whether psycopg's `error` says the connection failed (True) or a statement did (False);
    None for an error that is not psycopg's (or without psycopg: the SQLite default)."""
    try:
        import psycopg
    except ImportError:
        return None
    if isinstance(error, psycopg.InterfaceError):
        return True
    if isinstance(error, psycopg.OperationalError):
        state = error.sqlstate
        return state is None or state.startswith("08") or state in SERVER_GOING
    return False if isinstance(error, psycopg.Error) else None


def is_down(error: BaseException | None) -> bool:
    """Whether `error` (or what caused it) says the database or the store is out of reach."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, (InterfaceError, StoreUnavailableError)):
            return True
        lost = connection_lost(error)
        if lost is not None:
            return lost
        if isinstance(error, DatabaseError) and not isinstance(error, OperationalError):
            return False  # an IntegrityError, say: a bug to see as one
        # Django's OperationalError says what happened in its cause (the driver's error).
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: 503 with words when the database or the store is down, else a plain 500."""
    error = sys.exc_info()[1]
    if is_down(error):
        if isinstance(error, StoreUnavailableError):
            return unavailable(request, "The file store is unavailable", str(error))
        return unavailable(request, "The database is unavailable", DATABASE_DOWN)
    message = "Something went wrong on the server; it is in the server's log."
    if wants_json(request):
        return JsonResponse({"error": message, "detail": message}, status=500)
    context = {"title": "Server error", "message": message, "back": came_from(request)}
    return HttpResponse(render_to_string("ops/unavailable.html", context), status=500)


def came_from(request: HttpRequest) -> str:
    """The page of this site the request came from (its Referer), as a way back; "" for none,
    for another site's, or for the page that failed itself."""
    referer = request.headers.get("Referer", "")
    try:
        host = request.get_host()
    except DisallowedHost:
        return ""
    if not referer or not url_has_allowed_host_and_scheme(
        referer, allowed_hosts={host}, require_https=request.is_secure()
    ):
        return ""
    return "" if urlsplit(referer).path == request.path else referer
