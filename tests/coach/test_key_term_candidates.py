"""How an advert's structure is read into candidate key terms: each test pins a class of
phrase that used to be lost before the classifier ever saw it."""

from __future__ import annotations

from prepcoach.coach.key_term_candidates import read_advert
from prepcoach.coach.term_forms import scoring_form


def _keys(text: str) -> set[str]:
    return {c.key for c in read_advert(text).candidates}


def _sections(text: str, phrase: str) -> set[str]:
    key = scoring_form(phrase)
    found = [c for c in read_advert(text).candidates if c.key == key]
    assert found, (phrase, sorted(_keys(text)))
    return {name for name, n in found[0].sections.items() if n}


def test_a_heading_word_counts_only_as_a_whole_word() -> None:
    # "London" holds "do", "Payroll" holds "pay": neither line is a heading, so the perks
    # and the duties stay where the advert put them.
    perks = "What we offer\n- A pension\nOffice in London\n- Free gym membership\n"
    assert _sections(perks, "gym membership") == {"perk"}
    duties = "What you will do\n- Run the weekly close\nPayroll Team\n- Bank reconciliation\n"
    assert _sections(duties, "bank reconciliation") == {"do"}
    # The headings themselves are still read, in either apostrophe.
    assert _sections("What you’ll do\n- Stock rotation\n", "stock rotation") == {"do"}
    assert _sections("Benefits:\n- Cycle scheme\n", "cycle scheme") == {"perk"}


def test_a_tick_or_a_round_bullet_is_a_list_item_not_a_heading() -> None:
    # "✔ Experience of working with a payroll provider" named no section of its own: a
    # bullet is an item of the section above it.
    text = "Essential\n✔ Experience of working with a payroll provider\n● Sage Payroll\n"
    assert _sections(text, "Sage Payroll") == {"need"}


def test_a_term_with_a_small_word_inside_is_a_candidate() -> None:
    keys = _keys(
        "Site Supervisor\n"
        "- Issue a permit to work before any hot works\n"
        "- Experience working at height\n"
        "- Use assessment for learning in every lesson\n"
        "- Infrastructure as code with Terraform\n"
    )
    for term in ("permit to work", "working at height", "assessment for learning",
                 "infrastructure as code"):  # fmt: skip
        assert scoring_form(term) in keys, term


def test_a_possessive_stays_inside_its_term_and_a_contraction_does_not() -> None:
    keys = _keys(
        "Delivery Driver\n"
        "- A full UK driver’s licence\n"
        "- Knowledge of Natasha's Law\n"
        "- We're hiring, you'll love it and it's local\n"
    )
    assert {scoring_form("driver's licence"), scoring_form("Natasha's Law")} <= keys
    assert not {k for k in keys if k.startswith(("it'", "we'", "you'"))}


def test_a_word_used_as_a_verb_elsewhere_is_still_the_head_of_a_noun_phrase() -> None:
    # "You will audit our suppliers" makes "audit" a verb of this advert; "a stock audit" and
    # "quality audit, sampling" still end with it as a noun, with no object after it.
    text = (
        "What you will do\n- You will audit our suppliers every quarter\n"
        "- Lead the monthly stock audit.\n- Quality audit, sampling and reporting\n"
    )
    keys = _keys(text)
    assert {scoring_form("stock audit"), scoring_form("quality audit")} <= keys
    # Where it has an object it is still the verb it was: no "team audit supplier".
    assert scoring_form("audit our suppliers") not in keys
    assert not any(k.startswith("audit supplier") for k in keys)


def test_the_field_beside_a_job_title_is_a_candidate_and_the_title_is_not() -> None:
    # The title "Machine Learning Engineer" and the field "machine learning engineering" share
    # a scoring form; only the person is a title.
    text = (
        "Machine Learning Engineer\nWhat you need\n- Machine learning engineering at scale\n"
        "- A machine learning engineer mindset\n"
    )
    candidates = {c.key: c for c in read_advert(text).candidates}
    field = candidates.get(scoring_form("machine learning engineering"))
    assert field is not None
    assert "machine learning engineering" in {s.lower() for s in field.surfaces}
    assert "machine learning engineer" not in {s.lower() for s in field.surfaces}
