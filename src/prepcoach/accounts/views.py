import logging
from typing import Any

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm, SetPasswordForm
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from prepcoach.accounts.access import get_owned_or_404
from prepcoach.accounts.forms import (
    AccessTokenForm,
    LoginForm,
    ProfileForm,
    QueuedPasswordResetForm,
    SignUpForm,
)
from prepcoach.accounts.models import AccessToken, Profile, User
from prepcoach.ops import login_throttle
from prepcoach.ops.proxy import client_address
from prepcoach.ops.rate import with_retry_after

logger = logging.getLogger(__name__)


def local_next(request: HttpRequest) -> str:
    """The page to go on to after signing up (`next`, from the form or the link), only when it
    is a path on this site: "/improve/groups/join/…/", never "//evil.example" or
    "https://evil.example/". "" when there is none or it is not local."""
    wanted = str(request.POST.get("next") or request.GET.get("next") or "")
    local = wanted.startswith("/") and not wanted.startswith(("//", "/\\"))
    safe = url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return wanted if local and safe else ""


def signup(request: HttpRequest) -> HttpResponse:
    # A practice-group invitation sends a visitor here with `next` (its join page): a trial's
    # new member signed up, landed on the profile, and the invitation was lost.
    after = local_next(request)
    if request.user.is_authenticated:
        return redirect(after or "dashboard:home")
    first_account = not User.objects.exists()
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():  # a user without a profile is never left behind
            user = form.save()
            Profile.objects.create(
                user=user,
                date_order=form.cleaned_data.get("date_order", ""),
                time_zone=form.cleaned_data.get("time_zone") or "UTC",
            )
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        if after:
            messages.success(request, "Welcome to prepcoach! Your account is ready.")
            return login_throttle.remember_sign_in(request, redirect(after), user.email)
        messages.success(request, "Welcome to prepcoach! Tell it about the job you want.")
        return login_throttle.remember_sign_in(request, redirect("accounts:profile"), user.email)
    context = {"form": form, "first_account": first_account, "next": after}
    return render(request, "accounts/signup.html", context)


def profile_of(user: User) -> Profile:
    # Accounts made with createsuperuser have no profile until they first open this page.
    return Profile.objects.get_or_create(user=user)[0]


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    form = ProfileForm(request.POST or None, instance=profile_of(request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Profile saved.")
        return redirect("accounts:profile")
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "token_form": AccessTokenForm(), **_token_context(request.user)},
    )


def _token_context(user: User) -> dict[str, object]:
    return {"tokens": AccessToken.objects.filter(user=user)}


def _tokens_response(request: HttpRequest, context: dict[str, object]) -> HttpResponse:
    """The token section alone for HTMX, the whole profile page otherwise."""
    if request.headers.get("HX-Request"):
        return render(request, "accounts/partials/tokens.html", context)
    return redirect("accounts:profile")


@login_required
@require_POST
def token_create(request: HttpRequest) -> HttpResponse:
    assert isinstance(request.user, User)
    form = AccessTokenForm(request.POST)
    context: dict[str, object] = {"token_form": form}
    if form.is_valid():
        token, secret = AccessToken.issue(request.user, form.cleaned_data["name"])
        context.update(new_token=token, new_secret=secret, token_form=AccessTokenForm())
        if not request.headers.get("HX-Request"):
            # Without HTMX the secret must survive one redirect; it is shown once, then dropped.
            messages.info(request, f"Your new token “{token.name}”: {secret} — copy it now.")
    context.update(_token_context(request.user))
    return _tokens_response(request, context)


@login_required
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    assert isinstance(request.user, User)
    token = get_owned_or_404(AccessToken.objects.all(), request.user, pk=token_id)
    token.revoke()
    context: dict[str, object] = {"token_form": AccessTokenForm(), "revoked": token}
    context.update(_token_context(request.user))
    return _tokens_response(request, context)


class LoginView(auth_views.LoginView):
    """Django's log-in, throttled (`ops.login_throttle`): after too many failures the page asks
    the client to wait (429, Retry-After, "try again in N s"), the e-mail kept in the form."""

    authentication_form = LoginForm
    redirect_authenticated_user = True

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        email = login_identity(request, None)
        if not email or not request.POST.get("password"):
            return super().post(request, *args, **kwargs)  # the form says what is missing
        attempt = login_throttle.begin_login(request, email)
        if not attempt.decision.allowed:
            logger.warning(
                "log-in slowed for %s (%s): try again in %d s",
                client_address(request),
                attempt.decision.reason,
                attempt.decision.retry_after_s,
            )
            context = self.get_context_data(
                form=LoginForm(request, initial={"username": email}),
                throttled=attempt.decision.message,
            )
            page = render(request, "registration/login.html", context)
            return with_retry_after(page, attempt.decision)
        response = super().post(request, *args, **kwargs)
        if request.user.is_authenticated:
            login_throttle.login_succeeded(attempt)
            return login_throttle.remember_sign_in(request, response, email)
        return response


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's password change, its old-password check counted like a log-in for the account
    (`ops.login_throttle`): a session left open is not a way to guess the password unslowed."""

    success_url = reverse_lazy("accounts:password_change_done")

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        assert isinstance(request.user, User)
        if not request.POST.get("old_password"):
            return super().post(request, *args, **kwargs)  # the form says what is missing
        attempt = login_throttle.begin_login(request, request.user.email)
        if not attempt.decision.allowed:
            context = self.get_context_data(throttled=attempt.decision.message)
            return with_retry_after(self.render_to_response(context), attempt.decision)
        response = super().post(request, *args, **kwargs)
        if response.status_code == 302:  # the old password was right and the new one saved
            login_throttle.login_succeeded(attempt)
        return response


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset, with mails limited per e-mail typed and per client address; the refusal
    reads the same whether or not an account has the address."""

    form_class = QueuedPasswordResetForm
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form: PasswordResetForm) -> HttpResponse:
        decision = login_throttle.request_reset(
            form.cleaned_data["email"], client_address(self.request)
        )
        if not decision.allowed:
            form.add_error("email", decision.message)
            page = self.render_to_response(self.get_context_data(form=form))
            return with_retry_after(page, decision)
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's reset link: a new password set from the mailbox is a sign-in to the account in
    this browser, so it gets the device cookie (`ops.login_throttle.remember_sign_in`)."""

    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form: SetPasswordForm[User]) -> HttpResponse:
        response = super().form_valid(form)
        return login_throttle.remember_sign_in(self.request, response, form.user.email)


def login_identity(request: HttpRequest, credentials: dict[str, Any] | None) -> str | None:
    """The email a log-in attempt is for, lower-cased so ALICE@ and alice@ share one count.

    Django's authenticate() names the credential after USERNAME_FIELD ("email"); the log-in
    form's field is still called "username".
    """
    credentials = credentials or {}
    raw = credentials.get("email") or credentials.get("username") or request.POST.get("username")
    return str(raw).strip().lower() if raw else None
