"""The key terms of a job advert and which of them an answer covers."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest

from prepcoach.coach import key_term_model
from prepcoach.coach.keywords import ScoredTerm, coverage, key_terms, select
from prepcoach.coach.stories import StoryInfo
from prepcoach.coach.stories import coverage as story_coverage
from prepcoach.coach.term_forms import TermScore, score_terms, scoring_form
from prepcoach.coach.term_match import term_roots

ROOT = Path(__file__).resolve().parents[2]

ADVERT = """Senior Data Analyst
Brightwell Analytics – London, UK – £60,000 + bonus

Brightwell Analytics helps 2 million shoppers find better deals. We're a team of 40, and
Brightwell Analytics is growing fast. At Brightwell Analytics we're proud of our culture.

What you'll do
- Build Tableau dashboards for the commercial team
- Write SQL queries against our data warehouse
- Run A/B testing on pricing and report the results
- Work with the marketing manager on stakeholder management

What you'll need
- Strong SQL and Python
- Experience with Tableau
- Knowledge of A/B testing and statistics
- You'll have great communication skills

What we offer
- 25 days' holiday, pension and a cycle scheme
- Hybrid working from our London office

Brightwell Analytics is an equal opportunity employer. We're happy to talk flexible working.
"""


def _words(terms: list[str]) -> set[str]:
    return {w.lower() for t in terms for w in re.findall(r"[A-Za-z']+", t)}


def test_no_pieces_of_contractions_titles_places_money_or_the_company() -> None:
    terms = key_terms(ADVERT)
    assert terms, "an advert with skills gives terms"
    lowered = {t.lower() for t in terms}
    assert not lowered & {"re", "ll", "ve", "we're", "you'll"}
    for junk in ("senior", "uk", "million", "brightwell", "analytics"):
        assert junk not in _words(terms), (junk, terms)
    # The "manager" was the bare word, a piece of a title: never a term.
    assert not lowered & {"manager", "senior data analyst", "data analyst", "analyst"}
    # A known miss since the twentieth session, named rather than hidden: "Work with the
    # marketing manager on stakeholder management" now gives "marketing manager" (0.41; the
    # cut here is 0.29), another person's title on a line of skills. Every reading of MiniLM's
    # middle layers lifted it (0.30-0.43; 0.25 before), while over the 387 development adverts
    # the terms given that name a person stayed as few (51 to 55 wrong of 1,602 to 1,565) and
    # cross-validated F1 rose .681 to .694 (docs/architecture.md, keywords row).
    assert {"SQL", "Tableau"} <= set(terms)


def test_tableau_and_tableau_dashboards_are_one_term() -> None:
    terms = key_terms(ADVERT)
    tableau = [t for t in terms if "tableau" in t.lower()]
    assert tableau == ["Tableau"]
    short = key_terms("You will build Tableau dashboards and SQL reports. Tableau is a must.")
    assert len([t for t in short if "tableau" in t.lower()]) == 1


def test_an_html_advert_gives_the_same_terms_as_its_text() -> None:
    lines = ADVERT.strip().splitlines()
    html = (
        "".join(
            f"<li>{line[2:]}</li>" if line.startswith("- ") else f"<p>{line}</p>" for line in lines
        )
        .replace("'", "&#8217;")
        .replace("&", "&amp;", 0)
    )
    assert key_terms(html) == key_terms(ADVERT)


def test_the_company_name_given_by_the_caller_is_never_a_term() -> None:
    text = "You will own Acme Cloud reporting. Experience with Acme Cloud, SQL and Excel."
    assert not any("acme" in t.lower() for t in key_terms(text, company="Acme"))


def test_customer_focus_covers_help_customers_with_the_sentence() -> None:
    answer = "The queue was long. I stayed late to help customers find the right size."
    found = coverage(answer, ["customer focus", "SQL"])
    assert found.used == ("customer focus",)
    assert found.missed == ("SQL",)
    (evidence,) = found.evidence
    assert evidence.sentence == "I stayed late to help customers find the right size."
    assert evidence.by == "meaning"


def test_word_forms_cover_a_term() -> None:
    found = coverage(
        "I spent a year managing stakeholders across three teams.", ["stakeholder management"]
    )
    assert found.used == ("stakeholder management",)
    assert found.evidence[0].by == "word form"


def test_a_story_about_customers_covers_the_value_and_quotes_it() -> None:
    stories = [
        StoryInfo(1, "Late shift", "A customer was upset. I showed great customer focus and fixed it.", ()),
        StoryInfo(2, "Migration", "I moved our reports from Excel to SQL.", ()),
    ]  # fmt: skip
    rows = {r.target: r for r in story_coverage(stories, values=["Help customers"], terms=["SQL"])}
    assert rows["Help customers"].stories == (1,)
    assert "customer focus" in rows["Help customers"].evidence[0]
    assert rows["SQL"].stories == (2,)
    assert rows["SQL"].evidence == ("“I moved our reports from Excel to SQL.”",)


def test_scoring_follows_the_guide() -> None:
    labels: list[dict[str, object]] = [
        {"term": "A/B testing", "variants": ["split testing"], "core": True},
        {"term": "SQL", "variants": [], "core": False},
    ]
    assert scoring_form("A/B tests") == scoring_form("A/B testing")
    result = score_terms(["A/B tests", "split testing", "Python"], labels)
    assert result == TermScore(1, 3, 2, 1, 1)


def _dev() -> list[dict[str, object]]:
    data: list[dict[str, object]] = json.loads((ROOT / "tests/data/adverts/dev.json").read_text())
    return data


def test_development_adverts_beat_the_old_extractor_by_far() -> None:
    """Development figures (the model was trained on these adverts): a floor against decay,
    not an estimate of quality; bench/bench_keywords.py reports held-out figures."""
    total = TermScore(0, 0, 0, 0, 0)
    for advert in _dev():
        labels = advert["key_terms"]
        assert isinstance(labels, list)
        total += score_terms(key_terms(str(advert["text"])), labels)
    assert total.precision >= 0.45
    assert total.recall >= 0.40


def _trainer() -> object:
    spec = importlib.util.spec_from_file_location(
        "train_key_terms", ROOT / "scripts/train_key_terms.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_key_terms"] = module
    spec.loader.exec_module(module)
    return module


def test_training_reads_development_adverts_only() -> None:
    # The held-out splits (tests/data/README.md) are never training data.
    trainer = _trainer()
    names = {path.name for path in trainer.DEVELOPMENT}  # type: ignore[attr-defined]
    assert "dev.json" in names
    # heldout4-6 are development since the sixth session (read, then replaced by heldout7),
    # heldout7-8 since the eighth (read, then replaced by heldout9).
    assert {"heldout4.json", "heldout5.json", "heldout6.json"} <= names
    assert {"heldout7.json", "heldout8.json"} <= names
    # heldout9-13 since the twenty-first (read, then replaced by heldout14).
    assert {f"heldout{k}.json" for k in range(9, 14)} <= names
    assert {"dev7.json", "dev8.json"} <= names  # written for training, twenty-second session
    assert not names & {"heldout14.json", "heldout15.json", "heldout6_second.json"}
    former = tuple(f"heldout{k}." for k in ("", *range(2, 14)))
    assert all(name.startswith(("dev", *former)) for name in names)
    # The trainer's docstring names the held-out splits it never reads: those held out now
    # (it named heldout9.json after heldout9-13 became training data).
    doc = str(trainer.__doc__)
    (held_out,) = re.findall(
        r"the held-out splits, `(heldout\d+\.json)` and `(heldout\d+\.json)`, never",
        doc.replace("\n", " "),
    )
    assert held_out == ("heldout14.json", "heldout15.json")
    assert not set(held_out) & names


def test_a_name_at_the_start_of_a_line_slashes_and_ampersands_give_their_own_candidates() -> None:
    from prepcoach.coach.key_term_candidates import read_advert

    advert = read_advert(
        "What you need\n- Basic Python or shell scripting\n- Fluent English\n"
        "- Front-end skills (HTML/CSS) and Agile/Scrum ways of working\n"
        "- Awareness of health & safety on site\n- A/B testing and CI/CD\n"
        "- Adobe Creative Suite, including Premiere Pro and After Effects\n"
    )
    keys = {c.key for c in advert.candidates}
    # "Basic Python" is capitalised only because its line starts there: "Python" stands alone.
    assert {"python", "english", "html", "css", "agile", "scrum"} <= keys
    assert "health and safety" in keys
    # Short pieces around a slash stay one name, and a name's own pieces are still no term.
    assert {scoring_form("A/B testing"), scoring_form("CI/CD")} <= keys
    assert not {"a", "b", "ci", "cd", "effect"} & keys


def test_the_trees_know_how_often_a_phrase_was_a_term_in_the_training_adverts() -> None:
    from prepcoach.coach.keywords import _forest, phrase_prior, trained_model

    phrases = _forest(trained_model().forest).phrases
    # Counted over the development adverts: a tool asked for nearly everywhere it appears, and
    # a generic word that appears in most adverts and is almost never a term.
    sql_adverts, sql_labelled = phrases["sql"]
    team_adverts, team_labelled = phrases["team"]
    assert sql_labelled / sql_adverts > 0.5
    assert team_adverts > sql_adverts
    assert team_labelled / team_adverts < 0.05
    assert phrase_prior(*phrases["sql"])[1] > phrase_prior(*phrases["team"])[1]
    assert phrase_prior(0, 0) == [0.0, pytest.approx(0.1)]  # a phrase never seen


def test_the_meaning_prior_reads_phrases_never_seen_in_training_by_their_meaning() -> None:
    """The phrase prior knows only the training adverts' phrases; the meaning prior scores any
    phrase by its embedding, so skills and tools never seen in training read above perks,
    places, hours and traits never seen either."""
    import numpy as np

    from prepcoach.coach.keywords import _forest, trained_model
    from prepcoach.coach.term_match import shared_embedder

    embedder = shared_embedder()
    assert embedder is not None
    trees = _forest(trained_model().forest)
    assert trees.meaning is not None
    skills = ["Helm charts", "Kubernetes operators", "gas chromatography", "kanban boards",
              "Figma prototypes", "Pulumi"]  # fmt: skip
    # "cycle to work scheme" stood here until dev7.json and dev8.json, which train the trees
    # since the twenty-second session, wrote it: another perk no training advert writes.
    others = ["hard-working attitude", "discounted dental cover", "our Leeds hub",
              "every other weekend", "a free gym pass", "a can-do spirit"]  # fmt: skip
    for phrase in skills + others:
        assert scoring_form(phrase) not in trees.phrases, phrase  # unseen: the test means it
    phrases = skills + others
    vectors = np.array(embedder.embed(phrases))
    if len(trees.meaning) > vectors.shape[1] + 1:
        # Trained on phrases read in their lines too (`key_term_context`): each phrase on a
        # line of its own, as a list of anything would give it.
        vectors = np.hstack([vectors, _alone_on_a_line(phrases)])
    score = vectors @ trees.meaning[:-1] + trees.meaning[-1]
    ranked = sorted(zip(score.tolist(), skills + others, strict=True), reverse=True)
    # A tendency, not a rule: it is one column of many, and the trees weigh it with the rest
    # ("Kubernetes operators" scored below "every other weekend" when this test was written).
    # The share of (skill, other) pairs it puts the right way round is its AUC.
    right = sum(a > b for a in score[: len(skills)] for b in score[len(skills) :])
    assert right / (len(skills) * len(others)) >= 0.8, ranked


def test_retraining_reproduces_the_shipped_weights() -> None:
    from prepcoach.coach.key_term_candidates import read_advert
    from prepcoach.coach.keywords import advert_text, score, trained_model
    from prepcoach.coach.term_match import shared_embedder

    trainer = _trainer()
    model = trainer.retrain_shipped()  # type: ignore[attr-defined]
    shipped = key_term_model.MODEL
    for name in ("mean", "scale", "pre_weights", "weights"):
        assert getattr(model, name) == pytest.approx(shipped[name], abs=1e-3), name
    assert model.bias == pytest.approx(shipped["bias"], abs=1e-3)
    assert model.pre_bias == pytest.approx(shipped["pre_bias"], abs=1e-3)
    assert bool(model.forest) == bool(shipped["forest"])
    # The trees are compared by what they do: the same probabilities for the same adverts.
    # Not every one to the last digit: the MiniLM model runs in int8, whose kernels round
    # differently on CPUs with and without VNNI, so a retraining on another CPU sees phrase
    # embeddings a few units apart in the last bits, and a tree's split between two nearly
    # equal phrases can fall the other way. Over the 83,409 scores of the development adverts
    # such a retraining moved 131 (0.16 %) by more than 0.001, none by more than 0.022. A change
    # to the data or the settings moves far more: trained without the last development advert,
    # 64 % of the first three adverts' 360 scores moved by more than 0.001, one by 0.148
    # (twenty-sixth session).
    embedder = shared_embedder()
    assert embedder is not None
    shipped_model = trained_model()
    moved = []
    for text in (ADVERT, *(str(a["text"]) for a in _dev()[:3])):
        advert = read_advert(advert_text(text))
        retrained = {t.term: t.probability for t in score(advert, model, embedder)}
        ours = {t.term: t.probability for t in score(advert, shipped_model, embedder)}
        assert retrained.keys() == ours.keys()
        moved += [abs(retrained[term] - p) for term, p in ours.items()]
    assert max(moved) <= 0.03
    assert sum(m > 1e-3 for m in moved) <= 0.02 * len(moved), sorted(moved)[-10:]


def test_without_the_embedding_model_the_first_stage_still_gives_terms(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import prepcoach.coach.keywords as keywords

    monkeypatch.setattr(keywords, "shared_embedder", lambda: None)
    keywords._key_terms.cache_clear()
    try:
        terms = key_terms(ADVERT)
        # A degraded mode (the model ships as a default dependency): structure alone still
        # keeps contractions, titles and the company out and one Tableau term, but places
        # ("London", "UK") need the embedding model's sense of what a place is.
        assert "SQL" in terms
        assert not {"re", "ll", "senior", "manager", "million", "brightwell"} & _words(terms)
        assert len([t for t in terms if "tableau" in t.lower()]) == 1
    finally:
        keywords._key_terms.cache_clear()


def test_a_title_before_a_colon_is_not_a_term() -> None:
    terms = key_terms("Reporting analyst: you will own the weekly reports and the checklist.")
    assert not any("analyst" in term.lower() for term in terms)


def test_the_jobs_own_title_and_a_word_only_used_inside_a_tool_name_are_not_terms() -> None:
    advert = (
        "Northwind Clinics is hiring a Reporting analyst to own our SQL pipelines and Tableau "
        "dashboards.\n- Write SQL for weekly clinic reporting\n- Publish Tableau dashboards for "
        "clinic managers\n- Keep patient data quality high"
    )
    terms = key_terms(advert, company="Northwind Clinics", title="Reporting analyst")
    assert {"SQL", "Tableau"} <= set(terms)
    assert "reporting analyst" not in {t.lower() for t in terms}
    # "dashboards" is only ever "Tableau dashboards" here: one term, Tableau (adverts/GUIDE.md).
    assert "dashboards" not in {t.lower() for t in terms}
    # Where the advert also asks for the word on its own, it is a term of its own.
    from prepcoach.coach.keywords import _part_of_a_name

    assert _part_of_a_name("dashboards", ["Tableau"], advert)
    assert not _part_of_a_name("dashboards", ["Tableau"], advert + "\n- Design dashboards")
    assert not _part_of_a_name("Tableau", ["Tableau"], advert)  # a name is never absorbed
    # A word merely ending in the name's letters is not the name ("PostgreSQL", "Dubai").
    assert not _part_of_a_name("pipelines", ["SQL"], "Maintain PostgreSQL pipelines.")
    assert not _part_of_a_name("operations", ["AI"], "Dubai operations, Mumbai operations.")


DESIGN_ADVERT = """Lead Brand Designer
Harlow & Finch – Bath – £65k

