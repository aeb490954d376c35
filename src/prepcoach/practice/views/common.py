from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, JsonResponse
from django.urls import reverse

from prepcoach.accounts.access import (
    answer_job,
    get_owned_or_404,
    shared_or_owned,
    signed_in_user,
)
from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt, MockSession, PracticeSettings, Question
from prepcoach.practice.tasks import AnalysisQueueFullError, queue_analysis

user_of = signed_in_user  # the practice views' short name for it


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


FOLLOWED_UP_ANSWER_FAILED = (
    "the follow-up was withdrawn, as the answer it followed up could not be read"
)


def follows_a_failed_answer(request: HttpRequest, session: MockSession | None) -> bool:
    """The answer posted (typed, or a recording started) follows up an answer of `session`
    that failed: a follow-up of an answer nothing of which was read is never asked
    (`coach.mock_interview.question_state`); a page drawn before it failed still shows it."""
    parent = request.POST.get("follow_up_to", "")
    return (
        session is not None
        and parent.isdigit()
        and Attempt.objects.filter(
            session=session, user=session.user, pk=int(parent), status=Attempt.Status.FAILED
        ).exists()
    )


def with_jobs(attempts: QuerySet[Attempt]) -> list[Attempt]:
    """The answers, each with the job it was read against (`accounts.access.answer_job`) as
    `read_against`, for a list that says "Practice for <job>" as the answer's page does (a
    trial's lists said "Free practice" beside answers practised for a job). Give `attempts`
    with `select_related("job", "session__opportunity")`, before any slice."""
    listed = list(attempts)
    for attempt in listed:
        attempt.read_against = answer_job(attempt)  # type: ignore[attr-defined]
    return listed
