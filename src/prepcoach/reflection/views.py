"""Grow: the STAR story bank and its coverage, retrospectives, and the career compass."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from prepcoach.accounts.access import get_owned_or_404, owned_by, signed_in_user
from prepcoach.coach.retro_stories import PROMPTS as RETRO_PROMPTS
from prepcoach.coach.retro_stories import (
    DraftStory,
    RetroDrafts,
    draft_stories,
    former_titles,
    legacy_title,
    metrics_line,
    whole_story,
)
from prepcoach.coach.spoken import ANSWER_SECONDS, SPEAKING_WPM, story_remark
from prepcoach.coach.stories import PARTS, coverage, read_bank, shift
from prepcoach.jobs.models import Interview, Opportunity
from prepcoach.reflection.forms import ReflectionForm, RetrospectiveForm, StoryForm
from prepcoach.reflection.models import PROMPTS, Reflection, Retrospective, Story


@login_required
def stories(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    bank = list(owned_by(Story.objects.prefetch_related("opportunities"), user))
    jobs = owned_by(Opportunity.objects.all(), user)
    job, chosen_for_you = None, False
    if "for" not in request.GET:
        # A user with an interview coming wants their stories against that job first: the
        # trial's user with a job at the interviewing stage saw only the competencies.
        ahead = Interview.objects.filter(starts_at__gt=timezone.now(), opportunity__in=jobs)
        if (next_one := owned_by(ahead, user).order_by("starts_at").first()) is not None:
            job, chosen_for_you = jobs.get(pk=next_one.opportunity_id), True
    elif (job_id := request.GET["for"]).isdigit():
        job = jobs.filter(pk=int(job_id)).first()
    # A story prepcoach cannot read shows nothing by its words (`coach.stories.BankReading`).
    reading = read_bank(s.saved for s in bank)
    unread = [s for s in bank if s.pk in reading.unread]
    rows = coverage(
        reading.for_coverage,
        values=job.value_list if job else (),
        terms=job.key_terms if job else (),
    )
    # Each row with, per story that covers it, what shows it (`CoverageRow.evidence`): a trial's
    # user saw which stories covered a term but not why.
    shown = [(row, list(zip(row.stories, row.evidence, strict=True))) for row in rows]
    return render(request, "reflection/stories.html", {
        "stories": bank, "rows": shown, "jobs": jobs, "job": job, "chosen_for_you": chosen_for_you,
        "titles": {s.pk: s.title for s in bank}, "gaps": sum(r.gap for r in rows),
        "unread": unread,
    })  # fmt: skip


@login_required
def story_new(request: HttpRequest) -> HttpResponse:
    return story_form_page(request, Story(user=signed_in_user(request)))


@login_required
def story_edit(request: HttpRequest, story_id: int) -> HttpResponse:
    return story_form_page(
        request, get_owned_or_404(Story.objects.all(), signed_in_user(request), pk=story_id)
    )


def story_form_page(
    request: HttpRequest,
    story: Story,
    initial: dict[str, object] | None = None,
    from_answer: dict[str, object] | None = None,
) -> HttpResponse:
    """The story form for `story` (new or the user's own), saved on a valid POST. `initial`
    fills a new one; `from_answer` (`{"attempt": …, "story": coach.answer_story.AnswerStory}`)
    says it was filled from an answer (`practice.views.stories.keep_as_story`, downstream)."""
    form = StoryForm(
        request.POST or None, instance=story, initial=initial, user=signed_in_user(request)
    )
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, "Story saved.")
        parts = [form.cleaned_data.get(part) or "" for part in PARTS]
        if remark := story_remark(parts):
            messages.warning(request, remark)
        return redirect(saved)
    context = {
        "form": form, "story": story, "words_per_minute": SPEAKING_WPM,
        "answer_seconds": ANSWER_SECONDS[1], "from_answer": from_answer,
    }  # fmt: skip
    return render(request, "reflection/story_form.html", context)


@login_required
def story_detail(request: HttpRequest, story_id: int) -> HttpResponse:
    story = get_owned_or_404(Story.objects.all(), signed_in_user(request), pk=story_id)
    return render(request, "reflection/story.html", {"story": story, "check": story.star_check})


@login_required
def story_delete(request: HttpRequest, story_id: int) -> HttpResponse:
    """GET asks first (what goes with it); POST deletes."""
    story = get_owned_or_404(Story.objects.all(), signed_in_user(request), pk=story_id)
    if request.method != "POST":
        # Its feedback links and the reviews people gave through them go with it.
        links = story.feedback_requests.aggregate(
            n=Count("pk", distinct=True), reviews=Count("reviews", distinct=True)
        )
        context = {"story": story, "links": links["n"], "reviews": links["reviews"]}
        return render(request, "reflection/story_delete.html", context)
    story.delete()
    messages.info(request, f"Story “{story.title}” deleted.")
    return redirect("reflection:stories")


@login_required
def retros(request: HttpRequest) -> HttpResponse:
    form = RetrospectiveForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        retro = form.save(commit=False)
        retro.user = signed_in_user(request)
        retro.save()
        messages.success(request, "Retrospective saved.")
        return redirect(retro)
    entries = owned_by(Retrospective.objects.all(), signed_in_user(request))
    return render(request, "reflection/retros.html", {"form": form, "entries": entries})


@login_required
def retro_detail(request: HttpRequest, retro_id: int) -> HttpResponse:
    retro = get_owned_or_404(Retrospective.objects.all(), signed_in_user(request), pk=retro_id)
    drafts = _drafts(retro)
    saved = _saved_drafts(retro, drafts.stories)
    stories = [(story, saved.get(draft_key(retro, story))) for story in drafts.stories]
    return render(
        request, "reflection/retro.html", {"retro": retro, "drafts": drafts, "stories": stories}
    )


def _saved_drafts(retro: Retrospective, stories: Sequence[DraftStory]) -> dict[str, int]:
    """The user's stories saved from these drafts of a retrospective, by `draft_key`: a draft
    saved (and perhaps finished since in the STAR form) is opened again, not saved twice. A
    story saved under one of the draft's former titles (`retro_stories.former_titles`: the
    8-word title before the twentieth session, the phrase ending in "…" after it) kept that
    title's key, and is found by it."""
    keyed = {
        key: draft_key(retro, story)
        for story in stories
        for key in (
            draft_key(retro, story),
            *(draft_key(retro, story, title) for title in _former(retro, story)),
        )
    }
    found = Story.objects.filter(user=retro.user, drafted_from__in=list(keyed)).order_by("-pk")
    # The earliest story of a key wins.
    return {keyed[key]: pk for key, pk in found.values_list("drafted_from", "pk")}


