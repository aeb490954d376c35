"""Real interviews: logging them for a job, the debrief, questions asked into the bank, the
thank-you note, and the debrief mail's settings and one-click stop. Owner only: every row is
fetched through `accounts.access`."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from prepcoach.accounts.access import get_owned_or_404, signed_in_user
from prepcoach.accounts.mailstop import stop_view
from prepcoach.accounts.models import User
from prepcoach.accounts.timing import local_now
from prepcoach.coach import debrief as core
from prepcoach.interviews import plans
from prepcoach.interviews.forms import ROUNDS, AskedFormSet, DebriefForm, InterviewForm, MailForm
from prepcoach.interviews.models import DEBRIEF_STOP_SALT, AskedQuestion, Debrief, DebriefMail
from prepcoach.jobs import schedule
from prepcoach.jobs.models import Interview, Opportunity

GONE = "interviews/gone.html"


def interview_or_none(request: HttpRequest, interview_id: int) -> Interview | None:
    """The user's interview, or None: never theirs, deleted, or its job deleted (one answer
    for all three, so an id says nothing about anyone else's)."""
    try:
        return get_owned_or_404(
            Interview.objects.select_related("opportunity"), signed_in_user(request),
            pk=interview_id, opportunity__user=F("user"),
        )  # fmt: skip
    except Http404:
        return None


def gone(
    request: HttpRequest, typed: dict[str, Any] | None = None, thing: str = "interview"
) -> HttpResponse:
    return render(request, GONE, {"typed": typed or {}, "thing": thing}, status=404)


def _words(interview: Interview, request: HttpRequest) -> dict[str, str]:
    now = local_now(signed_in_user(request))
    local = interview.starts_at.astimezone(now.tzinfo)
    return {
        "when": core.when_words(local, now.date()),
        "countdown": core.countdown(interview.starts_at, now, dated=False) if local > now else "",
    }


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    now = local_now(user)
    rows = [(i, core.when_words(i.starts_at.astimezone(now.tzinfo), now.date()))
            for i in schedule.interviews_of(user).select_related("debrief")]  # fmt: skip
    wanted = not DebriefMail.objects.filter(user=user, wanted=False).exists()
    return render(
        request,
        "interviews/index.html",
        {
            "upcoming": [(i, w) for i, w in rows if i.starts_at > now],
            "past": [(i, w) for i, w in reversed(rows) if i.starts_at <= now],
            "next": schedule.next_interview(user, now),
            "owed": plans.debriefs_owed(user, now),
            "mail_form": MailForm(initial={"wanted": wanted}),
            "jobs": Opportunity.objects.filter(user=user).exists(),
        },
    )


@login_required
def interview_new(request: HttpRequest, opportunity_id: int) -> HttpResponse:
    user = signed_in_user(request)
    job = get_owned_or_404(Opportunity.objects.all(), user, pk=opportunity_id)
    return _form(request, Interview(user=user, opportunity=job))


@login_required
def interview_edit(request: HttpRequest, interview_id: int) -> HttpResponse:
    interview = interview_or_none(request, interview_id)
    if interview is None:
        return gone(request, typed(request))
    return _form(request, interview)


def _form(request: HttpRequest, interview: Interview) -> HttpResponse:
    zone = local_now(signed_in_user(request)).tzinfo
    assert zone is not None
    is_new = interview.pk is None
    initial = {} if is_new else InterviewForm.initial_for(interview, zone)
    form = InterviewForm(request.POST or None, initial=initial, zone=zone)
    if request.method == "POST" and form.is_valid():
        saved = form.fill(interview)
        saved.save()
        if is_new:
            messages.success(request, f"Interview logged: {_words(saved, request)['when']}.")
        else:
            messages.success(request, "Interview saved.")
        return redirect(saved)
    context = {
        "form": form, "interview": interview, "job": interview.opportunity, "rounds": ROUNDS,
        "zone": getattr(zone, "key", "UTC"),
    }  # fmt: skip
    status = 422 if request.method == "POST" else 200
    return render(request, "interviews/interview_form.html", context, status=status)


@login_required
def detail(request: HttpRequest, interview_id: int) -> HttpResponse:
    interview = interview_or_none(request, interview_id)
    if interview is None:
        return gone(request)
    user = signed_in_user(request)
    found = Debrief.objects.filter(interview=interview).first()
    context: dict[str, Any] = {
        "interview": interview,
        "debrief": found,
        **_words(interview, request),
    }
    now = timezone.now()
    context["owed"] = core.debrief_owed(interview.starts_at, now, written=found is not None)
    context["started"] = interview.starts_at <= now
    if found is not None:
        asked = list(found.questions.all())
        banked = plans.in_bank(user, found)
        context["asked"] = [(a, banked.get(a.pk)) for a in asked]
        check = core.self_check(interview.format)
        context["body_name"] = check.name
        context["body"] = [(label, found.body_language.get(k, "")) for k, label in check.items]
        context["ratings"] = [(label, found.ratings.get(k)) for k, label in core.COMPETENCIES]
    if found is not None and context["started"]:  # no thanks for a meeting still ahead
        context["note"] = core.draft_thank_you(
            core.NoteFacts(
                company=interview.opportunity.company, role=interview.opportunity.role,
                interviewers=interview.interviewers,
                day=interview.starts_at.astimezone(local_now(user).tzinfo).date(),
                round_name=interview.round_name,
                asked=[core.Asked(a.text, a.went) for a in found.questions.all()],
                outcome=found.outcome,
                sender=user.profile.name if hasattr(user, "profile") else "",
            )
        )  # fmt: skip
    return render(request, "interviews/detail.html", context)


