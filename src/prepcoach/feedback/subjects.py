"""What a feedback request is on, gathered for the pages: one answer, a whole mock interview or
a written STAR story. Each is laid out the same way for its owner and for a reviewer (the
answers in order, the rubric that applies, prepcoach's own reading); every judgement comes
from `coach.feedback` and `coach.rubric`, and which answers a link may open from
`accounts.access.feedback_attempts`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model
from django.urls import reverse

from prepcoach.accounts.access import feedback_attempts, followed_up_answer, owned_by
from prepcoach.accounts.models import User
from prepcoach.coach.content import analyse_content
from prepcoach.coach.feedback import (
    ReviewScores,
    Thing,
    calibrate,
    clock,
    combined_reading,
    compare,
    mock_rubric,
    overall_of,
    reading_on,
    rubric_for,
    unread_note,
    with_scored,
)
from prepcoach.coach.follow_up_answer import judge_follow_up, measured_of
from prepcoach.coach.followups import asks_of_follow_up
from prepcoach.coach.relevance import Asks, asked_for
from prepcoach.coach.rubric import Judgement, read_answer
from prepcoach.feedback.models import FeedbackRequest, MailPreference, Review, session_name
from prepcoach.practice.models import Attempt, MockSession
from prepcoach.practice.sessions import answers_in_order, session_rows
from prepcoach.reflection.models import Story


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer as a feedback page shows it: its place in the interview and its question."""

    number: int  # 1-based, in the order a reader meets them
    question: str
    attempt: Attempt
    follow_up: bool = False
    asks: Asks = "story"  # what its question asks for (`answer_asks`)


@dataclass(frozen=True)
class Subject:
    thing: Thing
    owner: User
    title: str  # what the pages call it
    lookup: dict[str, Model]  # the FeedbackRequest field that names it
    answers: tuple[Answer, ...] = ()
    story: Story | None = None
    rubric: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    @property
    def page_url(self) -> str:
        (name, obj), *_ = self.lookup.items()
        return reverse(f"feedback:{'attempt' if name == 'attempt' else name}", args=[obj.pk])

    @property
    def ask_url(self) -> str:
        (name, obj), *_ = self.lookup.items()
        return reverse("feedback:ask" if name == "attempt" else f"feedback:{name}_ask",
                       args=[obj.pk])  # fmt: skip

    @property
    def heard(self) -> bool:
        """Whether a reviewer hears it: a story is read, and so is a typed answer or a mock
        interview of typed answers (`is_heard`); a mock interview with no answers yet may be
        recorded. What it is read or heard for follows (`rubric_for`, `taken_in`)."""
        if self.thing == "story":
            return False
        return not self.answers or any(is_heard(a.attempt) for a in self.answers)

    def number_of(self, attempt_id: int | None) -> int | None:
        return next((a.number for a in self.answers if a.attempt.pk == attempt_id), None)


def is_heard(attempt: Attempt) -> bool:
    """Whether a reviewer hears the answer (its recording) rather than reads it (typed)."""
    return bool(attempt.recording)


def of_attempt(attempt: Attempt) -> Subject:
    asks = answer_asks(attempt)
    return Subject(
        "answer", attempt.user, attempt.question_text, {"attempt": attempt},
        (Answer(1, attempt.question_text, attempt, asks=asks),),
        rubric=rubric_for("answer", asks, is_heard(attempt)),
    )  # fmt: skip


def answer_asks(attempt: Attempt) -> Asks:
    """What the answer's question asks for, as its report read the question
    (`relevance.asked_for`): a plan, a story, or neither. A follow-up asks for what the
    question it follows up asked for ("What was the outcome?" of a story is more of the story,
    as a plan's follow-up asks about the plan: `relevance.follow_up_kind`), or for a plan where
    its own words ask for one (`followups.asks_of_follow_up`)."""
    if (first := followed_up_answer(attempt)) is not None:
        return asks_of_follow_up(answer_asks(first), attempt.question_text)
    return asked_for(attempt.question_text, attempt.analysis)


def answer_rubric(attempt: Attempt) -> tuple[tuple[str, str], ...]:
    """The rubric one answer is reviewed on: a plan's when its question asks what the user
    would do, a point's when it asks for neither a story nor a plan (`answer_asks`); without
    delivery when it is typed (`is_heard`)."""
    return rubric_for("answer", answer_asks(attempt), is_heard(attempt))


def of_session(session: MockSession, answers: Sequence[Attempt]) -> Subject:
    """A mock interview with `answers`: those of its answers the viewer may see."""
    rows = session_rows(session, answers)
    laid_out: list[Answer] = []
    for attempt in answers_in_order(rows):
        row = next(r for r in rows if attempt in r.answers)
        follow_up = attempt.is_follow_up
        question = attempt.question_text if follow_up or row.number == 0 else row.question
        laid_out.append(
            Answer(len(laid_out) + 1, question, attempt, follow_up, answer_asks(attempt))
        )
    # Scored on the plan's lines for the answers that are plans, as each answer alone is.
    return Subject(
        "mock interview", session.user, session_name(session), {"session": session},
        tuple(laid_out),
        rubric=mock_rubric([a.asks for a in laid_out], [is_heard(a.attempt) for a in laid_out]),
    )  # fmt: skip


def of_story(story: Story) -> Subject:
    return Subject("story", story.user, story.title, {"story": story}, story=story,
                   rubric=rubric_for("story"))  # fmt: skip


