"""The mock's follow-up to an answer prepcoach could not read (issue 9's bad input): it is
asked from the list asked in turn, never for a part the answer is said to lack."""

from __future__ import annotations

import pytest

from prepcoach.coach.content import analyse_content
from prepcoach.coach.followups import FIXED, follow_up

GERMAN = (
    "Ich habe in meinem letzten Projekt ein Team von fünf Entwicklern geleitet. Wir mussten die "
    "Datenbank innerhalb von drei Monaten migrieren, und ich habe den Plan erstellt, die "
    "Aufgaben verteilt und jede Woche den Fortschritt überprüft. Am Ende haben wir die "
    "Migration zwei Wochen früher abgeschlossen und die Ladezeit um 40 Prozent reduziert."
)


@pytest.mark.parametrize("answer", ["leadership", "um uh like you know so um", GERMAN])
def test_an_unread_answer_to_a_story_question_is_not_told_what_it_lacks(answer: str) -> None:
    content = analyse_content(answer)
    assert content.cannot_tell  # the report says it can't tell
    for turn in (0, 1):
        asked = follow_up(content, turn=turn, asks="story")
        assert (asked.text, asked.rule) == (FIXED[turn % len(FIXED)], "fixed list")
        assert asked.tag == ""  # the peer's sheet tags no missing part either
        assert "your answer did not" not in asked.reason
