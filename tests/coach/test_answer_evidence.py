"""An answer's evidence (`coach.answer_evidence`) is all improvement areas need of its
analysis: over a seeded world of spoken and typed answers, every rule, `measured_rating`,
`meets` and the areas themselves come out the same from the evidence as from the whole
analysis, and the evidence is a small part of it."""

from __future__ import annotations

import datetime as dt
import functools
import json
import random
from typing import Any

import pytest

from prepcoach.coach.answer import analyse_answer, measured_rating
from prepcoach.coach.answer_evidence import (
    EVIDENCE_VERSION,
    VERSION_KEY,
    answer_evidence,
    answer_words,
    current,
)
from prepcoach.coach.delivery import DeliverySettings
from prepcoach.coach.improvement import (
    ANSWER_KEYS,
    RULES,
    AnswerFacts,
    ReviewFacts,
    improvement_areas,
    meets,
)
from prepcoach.coach.speech.engine import Transcript, Word
from prepcoach.coach.speech.vad import Span

TODAY = dt.date(2026, 11, 30)
SENTENCES = (
    "Last spring our support queue doubled after a product launch.",
    "I was asked to bring the waiting times back down.",
    "I rewrote the triage rules and trained two new starters.",
    "Within a month the average wait fell from 9 hours to 2 hours.",
    "In the end the queue got much shorter and customers were happier.",
    "We worked on it together as a team.",
    "I think it went fine overall.",
)
FILLERS = ("um", "uh", "you know", "like", "erm")
QUESTIONS = (
    "Tell me about a time you fixed a backlog.",
    "Describe a situation where you disagreed with your manager.",
    "Why do you want this job?",
    "What is your greatest strength?",
    # A plan: judged for its action alone, by the kind its evidence keeps.
    "What would you do if a teammate kept missing deadlines your work depended on?",
)
TERMS = ("SQL", "Tableau", "stakeholder management", "A/B testing", "forecasting")


def spoken(rng: random.Random) -> dict[str, Any]:
    """A recorded answer with its words' times: fillers, pauses short and long, a pace."""
    text = " ".join(rng.sample(SENTENCES, rng.randint(2, len(SENTENCES))))
    words, t = [], 0.0
    step = rng.choice((0.28, 0.38, 0.5))  # fast, in band, slow
    for token in text.split():
        if rng.random() < 0.08:
            for filler in rng.choice(FILLERS).split():
                words.append(Word(" " + filler, t, t + 0.25))
                t += 0.35
        words.append(Word(" " + token, t, t + step * 0.8))
        t += step + (rng.choice((1.5, 3.5, 6.0)) if rng.random() < 0.05 else 0.0)
    settings = DeliverySettings(
        pace_low=rng.choice((110, 130)), pace_high=rng.choice((150, 160, 175)),
        fillers_per_min_high=rng.choice((1.0, 3.0)), long_pause_s=rng.choice((2.5, 3.0, 5.0)),
    )  # fmt: skip
    spans = [Span(words[0].start, words[0].end)]
    for word in words[1:]:  # speech as voice activity finds it: words closer than 0.5 s
        if word.start - spans[-1].end < 0.5:
            spans[-1] = Span(spans[-1].start, word.end)
        else:
            spans.append(Span(word.start, word.end))
    found = analyse_answer(
        transcript=Transcript(tuple(words), "en", 0.99), duration_s=t + 1.0, spans=spans,
        settings=settings,
        question=rng.choice(QUESTIONS), engine="test/1",
    ).as_dict()  # fmt: skip
    return vary(rng, found)


def typed(rng: random.Random) -> dict[str, Any]:
    text = " ".join(rng.sample(SENTENCES, rng.randint(1, 5)))
    return vary(rng, analyse_answer(text=text, question=rng.choice(QUESTIONS)).as_dict())


