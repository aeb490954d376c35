"""A mock interview laid out as it was held: its questions in the order asked, each with the
answers given to it (the answer, then its follow-ups). The owner's summary and a reviewer's
feedback page show the same layout; who may see which answers is decided before this."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from prepcoach.practice.models import Attempt, MockSession, Question


@dataclass(frozen=True, slots=True)
class SessionRow:
    number: int  # 1-based, as asked; 0 for answers that match no question of the session
    question: str
    answers: tuple[Attempt, ...]


def question_text(session: MockSession, number: int) -> str:
    """The words of the session's question `number` (1-based), kept with the session."""
    if number <= len(session.question_texts):
        return str(session.question_texts[number - 1])
    question = Question.objects.filter(pk=session.question_ids[number - 1]).first()
    return question.text if question else "(a deleted question)"


def session_rows(session: MockSession, answers: Sequence[Attempt]) -> list[SessionRow]:
    """Each question with its answers, oldest first, each answer followed by its follow-ups;
    `answers` are the session's answers the viewer may see. Every answer is in one row once:
    a follow-up carries its question's id as well as `follow_up_to`, and is placed by the
    latter. An answer that matches no question is not dropped: it comes last."""
    answers = sorted(answers, key=lambda a: (a.created_at, a.pk))
    visible = {a.pk for a in answers}
    follow_ups: dict[int, list[Attempt]] = {}
    for a in answers:
        if a.follow_up_to_id in visible:
            follow_ups.setdefault(a.follow_up_to_id, []).append(a)
    placed: set[int] = set()

    def with_follow_ups(attempt: Attempt) -> list[Attempt]:
        placed.add(attempt.pk)
        out = [attempt]
        for follow in follow_ups.get(attempt.pk, []):
            if follow.pk not in placed:
                out += with_follow_ups(follow)
        return out

    rows = []
    for n, question_id in enumerate(session.question_ids, start=1):
        text = question_text(session, n)
        # An answer to a question deleted since keeps the question's words: match on those.
        mine: list[Attempt] = []
        for a in answers:
            if a.pk in placed or a.follow_up_to_id in visible:
                continue
            if a.question_id == question_id or (
                a.question_id is None and not a.is_follow_up and a.question_text == text
            ):
                mine += with_follow_ups(a)
        rows.append(SessionRow(n, text, tuple(mine)))
    rest = [a for a in answers if a.pk not in placed and a.follow_up_to_id not in visible]
    rest = [b for a in rest for b in with_follow_ups(a)]
    rest += [a for a in answers if a.pk not in placed]  # a loop of follow-ups: still shown
    if rest:
        rows.append(SessionRow(0, "Other answers in this mock interview", tuple(rest)))
    return rows


def answers_in_order(rows: Sequence[SessionRow]) -> list[Attempt]:
    """The answers of `session_rows`, in the order a reader meets them."""
    seen: set[int] = set()
    out = []
    for attempt in (a for row in rows for a in row.answers):
        if attempt.pk not in seen:
            seen.add(attempt.pk)
            out.append(attempt)
    return out
