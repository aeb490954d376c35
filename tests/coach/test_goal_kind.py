import pytest

from prepcoach.coach.goal_kind import GoalKind, classify_goal, vote


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Research 5 facts about Acme's mission", GoalKind.KNOWLEDGE),
        ("Solve 20 LeetCode problems on graphs", GoalKind.SKILLS),
        ("Write 5 STAR stories", GoalKind.BEHAVIORAL),
        ("Have 2 coffee chats with alumni", GoalKind.NETWORKING),
        # A keyword vote called this behavioral ("tests"? "login"?): it is building a skill.
        ("Build a small web app with a login page and tests", GoalKind.SKILLS),
    ],
)
def test_each_kind(text: str, kind: GoalKind) -> None:
    guess = classify_goal(text)
    assert guess.kind is kind
    assert guess.confident
    assert guess.reason


@pytest.mark.parametrize(
    "text",
    [
        "run 5k",
        "save £500 for the Lisbon trip",
        "paint the hallway",
        "drink 2 litres of water a day",
    ],
)
def test_goals_no_kind_fits_get_none_not_a_guess(text: str) -> None:
    guess = classify_goal(text)
    assert guess.kind is None
    assert guess.reason


def test_the_evidence_is_words_of_the_goal() -> None:
    guess = classify_goal("Write 5 STAR stories about leading a project")
    assert guess.kind is GoalKind.BEHAVIORAL
    assert all(
        word.lower() in "write 5 star stories about leading a project" for word in guess.evidence
    )


def test_the_keyword_vote_fallback_says_it_cannot_tell_when_nothing_matches() -> None:
    guess = vote("hmm")
    assert guess.kind is None
    assert not guess.confident
    assert guess.evidence == ()
    assert "choose one" in guess.reason
