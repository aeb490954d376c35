"""Which of a job's terms an answer says it has done, in its own words too: the term read in its
phrasings (`term_match.term_vectors`) against the answer's sentences, clauses and short phrases,
at the cut `scripts/train_term_use.py` chose on the hand-labelled answers of
`tests/data/term_use/dev.json`; and never a term the answer says it has not done
(`term_match.denied`). On those answers (5-fold cross-validation by answer) the matcher before
found 44 % of the terms used and a quarter of the skills said in other words."""

from __future__ import annotations

import importlib.util
import json
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from prepcoach.coach import term_match, term_units
from prepcoach.coach import term_vectors as term_vectors_module
from prepcoach.coach.term_match import clauses, denied, find_terms, term_vectors

ROOT = Path(__file__).resolve().parents[2]


def used(text: str, terms: list[str]) -> dict[str, tuple[str, str]]:
    """Each used term with how it is said and the words that say it."""
    found = find_terms(text, terms, term_match.shared_embedder())
    return {c.term: (c.by, c.words) for c in found if c is not None}


@pytest.mark.usefixtures("sentence_model")
def test_a_term_said_as_not_done_is_not_used() -> None:
    """10 of the matcher's 25 false alarms on the labelled answers were terms the answer says it
    has not done, by their words ("i haven't used sql on a real project yet") or by meaning
    ("I don't cannulate myself yet"): the guide's labellers tick none."""
    assert used("I haven't used Tableau yet, but I'd like to learn it.", ["Tableau"]) == {}
    assert used("i havent done payroll on my own.", ["payroll"]) == {}
    assert used("I don't cannulate patients yet.", ["cannulation"]) == {}
    assert used("I cannulate patients most shifts.", ["cannulation"]) == {
        "cannulation": ("meaning", "cannulate patients")
    }
    # A negation reaches to the end of its clause, no further.
    said = "I didn't do any SQL in that job, it was all spreadsheets, but I've written SQL at uni."
    assert used(said, ["SQL"]) == {"SQL": ("word form", "SQL")}
    told = "I don't post an advert and wait, I go on LinkedIn Recruiter and search."
    assert used(told, ["LinkedIn Recruiter", "job advertising"]) == {
        "LinkedIn Recruiter": ("word form", "LinkedIn Recruiter")
    }


def test_a_negation_denies_the_rest_of_its_clause() -> None:
    def at(sentence: str, words: str) -> bool:
        start = sentence.index(words)
        return denied(sentence, start, start + len(words))

    assert at("i haven't used java or c# in anger, the bootcamp was all js", "c#")
    assert not at("i haven't used java or c# in anger, the bootcamp was all js", "js")
    assert at("I've done some first fix, but not cut roofs.", "cut roofs")
    assert not at("I've done some first fix, but not cut roofs.", "first fix")
    assert at("We never did stand-ups.", "stand-ups")
    assert not at("I don't post an advert and wait, I go on LinkedIn", "LinkedIn")
    assert not at("I don't post an advert and wait, I go on LinkedIn", "wait")  # "and" ends it
    # Known miss: a negation that denies a failure denies what it says was done too.
    assert at("We didn't miss a deadline.", "We didn't miss a deadline.")


def test_a_sentence_is_read_in_its_clauses() -> None:
    assert clauses(
        "so I priced it properly, um, built the quotation with the programme impact, and I "
        "sat down with their QS"
    ) == [
        "so I priced it properly",
        "built the quotation with the programme impact",
        "and I sat down with their QS",
    ]
    assert clauses("I run the aged debt report every Monday.") == [
        "I run the aged debt report every Monday."
    ]


@pytest.mark.usefixtures("sentence_model")
def test_a_skill_told_in_other_words_is_used() -> None:
    """Below the former cut (0.68), above the one chosen on the labelled answers: a sentence
    telling the work (0.50 from "technical troubleshooting"), a clause's words (0.45 from
    "appointment setting") and another form of the term (0.64 from "rota planning")."""
    line_test = (
        "I went through the line test with him, it showed a fault at the cabinet, so I raised "
        "it with the engineers."
    )
    assert list(used(line_test, ["technical troubleshooting"])) == ["technical troubleshooting"]
    assert used("I booked fourteen meetings last month for the account execs.", [
        "appointment setting"
    ]) == {"appointment setting": ("meaning", "booked fourteen meetings")}  # fmt: skip
    assert used("I rewrote the rota around the covers forecast.", ["rota planning"]) == {
        "rota planning": ("meaning", "rota around")
    }
    # Known miss: the guide's own example of a skill said in other words is 0.26 from it.
    said = "I kept the three department heads in the loop every Friday."
    assert used(said, ["stakeholder management"]) == {}


@pytest.mark.usefixtures("sentence_model")
def test_one_word_of_a_name_is_not_the_name_in_a_text_without_capitals() -> None:
    """With phrasings and the lower cut, "my team met every week" came 0.46 from "Microsoft
    Teams": in a text with no capitals to tell a name by, one of a name's words alone is the
    ordinary word; two of them still say it."""
    assert used("my team met every week.", ["Microsoft Teams"]) == {}
    assert used("i check the rankings in search console every day.", [
        "Google Search Console"
    ]) == {"Google Search Console": ("meaning", "search console")}  # fmt: skip


