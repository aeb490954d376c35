import pytest

from prepcoach.coach.goal_kind import GoalKind, classify_goal


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Research 5 facts about Acme's mission", GoalKind.KNOWLEDGE),
        ("Solve 20 LeetCode problems on graphs", GoalKind.SKILLS),
        ("Write 5 STAR stories", GoalKind.BEHAVIORAL),
        ("Have 2 coffee chats with alumni", GoalKind.NETWORKING),
    ],
)
def test_each_kind(text: str, kind: GoalKind) -> None:
    guess = classify_goal(text)
    assert guess.kind is kind
    assert guess.confident
    assert guess.evidence  # the words that decided it


def test_nothing_to_go_on_defaults_to_behavioral_without_confidence() -> None:
    guess = classify_goal("hmm")
    assert guess.kind is GoalKind.BEHAVIORAL
    assert not guess.confident
    assert guess.evidence == ()
