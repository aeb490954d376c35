"""Grow: the jobs being interviewed for, with what their descriptions ask."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from prepcoach.accounts.access import get_owned_or_404, owned_by, signed_in_user
from prepcoach.accounts.models import Profile
from prepcoach.coach.brief import NextInterview, brief_company
from prepcoach.coach.deadlines import DateOrder
from prepcoach.coach.debrief import when_words
from prepcoach.coach.stories import coverage, read_bank
from prepcoach.coach.written_dates import write_dates
from prepcoach.jobs import schedule
from prepcoach.jobs.models import Interview, Opportunity
from prepcoach.jobs.signals import facts_changed
from prepcoach.jobs.terms import leading
from prepcoach.ops.rate import spend, with_retry_after
from prepcoach.reflection.models import Story
from prepcoach.research.forms import FactForm, OpportunityForm, ResearchForm
from prepcoach.research.models import RESEARCH_SECTIONS
from prepcoach.research.term_views import EDIT, terms_card
from prepcoach.templating import day


def _opportunity(request: HttpRequest, opportunity_id: int) -> Opportunity:
    return get_owned_or_404(Opportunity.objects.all(), signed_in_user(request), pk=opportunity_id)


@login_required
def index(request: HttpRequest) -> HttpResponse:
    # Each job's interview days come from its interviews, asked for once for the whole list.
    jobs = owned_by(Opportunity.objects.prefetch_related("interviews"), signed_in_user(request))
    return render(request, "research/index.html", {"opportunities": jobs})


@login_required
def opportunity_new(request: HttpRequest) -> HttpResponse:
    return _form(request, Opportunity(user=signed_in_user(request)))


@login_required
def opportunity_edit(request: HttpRequest, opportunity_id: int) -> HttpResponse:
    return _form(
        request,
        _opportunity(request, opportunity_id),
    )


def _date_order(opportunity: Opportunity) -> str:
    """How the job's owner writes "10/12" (their profile's setting; "" when not set)."""
    profiles = Profile.objects.filter(user_id=opportunity.user_id)
    return profiles.values_list("date_order", flat=True).first() or ""


def _form(request: HttpRequest, opportunity: Opportunity) -> HttpResponse:
    form = OpportunityForm(
        request.POST or None,
        instance=opportunity,
        date_order=_date_order(opportunity),
        today=timezone.localdate(),
    )
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        moved = _moved_words(form.moved)
        added = _added_words(form.added, form.date_order)
        kept = _kept_words(form.kept, form.date_order)
        messages.success(request, f"Saved “{saved}”.{moved}{added}{kept}")
        return redirect(saved)
    return render(
        request, "research/opportunity_form.html", {"form": form, "opportunity": opportunity}
    )


def _moved_words(moved: list[tuple[dt.date, dt.date]]) -> str:
    """The interviews a date changed in the box moved: " Moved the interview of Thu 10 Dec to
    Fri 11 Dec." (each at its own time, with its round)."""
    if not moved:
        return ""
    pairs = [f"of {day(old)} to {day(new)}" for old, new in moved]
    return f" Moved the interview {', and '.join(pairs)}."


def _added_words(added: list[Interview], date_order: DateOrder | None) -> str:
    """The interviews the dates typed made, said so the hour they were given is no surprise."""
    if not added:
        return ""
    days = write_dates((timezone.localtime(i.starts_at).date() for i in added), date_order)
    one = len(added) == 1
    return (
        f" Added to your week: {'an interview' if one else 'interviews'} on {days}, at "
        f"{schedule.DATED_TIME:%H:%M} until you set {'its' if one else 'their'} time and round "
        f"on {'its' if one else 'their'} page."
    )


def _kept_words(kept: list[dt.date], date_order: DateOrder | None) -> str:
    """Days taken out of the dates box: their interviews stay, since only their own page
    deletes an interview (and its debrief)."""
    if not kept:
        return ""
    one = len(kept) == 1
    return (
        f" Taking a date out of the box cancels no interview: the {'one' if one else 'ones'} "
        f"on {write_dates(kept, date_order)} {'is' if one else 'are'} kept; delete "
        f"{'it' if one else 'them'} from Interviews on the job's page."
    )


@login_required
def opportunity_detail(request: HttpRequest, opportunity_id: int) -> HttpResponse:
    opportunity = get_owned_or_404(
        Opportunity.objects.all(), signed_in_user(request), pk=opportunity_id
    )
    # Its key terms, as the owner corrected them; `?terms=edit` shows them ready to correct.
    editing = request.GET.get("terms") == EDIT
    card = terms_card(opportunity, editing=editing, focus="start" if editing else "")
    return render(request, "research/opportunity.html", card)


@login_required
@require_POST
def opportunity_delete(request: HttpRequest, opportunity_id: int) -> HttpResponse:
    opportunity = get_owned_or_404(
        Opportunity.objects.all(), signed_in_user(request), pk=opportunity_id
    )
    opportunity.delete()
    messages.info(
        request,
        "Job deleted, with its interviews and their debriefs. Mock interviews for it and "
        "questions added to your bank are kept.",
    )
    return redirect("research:index")


