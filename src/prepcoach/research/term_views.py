"""A job's key terms corrected by its owner (`jobs/terms.py`): a junk term removed (brought back
by the Undo beside the note, or from the line of removed terms) and a term the extractor missed
added. The job's page shows the terms; "Correct these terms" shows them with a Remove button
beside each and the box to add one (`?terms=edit`). HTMX swaps the card's body; without
JavaScript the same forms post and the page comes back, still correcting, with a message."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from prepcoach.accounts.access import get_owned_or_404, signed_in_user
from prepcoach.coach.keywords import unreadable_advert
from prepcoach.jobs.models import Opportunity
from prepcoach.research.forms import KeyTermForm

EDIT = "edit"  # ?terms=edit: the job's page with its terms ready to correct


@dataclass(frozen=True)
class Note:
    """What a correction did, said in the card; `undo`: the term its Undo brings back."""

    text: str
    undo: str = ""


def terms_card(
    opportunity: Opportunity,
    *,
    editing: bool,
    form: KeyTermForm | None = None,
    note: Note | None = None,
    focus: str = "",
) -> dict[str, object]:
    """What the key-terms card shows. `focus`: "start" (the words on correcting, as correcting
    begins), or after a correction HTMX made: "undo" (the note's Undo), "add" (the box), a
    term (its Remove button) or "mode" (the link to correct, outside correcting)."""
    if form is None:
        form = KeyTermForm(opportunity=opportunity)
    if focus == "add" or form.errors:
        form.fields["term"].widget.attrs["autofocus"] = True
    return {
        "opportunity": opportunity,
        "corrected": opportunity.corrected_terms,
        # Those the advert asks for only as a plus, with its words: marked so, as readiness
        # and the likely questions treat them (a new user's trial saw all alike).
        "optional": {o.term: o.said for o in opportunity.optional_terms},
        # Why the advert gives no terms (emoji, fillers, another language), said instead of
        # "you removed them all" to someone who removed none.
        "terms_unread": unreadable_advert(opportunity.job_description),
        "editing": editing,
        "term_form": form,
        "note": note,
        "focus": focus,
        "terms_url": reverse("research:key_terms", args=[opportunity.pk]),
    }


def _page_url(opportunity: Opportunity, *, editing: bool) -> str:
    shown = f"?terms={EDIT}" if editing else ""
    return f"{opportunity.get_absolute_url()}{shown}#key-terms"


@login_required
@require_POST
def key_terms(request: HttpRequest, opportunity_id: int) -> HttpResponse:
    """POST `remove` or `restore` (a term as the page shows it), or `term` (one to add)."""
    user = signed_in_user(request)
    with transaction.atomic():
        # Locked, so two tabs correcting at once each keep their correction.
        job = get_owned_or_404(Opportunity.objects.select_for_update(), user, pk=opportunity_id)
        form: KeyTermForm | None = None
        if "remove" in request.POST:
            note, focus, changed = _remove(job, request.POST["remove"])
        elif "restore" in request.POST:
            note, focus, changed = _restore(job, request.POST["restore"])
        else:
            form = KeyTermForm(request.POST, opportunity=job)
            note, focus, changed = _add(job, form)
            if changed:
                form = None  # an empty box for the next one
        if changed:
            job.save(update_fields=["terms_removed", "terms_added", "updated_at"])
    # The answer stays where its form was: the terms ready to correct, or the page's
    # "Removed by you" line (a term to add is typed only while correcting).
    editing = request.POST.get("terms") == EDIT or not ({"remove", "restore"} & set(request.POST))
    if not editing:
        focus = "mode"  # no Remove button nor box is shown: the link to correct takes it
    if request.headers.get("HX-Request"):
        context = terms_card(job, editing=editing, form=form, note=note, focus=focus)
        return render(request, "research/partials/key_terms_swap.html", context)
    if form is not None:  # refused: the page again, with what was typed and why
        context = terms_card(job, editing=True, form=form)
        return render(request, "research/opportunity.html", context)
    if note is not None:
        (messages.success if changed else messages.info)(request, note.text)
    return redirect(_page_url(job, editing=editing))


# Each correction: what to say, what takes the focus next, and whether anything changed.
Done = tuple[Note | None, str, bool]


def _remove(job: Opportunity, asked: str) -> Done:
    if shown := job.remove_term(asked):
        return Note(f"Removed “{shown}” from the key terms.", undo=shown), "undo", True
    return Note(f"“{asked}” is not a key term now: nothing was removed."), "add", False


def _restore(job: Opportunity, asked: str) -> Done:
    if shown := job.restore_term(asked):
        return Note(f"“{shown}” is a key term again."), shown, True
    # Removed from an advert edited since: nothing to bring back, and nothing kept removed.
    gone = f"The advert no longer gives “{asked}”: add it if the job asks for it."
    return Note(gone), "add", True


def _add(job: Opportunity, form: KeyTermForm) -> Done:
    if not form.is_valid():
        return None, "add", False
    term = form.cleaned_data["term"]
    again = job.corrected_terms.find_removed(term) is not None
    shown = job.add_term(term)
    text = f"“{shown}” is a key term again." if again else f"Added “{shown}” to the key terms."
    return Note(text), "add", True