def owners_session(session: MockSession) -> Subject:
    """The owner's own view of their mock interview: all of its answers."""
    return of_session(session, list(Attempt.objects.filter(session=session, user=session.user)))


def of_request(ask: FeedbackRequest) -> Subject:
    """What a link's holder may see of the request's thing: only the answers
    `accounts.access.feedback_attempts` allows."""
    if ask.session is not None:
        return of_session(ask.session, list(feedback_attempts(ask)))
    if ask.story is not None:
        return of_story(ask.story)
    attempt = feedback_attempts(ask).first()
    if attempt is None:  # an answer no longer its owner's: nothing to show
        return Subject("answer", ask.owner, "", {}, rubric=rubric_for("answer"))
    return of_attempt(attempt)


def said(attempt: Attempt) -> str:
    data = attempt.analysis or {}
    return str(data.get("transcript") or attempt.text or "")


def story_text(story: Story) -> str:
    parts = (story.situation, story.task, story.action, story.result, story.metrics)
    return "\n".join(p.strip() for p in parts if p.strip())


def prepcoach_reading(subject: Subject) -> list[Judgement]:
    """prepcoach's reading on the rubric: of the story's words, of the answer, or of every
    answer of a mock interview combined. An answer is read only where it was heard whole (its
    analysis not withheld), and a plan for its action alone (`coach.feedback.reading_on`)."""
    if subject.story is not None:
        text = story_text(subject.story)
        return read_answer(analyse_content(text)) if text else []
    readings = []
    for answer in subject.answers:
        if _heard(answer):
            reading = read_answer(analyse_content(said(answer.attempt)))
            readings.append(reading_on(rubric_for("answer", answer.asks), reading))
    if subject.thing == "answer":
        return readings[0] if readings else []
    return combined_reading(readings)


def _heard(answer: Answer) -> bool:
    """Whether prepcoach reads the answer: it has words, all of them heard."""
    return bool(said(answer.attempt).strip()) and not (answer.attempt.analysis or {}).get(
        "withheld"
    )


def was_read(subject: Subject) -> bool:
    """Whether prepcoach had words of the thing to read (`prepcoach_reading`), whether or not
    it scores any of its rubric's lines: an answer that makes a point is read, and scored on
    none (`coach.feedback.DIRECT_REVIEW_RUBRIC`), which is not "could not read"."""
    if subject.story is not None:
        return bool(story_text(subject.story))
    return any(_heard(answer) for answer in subject.answers)


def own_and_measured(subject: Subject) -> tuple[int | None, int | None]:
    """The owner's own 1–5 rating (a mock interview's: of its answers) and the measured one;
    a story has neither. An answer's figure is its report's (`follow_up_answer.measured_of`):
    none for the answer to a follow-up asking for a part ("What changed, in numbers?")."""
    attempts = [a.attempt for a in subject.answers]
    if not attempts:
        return None, None
    measured = [_measured(a) for a in attempts]
    return overall_of([a.rating for a in attempts]), overall_of(measured)


def _measured(attempt: Attempt) -> int | None:
    if not attempt.analysis:
        return None
    follow = (
        judge_follow_up(attempt.question_text, attempt.analysis) if attempt.is_follow_up else None
    )
    return measured_of(attempt.analysis, answer_asks(attempt), follow)


@dataclass(frozen=True, slots=True)
class Remark:
    """One pin or untimed note of a review, on the answer numbered `number` (None: on an
    answer since removed, whose recording no longer plays)."""

    number: int | None
    attempt_id: int | None
    at_s: float | None
    text: str

    @property
    def clock(self) -> str:
        return clock(self.at_s) if self.at_s is not None else ""


def remarks_of(review: Review, subject: Subject) -> list[Remark]:
    """A review's pins and notes, answer by answer in the interview's order (each answer's
    pins by time, then its note); those on answers removed since come last."""
    numbers = {a.attempt.pk: a.number for a in subject.answers}
    out = [
        Remark(numbers.get(p.attempt_id or 0), p.attempt_id, p.at_s, p.text)
        for p in review.pins.all()
    ] + [Remark(numbers.get(n.attempt_id or 0), n.attempt_id, None, n.text)
         for n in review.notes.all()]  # fmt: skip
    return sorted(out, key=lambda r: (
        r.number is None, r.number or 0, r.at_s is None, r.at_s or 0.0,
    ))  # fmt: skip


def owner_context(subject: Subject) -> dict[str, Any]:
    """The owner's feedback page: the links made, the reviews, and their judgement beside the
    reviewers' and prepcoach's."""
    asks = list(owned_by(FeedbackRequest.objects.filter(**subject.lookup), subject.owner, "owner"))
    reviews = list(
        Review.objects.filter(request__in=asks)
        .select_related("request")
        .prefetch_related("pins", "notes")
    )
    scores = [ReviewScores(r.reviewer_name, r.overall, r.scores) for r in reviews]
    own, measured = own_and_measured(subject)
    ours = prepcoach_reading(subject) if reviews else []
    read = bool(reviews) and was_read(subject)
    rubric = with_scored(subject.rubric, scores)  # and any line a review scored on another
    return {
        "subject": subject,
        "asks": asks,
        "reviews": [(r, remarks_of(r, subject)) for r in reviews],
        "calibration": calibrate(own, scores, measured, subject.thing, subject.heard),
        "rows": compare(scores, ours, rubric, subject.thing, read, subject.heard)
        if reviews
        else [],
        "unread": unread_note(subject.thing) if reviews and not read else "",
        "review_mail": MailPreference.wants_review_mail(subject.owner),
    }
