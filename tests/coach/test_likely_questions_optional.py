"""coach.readiness.likely_questions: a term the advert asks for only as a plus
(`optional_terms`) is asked about after every required term and every value, said to be
optional in the advert's words, not "The advert asks for it"; with no room left it is not
listed at all."""

from __future__ import annotations

import datetime as dt

from prepcoach.coach.optional_terms import OptionalTerm
from prepcoach.coach.readiness import ReadinessFacts, readiness

TODAY = dt.date(2026, 12, 9)


def likely(terms: list[str], optional: tuple[OptionalTerm, ...]) -> list[tuple[str, str, bool]]:
    facts = ReadinessFacts(
        today=TODAY, facts=[], fact_target=5, stories=[], values=["Patient first"], terms=terms,
        job_questions=[], answers=[], areas=[], earlier=[], optional_terms=optional,
    )  # fmt: skip
    return [(q.text, q.why, q.optional) for q in readiness(facts, embedder=None).likely]


def test_an_optional_term_comes_last_and_says_so() -> None:
    plus = (OptionalTerm("React", "React experience is a plus."),)
    assert likely(["React", "TypeScript", "CSS"], plus) == [
        ("What is your experience with TypeScript?",
         "The advert asks for it; no story of yours covers it yet.", False),
        ("What is your experience with CSS?",
         "The advert asks for it; no story of yours covers it yet.", False),
        ("Tell me about a time you showed “Patient first”.",
         "One of the company's values; no story of yours covers it yet.", False),
        ("What is your experience with React?",
         "Optional in the advert (“React experience is a plus”); no story of yours covers it "
         "yet.", True),
    ]  # fmt: skip


def test_with_no_room_left_an_optional_term_is_not_listed() -> None:
    required = [f"Skill {n}" for n in range(8)]
    listed = likely(["React", *required], (OptionalTerm("React", "React is a plus"),))
    assert len(listed) == 8
    assert not [q for q in listed if "React" in q[0]]
