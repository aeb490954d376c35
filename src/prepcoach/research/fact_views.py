"""A job's key facts corrected: edited in place, or deleted after a confirmation."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from prepcoach.accounts.access import get_owned_or_404, signed_in_user
from prepcoach.jobs.models import Fact
from prepcoach.research.forms import FactForm
from prepcoach.research.views import log_facts


def _fact(request: HttpRequest, fact_id: int) -> Fact:
    return get_owned_or_404(
        Fact.objects.select_related("opportunity"), signed_in_user(request), "opportunity__user",
        pk=fact_id,
    )  # fmt: skip


def _facts_url(fact: Fact) -> str:
    # Lands on the message ("Fact corrected."), just above the facts, not past it.
    return reverse("research:research", args=[fact.opportunity_id]) + "#messages"


@login_required
def fact_edit(request: HttpRequest, fact_id: int) -> HttpResponse:
    fact = _fact(request, fact_id)
    form = FactForm(request.POST or None, instance=fact)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Fact corrected.")
        return redirect(_facts_url(fact))
    return render(request, "research/fact_form.html", {"form": form, "fact": fact})


@login_required
def fact_delete(request: HttpRequest, fact_id: int) -> HttpResponse:
    """GET asks first (what goes with it); POST deletes."""
    fact = _fact(request, fact_id)
    if request.method != "POST":
        cards = fact.drill_cards.count()
        return render(request, "research/fact_delete.html", {"fact": fact, "cards": cards})
    opportunity = fact.opportunity
    fact.delete()
    log_facts(opportunity)
    messages.info(request, f"Fact deleted: {opportunity.facts.count()} of "
                  f"{opportunity.fact_target} key facts.")  # fmt: skip
    return redirect(_facts_url(fact))
