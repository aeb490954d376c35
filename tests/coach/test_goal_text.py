"""Whether a goal's words can be read (`goal_text.unreadable`), and what the SMART check says
of one that cannot."""

import datetime as dt

import pytest

from prepcoach.coach.goal_text import NOT_ENGLISH, unreadable
from prepcoach.coach.smart import Verdict, check_goal


@pytest.mark.parametrize(
    "text",
    [
        # Trial 297: none of `text.OTHER_LANGUAGE_WORDS`, and `text.words` split "Améliorer"
        # into "am" (English) and "liorer".
        "Améliorer mon SQL d'ici fin janvier, 3 heures par semaine",
        "Mejorar mi SQL, 2 horas por semana hasta marzo",
        "SQL verbessern, 3 Stunden pro Woche bis Januar",
    ],
)
def test_a_goal_in_another_language_is_said_to_be_one(text: str) -> None:
    why = unreadable(text)
    assert why is not None
    assert why.endswith(NOT_ENGLISH)


@pytest.mark.parametrize(
    "text",
    [
        "Practise my café pitch at the Café Nero meetup by Friday",
        "Read Die Zeit and Le Monde by Friday",
        "Prepare for the Mayo Clinic interview in March",
        "practise explaining SPC charts to a matron in 2 minutes, 5 times by 20/12",
    ],
)
def test_an_english_goal_with_a_foreign_word_is_still_read(text: str) -> None:
    assert unreadable(text) is None


def test_a_goal_in_french_gets_can_t_tell_and_no_english_rewrite() -> None:
    # The trial's panel said "There is no deadline", "0 of 3 heures par semaine", and offered
    # "… by 3 January 2027".
    text = "Améliorer mon SQL d'ici fin janvier, 3 heures par semaine"
    found = check_goal(text, dt.date(2026, 12, 6))
    assert {c.verdict for c in found.criteria.values()} == {Verdict.UNSURE}
    assert found.quantities == ()
    assert found.kind is None
    assert found.rewrite == text  # the panel offers a rewrite only when it differs
    assert not found.offers_rewrite
    assert "January" not in found.rewrite


@pytest.mark.parametrize(
    "text",
    [
        "Mock interview Mon 10am EST",
        "Finish MA dissertation chapter 3 Mon",
        "Pass MIS 301 final, revise Mon",
        "Ton of SQL: 50 problems Mon",
        "Tax preparer certification: 3 mock exams Mon",
        "Boston MA jobs: 10 applications, Worcester MA too",
    ],
)
def test_abbreviations_and_words_english_shares_are_english(text: str) -> None:
    """A review: a weekday's "Mon", a degree's "MA", a time zone's "EST" and "preparer" made
    ordinary English goals read as another language."""
    assert unreadable(text) is None
