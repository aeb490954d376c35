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
    """Each question with its answers, oldest first; `answers` are the session's answers the
    viewer may see. An answer that matches no question is not dropped: it comes last."""
    answers = sorted(answers, key=lambda a: (a.created_at, a.pk))
    rows = []
    placed: set[int] = set()
    for n, question_id in enumerate(session.question_ids, start=1):
        text = question_text(session, n)
        # An answer to a question deleted since keeps the question's words: match on those.
        mine = [
            a for a in answers
            if a.question_id == question_id
            or (a.question_id is None and a.follow_up_to_id is None and a.question_text == text)
        ]  # fmt: skip
        ids = {a.pk for a in mine}
        mine += [a for a in answers if a.follow_up_to_id in ids]
        placed |= {a.pk for a in mine}
        rows.append(SessionRow(n, text, tuple(mine)))
    rest = tuple(a for a in answers if a.pk not in placed)
    if rest:
        rows.append(SessionRow(0, "Other answers in this mock interview", rest))
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
