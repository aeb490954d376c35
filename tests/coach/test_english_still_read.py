"""English that the bad-input checks must still read (a review of the tester's fixes,
twenty-seventh session): terse story notes, words shared with other languages, tags written
about in a sentence, and jargon with fillers. Each was refused on the first version of those
checks: "not English", "too little to read", "a web page's HTML markup"."""

from __future__ import annotations

import datetime as dt

import pytest

from prepcoach.coach import reader
from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.keywords import unreadable_advert
from prepcoach.coach.retro_stories import draft_stories
from prepcoach.coach.smart import check_goal
from prepcoach.coach.stories import check_story
from prepcoach.coach.text import markup_tags

TODAY = dt.date(2026, 12, 3)

TERSE_STORIES = [
    {"situation": "Legacy billing system, monthly invoice errors", "task": "Cut invoice errors",
     "action": "Wrote reconciliation job, added alerts",
     "result": "Invoice errors fell 80 percent"},
    {"situation": "Hospital ward understaffed, Christmas rota gaps", "task": "Fill rota gaps",
     "action": "Negotiated swaps, recruited bank nurses", "result": "Zero unfilled shifts"},
]  # fmt: skip


@pytest.mark.parametrize("parts", TERSE_STORIES, ids=["billing", "rota"])
def test_terse_story_notes_are_read(parts: dict[str, str]) -> None:
    check = check_story(parts)
    assert check.cannot_tell is None
    assert check.missing == ()


def test_a_story_with_one_short_part_is_told_what_to_add() -> None:
    check = check_story({"situation": "Sales dashboard slow"})
    assert check.cannot_tell is None
    assert [flag.split(":")[0] for flag in check.flags] == [
        "Add the task", "Add the action", "Add the result"
    ]  # fmt: skip


def test_a_drafted_story_of_one_line_is_read_when_saved() -> None:
    assert check_story({"situation": "Shipping payments API v2."}).cannot_tell is None


def test_a_terse_retrospective_drafts_its_stories() -> None:
    drafts = draft_stories({
        "energised": "Rebuilt Christmas rota, recruited bank nurses, zero unfilled shifts.",
        "stumbled": "Understaffed ward, sickness absence.",
        "best_team": "Night shift crew, weekly huddles.",
    })  # fmt: skip
    assert drafts.cannot_tell is None
    assert drafts.stories


@pytest.mark.parametrize(
    "goal",
    [
        "Grow MRR 5 per cent per month",
        "Increase sales 10 per cent per quarter by December",
        "Met 5 recruiters per week",
        "Call Al twice per week",
        "Learn SQL con Al by May",
        "Apply to Banco de la Nación and Grupo del Sur",
        "Visit clients in Las Vegas and Los Angeles by June",
        "Hit 90 per cent test coverage per sprint",
        "Master <table>, <form> and </div> layouts by June",
    ],
)
def test_an_english_goal_with_words_other_languages_share_is_judged(goal: str) -> None:
    check = check_goal(goal, today=TODAY)
    assert check.specific.verdict.value != "unsure", check.specific.reason


@pytest.mark.parametrize(
    "goal", ["Quiero aprender SQL antes del viernes", "Ich will bis Freitag drei Bewerbungen"]
)
def test_a_goal_in_another_language_is_still_told_to_be_written_in_english(goal: str) -> None:
    check = check_goal(goal, today=TODAY)
    assert check.specific.verdict.value == "unsure"
    assert check.specific.fix.startswith("Write the goal in English")


def test_a_goal_of_markup_that_says_english_is_not_told_to_write_in_english() -> None:
    check = check_goal("<p>English course</p><p>by</p><p>May</p>", today=TODAY)
    assert check.specific.verdict.value == "unsure"
    assert not check.specific.fix.startswith("Write the goal in English")


@pytest.mark.parametrize(
    "answer",
    [
        "I replaced <b> with <strong> and <i> with <em> in the templates, then the </div> soup "
        "went away and the page passed the accessibility audit.",
        "I rewrote our React page: <div><span>{name}</span></div> became <Card title={name}/>, "
        "and the bundle shrank by a third.",
    ],
)
def test_an_answer_about_html_tags_is_read(answer: str) -> None:
    assert markup_tags(answer) == []
    assert reader.cannot_tell(answer, [answer]) is None


def test_a_pasted_page_is_still_markup() -> None:
    page = "<div class='job'><h1>Analyst</h1><p>We need SQL and Tableau.</p></div>"
    assert markup_tags(page) == ["div", "h1", "h1", "p", "p", "div"]


def test_an_answer_of_jargon_keeps_its_fillers_counted() -> None:
    said = "Um, kubectl, helm, istio, envoy, grpc, protobuf, terraform, argocd, um, prometheus, grafana."
    analysis = analyse_answer(text=said)
    assert analysis.content.cannot_tell is not None  # too few words English knows to read
    assert analysis.as_dict()["fillers"]["count"] == 2  # but it is English: its "um"s count


def test_an_english_advert_naming_a_spanish_shop_gives_key_terms() -> None:
    advert = (
        "Sales Associate - El Corte Inglés, Madrid. English-speaking. Commission 5 per cent "
        "per sale. You will handle customer service, visual merchandising and stock control."
    )
    assert unreadable_advert(advert) is None