def _legacy(retro: Retrospective, story: DraftStory) -> str:
    return legacy_title(retro.role, _first(story))


def _former(retro: Retrospective, story: DraftStory) -> tuple[str, ...]:
    return former_titles(retro.role, _first(story))


def _first(story: DraftStory) -> str:
    return story.sentences[0].text if story.sentences else ""


def _answers(retro: Retrospective) -> dict[str, str]:
    return {p: getattr(retro, p) for p in RETRO_PROMPTS}


def _drafts(retro: Retrospective) -> RetroDrafts:
    return draft_stories(_answers(retro), role=retro.role)


def draft_key(retro: Retrospective, story: DraftStory, title: str | None = None) -> str:
    """Which draft of which retrospective: the retrospective's answers and the draft's title and
    parts, hashed, not its id, so a key survives an archive's import (two drafts of one
    retrospective may share a title; an edited retrospective makes new drafts, and so does a
    retrained reader that places a sentence elsewhere). `title`: another title than the
    draft's (its former one, `_saved_drafts`)."""
    answers = [getattr(retro, p) for p in RETRO_PROMPTS]
    named = story.title if title is None else title
    parts = "\n".join([*answers, named, *(story.parts[p] for p in sorted(story.parts))])
    return f"retrospective {hashlib.sha256(parts.encode()).hexdigest()[:40]}"


