"""The Improve part of the JSON API: answers and their analyses."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate
from pydantic import Field, field_validator

from prepcoach.accounts.access import get_owned_or_404, owned_by, signed_in_user
from prepcoach.api_contract import Id, Pages, errors
from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.limits import MAX_ANSWER_CHARS, MAX_JOB_ADVERT_CHARS, MAX_QUESTION_CHARS
from prepcoach.ops.rate import spend_or_raise
from prepcoach.practice.follow_ups import follow_up_of
from prepcoach.practice.models import Attempt
from prepcoach.practice.tasks import analyse_again, state_of
from prepcoach.text_input import TextInput

router = Router(tags=["improve"])


class FollowUpOut(Schema):
    """How the answer to a follow-up question is judged (`coach.follow_up_answer`), as its
    report judges it: on what the follow-up asked for."""

    rule: str | None = Field(
        description="The rule the follow-up was asked by (`coach.followups.rule_of`: 'no "
        "result', 'result without a number', 'fixed list', …); null for words no list gives"
    )
    asks_part: bool = Field(
        description="It asks for one part of the story or plan, and is judged on that alone"
    )
    asked: str = Field(description="The part asked for, in words; empty when it asks for none")
    given: bool | None = Field(
        description="Whether the answer gives it; null where prepcoach can't tell, or it asks "
        "for no part"
    )
    quote: str = Field(description="The answer's words that give it (or, can't tell, nearest it)")
    words: str = Field(
        description="What the report says: 'Asked for: a result with a number — given: “…”'"
    )
    unmeasured: str = Field(
        description="Why the answer has no 1-5 measured figure; empty when it is measured as "
        "any answer is"
    )
    story: dict[str, dict[str, Any]] | None = Field(
        description="The whole story's STAR parts read over the first answer and this one "
        "together, in the analysis's `star` shape (`present` null: can't tell or not heard); "
        "null when it asks for no part or the first answer has not been read"
    )
    story_note: str = Field(
        description="Why some of those parts are can't tell (the first answer's analysis was "
        "stored without them); empty otherwise"
    )


class AttemptOut(Schema):
    id: int
    question: str
    mode: str
    status: str
    recorded: bool
    rating: int | None
    created_at: dt.datetime
    failure: str
    analysis: dict[str, Any] | None
    # A video answer's body-language report (coach.body_language), or {"note": why there is
    # none}; kept apart from the analysis and its rating. None without video or while it is read.
    body_language: dict[str, Any] | None
    # "queued", "restarting" (its worker died; it waits to be read again), "analysing", ...
    analysis_state: str
    follow_up: FollowUpOut | None = Field(
        description="For the answer to a follow-up question, once analysed: what the "
        "follow-up asked for and whether the answer gives it; null for a first answer or "
        "while `analysis` is null"
    )


class AnalyzeIn(TextInput):
    """Over a limit (`coach.limits`) the answer is 422 naming the field and the limit; an
    empty answer is 422 too, as the typed form and `prepcoach analyze` refuse it (a tester's
    empty text came back 200 with a report that could tell nothing)."""

    text: str = Field(max_length=MAX_ANSWER_CHARS)
    question: str = Field("", max_length=MAX_QUESTION_CHARS)
    job_description: str = Field("", max_length=MAX_JOB_ADVERT_CHARS)

    @field_validator("text")
    @classmethod
    def not_empty(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("Type the answer first: the text is empty.")
        return value


def _out(attempt: Attempt) -> dict[str, object]:
    return {
        "id": attempt.pk, "question": attempt.question_text, "mode": attempt.mode,
        "status": attempt.status, "recorded": bool(attempt.recording), "rating": attempt.rating,
        "created_at": attempt.created_at, "failure": attempt.failure, "analysis": attempt.analysis,
        "body_language": attempt.body_language, "analysis_state": state_of(attempt).key,
        "follow_up": follow.as_dict() if (follow := follow_up_of(attempt)) else None,
    }  # fmt: skip


class AttemptPages(Pages):
    def out(self, row: Any) -> Any:
        return _out(row)


@router.get(
    "/attempts", response={200: list[AttemptOut], **errors(422)},
    summary="Your answers, newest first, a page at a time (limit, offset)",
)  # fmt: skip
@paginate(AttemptPages)
def list_attempts(request: HttpRequest) -> Any:
    # The first answer a follow-up's judgement reads (`follow_up`), in the same query.
    mine = owned_by(Attempt.objects.select_related("follow_up_to"), signed_in_user(request))
    return mine.order_by("-created_at", "-pk")


@router.get(
    "/attempts/{attempt_id}", response={200: AttemptOut, **errors(404, 422)},
    summary="One answer and its analysis",
)  # fmt: skip
def get_attempt(request: HttpRequest, attempt_id: Id) -> dict[str, object]:
    return _out(get_owned_or_404(Attempt.objects.all(), signed_in_user(request), pk=attempt_id))


@router.post(
    "/attempts/{attempt_id}/analyse", response={202: AttemptOut, **errors(403, 404, 409, 422, 429)},
    summary="Analyse an answer again (409 while it is being analysed, 429 when too many of "
    "yours are waiting: the answer stays saved)",
)  # fmt: skip
def attempt_analyse(request: HttpRequest, attempt_id: Id) -> Status[dict[str, object]]:
    attempt = get_owned_or_404(Attempt.objects.all(), signed_in_user(request), pk=attempt_id)
    outcome = analyse_again(attempt)
    if not outcome.queued:
        raise HttpError(outcome.http_status, outcome.message)
    attempt.refresh_from_db()
    return Status(202, _out(attempt))


@router.post(
    "/analyze",
    response={200: dict[str, Any], **errors(400, 403, 422, 429)},
    summary="Analyse a written answer (the same JSON as prepcoach analyze; 422 when a text is "
    "over its limit, 429 with Retry-After when asked for too often)",
)
def analyze(request: HttpRequest, body: AnalyzeIn) -> dict[str, object]:
    spend_or_raise(signed_in_user(request), "analyze")
    return analyse_answer(
        text=body.text, question=body.question, job_description=body.job_description
    ).as_dict()
