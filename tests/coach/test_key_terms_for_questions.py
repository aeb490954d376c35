"""The key-terms tip suggests only the job's terms that bear on the question asked, by meaning,
and says nothing when none does. A trial's answer to "What steps do you take to make your
analysis reproducible?" was told to use "Power BI", "R", "Tableau" and "GDPR", and a teammate
conflict got the same list, each measured against all 18 of the job's terms."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, cast

import pytest

from prepcoach.coach.delivery import DeliverySettings
from prepcoach.coach.keywords import QUESTION_TERM_CUT, bearing_on, coverage, key_terms
from prepcoach.coach.tips import RULES, Facts

pytestmark = pytest.mark.usefixtures("sentence_model")

EXAMPLES = tuple(
    Path(__file__).resolve().parents[1] / "data" / "key_terms" / name
    for name in ("question_terms_dev.json", "question_terms_dev2.json")
)

ADVERT = """Data Analyst, Northwind Health (London, hybrid)
We are looking for a Data Analyst to join our insights team.
What you'll do:
- Write SQL queries against our data warehouse and build ETL pipelines
- Build dashboards in Power BI and Tableau for clinical and operations teams
- Analyse data in Python or R, with statistical testing and A/B testing
- Keep analysis reproducible with Git version control and clear documentation
- Manage stakeholders and present findings to non-technical audiences
- Make sure patient data is handled in line with GDPR and data protection rules
- Improve data quality and data governance across teams
What you bring:
- A degree in a quantitative subject
- Experience with Excel, data visualisation and storytelling with data
- Strong communication and teamwork
"""
PERSONAL_DATA = "How do you make sure personal data is handled safely?"
PERSONAL_DATA_ANSWER = (
    "On my last team every new extract went through the same three checks before anyone used "
    "it: who may see it, how long we keep it, and where it is stored. I asked for the ward "
    "names to be replaced with codes before the data left the hospital, and I deleted the raw "
    "files after thirty days. When a colleague emailed a spreadsheet with patient names by "
    "mistake, I reported it the same morning and we recalled it within an hour."
)
REPRODUCIBLE = "What steps do you take to make your analysis reproducible?"
CONFLICT = "Tell me about a time you disagreed with a teammate."
REPRODUCIBLE_ANSWER = (
    "Every analysis I run starts from the raw extract, never from a copy someone edited by "
    "hand. I keep the queries and notebooks in one repository, and each step reads the output "
    "of the step before, so anyone can run it again from the top. I fix the random seeds, pin "
    "the package versions and write down the date of the data. Last quarter a colleague reran "
    "my churn model six weeks later and got the same figures to the decimal."
)
CONFLICT_ANSWER = (
    "Last year a teammate and I disagreed about whether to launch a report before the data "
    "was checked. I was asked to decide with her by Friday. I listened to her reasons first, "
    "then showed her the three errors I had found, and we agreed to launch a day later with a "
    "note on what was still open. The report went out on Tuesday and nobody had to correct it."
)


def tip_for(question: str, answer: str) -> tuple[tuple[str, ...], list[str] | None]:
    """The terms that bear on the question and those the tip suggests (the rule reads only the
    coverage: the answer's other facts do not matter to it)."""
    covered = coverage(answer, key_terms(ADVERT), question)
    tip = RULES["keywords"](Facts(cast(Any, None), cast(Any, None), covered, DeliverySettings()))
    return covered.bearing, None if tip is None else [e.text for e in tip.evidence]


def test_the_job_has_the_terms_the_trial_was_told_to_use() -> None:
    terms = key_terms(ADVERT)
    assert {"Power BI", "R", "Tableau", "GDPR"} <= set(terms)
    assert len(terms) >= 15


def test_a_teammate_conflict_is_told_no_job_terms() -> None:
    bearing, suggested = tip_for(CONFLICT, CONFLICT_ANSWER)
    assert bearing == ()
    assert suggested is None


def test_a_reproducibility_answer_is_not_told_the_terms_the_trial_was_told() -> None:
    """The trial's fault: "Power BI", "Tableau" and "GDPR" were suggested for reproducibility
    (the development labels count "R" as bearing, a term read alone reads far from it). Of this
    advert's terms the closest is "statistical testing", at 0.3795 against the cut of 0.38: a
    hair either way, so the test asks only that nothing else is named."""
    bearing, suggested = tip_for(REPRODUCIBLE, REPRODUCIBLE_ANSWER)
    assert not {"Power BI", "Tableau", "GDPR"} & set(bearing)
    assert set(bearing) <= {"statistical testing"}
    assert set(suggested or []) <= {"statistical testing"}


def test_the_terms_a_question_bears_on_are_closest_first_and_at_most_four() -> None:
    terms = key_terms(ADVERT)
    found = bearing_on(PERSONAL_DATA, terms)
    # What the cut names, right and wrong: the development labels for this question are "GDPR",
    # "data protection" and "data governance". "data quality" (0.42) is a false alarm named,
    # and "GDPR" (0.357) a miss the cut of 0.38 brings (it was named at 0.33), the price of a
    # third fewer wrong terms named over the examples (QUESTION_TERM_CUT's comment).
    assert found == ("data protection", "data quality", "data governance")
    assert "GDPR" not in found
    assert bearing_on("What motivates you?", terms) == ()
    assert bearing_on("", terms) == ()


def test_the_cut_keeps_the_figures_it_was_chosen_by() -> None:
    """On the examples written for it (development: the cut was chosen on them), two thirds of
    the terms named are labelled as bearing, and nothing is named for nearly every question no
    term bears on (`keywords.QUESTION_TERM_CUT`'s comment gives the figures)."""
    assert QUESTION_TERM_CUT == 0.38
    named = right = labelled = silent = empty = 0
    for examples in EXAMPLES:
        for job in json.loads(examples.read_text(encoding="utf-8"))["jobs"]:
            for item in job["questions"]:
                found = set(bearing_on(item["question"], job["terms"]))
                wanted = set(item["bears"])
                named, right, labelled = (
                    named + len(found),
                    right + len(found & wanted),
                    labelled + len(wanted),
                )
                if not wanted:
                    empty, silent = empty + 1, silent + (not found)
    assert right / named >= 0.65  # 0.667 when chosen
    assert right / labelled >= 0.24  # 0.260
    assert (silent, empty) == (43, 46)


def test_the_tips_rule_counts_the_terms_that_bear_on_the_question() -> None:
    """Three of the job's terms bear on the question, and the rule counts those the answer
    leaves unused. This pinned all three unused; since terms are matched by their phrasings at
    the cut chosen on hand-labelled answers (tests/data/term_use/, held-out F1 .54 to .78),
    "data quality" was credited through the phrase "data left" (0.45 against a cut of 0.40), a
    false alarm of the class term_match names (a unit sharing one word of a term comes near it
    by that word). Since the forty-fourth session a match by meaning below
    `term_match.SURE_BY_MEANING` is a "can't tell": neither used nor unused, so the tip still
    names the two it can tell are unused."""
    covered = coverage(PERSONAL_DATA_ANSWER, key_terms(ADVERT), PERSONAL_DATA)
    assert covered.bearing == ("data protection", "data quality", "data governance")
    assert [c.term for c in covered.evidence if c.term in covered.bearing] == []
    assert [(c.term, c.words) for c in covered.unsure if c.term in covered.bearing] == [
        ("data quality", "data left")
    ]
    tip = RULES["keywords"](Facts(cast(Any, None), cast(Any, None), covered, DeliverySettings()))
    assert tip is not None
    assert tip.rule == "Job terms: 2 of the job's 3 key terms that bear on this question unused"


def test_an_answer_without_a_question_is_told_no_job_terms() -> None:
    covered = coverage(CONFLICT_ANSWER, key_terms(ADVERT))
    assert covered.bearing == ()
    assert (
        RULES["keywords"](Facts(cast(Any, None), cast(Any, None), covered, DeliverySettings()))
        is None
    )


def test_the_tip_and_the_area_ask_the_same_of_the_terms_bearing_on_a_question() -> None:
    """Up to four terms bear on a question and the area asks for three of them (all, when
    fewer bear): a review found the tip still naming the fourth where the area was met."""
    from prepcoach.coach.improvement import meets
    from prepcoach.coach.keywords import Coverage

    bearing = ("SQL", "Tableau", "A/B testing", "forecasting")
    for used, bear in [(bearing[:3], bearing), (bearing[:2], bearing), (("SQL",), ("SQL",)),
                       ((), ("SQL",)), (("SQL",), bearing[:2])]:  # fmt: skip
        missed = tuple(t for t in bearing if t not in used)
        covered = Coverage(used, missed, (), bear)
        tip = RULES["keywords"](
            Facts(cast(Any, None), cast(Any, None), covered, DeliverySettings())
        )
        analysis = {"keywords": {"used": list(used), "missed": list(missed), "bearing": list(bear)}}
        assert meets("job_terms", analysis, "Why this role?") is (tip is None), (used, bear)


def test_a_term_it_cannot_tell_was_said_counts_neither_way_in_the_tip_and_the_area() -> None:
    """A term found by meaning below `term_match.SURE_BY_MEANING` is "can't tell": the tip
    and the area "Use the job's key terms" give it the benefit of the doubt alike, and the area
    says it apart from the terms used."""
    from prepcoach.coach.area_readings import job_terms
    from prepcoach.coach.improvement import meets
    from prepcoach.coach.keywords import Coverage
    from prepcoach.coach.term_match import Covered

    bearing = ("SQL", "Tableau", "A/B testing", "forecasting")
    for used, unsure in [(bearing[:2], bearing[2:3]), (bearing[:1], bearing[1:2])]:
        missed = tuple(t for t in bearing if t not in used and t not in unsure)
        said = tuple(Covered(t, "…", "meaning", 0.45, "…") for t in unsure)
        covered = Coverage(used, missed, (), bearing, said)
        tip = RULES["keywords"](
            Facts(cast(Any, None), cast(Any, None), covered, DeliverySettings())
        )
        analysis = {
            "keywords": {
                "used": list(used),
                "missed": list(missed),
                "bearing": list(bearing),
                "unsure": [{"term": t, "words": "…", "similarity": 0.45} for t in unsure],
            }
        }
        assert meets("job_terms", analysis, "Why this role?") is (tip is None), used
    assert tip is not None
    assert tip.rule == "Job terms: 2 of the job's 4 key terms that bear on this question unused"
    reading = job_terms(analysis)
    assert reading is not None
    assert reading[0] == (
        "1 of the 4 key terms bearing on it used, 1 perhaps in other words (prepcoach can't "
        "tell); not used: A/B testing, forecasting"
    )
