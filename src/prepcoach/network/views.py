"""The user's network: contacts, events, follow-ups and importing a CSV or vCard file."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from prepcoach.accounts.access import get_owned_or_404, owned_by, signed_in_user
from prepcoach.coach import contact_import
from prepcoach.coach.amounts import number_text
from prepcoach.goals.views.common import celebrate_milestones
from prepcoach.network import plans
from prepcoach.network.forms import ContactForm, EventForm, FollowedUpForm, ImportForm
from prepcoach.network.models import Contact, Event
from prepcoach.practice.models import Attempt

MAX_SEARCH = 100


def _contact(request: HttpRequest, contact_id: int) -> Contact:
    return get_owned_or_404(
        Contact.objects.select_related("opportunity"), signed_in_user(request), pk=contact_id
    )


def _event(request: HttpRequest, event_id: int) -> Event:
    return get_owned_or_404(Event.objects.all(), signed_in_user(request), pk=event_id)


def _moved_goals(request: HttpRequest) -> None:
    """Networking goals with a count follow what was just logged: say which moved."""
    today = timezone.localdate()
    for goal, update in plans.sync_goals(signed_in_user(request), today):
        # As typed: "1 of 5", never the stored "5.00" (a trial).
        target = f" of {number_text(goal.target_value)}" if goal.target_value is not None else ""
        messages.info(
            request,
            f"“{goal.text}” now stands at {number_text(update.after)}{target}. "
            f"{update.count.explanation}",
        )
        celebrate_milestones(request, goal, today)  # as a check-in logged by hand does


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user, today = signed_in_user(request), timezone.localdate()
    contacts = owned_by(Contact.objects.all(), user)
    query = request.GET.get("q", "").strip()[:MAX_SEARCH]
    if query:
        contacts = contacts.filter(
            Q(name__icontains=query)
            | Q(company__icontains=query)
            | Q(role__icontains=query)
            | Q(where_met__icontains=query)
            | Q(tags__icontains=query)
        )
    return render(
        request,
        "network/index.html",
        {
            "contacts": contacts,
            "query": query,
            "has_contacts": owned_by(Contact.objects.all(), user).exists(),
            "events": owned_by(Event.objects.all(), user)[:20],
            "follow_ups": plans.due_follow_ups(user, today, days=7),
            "today": today,
        },
    )


@login_required
def contact_new(request: HttpRequest) -> HttpResponse:
    return _contact_form(request, Contact(user=signed_in_user(request)))


@login_required
def contact_edit(request: HttpRequest, contact_id: int) -> HttpResponse:
    return _contact_form(request, _contact(request, contact_id))


def _contact_form(request: HttpRequest, contact: Contact) -> HttpResponse:
    user = signed_in_user(request)
    is_new = contact.pk is None
    form = ContactForm(
        request.POST if request.method == "POST" else None, instance=contact, owner=user
    )
    if request.method == "POST" and form.is_valid():
        contact = form.save(commit=False)
        contact.user = user
        contact.save()
        messages.success(request, f"{contact.name} {'added' if is_new else 'saved'}.")
        _moved_goals(request)
        return redirect("network:contact", contact_id=contact.pk)
    status = 422 if request.method == "POST" else 200
    return render(
        request, "network/contact_form.html", {"form": form, "contact": contact}, status=status
    )


@login_required
def contact(request: HttpRequest, contact_id: int) -> HttpResponse:
    found = _contact(request, contact_id)
    return _contact_page(request, found, FollowedUpForm())


def _contact_page(
    request: HttpRequest, found: Contact, form: FollowedUpForm, status: int = 200
) -> HttpResponse:
    user = signed_in_user(request)
    answers = owned_by(Attempt.objects.all(), user).order_by("-created_at")[:5]
    ask = urlencode({"for": found.name[:80]})
    invite = reverse("partners:index") + "?" + urlencode({"email": found.email}) + "#invite-title"
    context: dict[str, Any] = {
        "contact": found,
        "events": found.events.all(),
        "followed_up_form": form,
        "answers": [(a, reverse("feedback:attempt", args=[a.pk]) + "?" + ask) for a in answers],
        "invite_url": invite if found.email else "",
        "today": timezone.localdate(),
    }
    return render(request, "network/contact.html", context, status=status)


@login_required
@require_POST
def contact_followed_up(request: HttpRequest, contact_id: int) -> HttpResponse:
    """They were contacted today: the last contact becomes today, the next one is optional."""
    found = _contact(request, contact_id)
    form = FollowedUpForm(request.POST)
    if not form.is_valid():
        return _contact_page(request, found, form, status=422)
    found.last_contact = timezone.localdate()
    found.next_follow_up = form.cleaned_data["next_follow_up"]
    found.save(update_fields=["last_contact", "next_follow_up"])
    if found.next_follow_up:
        messages.success(
            request, f"Noted. Next follow-up with {found.name}: {found.next_follow_up:%A %-d %B}."
        )
    else:
        messages.success(request, f"Noted: you were in touch with {found.name} today.")
    _moved_goals(request)
    return redirect("network:contact", contact_id=found.pk)


@login_required
@require_POST
def contact_delete(request: HttpRequest, contact_id: int) -> HttpResponse:
    found = _contact(request, contact_id)
    found.delete()
    messages.info(request, f"{found.name} deleted.")
    _moved_goals(request)
    return redirect("network:index")


@login_required
def event_new(request: HttpRequest) -> HttpResponse:
    return _event_form(request, Event(user=signed_in_user(request)))


@login_required
def event_edit(request: HttpRequest, event_id: int) -> HttpResponse:
    return _event_form(request, _event(request, event_id))


def _event_form(request: HttpRequest, event: Event) -> HttpResponse:
    user = signed_in_user(request)
    is_new = event.pk is None
    form = EventForm(request.POST if request.method == "POST" else None, instance=event, owner=user)
    if request.method == "POST" and form.is_valid():
        event = form.save(commit=False)
        event.user = user
        with transaction.atomic():
            event.save()
            form.save_m2m()
        messages.success(request, f"{event.name} {'added' if is_new else 'saved'}.")
        _moved_goals(request)
        return redirect("network:event", event_id=event.pk)
    status = 422 if request.method == "POST" else 200
    return render(request, "network/event_form.html", {"form": form, "event": event}, status=status)


@login_required
def event(request: HttpRequest, event_id: int) -> HttpResponse:
    found = _event(request, event_id)
    return render(
        request,
        "network/event.html",
        {"event": found, "contacts": found.contacts.all(), "today": timezone.localdate()},
    )


@login_required
@require_POST
def event_delete(request: HttpRequest, event_id: int) -> HttpResponse:
    found = _event(request, event_id)
    found.delete()
    messages.info(request, f"{found.name} deleted; the people you met there stay.")
    _moved_goals(request)
    return redirect("network:index")


@login_required
def import_contacts(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    if request.method != "POST":
        return render(request, "network/import.html", {"form": ImportForm()})
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, "network/import.html", {"form": form}, status=422)
    upload = form.cleaned_data["file"]
    data = upload.read(contact_import.MAX_IMPORT_BYTES + 1)
    try:
        parsed = contact_import.parse_file(data, upload.name or "")
    except contact_import.ImportRefusedError as refusal:
        form.add_error("file", str(refusal))
        return render(request, "network/import.html", {"form": form}, status=422)
    existing = {c.key: c.name for c in owned_by(Contact.objects.all(), user)}
    plan = contact_import.plan_import(parsed, existing)
    today = timezone.localdate()
    with transaction.atomic():  # every good row or none: never half a file without saying so
        Contact.objects.bulk_create(
            [
                Contact(
                    user=user,
                    name=r.name,
                    email=r.email,
                    phone=r.phone,
                    company=r.company,
                    role=r.role,
                    where_met=r.where_met,
                    notes=r.notes,
                    tags=r.tags,
                    last_contact=r.last_contact,
                    next_follow_up=r.next_follow_up,
                    added_on=today,
                )
                for r in plan.to_import
            ],
            batch_size=500,
        )
    skipped = sum(1 for p in plan.problems if p.skipped)
    messages.success(
        request,
        f"Imported {len(plan.to_import)} of {plan.rows} contact{'s' * (plan.rows != 1)} "
        f"from the {plan.kind} file"
        + (f"; {skipped} not imported (the reasons are listed below)." if skipped else "."),
    )
    _moved_goals(request)
    problems = [(contact_import.describe_row(plan.kind, p.row), p) for p in plan.problems]
    return render(
        request,
        "network/import.html",
        {"form": ImportForm(), "plan": plan, "problems": problems, "skipped": skipped},
    )
