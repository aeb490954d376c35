"""The report says whether an answer addresses its question where prepcoach's verdict speaks
(quoting what ties it, or what the question asks for and what the answer talks about instead),
says "prepcoach can't tell" where it does not, and still renders analyses stored before (a
float, null, or an old yes/no verdict by similarity, which is not shown). The verdict is the
first card among the report's figures, "Yes", "No" or "Can't tell" as large as theirs, its
reason and quotation in plain words beneath (a tester found it the report's least prominent
line, muted above the tips).

Where the verdict can't tell: test_report_relevance_cant_tell.py; reports of analyses
stored before: test_report_relevance_stored.py (with the answers and the page reader they
share, tests/practice/relevance_pages.py)."""

import json
import re
from dataclasses import replace

import pytest
from django.test import Client

from prepcoach.accounts.models import AccessToken, User
from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.speech.quality import CONTENT_TIPS
from tests.practice.relevance_pages import (
    REMARK,
    answers_card,
    asked,
    page_for,
    text_of,
)
from tests.relevance_samples import (
    FINANCE,
    HOCKEY,
    HOCKEY_FOR_FINANCE,
    HOPES,
    SKILLS,
    STRENGTHS,
    WEAKNESS,
)


@pytest.mark.usefixtures("sentence_model")
def test_an_answer_to_another_question_is_named_on_the_report(
    alice_client: Client, alice: User
) -> None:
    weakness = asked(alice, WEAKNESS)
    analysis = analyse_answer(text=STRENGTHS, question=weakness.text).as_dict()
    relevance = analysis["relevance"]
    assert isinstance(relevance, dict)
    assert relevance["addresses"] is False
    assert relevance["gist"] in STRENGTHS
    page = page_for(alice_client, alice, weakness, analysis)
    assert answers_card(page) == [
        "Answers the question",
        "No",
        "The question asks for a weakness or an area to improve; the answer talks about this "
        f"instead: “{relevance['gist']}”",
    ]
    # The tips lead with it, and none polishes the off-topic content.
    tips = analysis["tips"]
    assert isinstance(tips, list)
    assert tips[0]["text"].startswith("Answer the question that was asked.")
    assert tips[0]["evidence"][0]["text"] == relevance["gist"]  # the report adds the quotes
    assert not [t for t in tips if t["rule"].startswith(("STAR", "Ownership", "Job terms"))]
    assert page.index("Answer the question that was asked.") < page.index("What prepcoach found")


def test_an_answer_that_does_not_address_its_question_is_not_measured_5_of_5(
    alice_client: Client, alice: User
) -> None:
    # A well-told story with a number measures 5 by its parts; the report that says it does not
    # answer the question must not also call it 5 of 5 (as the relevance verdict stores it).
    finance = asked(alice, FINANCE)
    analysis = analyse_answer(text=HOCKEY).as_dict() | {"relevance": HOCKEY_FOR_FINANCE}
    page = page_for(alice_client, alice, finance, analysis)
    assert answers_card(page)[:2] == ["Answers the question", "No"]
    assert "5 of 5" not in page
    assert "2 of 5" in page
    assert "the measures give at most 2 to an answer that does not address its question" in page
    # "Can't tell" leaves the figure as the parts and number make it, with no such note.
    unsure = analysis | {"relevance": HOCKEY_FOR_FINANCE | {"addresses": None, "probability": 0.5}}
    page = page_for(alice_client, alice, finance, unsure)
    assert "5 of 5" in page
    assert "does not address its question" not in page


@pytest.mark.usefixtures("sentence_model")
def test_an_answer_to_its_question_quotes_what_ties_it(alice_client: Client, alice: User) -> None:
    skills = asked(alice, SKILLS)
    analysis = analyse_answer(text=HOPES, question=skills.text).as_dict()
    relevance = analysis["relevance"]
    assert isinstance(relevance, dict)
    assert relevance["addresses"] is True
    assert relevance["evidence"] in HOPES
    page = page_for(alice_client, alice, skills, analysis)
    assert answers_card(page) == [
        "Answers the question",
        "Yes",
        f"What ties it: “{relevance['evidence']}”",
    ]
    assert REMARK not in page


@pytest.mark.usefixtures("sentence_model")
def test_speech_that_was_lost_withholds_the_verdict() -> None:
    analysis = analyse_answer(text=STRENGTHS, question=WEAKNESS)
    assert analysis.relevance is not None
    assert analysis.relevance.addresses is False
    lost = replace(analysis, withheld=frozenset(CONTENT_TIPS)).as_dict()["relevance"]
    assert isinstance(lost, dict)
    assert lost["addresses"] is None


@pytest.mark.usefixtures("sentence_model")
def test_the_api_gives_the_verdict_with_its_evidence(client: Client, alice: User) -> None:
    _, secret = AccessToken.issue(alice, "script")
    response = client.post(
        "/api/analyze",
        json.dumps({"text": STRENGTHS, "question": WEAKNESS}),
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )
    relevance = response.json()["relevance"]
    assert relevance["addresses"] is False
    assert relevance["asks"] == "a weakness or an area to improve"
    assert relevance["gist"] in STRENGTHS
    assert relevance["reason"].startswith("it does not address the question")
    assert 0 <= relevance["probability"] <= 1