def vary(rng: random.Random, found: dict[str, Any]) -> dict[str, Any]:
    """What the rules read from other parts of the report, drawn at random: the relevance
    verdict, the job's key terms, speech lost."""
    roll = rng.random()
    if roll < 0.3:
        found["relevance"] = {"addresses": False, "probability": 0.2, "gist": "the weather",
                              "story": {"asks": True}}  # fmt: skip
    elif roll < 0.6:
        found["relevance"] = {"addresses": True, "probability": 0.9, "gist": "the backlog"}
    elif roll < 0.7:
        found["relevance"] = {"addresses": None, "probability": None, "gist": ""}
    if rng.random() < 0.5:
        used = rng.sample(TERMS, rng.randint(0, 3))
        found["keywords"] = {"used": used, "missed": [t for t in TERMS if t not in used],
                             "bearing": rng.sample(TERMS, rng.randint(0, 3)),
                             "sentences": dict.fromkeys(used, "said here")}  # fmt: skip
    if rng.random() < 0.15:
        found["withheld"] = rng.sample(["fillers", "pace", "keywords", "star"], 2)
    # An answer read as one to a weakness question: drawn apart (seeded by its words), so the
    # world's other draws stay as they were.
    side = random.Random(str(found.get("transcript")))
    if side.random() < 0.3:
        found["weakness_steps"] = {"said": side.choice((True, False, None)), "evidence": [],
                                   "nearest": "I keep a list.", "probability": 0.4,
                                   "opening": "I rush."}  # fmt: skip
        flag = side.choice(("disguised", "real", "neither"))
        found["weakness_disguise"] = {"disguised": flag == "disguised", "real": flag == "real",
                                      "probability": 0.8, "evidence": "I work too hard."}  # fmt: skip
    return found


