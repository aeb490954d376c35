"""The one-click end of the "feedback arrived" mail (RFC 8058, `accounts.mailstop`): no
sign-in, the signed link is the key."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from prepcoach.accounts.mailstop import stop_view
from prepcoach.accounts.models import User
from prepcoach.feedback.models import MailPreference
from prepcoach.feedback.reviews import UNSUBSCRIBE_SALT


def _stop(user: User) -> None:
    MailPreference.objects.update_or_create(user=user, defaults={"review_mail": False})


@csrf_exempt  # the signed link is the key; a mail client's one-click POST (RFC 8058) has no session
def unsubscribe(request: HttpRequest, signed: str) -> HttpResponse:
    """One click, no sign-in: no more "feedback arrived" mails for the user the link names (an
    account deleted since has nothing to stop)."""
    return stop_view(
        request, signed, salt=UNSUBSCRIBE_SALT, turn_off=_stop,
        find=lambda user_id: User.objects.filter(pk=user_id).first(),
        template="feedback/unsubscribed.html", name="account",
    )  # fmt: skip