Harlow & Finch has designed homeware since 1978. Harlow & Finch is growing, and Harlow & Finch
needs a designer.

What you'll need
- Adobe Creative Suite, including Premiere Pro and After Effects
- Typography and colour systems
- Experience presenting creative work to clients
"""


def test_a_name_with_a_function_word_stays_whole_and_the_employer_is_no_term() -> None:
    terms = key_terms(DESIGN_ADVERT)
    lowered = {t.lower() for t in terms}
    # "After Effects" is one product: never "Effects" alone, never cut at "After".
    assert "effects" not in lowered, terms
    assert not any(t.lower().startswith("after ") and t != "After Effects" for t in terms)
    # Each side of "Harlow & Finch" is the employer.
    assert not _words(terms) & {"harlow", "finch"}, terms


def test_an_employer_named_with_and_keeps_its_words_as_terms() -> None:
    advert = (
        "Research Officer\nWhat you'll need\n- Occupational health research experience\n"
        "- Statistics and survey design\n- Health research ethics\n"
    )
    terms = {t.lower() for t in key_terms(advert, company="Health and Safety Executive")}
    assert any("health" in t for t in terms), terms


def test_an_abbreviation_and_its_expansion_are_one_term() -> None:
    def scored(term: str, probability: float) -> ScoredTerm:
        return ScoredTerm(term, probability, term_roots(term), ())

    terms = [
        scored("anti-money laundering", 0.9), scored("AML", 0.8),
        scored("Qualified Teacher Status", 0.7), scored("QTS", 0.65),
        scored("suspicious activity reports", 0.6), scored("SARs", 0.55),
        scored("Health and Safety Executive", 0.5), scored("HSE", 0.45),
        scored("SQL", 0.4), scored("KYC", 0.35),
        # A small word may give its letter or not.
        scored("Control of Substances Hazardous to Health", 0.3), scored("COSHH", 0.28),
        scored("out-of-hours", 0.26), scored("OOH", 0.25),
        # A leading short form qualifies the phrase (a trial's "ICH Good Clinical Practice
        # (GCP)" gave two terms); a short form that is no phrase's initials stays.
        scored("ICH Good Clinical Practice", 0.24), scored("GCP", 0.23),
        scored("NHS Band 6", 0.22), scored("NB", 0.21),
    ]  # fmt: skip
    chosen = [t.term for t in select(terms, 0.1, 0.9, 18)]
    assert chosen == [
        "anti-money laundering", "Qualified Teacher Status", "suspicious activity reports",
        "Health and Safety Executive", "SQL", "KYC",
        "Control of Substances Hazardous to Health", "out-of-hours",
        "ICH Good Clinical Practice", "NHS Band 6", "NB",
    ]  # fmt: skip


def test_context_columns_read_a_phrases_line_mates_and_the_phrases_around_its_words() -> None:
    import numpy as np

    from prepcoach.coach.keywords import CONTEXT_COLUMNS, context_columns

    # Four phrases: two skills on one bullet, a perk alone on its line, and a wider phrase
    # that contains the first skill's words.
    terms = ["SQL", "Python", "cycle scheme", "SQL queries"]
    vectors = np.eye(4)
    weights = np.array([0.9, 0.8, 0.1, 0.4])
    lines = [frozenset({3}), frozenset({3}), frozenset({9}), frozenset({5})]
    columns = context_columns(vectors, weights, None, lines, [term_roots(t) for t in terms])
    assert columns.shape == (4, CONTEXT_COLUMNS)
    mates, mean, best, wider, narrower = (columns[:, k] for k in range(3, 8))
    # "SQL" and "Python" share a line: each sees the other's first-stage probability.
    assert mates[0] == pytest.approx(np.log(2))
    assert mean[0] == pytest.approx(0.8)
    assert best[1] == pytest.approx(0.9)
    assert mates[2] == 0  # the perk's line holds nothing else
    assert best[2] == 0
    # "SQL queries" contains "SQL": the narrower phrase's best is its, and the reverse.
    assert wider[0] == pytest.approx(0.4)
    assert narrower[3] == pytest.approx(0.9)
    assert wider[1] == 0
    assert narrower[1] == 0


def _alone_on_a_line(phrases: list[str]) -> object:
    from collections import Counter

    from prepcoach.coach.key_term_candidates import Advert, Candidate
    from prepcoach.coach.key_term_context import ContextModel, phrase_contexts
    from prepcoach.coach.term_match import shared_embedder

    model = shared_embedder()
    assert isinstance(model, ContextModel)
    lines = tuple(f"- {p}" for p in phrases)
    candidates = [
        Candidate(scoring_form(p), tuple(p.lower().split()), Counter({p: 1}), lines={i})
        for i, p in enumerate(phrases)
    ]
    return phrase_contexts(Advert(lines, tuple(candidates), (), frozenset()), candidates, model)
