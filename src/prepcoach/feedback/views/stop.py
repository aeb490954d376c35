"""The one-click end of the "feedback arrived" mail (RFC 8058): no sign-in, the signed link is
the key."""

from __future__ import annotations

from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt

from prepcoach.accounts.models import User
from prepcoach.feedback.models import MailPreference
from prepcoach.feedback.reviews import UNSUBSCRIBE_SALT


@csrf_exempt  # the signed link is the key; a mail client's one-click POST (RFC 8058) has no session
def unsubscribe(request: HttpRequest, signed: str) -> HttpResponse:
    """One click, no sign-in: no more "feedback arrived" mails for the user the link names."""
    try:
        user_id = signing.loads(signed, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return render(request, "feedback/unsubscribed.html", {"ok": False}, status=404)
    if request.method == "POST":
        if User.objects.filter(pk=user_id).exists():  # an account deleted since gets no mail
            MailPreference.objects.update_or_create(
                user_id=user_id, defaults={"review_mail": False}
            )
        return render(request, "feedback/unsubscribed.html", {"ok": True})
    return render(request, "feedback/unsubscribed.html", {"ok": None, "signed": signed})
