from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, JsonResponse
from django.urls import reverse

from prepcoach.accounts.access import (
    followed_up_answer,
    get_owned_or_404,
    shared_or_owned,
    signed_in_user,
)
from prepcoach.accounts.models import User
from prepcoach.coach.follow_up_answer import FollowUpAnswer, judge_follow_up
from prepcoach.practice.models import Attempt, PracticeSettings, Question
from prepcoach.practice.tasks import AnalysisQueueFullError, queue_analysis

user_of = signed_in_user  # the practice views' short name for it


def first_answer(attempt: Attempt) -> dict[str, Any] | None:
    """The stored analysis of the answer a follow-up's answer follows up (its story's other
    parts, `coach.follow_up_answer`), None when it is no follow-up's, that one is not read, or
    it is not the same owner's (`accounts.access.followed_up_answer`: never another's)."""
    first = followed_up_answer(attempt)
    if first is None or first.status != Attempt.Status.ANALYSED or not first.analysis:
        return None
    return dict(first.analysis)


def follow_up_of(attempt: Attempt) -> FollowUpAnswer | None:
    """How the answer to a follow-up is judged (`coach.follow_up_answer.judge_follow_up`,
    on its stored analysis and its first answer's), None for a first answer or one not
    analysed: the report, its rating and the API's `follow_up` read this one judgement."""
    if not attempt.follow_up_to_id or not attempt.analysis:
        return None
    return judge_follow_up(attempt.question_text, attempt.analysis, first_answer(attempt))


def visible_questions(request: HttpRequest) -> QuerySet[Question]:
    return shared_or_owned(Question.objects.all(), user_of(request))


def question_or_404(request: HttpRequest, question_id: int) -> Question:
    from django.http import Http404

    question = visible_questions(request).filter(pk=question_id).first()
    if question is None:
        raise Http404("Not found.")
    return question


def own_question_or_404(request: HttpRequest, question_id: int) -> Question:
    return get_owned_or_404(Question.objects.all(), user_of(request), "owner", pk=question_id)


def attempt_or_404(request: HttpRequest, attempt_id: int) -> Attempt:
    return get_owned_or_404(Attempt.objects.all(), user_of(request), pk=attempt_id)


def settings_of(user: User) -> PracticeSettings:
    return PracticeSettings.objects.get_or_create(user=user)[0]


def recording_started(attempt: Attempt) -> JsonResponse:
    """What the browser's recorder needs to send an answer's chunks (`static/.../recorder.js`):
    where to, when to finish, and the limits. Practice, mocks and peer mocks start alike."""
    return JsonResponse(
        {
            "id": attempt.pk,
            "chunk_url": reverse("practice:chunk", args=[attempt.pk, 0]).rsplit("/0/", 1)[0],
            "finalise_url": reverse("practice:finalise", args=[attempt.pk]),
            "delete_url": reverse("practice:attempt_delete", args=[attempt.pk]),
            "chunk_seconds": settings.RECORDING_CHUNK_SECONDS,
            "max_seconds": settings.RECORDING_MAX_SECONDS,
        },
        status=201,
    )


def queue_or_say(request: HttpRequest, attempt: Attempt) -> tuple[Attempt, str]:
    """Queue a saved answer's analysis; when its owner already has as many waiting as they
    may, keep it saved and say so on the next page. Returns the answer and that message."""
    try:
        return queue_analysis(attempt), ""
    except AnalysisQueueFullError as error:
        messages.error(request, str(error))
        return attempt, str(error)
