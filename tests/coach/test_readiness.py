"""coach.readiness: what the readiness page and the pre-interview card show for one interview,
from plain data (stories matched by word form here: no sentence model needed)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from prepcoach.coach.readiness import (
    AnswerFacts,
    OpenArea,
    ReadinessFacts,
    RoundFacts,
    readiness,
)
from prepcoach.coach.stories import StoryInfo

TODAY = dt.date(2026, 12, 9)  # a Wednesday
SQL_STORY = StoryInfo(1, "Audit rescue", "I rebuilt the reporting in SQL before the audit.", ())
TEAM_STORY = StoryInfo(
    2, "New starters", "I ran the onboarding and showed patient first care every day.", ()
)


def analysis(parts: int, number: bool) -> dict[str, Any]:
    names = ("situation", "task", "action", "result")
    star = {p: {"present": i < parts, "evidence": []} for i, p in enumerate(names)}
    return {"star": {**star, "quantified_result": {"present": number, "evidence": []}}}


def facts(**changes: Any) -> ReadinessFacts:
    base: dict[str, Any] = {
        "today": TODAY, "facts": [], "fact_target": 5, "stories": [], "values": [],
        "terms": [], "job_questions": [], "answers": [], "areas": [], "earlier": [],
    }  # fmt: skip
    return ReadinessFacts(**(base | changes))


def test_nothing_yet_is_nothing_in_place() -> None:
    found = readiness(facts(), embedder=None)
    assert found.summary == "Not ready yet: research, stories and practice are all still to do."
    assert found.research.words == "0 of the 5 key facts you set out to collect."
    assert found.stories.words == "The job has no values or key terms to cover yet."
    assert found.practice.words == "No answer to this job's questions yet."
    assert (found.likely, found.areas, found.earlier) == ((), (), ())
    assert (found.card.facts, found.card.stories, found.card.questions) == ((), (), ())
    assert (found.card.watch, found.card.ask) == (None, ())


def test_research_against_its_target() -> None:
    found = readiness(facts(facts=["a", "b", "c", "d", "e", "f"]), embedder=None)
    assert found.research.done
    assert found.research.words == "6 key facts collected, your target was 5."
    assert found.card.facts == ("a", "b", "c", "d", "e")
    assert found.summary == "1 of 3 ready (research); still to do: stories and practice."


def test_stories_against_values_and_terms_with_the_gaps() -> None:
    found = readiness(
        facts(stories=[SQL_STORY, TEAM_STORY], values=["Patient first"], terms=["SQL", "Tableau"]),
        embedder=None,
    )
    rows = {row.target: row for row in found.stories.rows}
    assert rows["SQL"].stories == (1,)
    assert rows["Patient first"].stories == (2,)
    assert rows["Tableau"].gap
    assert found.stories.words == "Your stories cover 2 of the 3 values and key terms."
    assert found.stories.named(rows["SQL"])[0][:2] == (1, "Audit rescue")
    assert not found.stories.done
    assert [(s.title, s.covers) for s in found.card.stories] == [
        ("Audit rescue", ("SQL",)), ("New starters", ("Patient first",)),
    ]  # fmt: skip


def test_practice_on_the_jobs_questions_and_its_trend() -> None:
    # Story questions: their answers are measured on STAR (`answer.measured_rating`); an answer
    # to one asking for neither ("Why us?") has no figure to trend.
    monday = TODAY - dt.timedelta(days=TODAY.weekday())
    answers = [
        AnswerFacts(
            1,
            monday - dt.timedelta(days=7),
            "Tell me about a client you won back.",
            analysis(0, False),
        ),
        AnswerFacts(
            2,
            monday - dt.timedelta(days=6),
            "tell me about a client you won back",
            analysis(2, False),
        ),
        AnswerFacts(
            3, monday + dt.timedelta(days=1), "Describe a time you used SQL.", analysis(4, True)
        ),
        AnswerFacts(4, monday + dt.timedelta(days=1), "Unread", {}),
    ]
    found = readiness(
        facts(job_questions=["Tell me about a client you won back.", "Describe a time you used SQL.",
                             "What is your weakness?"],
              answers=answers),
        embedder=None,
    )  # fmt: skip
    practice = found.practice
    assert practice.practised == (
        "Tell me about a client you won back.", "Describe a time you used SQL."
    )  # fmt: skip
    assert practice.unpractised == ("What is your weakness?",)
    assert practice.points == ((monday - dt.timedelta(days=7), 2.0), (monday, 5.0))
    assert practice.change == 3.0
    assert practice.words == (
        f"4 answers to this job's questions; the week of {monday:%-d %b} rates 5.0 of 5 over the "
        "1 of its 2 answers that could be rated, up from 2.0 in the week of "
        f"{monday - dt.timedelta(days=7):%-d %b}."
    )  # the unread answer has no figure: the week's is not all of its answers' (a trial)
    assert not practice.done


def test_likely_questions_worst_answered_first_then_gaps_then_covered_terms() -> None:
    first = RoundFacts(
        10, "Phone screen", TODAY - dt.timedelta(days=14), True, "Next round",
        asked=(("Why us?", "well"), ("Tell me about a failure.", "badly")),
    )  # fmt: skip
    second = RoundFacts(
        11, "First round", TODAY - dt.timedelta(days=7), True,
        asked=(("why us", ""), ("How do you prioritise?", "partly")),
    )  # fmt: skip
    found = readiness(
        facts(earlier=[first, second], stories=[SQL_STORY], values=["Patient first"],
              terms=["SQL", "Tableau"]),
        embedder=None,
    )  # fmt: skip
    assert [(q.text, q.why) for q in found.likely] == [
        ("Tell me about a failure.", "Asked in the phone screen; your answer went badly."),
        ("How do you prioritise?", "Asked in the first round; your answer went partly."),
        ("Why us?", "Asked in the phone screen and the first round; your answer went well."),
        ("What is your experience with Tableau?",
         "The advert asks for it; no story of yours covers it yet."),
        ("Tell me about a time you showed “Patient first”.",
         "One of the company's values; no story of yours covers it yet."),
        ("What is your experience with SQL?", "The advert asks for it."),
    ]  # fmt: skip
    assert len(found.card.questions) == 5
    assert found.earlier == (first, second)


def test_the_card_keeps_the_first_area_and_three_of_the_users_questions() -> None:
    areas = [
        OpenArea("fillers", "Fewer fillers", "rule", True),
        OpenArea("pace", "Pace", "r", False),
    ]
    found = readiness(facts(areas=areas, my_questions=["A?", " ", "B?", "C?", "D?"]), embedder=None)
    assert found.card.watch == areas[0]
    assert found.card.ask == ("A?", "B?", "C?")
    assert found.areas == tuple(areas)


def test_a_question_made_from_a_term_is_not_listed_again_when_it_was_asked() -> None:
    earlier = RoundFacts(
        10, "Phone screen", TODAY - dt.timedelta(days=14), False,
        asked=(("What is your experience with Python?", ""),),
    )  # fmt: skip
    found = readiness(facts(earlier=[earlier], terms=["Python", "SQL"]), embedder=None)
    assert [(q.text, q.source) for q in found.likely] == [
        ("What is your experience with Python?", "asked"),
        ("What is your experience with SQL?", "term"),
    ]


def test_the_summary_names_what_is_ready_and_what_is_still_to_do() -> None:
    base = readiness(facts(), embedder=None)
    some = dataclasses.replace(base, in_place=("research", "practice"))
    assert some.summary == "2 of 3 ready (research, practice); still to do: stories."
    every = dataclasses.replace(base, in_place=("research", "stories", "practice"))
    assert every.summary == "Ready: research, stories and practice are all in good shape."
