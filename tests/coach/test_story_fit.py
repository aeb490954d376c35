"""Which of the user's stories fits a question, and how closely (`story_fit.best_story`). A new
user's bank of one story had it offered for every question as the story "that fits this
question best": the fit now says whether it ties closely or loosely, and whether it was the
only story there was."""

from __future__ import annotations

import pytest

from prepcoach.coach.story_fit import STORY_CLOSE, STORY_CLOSE_ALONE, STORY_FIT_CUT, best_story

CONFLICT = (
    1,
    "Settling a disagreement over the dashboard",
    {
        "situation": "A colleague and I disagreed sharply about how the ward dashboard should "
        "count readmissions.",
        "task": "I needed us to agree before the monthly board report.",
        "action": "I sat down with her, listened to her reasons and proposed we test both "
        "definitions on last year's data.",
        "result": "We agreed on her definition with my adjustment, and we still work well "
        "together.",
    },
)
MIGRATION = (
    2,
    "Migrating 4 million patient records",
    {
        "situation": "Our patient records lived in an ageing SQL Server database.",
        "action": "I wrote the migration scripts and ran them in nightly batches.",
        "result": "The migration finished two weeks early with no lost records.",
    },
)
DEADLINE = "Tell me about a time you worked under a tight deadline."
CONFLICT_QUESTION = (
    "Tell me about a time you had a conflict with a colleague. How did you resolve it?"
)


def test_a_story_alone_is_closer_only_above_its_own_edge() -> None:
    # A story alone was compared with no other: it must tie more closely to be called close
    # than the first of several (on the development banks: fitted half the time from 0.44
    # alone, 0.33 first among 6-8).
    assert STORY_FIT_CUT < STORY_CLOSE < STORY_CLOSE_ALONE


@pytest.mark.usefixtures("sentence_model")
def test_the_only_story_tied_loosely_is_offered_as_a_loose_tie() -> None:
    choice = best_story(DEADLINE, [CONFLICT])
    assert choice.only
    assert choice.best is not None  # the cut still offers it...
    assert STORY_FIT_CUT <= choice.best.score < STORY_CLOSE_ALONE
    assert not choice.best.close  # ... as a loose tie, which the page says
    assert "loosely" in choice.reason


@pytest.mark.usefixtures("sentence_model")
def test_a_story_chosen_among_others_ties_closely_from_the_banks_edge() -> None:
    choice = best_story(CONFLICT_QUESTION, [CONFLICT, MIGRATION])
    assert not choice.only
    assert choice.best is not None
    assert choice.best.key == 1
    assert choice.best.score >= STORY_CLOSE
    assert choice.best.close
    assert "closely" in choice.reason
    assert not choice.ranked[1].close
