"""Every form post is done once (issue 11, class 7): a double-click, a form sent again, or a
twin arriving at the same moment gets the first one's response, and the work is not repeated.

Every form with `{% csrf_token %}` also carries a `submit_key` (`templating.csrf_token`), new on
each page. `SubmitOnceMiddleware` records who sent which key to which address with which
fields (`SubmittedRequest`, a unique row: the database settles a race) before the view runs;
a copy of that request within `REPLAY_SECONDS` waits for the first to finish and gets its
response (its redirect, its HTMX partial) instead of running the view again. A form sent with
other values, or after `REPLAY_SECONDS`, is a new request. A response that cannot be given
back whole is not kept: a download (repeating it changes nothing), and one that sets a cookie
or begins a new session (logging in, signing up), whose copy runs itself so that the browser
showing the copy gets its cookie.

The JSON API takes the same guard from an `Idempotency-Key` header (any client-chosen string
of 8 to 100 characters): a request sent again with it (a retry after a lost answer) gets the
first answer, so creating a goal or ticking a step off happens once.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import time
from collections.abc import Callable

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils import timezone

from prepcoach.ops.models import SubmittedRequest

FIELD = "submit_key"
KEY_RE = re.compile(r"[0-9a-f]{32}")
REPLAY_SECONDS = 30
WAIT_SECONDS = 10  # how long a copy waits for the first to finish before saying so
MAX_KEPT_BYTES = 256 * 1024
KEPT_HEADERS = (
    "Location", "Content-Disposition", "HX-Redirect", "HX-Refresh", "HX-Location", "HX-Trigger",
    "HX-Retarget", "HX-Reswap", "HX-Push-Url", "HX-Replace-Url",
)  # fmt: skip
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


IDEMPOTENCY_RE = re.compile(r"[\x21-\x7e]{8,100}")
CHANGING_METHODS = ("POST", "PUT", "PATCH", "DELETE")


def request_key(request: HttpRequest) -> str | None:
    """Who sent which submit key to which address with which fields, as one digest; None for
    a request that is not a form post carrying a submit key (nor an API call with an
    Idempotency-Key)."""
    if request.method not in CHANGING_METHODS:
        return None
    digest = hashlib.sha256()
    session = getattr(request, "session", None)
    who = [session.session_key if session else None, request.headers.get("Authorization")]
    idempotency = request.headers.get("Idempotency-Key", "")
    if IDEMPOTENCY_RE.fullmatch(idempotency):
        for part in (*who, request.method, request.path, idempotency):
            digest.update(f"{part or ''}\0".encode())
        digest.update(request.body)
        return digest.hexdigest()
    if request.method != "POST" or not (request.content_type or "").startswith(FORM_TYPES):
        return None
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None
    if length > (settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 2_621_440):
        return None  # a large upload is left to its view, unread here (its imports skip twins)
    request.body  # noqa: B018 (kept in memory first, so a view that reads the body still can)
    submit_key = request.POST.get(FIELD, "")
    if not KEY_RE.fullmatch(submit_key):
        return None
    for part in (*who, request.path, submit_key):
        digest.update(f"{part or ''}\0".encode())
    for name, values in sorted(request.POST.lists()):
        if name not in ("csrfmiddlewaretoken", FIELD):
            digest.update(f"{name}={values!r}\0".encode("utf-8", "replace"))
    for name, files in sorted(request.FILES.lists()):
        digest.update(f"{name}={[(f.name, f.size) for f in files]!r}\0".encode())
    return digest.hexdigest()


class SubmitOnceMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        key = request_key(request)
        if key is None:
            return self.get_response(request)
        now = timezone.now()
        SubmittedRequest.objects.filter(
            created_at__lt=now - dt.timedelta(seconds=REPLAY_SECONDS)
        ).delete()
        try:
            with transaction.atomic():
                row = SubmittedRequest.objects.create(key=key, created_at=now)
        except IntegrityError:
            # A copy: the first one's response, or (when that cannot be given back) the view.
            return replay(key) or self.get_response(request)
        session = getattr(request, "session", None)
        before = session.session_key if session else None
        try:
            response = self.get_response(request)
        except BaseException:
            SubmittedRequest.objects.filter(pk=row.pk).delete()
            raise
        keep(row, response, cycled=bool(session and session.session_key != before))
        return response


def keep(row: SubmittedRequest, response: HttpResponseBase, cycled: bool = False) -> None:
    """The first response, for its copies. Not kept: a download, a very large page, and a
    response that sets a cookie or began a new session (a log-in, a sign-up), whose copy must
    run itself, or the browser that shows the copy would miss the cookie."""
    content = getattr(response, "content", None) if not response.streaming else None
    if (
        cycled
        or response.cookies
        or not isinstance(content, bytes)
        or len(content) > MAX_KEPT_BYTES
    ):
        SubmittedRequest.objects.filter(pk=row.pk).delete()
        return
    row.done, row.status, row.body = True, response.status_code, content
    row.content_type = response.get("Content-Type", "")
    row.headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
    row.save(update_fields=["done", "status", "body", "content_type", "headers"])


def replay(key: str) -> HttpResponse | None:
    """The first request's response, once it is done; None when it is not kept (the copy then
    runs itself); a 409 that says so if the first takes too long."""
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        first = SubmittedRequest.objects.filter(key=key).first()
        if first is None:  # the first failed, was a download or began a session: not kept
            return None
        if first.done:
            response = HttpResponse(bytes(first.body), status=first.status,
                                    content_type=first.content_type or None)  # fmt: skip
            for name, value in first.headers.items():
                response[name] = value
            return response
        if time.monotonic() > deadline:
            break
        time.sleep(0.05)
    return HttpResponse(
        "This form was sent twice; the first is still being saved or could not be. Reload the "
        "page to see what was saved before sending it again.",
        status=409,
        content_type="text/plain; charset=utf-8",
    )
