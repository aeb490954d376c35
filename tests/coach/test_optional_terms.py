"""coach.optional_terms: which of a job's key terms the advert asks for only as a plus, read by
the extractor's own "nice to have" cues, in a heading or inside a sentence, with the advert's
words that say so; a term required anywhere in the advert is required."""

from __future__ import annotations

import pytest

from prepcoach.coach.optional_terms import OptionalTerm, optional_spans, optional_terms

ADVERT = """Backend Engineer
What you need
- 3+ years of TypeScript
- Solid SQL and experience designing schemas – PostgreSQL preferred
- 3+ years building backend systems, ideally in Go
- Confident user of Opera PMS (Opera Cloud a plus)
- Knowledge of Incoterms is an advantage
- Previous warehouse experience is preferred but not essential
React experience is a plus.
Spanish, French or German is a big plus!
You would be responsible for Kubernetes upgrades.
Nice to have: motion design (After Effects) or Figma.
Bonus points
- Storybook
- GraphQL
Benefits
- Salary £48,000 plus bonus
- 25 days' holiday plus bank holidays
"""


def said(terms: list[str], advert: str = ADVERT) -> dict[str, str]:
    return {o.term: o.said for o in optional_terms(advert, terms)}


def test_the_tester_s_plus_is_optional_and_says_so() -> None:
    assert optional_terms(ADVERT, ["TypeScript", "React"]) == (
        OptionalTerm("React", "React experience is a plus."),
    )


def test_each_cue_judges_its_own_clause() -> None:
    found = said(["SQL", "PostgreSQL", "backend systems", "Go", "Opera PMS", "Opera Cloud",
                  "Incoterms", "warehouse experience", "Spanish", "German"])  # fmt: skip
    assert found == {
        "PostgreSQL": "PostgreSQL preferred",
        "Go": "ideally in Go",
        "Opera Cloud": "Opera Cloud a plus",
        "Incoterms": "Knowledge of Incoterms is an advantage",
        "warehouse experience": "Previous warehouse experience is preferred",
        "Spanish": "Spanish, French or German is a big plus!",
        "German": "Spanish, French or German is a big plus!",
    }


def test_a_nice_to_have_heading_or_label_makes_what_it_heads_optional() -> None:
    found = said(["motion design", "After Effects", "Figma", "Storybook", "GraphQL"])
    assert found["Figma"] == "Nice to have: motion design (After Effects) or Figma."
    assert found["Storybook"] == "Bonus points: Storybook"
    assert set(found) == {"motion design", "After Effects", "Figma", "Storybook", "GraphQL"}


def test_a_duty_pay_and_a_term_the_advert_does_not_write_are_required() -> None:
    # "You would be" is a duty, not a wish; "plus bonus" and "plus bank holidays" are pay; a
    # term read from a verb or added by the owner is nowhere called optional.
    assert said(["Kubernetes", "bank holidays", "complaint handling"]) == {}


def test_prose_after_a_blank_line_ends_the_list_of_pluses() -> None:
    """The "nice" section ran on to the next heading, so "SQL" in a sentence after the list
    read as optional (a review)."""
    advert = "Nice to have\n- Kubernetes\n\nYou will write SQL every day.\nBenefits\n- Pension"
    assert said(["Kubernetes", "SQL"], advert) == {"Kubernetes": "Nice to have: Kubernetes"}
    label = "Nice to have: Terraform.\n\nYou will write SQL every day."
    assert said(["Terraform", "SQL"], label) == {"Terraform": "Nice to have: Terraform."}
    # A blank line right under the heading, or between its bullets, is not the end of it.
    spaced = "Nice to have:\n\nKubernetes\nTerraform\n\n- Helm"
    assert set(said(["Kubernetes", "Terraform", "Helm"], spaced)) == {
        "Kubernetes", "Terraform", "Helm",
    }  # fmt: skip


def test_a_term_required_in_one_place_is_required() -> None:
    advert = "What you need\n- Strong React skills\n\nNice to have\n- React Native, or React"
    assert said(["React", "React Native"], advert) == {
        "React Native": "Nice to have: React Native, or React"
    }


@pytest.mark.parametrize(
    ("line", "optional"),
    [
        ("Python required, Go preferred", "Go preferred"),
        ("- 5+ years of Java, Kotlin a plus", "Kotlin a plus"),
        ("Must have Excel and PowerPoint, Salesforce desirable", "Salesforce desirable"),
        (
            "We need someone with Java and Kafka experience, a degree is a plus.",
            "a degree is a plus.",
        ),
        ("Python is required and Docker a plus", "Docker a plus"),
        (
            "Ideally you will have Python experience and you must know SQL.",
            "Ideally you will have Python experience",
        ),
    ],
)
def test_a_line_that_requires_one_thing_and_welcomes_another_is_cut_between_them(
    line: str, optional: str
) -> None:
    """A review found every term of such lines read as optional ("Python required, Go
    preferred" gave Python "Optional in the advert")."""
    assert [line[a:b] for a, b in optional_spans(line)] == [optional]


def test_would_be_is_a_cue_only_as_a_judgement() -> None:
    assert (
        optional_spans("The successful candidate would be responsible for Kubernetes upgrades.")
        == []
    )
    assert optional_spans("The post holder would be expected to use SAP.") == []
    assert optional_spans("Experience of Jira would be a plus.") != []
