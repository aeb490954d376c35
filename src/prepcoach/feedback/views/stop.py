"""The one-click end of the "feedback arrived" mail (RFC 8058, `accounts.mailstop`): no
sign-in, the signed link is the key; and, signed in, the switch that turns it back on."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from prepcoach.accounts.access import signed_in_user
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


@login_required
@require_POST
def mail_setting(request: HttpRequest) -> HttpResponse:
    """The signed-in user's own "feedback arrived" mail, on or off (every feedback page has the
    switch; the stop page sends people there to turn it back on)."""
    user = signed_in_user(request)
    on = request.POST.get("review_mail") == "on"
    MailPreference.objects.update_or_create(user=user, defaults={"review_mail": on})
    messages.success(request, "You will get a mail when feedback arrives." if on else
                     "No more feedback mails: every review still shows on its page.")  # fmt: skip
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        return redirect(back)
    return redirect("dashboard:home")