@login_required
def interview_delete(request: HttpRequest, interview_id: int) -> HttpResponse:
    """GET asks first (the interview, and whether its debrief and transcripts go with it);
    POST deletes."""
    interview = interview_or_none(request, interview_id)
    if interview is None:
        return gone(request)
    job = interview.opportunity
    if request.method != "POST":
        context = {
            "interview": interview,
            "job": job,
            "when": _words(interview, request)["when"],
            "debriefed": Debrief.objects.filter(interview=interview).exists(),
            "transcripts": interview.transcripts.count(),
        }
        return render(request, "interviews/interview_delete.html", context)
    debriefed = Debrief.objects.filter(interview=interview).exists()
    interview.delete()
    went = "Interview deleted, with its debrief." if debriefed else "Interview deleted."
    messages.info(request, f"{went} Questions already in your bank stay.")
    return redirect(job)


def typed(request: HttpRequest) -> dict[str, Any]:
    """What a POST carried, so a page that cannot save it can show it back to copy."""
    if request.method != "POST":
        return {}
    skip = ("csrfmiddlewaretoken", "TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS")
    return {
        k: v
        for k in request.POST
        if not k.endswith(skip) and (v := request.POST.get(k, "").strip())
    }


@login_required
def debrief(request: HttpRequest, interview_id: int) -> HttpResponse:
    interview = interview_or_none(request, interview_id)
    if interview is None:
        return gone(request, typed(request))
    found = Debrief.objects.filter(interview=interview).first()
    # The body-language items the interview's format lets the candidate judge.
    check = core.self_check(interview.format)
    rows = [{"text": a.text, "went": a.went, "notes": a.notes}
            for a in (found.questions.all() if found else [])]  # fmt: skip
    if request.method == "POST":
        form = DebriefForm(request.POST, check=check)
        asked = AskedFormSet(request.POST, prefix="asked")
        if form.is_valid() and asked.is_valid():
            with transaction.atomic():
                saved = form.fill(found or Debrief(interview=interview))
                saved.save()
                saved.questions.all().delete()
                AskedQuestion.objects.bulk_create(
                    AskedQuestion(debrief=saved, text=" ".join(r["text"].split()),
                                  went=r["went"], notes=r["notes"])
                    for r in asked.cleaned_data if r.get("text")
                )  # fmt: skip
            messages.success(
                request, "Debrief saved. Add the questions you were asked to your bank below."
            )
            return redirect(reverse("interviews:detail", args=[interview.pk]) + "#debrief")
        status = 422
    else:
        form = DebriefForm(initial=DebriefForm.initial_for(found) if found else None, check=check)
        asked = AskedFormSet(initial=rows, prefix="asked")
        status = 200
    context = {
        "interview": interview,
        "form": form,
        "asked": asked,
        "debrief": found,
        # Before it starts there is nothing to debrief: the page points to preparing instead
        # (a form posted from an older page is still saved, so nothing typed is lost).
        "started": interview.starts_at <= timezone.now() or request.method == "POST",
        **_words(interview, request),
    }
    return render(request, "interviews/debrief.html", context, status=status)


@login_required
@require_POST
def bank(request: HttpRequest, asked_id: int) -> HttpResponse:
    """One question asked into the user's own bank, tagged with the company and round."""
    user = signed_in_user(request)
    try:
        asked = get_owned_or_404(
            AskedQuestion.objects.select_related("debrief__interview__opportunity"), user,
            "debrief__interview__user", pk=asked_id,
            debrief__interview__opportunity__user=F("debrief__interview__user"),
        )  # fmt: skip
    except Http404:
        return gone(request)
    question, made = plans.add_to_bank(asked)
    if request.headers.get("HX-Request"):
        context = {"a": asked, "banked": question, "just_added": made}
        return render(request, "interviews/partials/asked_item.html", context)
    if made:
        messages.success(request, f"Added to your question bank: “{question.text}”.")
    else:
        messages.info(request, f"Already in your question bank: “{question.text}”.")
    return redirect(
        reverse("interviews:detail", args=[asked.debrief.interview_id]) + f"#asked-{asked.pk}"
    )


@login_required
@require_POST
def mail_settings(request: HttpRequest) -> HttpResponse:
    form = MailForm(request.POST)
    wanted = form.is_valid() and form.cleaned_data["wanted"]
    DebriefMail.objects.update_or_create(user=signed_in_user(request), defaults={"wanted": wanted})
    messages.success(
        request, "Debrief reminders on." if wanted else "Debrief reminders off: no more mails."
    )
    return redirect("interviews:index")


@csrf_exempt  # the signed link is the key; a mail client's one-click POST (RFC 8058) has no session
def mail_stop(request: HttpRequest, signed: str) -> HttpResponse:
    """One click from the debrief mail, no sign-in: debrief mails off, and nothing else."""

    def turn_off(user_id: int) -> None:
        DebriefMail.objects.update_or_create(user_id=user_id, defaults={"wanted": False})

    def find(user_id: int) -> int | None:
        return user_id if User.objects.filter(pk=user_id, is_active=True).exists() else None

    return stop_view(
        request, signed, salt=DEBRIEF_STOP_SALT, turn_off=turn_off, find=find,
        words={"what": "debrief reminder mails", "question": "Stop the debrief reminder mails?",
               "done_text": "You will get no more mails asking for a debrief. The dashboard "
               "still reminds you after each interview.",
               "settings_text": "You can turn them back on on the interviews page after "
               "signing in."},
    )  # fmt: skip