@login_required
@require_POST
def retro_to_story(request: HttpRequest, retro_id: int) -> HttpResponse:
    """One click: one of the retrospective's stories as a draft, to finish in the STAR form."""
    retro = get_owned_or_404(Retrospective.objects.all(), signed_in_user(request), pk=retro_id)
    raw = request.POST.get("draft", "0")
    found: DraftStory | None = None
    if raw == "all":  # the user's choice where prepcoach found no story of its own
        found = whole_story(_answers(retro), role=retro.role)
    elif re.fullmatch(r"[0-9]{1,3}", raw):
        stories = _drafts(retro).stories
        found = stories[int(raw)] if int(raw) < len(stories) else None
    if found is None:
        messages.error(request, "That draft is no longer there: pick one below.")
        return redirect(retro)
    context = _role_context(retro)
    parts = {
        "situation": f"{context} {found.parts['situation']}".strip(),
        "task": found.parts["task"],
        "action": found.parts["action"],
        "result": found.parts["result"],
    }
    # A second click (or a return visit) opens the draft already made, even one finished since
    # in the STAR form, instead of a copy.
    key = draft_key(retro, found)
    existing = _saved_drafts(retro, [found]).get(key) or (
        # Saved before stories kept their draft's key: found by its untouched parts, under the
        # title drafts had then.
        Story.objects.filter(
            user=retro.user, tags="retrospective", title=_legacy(retro, found), **parts
        )
        .values_list("pk", flat=True)
        .first()
    )
    if existing:
        messages.info(request, "You already drafted this story: here it is.")
        return redirect("reflection:story_edit", story_id=existing)
    # The numbers with their units the story's result states (`DraftStory.metrics`), as many
    # as fit.
    limit = Story._meta.get_field("metrics").max_length or 200
    story = Story.objects.create(
        user=retro.user, tags="retrospective", drafted_from=key, title=found.title,
        metrics=metrics_line(found.metrics, limit), **parts,
    )  # fmt: skip
    missing = [p for p in found.missing if p != "situation"]
    todo = f"fill in the {' and the '.join(missing)}" if missing else "check each part"
    messages.info(request, f"A draft story is ready: {todo}.")
    return redirect("reflection:story_edit", story_id=story.pk)


def _role_context(retro: Retrospective) -> str:
    """The clause that sets a drafted story in the retrospective's role: "As product manager
    (Acme, 2021–2023):". A role that ends in its own brackets ("Staff nurse, acute medicine
    (Ward 7)") takes the place and years after a comma: a trial's story read "(Ward 7)
    (Northbridge Teaching Hospitals, 2022–2025):", two brackets in a row."""
    where = ", ".join(p for p in (retro.organisation, retro.period) if p)
    role = retro.role if retro.role[:2].isupper() else retro.role[:1].lower() + retro.role[1:]
    if not where:
        return f"As {role}:"
    if role.rstrip().endswith(")"):
        return f"As {role.rstrip()}, {where}:"
    return f"As {role} ({where}):"


@login_required
def compass(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = ReflectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        entry = form.save(commit=False)
        entry.user = user
        entry.save()
        messages.success(request, "Reflection saved.")
        return redirect("reflection:compass")
    entries = list(owned_by(Reflection.objects.all(), user))
    prompts = []
    for key, text in PROMPTS.items():
        answers = [e for e in entries if e.prompt == key]
        change = shift(answers[1].answer, answers[0].answer) if len(answers) > 1 else None
        prompts.append({"key": key, "text": text, "answers": answers[:3], "shift": change})
    return render(request, "reflection/compass.html", {"prompts": prompts, "form": form})


@login_required
def patterns(request: HttpRequest) -> HttpResponse:
    from prepcoach.reflection.patterns import themes_for

    themes, read = themes_for(signed_in_user(request))
    return render(request, "reflection/patterns.html", {"themes": themes, "read": read})
