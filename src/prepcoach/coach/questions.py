"""Choosing the questions of a mock interview from the bank."""

from __future__ import annotations

import random
import re
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class QuestionInfo:
    id: Hashable
    category: str
    competency: str
    field: str
    seniority: str
    difficulty: int


def pick_questions(
    bank: Sequence[QuestionInfo],
    count: int,
    mix: Mapping[str, float],
    field: str = "",
    seniority: str = "",
    seed: int = 0,
    avoid: frozenset[Hashable] = frozenset(),
    role: str = "",
) -> list[QuestionInfo]:
    """count questions with categories in the proportions of mix, preferring the target field
    and seniority, spreading competencies, and avoiding recently asked ones when it can. With
    a `field`, only its questions, the general ones and those of the field the `role`'s words
    name (`allowed_fields`) are picked, never one tied to another field, even to fill the mix:
    a trial's "Product manager" mock in the field "General" asked "How do you use assessment
    data to shape your teaching?"."""
    rng = random.Random(seed)  # noqa: S311 (shuffling questions, not secrets)
    allowed = allowed_fields(field, role)
    if allowed is not None:
        bank = [q for q in bank if q.field in allowed]
    total = sum(mix.values()) or 1
    wanted = _apportion(count, {k: v / total for k, v in mix.items() if v > 0})
    chosen: list[QuestionInfo] = []
    for category, n in wanted.items():
        pool = [q for q in bank if q.category == category and q.id not in {c.id for c in chosen}]
        rng.shuffle(pool)
        pool.sort(key=lambda q: (q.id in avoid, not _fits(q, field, seniority)))
        chosen += _spread(pool, n)
    if len(chosen) < count:  # the mix asked for more of a kind than the bank has
        rest = [q for q in bank if q.id not in {c.id for c in chosen}]
        rng.shuffle(rest)
        chosen += rest[: count - len(chosen)]
    # Warm up first: an easier question opens, the hardest comes late.
    return sorted(chosen, key=lambda q: (q.category != "motivation", q.difficulty))


def allowed_fields(field: str, role: str = "") -> frozenset[str] | None:
    """The bank fields a mock for `field` and `role` may ask from: the field, the general
    questions and the field the role's words name (`field_for_role`); None (any) without a
    field."""
    if not field:
        return None
    return frozenset({field, "general", field_for_role(role)} - {""})


def _fits(question: QuestionInfo, field: str, seniority: str) -> bool:
    field_ok = not field or question.field in {field, "general"}
    seniority_ok = not seniority or question.seniority in {seniority, "any"}
    return (
        field_ok
        and seniority_ok
        and (not field or question.field == field or question.category != "role-specific")
    )


def _spread(pool: list[QuestionInfo], n: int) -> list[QuestionInfo]:
    """Up to n questions from pool (best first), one per competency before any repeats."""
    picked: list[QuestionInfo] = []
    seen: set[str] = set()
    for question in pool:
        if len(picked) == n:
            break
        if question.competency not in seen:
            picked.append(question)
            seen.add(question.competency)
    for question in pool:
        if len(picked) == n:
            break
        if question not in picked:
            picked.append(question)
    return picked


def _apportion(count: int, shares: Mapping[str, float]) -> dict[str, int]:
    """Whole numbers that add up to count, as close to the shares as possible."""
    raw = {k: count * v for k, v in shares.items()}
    whole = {k: int(v) for k, v in raw.items()}
    for key in sorted(raw, key=lambda k: raw[k] - whole[k], reverse=True)[
        : count - sum(whole.values())
    ]:
        whole[key] += 1
    return whole


# The start of a word in a job title and the bank field whose questions suit it, most telling
# first. From a word's start, so "Mid-Market" is no "market…" word and "Customer Success
# Manager (Mid-Market)" was no marketing job (a trial's mock asked it to measure a campaign);
# an account manager or executive sells, an accountant is in finance.
ROLE_WORDS = (
    ("nurs", "nursing"), ("teach", "teaching"), ("tutor", "teaching"), ("data", "data"),
    ("financ", "finance"), ("analyst", "data"), ("scientist", "data"), ("product", "product"),
    ("design", "design"), ("ux", "design"), ("marketing", "marketing"),
    ("marketer", "marketing"), ("sales", "sales"), ("account (?:exec|manag|direct)", "sales"),
    ("accountan", "finance"), ("accounting", "finance"),
    ("accounts (?:payable|receivable|assistant|clerk|officer|technician)", "finance"),
    ("project", "project-management"),
    ("programme", "project-management"), ("engineer", "software-engineering"),
    ("developer", "software-engineering"), ("programmer", "software-engineering"),
)  # fmt: skip
ROLE_RES = tuple((re.compile(rf"\b{word}", re.IGNORECASE), field) for word, field in ROLE_WORDS)


def field_for_role(role: str) -> str:
    """The bank's field for a target role ("Senior data analyst" → "data"), or "" if unknown."""
    return next((field for pattern, field in ROLE_RES if pattern.search(role)), "")