@functools.cache
def seeded_world(count: int = 150) -> list[AnswerFacts]:
    """Answers, a third typed and the rest spoken, newest first, a few a day (also the world
    of `tests/practice/test_answer_evidence.py`)."""
    rng = random.Random(15)
    return [
        AnswerFacts(n, TODAY - dt.timedelta(days=n // 3), rng.choice(QUESTIONS),
                    spoken(rng) if n % 3 else typed(rng), rng.choice((None, 1, 2, 3, 4, 5)))
        for n in range(count)
    ]  # fmt: skip


@pytest.fixture
def world(sentence_model: None) -> list[AnswerFacts]:
    return seeded_world()  # made once for the module


def kept(answer: AnswerFacts) -> AnswerFacts:
    return AnswerFacts(answer.ref, answer.when, answer.question,
                       answer_evidence(answer.analysis), answer.rating)  # fmt: skip


def test_every_rule_reads_the_same_from_the_evidence(world: list[AnswerFacts]) -> None:
    held = {rule.key: 0 for rule in RULES}
    for answer in world:
        evidence = answer_evidence(answer.analysis)
        for rule in RULES:
            found = rule.read(answer.analysis)
            assert rule.read(evidence) == found, (rule.key, answer.ref)
            held[rule.key] += bool(found and found[0])
        assert measured_rating(evidence) == measured_rating(dict(answer.analysis))
        for key in ANSWER_KEYS:
            assert meets(key, evidence, answer.question, answer.rating) == meets(
                key, answer.analysis, answer.question, answer.rating
            )
    # The world exercises every rule where it holds, not only where it does not.
    assert all(held.values()), held


def test_the_areas_are_the_same_from_the_evidence(world: list[AnswerFacts]) -> None:
    reviews = [ReviewFacts("r1", TODAY, "Sam", {"result": 0, "delivery": 0}, 2, 4)]
    compared = 0
    for start in range(0, len(world) - 50, 10):  # windows of 50, as the pages read them
        window = world[start : start + 50]
        areas = improvement_areas(window, reviews, TODAY)
        assert improvement_areas([kept(a) for a in window], reviews, TODAY) == areas
        compared += len(areas)
    assert compared > 0


def test_the_evidence_is_a_small_part_of_a_spoken_answer(world: list[AnswerFacts]) -> None:
    whole = sum(len(json.dumps(a.analysis)) for a in world if a.analysis.get("words"))
    small = sum(
        len(json.dumps(answer_evidence(a.analysis))) for a in world if a.analysis.get("words")
    )
    assert small * 4 < whole


def test_evidence_of_another_version_is_not_trusted() -> None:
    evidence = answer_evidence({"wpm": 140.0})
    assert evidence == {VERSION_KEY: EVIDENCE_VERSION, "wpm": 140.0}
    assert current(evidence)
    assert not current({**evidence, VERSION_KEY: EVIDENCE_VERSION + 1})
    assert not current({"wpm": 140.0})
    assert not current(None)


def test_a_plans_reasons_and_check_are_not_kept() -> None:
    """A development build read a plan's reasons and check by a cue list, stored them as the
    analysis's `plan` and kept them in the evidence (version 3). That reading was withdrawn
    (it was never measured, so it may not judge): no area reads it, nothing keeps it, and
    evidence stored as 3 is not current, so its answer is read from its analysis."""
    plan = {"reasons": {"present": False, "evidence": []}, "check": {"present": True}}
    evidence = answer_evidence({"wpm": 140.0, "plan": plan})
    assert evidence == {VERSION_KEY: EVIDENCE_VERSION, "wpm": 140.0}
    assert not current({**evidence, VERSION_KEY: 3})


def test_the_evidence_keeps_whose_actions_they_are_and_how_long_the_answer_is() -> None:
    """ "Say what you did yourself" reads the reader's count of "I" and "we" actions and how many
    words the answer has (`tips.personal_action_missing`): the evidence keeps both (the count,
    not the transcript), and evidence kept before it (version 2) is not current, so an answer
    analysed then is read from its analysis."""
    analysis = {
        "transcript": "We rewrote the triage rules, and we trained two new starters.",
        "ownership": {"i": 0, "we": 2, "i_actions": 0, "we_actions": 2},
    }
    evidence = answer_evidence(analysis)
    assert evidence == {
        VERSION_KEY: EVIDENCE_VERSION, "word_count": 11,
        "ownership": {"i": 0, "we": 2, "i_actions": 0, "we_actions": 2},
    }  # fmt: skip
    assert answer_words(evidence) == answer_words(analysis) == 11
    assert not current({**evidence, VERSION_KEY: 2})
    assert EVIDENCE_VERSION == 9  # 3 was a withdrawn development build's: never reused


def test_the_evidence_keeps_whether_a_weakness_answer_says_a_step() -> None:
    """ "Say what you do about your weakness" reads the stored steps reading; evidence kept
    before it (version 7) has none, so is not current and its answer is read from its
    analysis."""
    analysis = {
        "transcript": "I care too much about getting things right.",
        "weakness_steps": {"said": False, "evidence": [], "probability": 0.1, "nearest": "I do.",
                           "opening": "I care too much about getting things right."},
    }  # fmt: skip
    evidence = answer_evidence(analysis)
    assert evidence["weakness_steps"] == {
        "said": False, "opening": "I care too much about getting things right."
    }  # fmt: skip
    rule = next(rule for rule in RULES if rule.key == "weakness_steps")
    assert rule.read(evidence) == rule.read(analysis) != ("", None)
    assert not current({**evidence, VERSION_KEY: 7})


def test_the_evidence_keeps_whether_a_weakness_reads_as_a_strength_in_disguise() -> None:
    """ "Name a real weakness" reads the stored disguise reading; evidence kept before it
    (version 8) has none, so is not current and its answer is read from its analysis."""
    analysis = {
        "transcript": "I care too much about getting things right.",
        "weakness_disguise": {"disguised": True, "probability": 0.99,
                              "evidence": "I care too much about getting things right."},
    }  # fmt: skip
    evidence = answer_evidence(analysis)
    assert evidence["weakness_disguise"] == {
        "disguised": True, "evidence": "I care too much about getting things right."
    }  # fmt: skip
    rule = next(rule for rule in RULES if rule.key == "weakness_disguise")
    assert rule.read(evidence) == rule.read(analysis) == (
        "the weakness named reads as a strength in disguise: “I care too much about getting "
        "things right.”", None,
    )  # fmt: skip
    assert not current({**evidence, VERSION_KEY: 8})
