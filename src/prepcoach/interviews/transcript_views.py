"""A transcript of an interview (or a mock for it): pasted or uploaded from the interview's
page, its questions and answers shown, who the user was picked or corrected, each question into
the bank in one click and each answer read by the answer reader. Owner only, through
`accounts.access`; a transcript that cannot be read is refused whole and its text comes back."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from prepcoach.accounts.access import get_owned_or_404, signed_in_user
from prepcoach.coach.interview_transcript import TranscriptError
from prepcoach.interviews import plans
from prepcoach.interviews.forms import TranscriptForm
from prepcoach.interviews.models import Transcript
from prepcoach.interviews.transcripts import key_of, new_readings, reading_of
from prepcoach.interviews.views import gone, interview_or_none, typed

GONE = {"thing": "transcript"}


def _transcript(request: HttpRequest, transcript_id: int) -> Transcript | None:
    """The user's transcript, or None: never theirs, deleted, or its interview or job deleted."""
    try:
        return get_owned_or_404(
            Transcript.objects.select_related("interview__opportunity"), signed_in_user(request),
            "interview__user", pk=transcript_id,
            interview__opportunity__user=F("interview__user"),
        )  # fmt: skip
    except Http404:
        return None


@login_required
def transcript_new(request: HttpRequest, interview_id: int) -> HttpResponse:
    interview = interview_or_none(request, interview_id)
    if interview is None:
        return gone(request, typed(request))
    form = TranscriptForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if form.is_valid():
            found = form.cleaned_data["found"]
            upload = form.cleaned_data.get("upload")
            saved = Transcript.objects.create(
                interview=interview, text=form.content,
                filename=upload.name[:200] if upload else "",
                speaker=found.user if found.sure == "given" and found.user else "",
                readings=new_readings(interview, found, {}),
            )  # fmt: skip
            messages.success(request, _found_words(len(found.pairs)))
            return redirect(saved)
        if form.content and form.content != request.POST.get("text"):
            # A file that did not read: its words come back in the box, nothing is lost.
            data = request.POST.copy()
            data["text"] = form.content
            kept = TranscriptForm(data)
            kept.is_valid()
            form = kept
    context = {"interview": interview, "form": form,
               "transcripts": interview.transcripts.all()}  # fmt: skip
    status = 422 if request.method == "POST" else 200
    return render(request, "interviews/transcript_form.html", context, status=status)


def _found_words(count: int) -> str:
    if count == 0:
        return "Transcript saved. No question and answer found yet: say who you are below."
    return f"Transcript saved. {_pairs_words(count)}"


def _pairs_words(count: int) -> str:
    if count == 0:
        return "No question was found before your turns."
    return f"{count} question{'s' if count != 1 else ''} found, each with your answer."


@login_required
def transcript(request: HttpRequest, transcript_id: int) -> HttpResponse:
    saved = _transcript(request, transcript_id)
    if saved is None:
        return gone(request, thing="transcript")
    interview = saved.interview
    context: dict[str, Any] = {"transcript": saved, "interview": interview}
    try:
        found = reading_of(saved)
    except TranscriptError as error:
        context["error"] = str(error)
        return render(request, "interviews/transcript.html", context)
    readings = new_readings(interview, found, saved.readings)
    user = signed_in_user(request)
    context["found"] = found
    context["pairs"] = [
        (i, pair, readings.get(key_of(pair)), plans.bank_twin(user, pair.question))
        for i, pair in enumerate(found.pairs)
    ]
    return render(request, "interviews/transcript.html", context)


@login_required
@require_POST
def transcript_speaker(request: HttpRequest, transcript_id: int) -> HttpResponse:
    saved = _transcript(request, transcript_id)
    if saved is None:
        return gone(request, typed(request), thing="transcript")
    try:
        found = reading_of(saved)
    except TranscriptError:
        return redirect(saved)
    name = request.POST.get("speaker", "")
    if name not in {s.name for s in found.speakers}:
        messages.error(request, "Pick one of the speakers named in the transcript.")
        return redirect(saved)
    mine = found.as_user(name)
    saved.speaker = name
    saved.readings = new_readings(saved.interview, mine, saved.readings)
    saved.save(update_fields=["speaker", "readings"])
    messages.success(request, f"You are {name}. {_pairs_words(len(mine.pairs))}")
    return redirect(saved)


@login_required
@require_POST
def transcript_bank(request: HttpRequest, transcript_id: int, index: int) -> HttpResponse:
    """One question found in the transcript into the bank, tagged with the company and round
    (the debrief's questions go the same way: `plans.add_question`)."""
    saved = _transcript(request, transcript_id)
    if saved is None:
        return gone(request, thing="transcript")
    try:
        pairs = reading_of(saved).pairs
    except TranscriptError:
        pairs = ()
    if index >= len(pairs):
        messages.error(request, "That question is not in the transcript any more: nothing added.")
        return redirect(saved)
    question, made = plans.add_question(saved.interview, pairs[index].question)
    if made:
        messages.success(request, f"Added to your question bank: “{question.text}”.")
    else:
        messages.info(request, f"Already in your question bank: “{question.text}”.")
    return redirect(reverse("interviews:transcript", args=[saved.pk]) + f"#pair-{index}")


@login_required
@require_POST
def transcript_delete(request: HttpRequest, transcript_id: int) -> HttpResponse:
    saved = _transcript(request, transcript_id)
    if saved is None:
        return gone(request, thing="transcript")
    interview = saved.interview
    saved.delete()
    messages.info(request, "Transcript deleted. Questions already in your bank stay.")
    return redirect(interview)
