"""Drills: the questions due today, answered and graded, scheduled by FSRS."""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import F, Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from prepcoach.accounts.access import get_owned_or_404
from prepcoach.accounts.models import Profile
from prepcoach.accounts.timing import local_now
from prepcoach.coach import drills
from prepcoach.coach.questions import field_for_role
from prepcoach.jobs.models import Opportunity
from prepcoach.practice.forms import PracticeSettingsForm
from prepcoach.practice.measured import update_drill_goals
from prepcoach.practice.models import Attempt, DrillCard, DrillReview, Question
from prepcoach.practice.views.common import question_or_404, settings_of, user_of, visible_questions
from prepcoach.reflection.models import Story


def _queue(request: HttpRequest) -> tuple[list[DrillCard], int]:
    user, now = user_of(request), timezone.now()
    cards = [c for c in DrillCard.objects.filter(user=user).prefetch_related("item") if c.item]
    start_of_day = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    reviewed_today = DrillReview.objects.filter(
        card__user=user, reviewed_at__gte=start_of_day
    ).count()
    items = [drills.DueItem(c.pk, c.due, is_new=c.reviews == 0) for c in cards]
    queue = drills.due_queue(items, now, settings_of(user).daily_target, reviewed_today)
    by_id = {c.pk: c for c in cards}
    return [by_id[i.id] for i in queue], reviewed_today


@login_required
def drill_home(request: HttpRequest) -> HttpResponse:
    user, now = user_of(request), timezone.now()
    queue, reviewed_today = _queue(request)
    card = queue[0] if queue else None
    item = card.item if card else None
    question = item if isinstance(item, Question) else None
    ratings = list(
        DrillReview.objects.filter(card__user=user).values_list("rating", flat=True)[:500]
    )
    cards = list(DrillCard.objects.filter(user=user).values_list("pk", "state"))
    states = [state for _, state in cards]
    last = dict(  # each card's latest grade: the newest review per card comes last
        DrillReview.objects.filter(card__user=user)
        .order_by("card_id", "reviewed_at", "pk")
        .values_list("card_id", "rating")
    )
    grades = [last.get(pk) for pk, _ in cards]
    stats = drills.retention(ratings, states, now, len(queue), reviewed_today, grades)
    return render(
        request,
        "practice/drills.html",
        {
            "card": card,
            "question": question,
            "item": item,
            "kind": card.content_type.model if card else "",
            "preview": drills.preview(card.state, now) if card else {},
            "queue_size": len(queue),
            "stats": stats,
            "total_cards": len(states),
            "settings_form": PracticeSettingsForm(instance=settings_of(user)),
            "spoken": (
                Attempt.objects.filter(user=user, question=question, mode=Attempt.Mode.DRILL)
                .exclude(recording="")
                .first()
                if question
                else None
            ),
        },
    )


@login_required
@require_POST
def drill_add(request: HttpRequest, question_id: int) -> HttpResponse:
    question = question_or_404(request, question_id)
    added = _add_cards(request, [question])
    messages.success(request, "Added to your drills." if added else "Already in your drills.")
    return redirect(question)


@login_required
@require_POST
def drill_add_some(request: HttpRequest) -> HttpResponse:
    """Ten questions for the user's target field (and general ones) not yet drilled."""
    user = user_of(request)
    profile = Profile.objects.filter(user=user).first()
    drilled = DrillCard.objects.filter(
        user=user, content_type=ContentType.objects.get_for_model(Question)
    ).values_list("object_id", flat=True)
    questions = visible_questions(request).exclude(pk__in=drilled)
    field = field_for_role(profile.target_role if profile else "")
    preferred = list(questions.filter(field=field)[:5]) if field else []
    rest = list(
        questions.exclude(pk__in=[q.pk for q in preferred]).order_by("?")[: 10 - len(preferred)]
    )
    added = _add_cards(request, [*preferred, *rest])
    messages.success(request, f"{added} question{'s' * (added != 1)} added to your drills.")
    return redirect("practice:drills")


def _add_cards(request: HttpRequest, items: Sequence[Model]) -> int:
    """Cards for questions, stories or company facts; an item already drilled is skipped."""
    user, now = user_of(request), timezone.now()
    added = 0
    for item in items:
        kind = ContentType.objects.get_for_model(item)
        try:
            with transaction.atomic():
                DrillCard.objects.create(
                    user=user, content_type=kind, object_id=item.pk,
                    state=drills.new_card(item.pk, now), due=now,
                )  # fmt: skip
                added += 1
        except IntegrityError:
            continue
    return added


@login_required
@require_POST
def drill_add_story(request: HttpRequest, story_id: int) -> HttpResponse:
    story = get_owned_or_404(Story.objects.all(), user_of(request), pk=story_id)
    added = _add_cards(request, [story])
    messages.success(
        request,
        "Added to your drills: you will be asked to tell it again just before you would forget it."
        if added
        else "Already in your drills.",
    )
    return redirect(story)


@login_required
@require_POST
def drill_add_facts(request: HttpRequest, opportunity_id: int) -> HttpResponse:
    job = get_owned_or_404(Opportunity.objects.all(), user_of(request), pk=opportunity_id)
    added = _add_cards(request, list(job.facts.all()))
    messages.success(request, f"{added} fact{'s' * (added != 1)} added to your drills.")
    return redirect("research:research", opportunity_id=job.pk)


@login_required
@require_POST
def drill_grade(request: HttpRequest, card_id: int) -> HttpResponse:
    """Grade the card the page showed. The form carries the card's state version (its review
    count when shown): a second submit of the same page (a double-click) or a twin racing it
    finds the version moved on and records nothing, so one look is one review."""
    card = get_owned_or_404(DrillCard.objects.all(), user_of(request), pk=card_id)
    grade = request.POST.get("grade", "")
    if grade not in drills.GRADES:
        messages.error(request, "Choose Again, Hard, Good or Easy.")
        return redirect("practice:drills")
    version = request.POST.get("version", "")
    shown = int(version) if version.isdigit() and len(version) < 10 else card.reviews
    now = timezone.now()
    graded = drills.grade(card.state, grade, now)
    with transaction.atomic():
        # Compare and swap: only the card still in the state that was graded moves on.
        moved = DrillCard.objects.filter(pk=card.pk, reviews=shown).update(
            state=graded.state, due=graded.due, reviews=F("reviews") + 1
        )
        if not moved or card.reviews != shown:
            transaction.set_rollback(True)
            messages.info(request, "That card was already graded; nothing was recorded twice.")
            return redirect("practice:drills")
        attempt = None
        if (text := request.POST.get("text", "").strip()) and isinstance(card.item, Question):
            attempt = Attempt.objects.create(
                user=card.user, question=card.item, question_text=card.item.text, text=text,
                mode=Attempt.Mode.DRILL,
            )  # fmt: skip
        DrillReview.objects.create(card=card, rating=grade, reviewed_at=now, attempt=attempt)
    user = user_of(request)
    update_drill_goals(user, local_now(user).date())  # a recalled card moves its goal
    messages.info(
        request, f"Marked “{grade.capitalize()}”: you will see it again {graded.interval}."
    )
    return redirect("practice:drills")


@login_required
@require_POST
def drill_settings(request: HttpRequest) -> HttpResponse:
    form = PracticeSettingsForm(request.POST, instance=settings_of(user_of(request)))
    if form.is_valid():
        form.save()
        messages.success(request, "Drill settings saved.")
    else:
        messages.error(request, "The daily target must be between 1 and 200.")
    return redirect("practice:drills")
