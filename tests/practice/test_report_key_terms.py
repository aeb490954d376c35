"""The report's key-terms card marks the job's terms that bear on the question, as the tip and
the improvement area count them. A new user's trial: the card listed all 16 of a job's terms as
"Not used" on a reproducibility answer, while the tip and the area asked for one of them."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
from prepcoach.practice.models import Attempt

pytestmark = pytest.mark.usefixtures("sentence_model")

QUESTION = "What steps do you take to make your analysis reproducible?"
ANSWER = (
    "I keep every query in Git and write documentation beside each notebook, so anyone can run "
    "the analysis again and get the same numbers."
)


def card(client: Client, user: User, keywords: dict[str, list[str]]) -> str:
    analysis = analyse_answer(text=ANSWER, question=QUESTION).as_dict()
    analysis["keywords"] = keywords
    attempt = Attempt.objects.create(user=user, question_text=QUESTION, status="analysed",
                                     analysis=analysis)  # fmt: skip
    page = client.get(reverse("practice:attempt", args=[attempt.pk])).text
    found = re.search(
        r'<section class="card" aria-labelledby="terms-title">(.*?)</section>', page, re.S
    )
    assert found is not None, "no key-terms card"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found[1]))


def test_alices_card_marks_the_terms_bearing_on_her_question(
    alice_client: Client, alice: User
) -> None:
    text = card(alice_client, alice, {
        "used": ["documentation"],
        "missed": ["Power BI", "Snowflake", "statistical testing"],
        "bearing": ["statistical testing", "documentation"],
    })  # fmt: skip
    assert "Bearing on this question: statistical testing ✓ documentation" in text
    assert "Only the terms bearing on the question are asked of an answer" in text
    assert "Not used: Power BI Snowflake statistical testing" in text


def test_a_question_no_term_bears_on_says_none_is_asked(alice_client: Client, alice: User) -> None:
    text = card(alice_client, alice, {"used": [], "missed": ["Power BI"], "bearing": []})
    assert (
        "Bearing on this question: none of the job's terms, so none is expected in this answer"
    ) in text


def test_an_old_report_without_bearing_terms_shows_the_card_as_before(
    alice_client: Client, alice: User
) -> None:
    text = card(alice_client, alice, {"used": ["SQL"], "missed": ["Power BI"]})
    assert "Bearing on this question" not in text
    assert "Used: ✓ SQL" in text  # marked by more than colour, beside "Not used"


def test_each_used_term_quotes_what_in_the_answer_covers_it(
    alice_client: Client, alice: User
) -> None:
    """A tester's "✓ account management" had nothing to check it by: each used term now quotes
    the answer's words and says whether by word form or by meaning, in the page."""
    answer = (
        "I was an account manager at a software firm. I rebuilt our churn model in the spring "
        "and renewals rose by a tenth."
    )
    analysis = analyse_answer(
        text=answer, question=QUESTION, job_terms=["account management", "churn risk"]
    ).as_dict()
    attempt = Attempt.objects.create(user=alice, question_text=QUESTION, status="analysed",
                                     analysis=analysis)  # fmt: skip
    page = alice_client.get(reverse("practice:attempt", args=[attempt.pk])).text
    found = re.search(
        r'<section class="card" aria-labelledby="terms-title">(.*?)</section>', page, re.S
    )
    assert found is not None
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found[1]))
    assert (
        "✓ account management by its words: “account manager” in “I was an account manager at "
        "a software firm.”"
    ) in text
    assert (
        "✓ churn risk by meaning, in other words: “I rebuilt our churn model in the spring and "
        "renewals rose by a tenth.” (closest: “churn model”)"
    ) in text


def test_the_key_terms_tip_says_its_term_is_not_said_in_an_old_report_too(
    alice_client: Client, alice: User
) -> None:
    """A tester read "What prepcoach found: “Customer Success”" as words of the answer; a tip
    stored before its evidence said so itself reads the same."""
    analysis = analyse_answer(text=ANSWER, question=QUESTION).as_dict()
    analysis["tips"] = [{
        "rule": "Job terms: 1 of the job's 1 key term that bears on this question unused",
        "text": "Use the job's own words for what this question asks about, where they are true "
                "for you.",
        "evidence": [{"text": "Customer Success", "start": None, "said": True}],
    }]  # fmt: skip
    attempt = Attempt.objects.create(user=alice, question_text=QUESTION, status="analysed",
                                     analysis=analysis)  # fmt: skip
    page = alice_client.get(reverse("practice:attempt", args=[attempt.pk])).text
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))
    assert (
        "Not used: “Customer Success”, one of the job's terms that bear on this question"
    ) in text
