"""The mock summary's key-terms card (`mock_terms`) holds together, as a browser check found it
did not: "Said in this mock: 7 of the job's 18 key terms" above 6 ticked terms, "forklift
licence" (said in the answer to question 5, by meaning: "forklift course") listed only under
"Not used where they bore on the question: forklift licence question 4", its quote cut before
the words that said it.

- The terms said and the terms ticked are one set: a term said in an answer other than the one
  whose question it bore on is ticked, said as such (`TermUse.where`: "used in the answer to
  question 5, not where it bore on question 4"), and not listed as unused.
- A quote cut before the words that say the term shows them (`TermUse.closest`), as the
  answer's report does ("closest: …")."""

from __future__ import annotations

from typing import Any

from prepcoach.coach.mock_interview import mock_terms
from tests.coach.test_mock_summary_terms import answer

LONG = (
    "I paired him with my most patient picker, walked him through manual handling and our risk "
    "assessment for the chilled aisles myself, and booked him on the counterbalance forklift "
    "course."
)
TERMS = ["forklift licence", "risk assessments", "manual handling", "Excel", "stock control"]


def keywords(used: list[dict[str, str]], bearing: list[str], **more: Any) -> dict[str, Any]:
    said = [u["term"] for u in used]
    return {"keywords": {"used": said, "evidence": used, "bearing": bearing, "terms": TERMS,
                         "missed": [t for t in TERMS if t not in said]} | more}  # fmt: skip


FORKLIFT = {"term": "forklift licence", "words": "forklift course", "sentence": LONG,
            "by": "meaning"}  # fmt: skip
RISK = {"term": "risk assessments", "words": "risk assessment", "sentence": LONG, "by": "word form"}
EXCEL = {"term": "Excel", "words": "Excel", "sentence": "I use Excel every shift.", "by": "words"}


def the_browser_checks_mock() -> list[Any]:
    return [
        answer(2, 2, keywords([EXCEL], ["Excel"])),
        answer(5, 4, keywords([], ["forklift licence"])),
        answer(6, 5, keywords([FORKLIFT, RISK], [])),
    ]


def test_a_term_said_away_from_the_question_it_bore_on_is_ticked_and_said_so() -> None:
    terms = mock_terms(the_browser_checks_mock())
    assert terms is not None
    assert terms.missed == ()
    assert [(u.term, u.number, u.bore) for u in terms.astray] == [("forklift licence", 5, (4,))]
    assert terms.astray[0].where == (
        "used in the answer to question 5, not where it bore on question 4"
    )
    assert [u.term for u in terms.used] == ["Excel"]
    assert [u.term for u in terms.elsewhere] == ["risk assessments"]
    # The count and the ticked terms are one set.
    ticked = {u.term for u in (*terms.used, *terms.astray, *terms.elsewhere)}
    assert terms.said == len(ticked) == 3
    assert terms.bearing == 2


def test_a_term_bearing_on_two_questions_and_said_at_neither_names_both() -> None:
    answers = [*the_browser_checks_mock(), answer(7, 6, keywords([], ["forklift licence"]))]
    terms = mock_terms(answers)
    assert terms is not None
    assert terms.astray[0].where == (
        "used in the answer to question 5, not where it bore on questions 4 and 6"
    )


def test_a_term_perhaps_said_where_it_bore_and_said_elsewhere_is_ticked_once() -> None:
    perhaps = keywords(
        [],
        ["forklift licence"],
        unsure=[
            {"term": "forklift licence", "words": "the trucks", "sentence": "I drove the trucks."}
        ],
    )
    terms = mock_terms([answer(5, 4, perhaps), answer(6, 5, keywords([FORKLIFT], []))])
    assert terms is not None
    assert terms.unsure == ()
    assert [u.term for u in terms.astray] == ["forklift licence"]
    assert terms.astray[0].where == (
        "used in the answer to question 5, not where it bore on question 4 (there prepcoach "
        "can't tell whether it was said)"
    )
    assert terms.said == 1


def test_a_quote_cut_before_the_words_that_say_the_term_shows_them() -> None:
    terms = mock_terms(the_browser_checks_mock())
    assert terms is not None
    forklift = terms.astray[0]
    assert len(forklift.quote) <= 160
    assert forklift.quote.endswith("…")
    assert "forklift course" not in forklift.quote
    assert forklift.closest == "forklift course"
    # Words the quote shows are not said again, nor those of a sentence quoted whole.
    (risk,) = terms.elsewhere
    assert risk.closest == ""
    (excel,) = terms.used
    assert (excel.quote, excel.closest) == ("I use Excel every shift.", "")
