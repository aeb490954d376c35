"""Skills an advert writes as verbs, and the field its job title names, become candidate key
terms in the noun form people label them with."""

from __future__ import annotations

from prepcoach.coach.key_term_candidates import (
    FEATURE_NAMES,
    FUNCTION_WORDS,
    SUBJECTS,
    features,
    read_advert,
)
from prepcoach.coach.key_term_verbs import ing_form, noun_forms, title_activities, verb_phrases
from prepcoach.coach.term_forms import scoring_form


def _phrases(line: str, bullet: bool = True, duties: bool = True) -> set[str]:
    found = verb_phrases(line, bullet, duties, FUNCTION_WORDS, SUBJECTS, frozenset())
    return {scoring_form(p) for p in found}


def test_a_verb_and_its_object_read_as_the_skill_they_name() -> None:
    found = _phrases("Handle customer queries and complaints over chat")
    # Each object of the verb gets its own phrase, the object's plural folded as the guide
    # scores ("complaints handling" is "complaint handling").
    assert {scoring_form("complaint handling"), scoring_form("customer query handling")} <= found
    assert scoring_form("troubleshooting") in _phrases("Troubleshoot L2 tickets")
    assert scoring_form("portfolio management") in _phrases("Manage a portfolio of 120 trusts")


def test_a_run_of_verbs_shares_its_object() -> None:
    found = _phrases("Recruit, train and develop the team")
    assert {"recruitment", "train", "development", "team development"} <= found


def test_the_noun_of_a_verb_is_a_word_the_vocabulary_knows() -> None:
    assert noun_forms("manage") == ["management"]
    assert "negotiation" in noun_forms("negotiate")
    assert "analysis" in noun_forms("analyse")
    assert noun_forms("troubleshoot") == []  # no such noun: the -ing form stands for it
    assert [ing_form(v) for v in ("handle", "plan", "troubleshoot")] == [
        "handling", "planning", "troubleshooting",
    ]  # fmt: skip


def test_a_noun_at_the_start_of_a_requirement_is_no_verb() -> None:
    # In a list of requirements a first word is a verb only with an object after it or where
    # the advert uses it as a verb elsewhere: "Degree in microbiology" gives nothing.
    assert _phrases("Degree in microbiology", bullet=True, duties=False) == set()
    assert _phrases("Fluent English", bullet=True, duties=False) == set()
    # After a subject or a modal a word is a verb wherever it is.
    found = _phrases("You will negotiate with brokers and insurers", bullet=False, duties=False)
    assert "negotiation" in found


def test_the_field_a_job_title_names_is_a_candidate_but_the_title_is_not() -> None:
    assert "product design" in title_activities(["Product", "Designer"])
    assert "data analysis" in title_activities(["Data", "Analyst"])
    assert "transport planning" in title_activities(["Transport", "Planner"])
    assert title_activities(["Nurse"]) == []  # one word names no field
    advert = read_advert(
        "Transport Planner – Leeds\nWhat you will do\n- Plan routes for 40 vehicles\n"
        "- Handle driver queries\n"
    )
    by_key = {c.key: c for c in advert.candidates}
    assert scoring_form("transport planner") not in by_key
    assert by_key[scoring_form("transport planning")].from_title
    handling = by_key[scoring_form("driver query handling")]
    assert handling.derived
    row = dict(zip(FEATURE_NAMES, features(handling, advert), strict=True))
    assert row["derived"] == 1.0
    assert row["from_title"] == 0.0