@pytest.mark.usefixtures("sentence_model")
def test_a_plan_for_a_would_do_question_is_not_marked_missing_a_story(
    alice_client: Client, alice: User
) -> None:
    # A trial's three-step plan showed "✗ situation ✗ task ✗ result" beside no tips: the
    # question asks what the user would do, so those parts are not asked for. A later look
    # found "(not asked: the question asks what you would do)" three times over, a "(not
    # asked)" number, and a legend of parts the plan is not read for: it is said once, and
    # the card, legend and underlines name the action alone.
    from tests.coach.test_tips import PLAN, WOULD_DO

    question = asked(alice, WOULD_DO)
    analysis = analyse_answer(text=PLAN, question=question.text).as_dict()
    page = page_for(alice_client, alice, question, analysis)
    card = page[page.index('<h3 class="h-small">STAR</h3>') :]
    card = card[: card.index("</div>")]
    assert card.count("not asked") == 1, card
    assert "Situation, task and result are not asked: the question asks what you would do." in card
    assert re.findall(r"[✓✗?] (\w[\w ]*)</li>", card) == ["action"]
    assert "✓ action" in card
    legend = page[page.index('class="meta legend"') :]
    legend = legend[: legend.index("</p>")]
    assert "star-action" in legend
    assert "star-situation" not in legend
    assert "star-result" not in legend
    assert 'class="sentence star-task' not in page
    # The same answer to a story question is read as before.
    story = asked(alice, "Tell me about a time you handled a difficult client.")
    told = analyse_answer(text=PLAN, question=story.text).as_dict()
    assert "not asked" not in page_for(alice_client, alice, story, told)


def test_the_star_card_of_an_answer_to_another_question_says_whose_parts_they_are(
    alice_client: Client, alice: User
) -> None:
    # A trial's off-topic answer showed four ticks beside "Answers the question: no", which
    # read as praise of the answer: the parts are the story's, which answers something else.
    finance = asked(alice, FINANCE)
    analysis = analyse_answer(text=HOCKEY).as_dict() | {"relevance": HOCKEY_FOR_FINANCE}
    page = page_for(alice_client, alice, finance, analysis)
    star = page[page.index('<h3 class="h-small">STAR</h3>') :]
    star = star[: star.index("</div>")]
    assert (
        "These are the parts of the story you told, which does not answer the question asked."
    ) in star
    on_point = analysis | {"relevance": HOCKEY_FOR_FINANCE | {"addresses": None}}
    assert "which does not answer the question asked" not in page_for(
        alice_client, alice, finance, on_point
    )


def test_an_answer_that_misses_its_question_with_no_tip_is_not_told_nothing_stands_out(
    alice_client: Client, alice: User
) -> None:
    """A review: with no tip, "Nothing else stands out to fix in this answer" stood above the
    card saying "No", and read as a clean bill contradicting it. It points to the card."""
    finance = asked(alice, FINANCE)
    analysis = analyse_answer(text=HOCKEY).as_dict() | {"relevance": HOCKEY_FOR_FINANCE}
    page = page_for(alice_client, alice, finance, {**analysis, "tips": []})
    assert answers_card(page)[:2] == ["Answers the question", "No"]
    assert "stands out" not in page
    told = "First, answer the question that was asked: see “Answers the question” below."
    assert page.index(told) < page.index('id="answers-question"')
    # An old yes or no by similarity (no probability) is shown as "can't tell", and said so.
    old = {"addresses": False, "score": 0.5, "evidence": "The next report went out a day early."}
    page = page_for(alice_client, alice, finance, {**analysis, "tips": [], "relevance": old})
    assert answers_card(page)[:2] == ["Answers the question", "Can't tell"]
    assert told not in page
    assert (
        "Nothing stands out to fix in this answer, besides checking that it answers the question."
    ) in page


@pytest.mark.parametrize(
    ("relevance", "word"),
    [
        (HOCKEY_FOR_FINANCE, "No"),
        (HOCKEY_FOR_FINANCE | {"addresses": True, "evidence": "I love finance."}, "Yes"),
        (HOCKEY_FOR_FINANCE | {"addresses": None}, "Can't tell"),
    ],
)
def test_the_answers_card_is_a_status_region_named_by_its_heading(
    alice_client: Client, alice: User, relevance: dict[str, object], word: str
) -> None:
    """Before it was a card, the "No" line had role="status"; the card lost it. The report is
    pushed into the page when its analysis ends: the verdict is a status region, named by its
    heading, whatever it says."""
    finance = asked(alice, FINANCE)
    analysis = analyse_answer(text=HOCKEY).as_dict() | {"relevance": relevance}
    page = page_for(alice_client, alice, finance, analysis)
    assert answers_card(page)[:2] == ["Answers the question", word]
    (opening,) = re.findall(r'<div class="card relevance[^"]*" id="answers-question"[^>]*>', page)
    assert 'role="status"' in opening
    (named,) = re.findall(r'aria-labelledby="([^"]+)"', opening)
    heading = re.search(rf'<h3 id="{re.escape(named)}"[^>]*>(.*?)</h3>', page)
    assert heading is not None
    assert text_of(heading.group(1)) == "Answers the question"
