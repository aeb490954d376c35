"""The competencies a user ticks on a story count in which story fits a question
(`story_fit.best_story`). A new user's trial: Alice ticked "conflict" on a story and was not
offered it for a conflict question (the bank scored 0.16-0.28 by meaning, near the cut);
another story was offered, or none. What she said about her own story is better evidence than a
cosine near the cut, so a story tagged with the question's competency fits, ranked above those
that match by meaning only; among equals, meaning decides."""

from __future__ import annotations

import pytest

from prepcoach.coach.story_fit import (
    STORY_FIT_CUT,
    BankStory,
    QuestionAbout,
    best_story,
    competency_key,
    story_sentences,
)
from tests.coach.test_story_fit import CONFLICT, CONFLICT_QUESTION, MIGRATION

pytestmark = pytest.mark.usefixtures("sentence_model")

# Alice's story of pushing back on her manager's launch date: a conflict, told without the
# word, so by meaning it ties to the conflict question below the cut.
LAUNCH = (
    4,
    "Pushing back on the launch date",
    {
        "situation": "My manager promised a client the new reporting module in two weeks.",
        "task": "I owned the data pipeline behind it and knew it needed at least five.",
        "action": "I showed him the remaining work item by item and proposed shipping the "
        "three reports the client used most first.",
        "result": "The client took the first three reports on time and the rest three weeks later.",
    },
)
# Alice's story of the ward's handovers: a recurring problem she eliminated for good.
HANDOVER = (
    5,
    "The ward's lost handovers",
    {
        "situation": "Night-shift handovers on the ward kept missing patients' falls risk.",
        "task": "I was asked to make handovers safer.",
        "action": "I sat in on ten handovers, noticed the sheet had no field for falls risk, "
        "and added one with the ward sister.",
        "result": "Missed falls-risk handovers went from 6 a month to none in the next quarter.",
    },
)
RECURRING = "Describe a recurring problem that you eliminated for good."


Ticked = tuple[int, str, dict[str, str], tuple[str, ...]]


def ticked(story: tuple[int, str, dict[str, str]], *competencies: str) -> Ticked:
    """`story` with the competencies Alice ticked on it."""
    return (*story, competencies)


def test_a_story_tagged_with_the_questions_competency_is_offered_over_a_closer_one() -> None:
    by_meaning = best_story(CONFLICT_QUESTION, [CONFLICT, LAUNCH, MIGRATION])
    launch = next(f for f in by_meaning.ranked if f.key == 4)
    assert by_meaning.best is not None
    assert by_meaning.best.key == 1  # the dashboard story...
    assert launch.score < STORY_FIT_CUT < by_meaning.best.score  # ...and launch not offered

    choice = best_story(
        QuestionAbout(CONFLICT_QUESTION, "conflict"),
        [ticked(CONFLICT, "teamwork"), ticked(LAUNCH, "ownership", "conflict"), MIGRATION],
    )
    assert choice.best is not None
    assert choice.best.key == 4
    assert choice.best.fits
    assert choice.best.tagged == "conflict"
    assert choice.best.score == launch.score  # its meaning unchanged: the tag made it fit
    assert choice.best.tie in story_sentences(LAUNCH[1], LAUNCH[2])
    assert [f.key for f in choice.ranked] == [4, 1, 2]  # the rest by meaning, as before
    assert choice.ranked[1].score > choice.best.score
    assert choice.ranked[1:] == by_meaning.ranked[:1] + by_meaning.ranked[2:]


def test_among_tagged_stories_meaning_decides() -> None:
    choice = best_story(
        QuestionAbout(CONFLICT_QUESTION, "conflict"),
        [ticked(LAUNCH, "conflict"), MIGRATION, ticked(CONFLICT, "conflict")],
    )
    assert [f.key for f in choice.ranked] == [1, 4, 2]
    assert [f.tagged for f in choice.ranked] == ["conflict", "conflict", ""]
    assert choice.best is not None
    assert choice.best.key == 1


