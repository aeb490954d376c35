"""The one-click stop every notification mail carries (RFC 8058): the feedback, partner, nudge,
reminder and reading-digest mails alike.

A stop link is a signed id (`django.core.signing`, one salt per kind of mail), so it needs no
sign-in and cannot be made up for someone else. It goes in the mail twice: as a line in the
body, and in `List-Unsubscribe` with `List-Unsubscribe-Post: List-Unsubscribe=One-Click`, so a
mail client can stop the mail with one POST. Opening the link (GET, as a mail scanner does)
only asks; the POST turns off exactly the mail it came with and nothing else. Account mails (a
password reset, an invitation to someone without an account) are not notifications and have
none."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from django.conf import settings
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

ONE_CLICK = "List-Unsubscribe=One-Click"


def stop_url(viewname: str, pk: int, salt: str) -> str:
    """The absolute stop link of one mail: `viewname` takes the signed `pk` as its argument."""
    return settings.SITE_URL + reverse(viewname, args=[signing.dumps(pk, salt=salt)])


def stop_headers(url: str) -> dict[str, str]:
    """The RFC 8058 headers that let a mail client stop the mail with one POST to `url`."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": ONE_CLICK}


def signed_id(signed: str, salt: str) -> int | None:
    """The id a stop link names, or None when it was not signed by this server (or cut short)."""
    try:
        value = signing.loads(signed, salt=salt)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


def stop_view[T](
    request: HttpRequest, signed: str, *, salt: str, find: Callable[[int], T | None],
    turn_off: Callable[[T], object], template: str = "accounts/mail_stop.html",
    name: str = "found", words: Mapping[str, str] | None = None,
) -> HttpResponse:  # fmt: skip
    """The page behind a stop link. The template is given `invalid` (a link not signed here:
    404), `done` (after the POST), or the thing `find` returned under `name` (None when it
    has gone since: an ended partnership, a deleted account) with a button that POSTs back;
    `words` too (the shared template's `what`, `question`, `done_text`, `settings_text`).
    Views using it are csrf_exempt: the signed link is the key, and a mail client's one-click
    POST has no session."""
    extra = dict(words or {})
    pk = signed_id(signed, salt)
    if pk is None:
        return render(request, template, extra | {"invalid": True}, status=404)
    found = find(pk)
    if request.method == "POST" and found is not None:
        turn_off(found)
        return render(request, template, extra | {"done": True})
    return render(request, template, extra | {name: found})
