"""After a real interview: a message asking the interviewer for feedback, drafted for the user
to edit and send themselves (prepcoach never writes to an interviewer), and a place to keep
what came back."""

from __future__ import annotations

import datetime as dt
from urllib.parse import quote

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from prepcoach.accounts.access import get_owned_or_404, owned_by, signed_in_user
from prepcoach.coach.feedback import interviewer_ask
from prepcoach.feedback.models import MAX_REPLY_CHARS, InterviewerReply
from prepcoach.jobs.models import Opportunity


class DraftForm(forms.Form):
    interviewer = forms.CharField(label="Interviewer's name", max_length=120, required=False)
    day = forms.CharField(
        label="When you met", max_length=60, required=False,
        help_text="As you would write it, e.g. “Tuesday 1 December”.",
    )  # fmt: skip
    topics = forms.CharField(label="What you discussed", max_length=300, required=False,
                             help_text="A few subjects, separated by commas.")  # fmt: skip


class ReplyForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = InterviewerReply
        fields = ("interviewer", "received_on", "text")
        widgets = {
            "text": forms.Textarea(attrs={"rows": 6}),  # no `maxlength`: `form_words`
            "received_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        error_messages = {
            "text": {
                "required": "Paste what the interviewer wrote back.",
                "max_length": f"Keep it under {MAX_REPLY_CHARS} characters (this has "
                "%(show_value)d): paste the part about your interview.",
            }
        }


def _job(request: HttpRequest, opportunity_id: int) -> Opportunity:
    return get_owned_or_404(Opportunity.objects.all(), signed_in_user(request), pk=opportunity_id)


@login_required
def interviewer_feedback(request: HttpRequest, opportunity_id: int) -> HttpResponse:
    job = _job(request, opportunity_id)
    user = signed_in_user(request)
    reply_form = ReplyForm(request.POST or None, prefix="reply")
    if request.method == "POST" and reply_form.is_valid():
        reply: InterviewerReply = reply_form.save(commit=False)
        reply.owner, reply.opportunity = user, job
        reply.save()
        messages.success(request, "Kept with the job: it counts as feedback like the rest.")
        return redirect("feedback:interviewer", opportunity_id=job.pk)
    # The day of the latest interview that has happened (the job's interviews, as they are
    # now): one still to come is not thanked for yet.
    held = job.interview_days(held_by=timezone.now())
    first_date = _in_words(held[-1]) if held else ""
    draft_form = DraftForm(request.GET or None, initial={"day": first_date})
    values = draft_form.cleaned_data if draft_form.is_valid() else {"day": first_date}
    name = getattr(getattr(user, "profile", None), "name", "") or ""
    ask = interviewer_ask(
        job.company, job.role, values.get("interviewer", ""), values.get("day", ""),
        [t for t in values.get("topics", "").split(",") if t.strip()], name,
    )  # fmt: skip
    mailto = f"mailto:?subject={quote(ask.subject)}&body={quote(ask.body)}"
    replies = owned_by(InterviewerReply.objects.filter(opportunity=job), user, "owner")
    return render(request, "feedback/interviewer.html", {
        "job": job, "ask": ask, "mailto": mailto, "draft_form": draft_form,
        "reply_form": reply_form, "replies": replies,
    }, status=400 if reply_form.errors else 200)  # fmt: skip


def _in_words(day: dt.date) -> str:
    """The day as "Thursday 10 December"."""
    return f"{day:%A} {day.day} {day:%B}"


@login_required
@require_POST
def reply_delete(request: HttpRequest, reply_id: int) -> HttpResponse:
    reply = get_owned_or_404(
        InterviewerReply.objects.all(), signed_in_user(request), "owner", pk=reply_id
    )
    job_id = reply.opportunity_id
    reply.delete()
    messages.info(request, "That feedback is deleted.")
    return redirect("feedback:interviewer", opportunity_id=job_id)