def test_no_competency_given_changes_nothing() -> None:
    before = best_story(CONFLICT_QUESTION, [CONFLICT, LAUNCH, MIGRATION])
    tagged = [ticked(CONFLICT), ticked(LAUNCH, "conflict"), ticked(MIGRATION, "ownership")]
    assert best_story(CONFLICT_QUESTION, tagged) == before  # the question names none
    assert best_story(QuestionAbout(CONFLICT_QUESTION), tagged) == before
    assert best_story(QuestionAbout(CONFLICT_QUESTION, " - "), tagged) == before
    untagged = [CONFLICT, LAUNCH, MIGRATION]  # the stories name none
    assert best_story(QuestionAbout(CONFLICT_QUESTION, "conflict"), untagged) == before
    assert before.best is not None
    assert before.best.key == 1
    assert not before.best.tagged
    assert before.reason == "the story that ties to it most (closely), by this sentence"


def test_no_story_tied_by_meaning_stays_none_without_the_tag() -> None:
    before = best_story(RECURRING, [CONFLICT, HANDOVER, MIGRATION])
    assert before.best is None
    assert before.reason == "none of the stories ties to this question by meaning"
    other_tags: list[BankStory] = [
        ticked(CONFLICT, "conflict"),
        ticked(HANDOVER, "ownership"),
        MIGRATION,
    ]
    assert best_story(QuestionAbout(RECURRING, "problem-solving"), other_tags) == before


def test_a_tag_for_another_competency_changes_nothing() -> None:
    before = best_story(CONFLICT_QUESTION, [CONFLICT, LAUNCH, MIGRATION])
    stories: list[BankStory] = [
        ticked(CONFLICT),
        ticked(LAUNCH, "leadership", "influence"),
        MIGRATION,
    ]
    assert best_story(QuestionAbout(CONFLICT_QUESTION, "conflict"), stories) == before


def test_the_reason_quotes_the_tag_as_ticked() -> None:
    # The bank files the question under a slug, the story bank ticks a name: one key for both.
    choice = best_story(
        QuestionAbout(RECURRING, "problem-solving"),
        [ticked(CONFLICT, "conflict"), ticked(HANDOVER, "problem solving"), MIGRATION],
    )
    assert choice.best is not None
    assert choice.best.key == 5
    assert choice.best.tagged == "problem solving"
    assert not choice.best.close  # by meaning it ties loosely; the page says so
    assert choice.reason == (
        "you tagged it “problem solving”, the competency this question asks about; its sentence "
        "nearest the question"
    )
    assert choice.best.tie in story_sentences(HANDOVER[1], HANDOVER[2])


@pytest.mark.parametrize(
    ("question", "story"),
    [
        ("problem-solving", "problem solving"),
        ("customer-focus", "customer focus"),
        ("Customer Focus", "customer focus"),
        ("problem_solving", "Problem  Solving"),
        ("conflict", "conflict"),
    ],
)
def test_a_slug_and_a_name_are_one_competency(question: str, story: str) -> None:
    assert competency_key(question) == competency_key(story)


@pytest.mark.parametrize(("one", "other"), [("conflict", "conflicts"), ("teamwork", "team")])
def test_different_competencies_stay_apart(one: str, other: str) -> None:
    assert competency_key(one) != competency_key(other)


def test_a_tagged_story_tied_by_its_title_says_its_title() -> None:
    """A trial's line called the story's title "its sentence nearest the question"."""
    dispute = (
        6,
        "Settling a recurring problem for good",
        {"situation": "Sales and finance reported different revenue every month.",
         "action": "I walked both leads through each figure's definition.",
         "result": "Both leads signed off one definition within a week."},
    )  # fmt: skip
    choice = best_story(
        QuestionAbout(RECURRING, "problem-solving"), [ticked(dispute, "problem solving")]
    )
    assert choice.best is not None
    assert choice.best.tie == dispute[1]  # the premise: the title ties it
    assert choice.reason.endswith("; its title")
