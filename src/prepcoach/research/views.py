"""Grow: the jobs being interviewed for, with what their descriptions ask."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from prepcoach.accounts.access import get_owned_or_404, owned_by
from prepcoach.accounts.models import User
from prepcoach.research.forms import OpportunityForm
from prepcoach.research.models import Opportunity


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


@login_required
def index(request: HttpRequest) -> HttpResponse:
    opportunities = owned_by(Opportunity.objects.all(), _user(request))
    return render(request, "research/index.html", {"opportunities": opportunities})


@login_required
def opportunity_new(request: HttpRequest) -> HttpResponse:
    return _form(request, Opportunity(user=_user(request)))


@login_required
def opportunity_edit(request: HttpRequest, opportunity_id: int) -> HttpResponse:
    return _form(
        request, get_owned_or_404(Opportunity.objects.all(), _user(request), pk=opportunity_id)
    )


def _form(request: HttpRequest, opportunity: Opportunity) -> HttpResponse:
    form = OpportunityForm(request.POST or None, instance=opportunity)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, f"Saved “{saved}”.")
        return redirect(saved)
    return render(
        request, "research/opportunity_form.html", {"form": form, "opportunity": opportunity}
    )


@login_required
def opportunity_detail(request: HttpRequest, opportunity_id: int) -> HttpResponse:
    opportunity = get_owned_or_404(Opportunity.objects.all(), _user(request), pk=opportunity_id)
    return render(
        request,
        "research/opportunity.html",
        {"opportunity": opportunity, "terms": opportunity.key_terms},
    )


@login_required
@require_POST
def opportunity_delete(request: HttpRequest, opportunity_id: int) -> HttpResponse:
    opportunity = get_owned_or_404(Opportunity.objects.all(), _user(request), pk=opportunity_id)
    opportunity.delete()
    messages.info(request, "Opportunity deleted. Mock interviews for it are kept.")
    return redirect("research:index")