@login_required
def research(request: HttpRequest, opportunity_id: int) -> HttpResponse:
    """The company research page: its sections in Markdown, and the key facts with sources."""
    opportunity = get_owned_or_404(
        Opportunity.objects.all(), signed_in_user(request), pk=opportunity_id
    )
    form = ResearchForm(request.POST or None, instance=opportunity)
    if request.method == "POST" and form.is_valid():
        form.save()
        log_facts(opportunity)  # the number of facts to collect may have changed
        messages.success(request, "Research saved.")
        return redirect("research:research", opportunity_id=opportunity.pk)
    sections = [
        (
            name,
            str(getattr(opportunity._meta.get_field(name), "verbose_name", name)),
            getattr(opportunity, name),
        )
        for name in RESEARCH_SECTIONS
    ]
    context = {
        "opportunity": opportunity,
        "form": form,
        "fact_form": FactForm(),
        "sections": sections,
    }
    return render(request, "research/research.html", context)


@login_required
@require_POST
def fact_add(request: HttpRequest, opportunity_id: int) -> HttpResponse:
    opportunity = get_owned_or_404(
        Opportunity.objects.all(), signed_in_user(request), pk=opportunity_id
    )
    form = FactForm(request.POST)
    if form.is_valid():
        fact = form.save(commit=False)
        fact.opportunity = opportunity
        fact.save()
        log_facts(opportunity)
        count = opportunity.facts.count()
        messages.success(request, f"Fact {count} of {opportunity.fact_target} saved.")
    else:
        for errors in form.errors.values():
            messages.error(request, str(errors[0]))
    return redirect("research:research", opportunity_id=opportunity.pk)


def log_facts(opportunity: Opportunity) -> None:
    """Tell whoever follows the job's facts (Plan's facts goal) that they changed."""
    facts_changed.send(sender=Opportunity, opportunity=opportunity)


# The most key terms the brief lists (`_brief`): it is one page.
BRIEF_TERMS = 10


def _brief(request: HttpRequest, opportunity_id: int) -> dict[str, object]:
    """What the one-page brief holds: facts, values matched to stories, chosen stories, the
    user's questions, logistics, the company's strategy and competitors, the people the user
    will meet (the next interview's interviewers) and the job's key terms."""
    user = signed_in_user(request)
    opportunity = get_owned_or_404(Opportunity.objects.all(), user, pk=opportunity_id)
    stories = list(owned_by(Story.objects.all(), user))
    # A story prepcoach cannot read matches no value by its words (`coach.stories.BankReading`).
    infos = read_bank(s.saved for s in stories).for_coverage
    titles: dict[object, str] = {s.pk: s.title for s in stories}
    values = [
        (row.target, [titles[i] for i in row.stories])
        for row in coverage(infos, values=opportunity.value_list, competencies=())
    ]
    upcoming = (
        owned_by(opportunity.interviews.all(), user)
        .filter(starts_at__gte=timezone.now())
        .order_by("starts_at")
        .first()
    )
    next_interview = (
        NextInterview(
            upcoming.round_name,
            when_words(timezone.localtime(upcoming.starts_at), timezone.localdate()),
            upcoming.interviewers,
        )
        if upcoming
        else None
    )
    company = brief_company(
        opportunity.strategy, opportunity.competitors, opportunity.people, next_interview
    )
    terms = opportunity.corrected_terms.terms
    return {
        "opportunity": opportunity,
        "facts": list(opportunity.facts.all()),
        "values": values,
        "chosen": list(opportunity.stories.filter(user=user)),
        "questions": [q.strip() for q in opportunity.my_questions.splitlines() if q.strip()],
        # Ten, the owner's own among them and the required before the optional
        # (`jobs.terms.leading`), and how many more the job has: a trial's brief showed ten of
        # twenty and said nothing of the rest.
        "terms": leading(terms, BRIEF_TERMS, (t.term for t in opportunity.optional_terms)),
        "terms_more": max(len(terms) - BRIEF_TERMS, 0),
        "company": company,
        "upcoming": upcoming,  # the next interview, whose page takes its interviewers
    }


@login_required
@require_safe
def brief(request: HttpRequest, opportunity_id: int) -> HttpResponse:
    return render(request, "research/brief.html", _brief(request, opportunity_id))


@login_required
@require_safe
def brief_markdown(request: HttpRequest, opportunity_id: int) -> HttpResponse:
    context = _brief(request, opportunity_id)
    # A downloaded file has no link to follow: "And 8 more on the job's page" says where (a
    # page check).
    context["job_address"] = request.build_absolute_uri(
        reverse("research:opportunity", args=[opportunity_id]) + "#key-terms"
    )
    body = render_to_string("research/brief.md", context)
    response = HttpResponse(body, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="brief-{opportunity_id}.md"'
    return response


@login_required
@require_safe
def brief_pdf(request: HttpRequest, opportunity_id: int) -> HttpResponse:
    context = _brief(request, opportunity_id)
    # Counted after _brief, so asking for someone else's job is a 404, not a use.
    decision = spend(signed_in_user(request), "brief_pdf")
    if not decision.allowed:
        messages.error(request, decision.message)
        page = render(request, "research/brief.html", context)
        return with_retry_after(page, decision)
    html = render_to_string("research/brief_print.html", context)
    try:
        from weasyprint import HTML

        pdf = HTML(string=html).write_pdf()
    except OSError:
        messages.error(
            request,
            "The PDF needs the Pango text library: install it (sudo apt install libpango-1.0-0 "
            "libpangoft2-1.0-0) and try again. The Markdown download works meanwhile.",
        )
        return redirect("research:brief", opportunity_id=opportunity_id)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="brief-{opportunity_id}.pdf"'
    return response
