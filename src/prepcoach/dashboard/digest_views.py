"""The digest as a page: what the mail holds (goal progress, steps due, improvement areas,
saved reading and new items from the feeds), and how often the mail comes."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone

from prepcoach.accounts.access import signed_in_user
from prepcoach.dashboard.digest import digest_of
from prepcoach.reading.forms import DigestForm
from prepcoach.reading.models import DigestSettings


@login_required
def digest(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    choice, _ = DigestSettings.objects.get_or_create(user=user)
    form = DigestForm(request.POST or None, instance=choice)
    if request.method == "POST":
        if form.is_valid():
            form.save()
            messages.success(request, f"Digest mail: {choice.get_frequency_display().lower()}.")
            return redirect("dashboard:digest")
        messages.error(request, "Choose how often the digest comes: nothing was changed.")
    return render(
        request, "dashboard/digest.html",
        {"digest": digest_of(user, timezone.localdate(), choice), "form": form},
    )  # fmt: skip