class Counting:
    """An embedder that counts the texts it is asked for (a vector per text, by its length)."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        self.asked += texts
        return [[1.0, float(len(t)), 0.0] for t in texts]


def test_a_terms_phrasings_are_embedded_once() -> None:
    embedder = Counting()
    first = term_vectors(["SQL", "Excel"], embedder)
    n = len(term_match.PHRASINGS)
    assert len(embedder.asked) == 2 * n
    assert "I did SQL" in embedder.asked
    again = term_vectors(["Excel", "Python"], embedder)
    assert len(embedder.asked) == 3 * n  # only Python's
    assert again[0] is first[1]
    assert sum(v * v for v in first[0]) == pytest.approx(1.0)


class Slow(Counting):
    """A Counting embedder that takes its time, so that threads meet inside `term_vectors`."""

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        time.sleep(0.002)
        return [[1.0, float(len(t)), float(len(t) % 7)] for t in texts]


def test_term_vectors_are_safe_across_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """A server's threads share the kept vectors; one clearing them (past PHRASED_KEPT) while
    another read its terms from them raised KeyError (a review: 23 of them in 4 threads)."""
    monkeypatch.setattr(term_vectors_module, "PHRASED_KEPT", 6)
    embedder = Slow()
    failures: list[BaseException] = []

    def ask(offset: int) -> None:
        try:
            for round_ in range(40):
                terms = [f"term {(offset + round_ + k) % 9}" for k in range(4)]
                assert len(term_vectors(terms, embedder)) == 4
        except BaseException as error:  # reported below, with the others
            failures.append(error)

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


@pytest.mark.usefixtures("sentence_model")
def test_a_negation_in_a_later_clause_is_not_read_through_the_whole_sentence() -> None:
    """The whole sentence was denied only where its first clause held the negation, and came
    0.70 from "payroll" in "I handled the invoices, but I haven't done payroll" (a review)."""
    terms = ["payroll", "forecasting", "stakeholder management", "cannulation"]
    for said in (
        "I handled the invoices, but I haven't done payroll.",
        "I wrote the reports, but I haven't done any forecasting.",
        "I led the audits, but I haven't done any stakeholder management.",
        "I did the bookkeeping and I never did payroll.",
        "I shadowed the nurses, but I haven't cannulated anyone yet.",
    ):
        assert used(said, terms) == {}, said
    assert denied("I handled the invoices, but I haven't done payroll.", 0, 51)
    assert not denied("I handled the invoices, but I haven't done payroll.", 0, 22)


@pytest.mark.usefixtures("sentence_model")
def test_a_phrase_is_placed_by_its_own_words_not_inside_a_longer_one() -> None:
    """ "data quality" was placed in "metadata quality", so the denied words were read where the
    sentence says "metadata quality", not denied, and quoted at 0.89 (a review). The phrase
    "metadata quality" itself still comes near the term by meaning (a known miss)."""
    said = "Our metadata quality was fine, but I haven't done any data quality work."
    spans = [m.span() for m in term_units.TOKEN_RE.finditer(said)]
    assert term_units._span(said, spans, "data quality") == (54, 66)  # not (8, 20)
    assert used(said, ["data quality"]) == {"data quality": ("meaning", "metadata quality")}
    said = "The subcontract management was theirs, but I never did contract management myself."
    assert used(said, ["contract management"]) != {
        "contract management": ("meaning", "contract management")
    }


@pytest.mark.usefixtures("sentence_model")
def test_an_answer_that_echoes_the_phrasings_uses_no_term() -> None:
    """Vague words like the phrasings' own ("my work involved {}") came near every term: "My
    job involved lots of different things" was credited with 12 of 20 (a review)."""
    terms = [
        "payroll", "compliance", "project management", "recruitment", "contract negotiation",
        "scheduling", "safeguarding", "customer service", "budget management",
        "stakeholder management",
    ]  # fmt: skip
    for said in (
        "My job involved lots of different things.",
        "I was responsible for a lot.",
        "I did lots of stuff in that role and I was skilled at most of it.",
    ):
        assert used(said, terms) == {}, said
    assert "payroll" in used("I ran the weekly payroll for 80 staff.", terms)


def _trainer() -> object:
    spec = importlib.util.spec_from_file_location(
        "train_term_use", ROOT / "scripts/train_term_use.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_term_use"] = module
    spec.loader.exec_module(module)
    return module


def test_the_trainer_reads_the_development_answers_only() -> None:
    trainer = _trainer()
    assert trainer.DATA.name == "dev.json"  # type: ignore[attr-defined]


@pytest.mark.usefixtures("sentence_model")
def test_retraining_reproduces_the_shipped_threshold() -> None:
    trainer = _trainer()
    shipped = json.loads(term_match.MODEL_FILE.read_text(encoding="utf-8"))
    assert shipped["threshold"] == term_match.MEANING_THRESHOLD
    embedder = term_match.shared_embedder()
    pairs = trainer.read_pairs(trainer.answers(), embedder)  # type: ignore[attr-defined]
    assert trainer.choose(pairs) == shipped["threshold"]  # type: ignore[attr-defined]
