"""Where prepcoach's relevance verdict does not speak, the report says "prepcoach can't tell",
as it is, with no lean either way: why (a short answer's length), the sentence closest to the
question only when one comes near it, and the story check (a question asking for no story
answered with one) as a muted prompt after it, never a warning. A follow-up's "can't tell" is a
muted line, not the card (tests/practice/relevance_pages.py has the page reader)."""

import html

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
from prepcoach.practice.models import Attempt, Question
from tests.practice.relevance_pages import (
    CANT_TELL,
    CARD_RE,
    OFF_QUESTION,
    REMARK,
    REMARK_SAID,
    answers_card,
    answers_line,
    asked,
    page_for,
)
from tests.relevance_samples import (
    BACKLOG,
    BACKLOG_STORY,
    CLINIC,
    CV,
    HOCKEY,
    HOPES,
    INITIATIVE,
    SKILLS,
)

FOLLOW_UP_WHY = (
    "prepcoach can't tell: a follow-up question leans on the answer before it, and the verdict "
    "was trained on questions asked on their own."
)


@pytest.mark.usefixtures("sentence_model")
def test_when_relevance_cannot_be_told_nothing_else_stands_out(
    alice_client: Client, alice: User
) -> None:
    skills = asked(alice, SKILLS)
    analysis = analyse_answer(text=OFF_QUESTION, question=skills.text).as_dict()
    relevance = analysis["relevance"]
    assert isinstance(relevance, dict)
    assert relevance["addresses"] is None
    page = page_for(alice_client, alice, skills, {**analysis, "tips": []})
    assert answers_card(page)[:3] == CANT_TELL
    # Not "Nothing else…" with no tip before it (a trial), nor a clean bill.
    assert (
        "Nothing stands out to fix in this answer, besides checking that it answers the question."
    ) in page
    assert "Nothing else stands out" not in page
    answered = analyse_answer(text=HOPES, question=skills.text).as_dict()
    page = page_for(alice_client, alice, skills, {**answered, "tips": []})
    assert "Nothing stands out to fix in this answer." in page


@pytest.mark.usefixtures("sentence_model")
def test_a_story_to_a_motivation_question_gets_cant_tell_and_the_check(
    alice_client: Client, alice: User, alices_question: Question
) -> None:
    analysis = analyse_answer(text=OFF_QUESTION, question=alices_question.text).as_dict()
    relevance = analysis["relevance"]
    assert isinstance(relevance, dict)
    assert relevance["addresses"] is None
    assert relevance["check"] is True
    assert relevance["evidence"] in OFF_QUESTION
    page = page_for(alice_client, alice, alices_question, analysis)
    # "Can't tell", then the check as a muted prompt, never a warning (nor a yes or a no).
    assert answers_card(page) == [*CANT_TELL, REMARK_SAID]
    assert REMARK in page
    assert "message-warning" not in page


@pytest.mark.usefixtures("sentence_model")
def test_a_short_answer_gets_cant_tell_and_the_nearest_sentence(
    alice_client: Client, alice: User, alices_question: Question
) -> None:
    said = "Good data changes how patients are cared for, and I want to help with that."
    analysis = analyse_answer(text=said, question=alices_question.text).as_dict()
    relevance = analysis["relevance"]
    assert isinstance(relevance, dict)
    assert relevance["addresses"] is None
    assert relevance["reason"].startswith("prepcoach can't tell")
    assert relevance["score"] > 0.3  # near the question: quoted as the sentence closest to it
    page = html.unescape(page_for(alice_client, alice, alices_question, analysis))
    # The page says why it can't tell (a trial's one-sentence answer was told only that it
    # couldn't), in the verdict's own words.
    assert answers_card(page) == [
        "Answers the question",
        "Can't tell",
        "prepcoach can't tell: 15 words is too short to judge (the verdict was trained on "
        "answers of 25 to 600 words).",
        f"The sentence closest to the question: “{said}”",
    ]


@pytest.mark.usefixtures("sentence_model")
@pytest.mark.parametrize(
    ("question", "near"),
    [
        ("Tell me about a time you led a team.", True),
        ("Tell me about a time you had to manage a budget.", False),
    ],
)
def test_the_cant_tell_line_quotes_a_sentence_only_when_it_comes_near_the_question(
    alice_client: Client, alice: User, question: str, near: bool
) -> None:
    """A look at the report found "Nearest the question: “…” — prepcoach can't tell whether it
    addresses the question: read the sentence nearest it against the question.": the word
    twice in one line. A trial then read "the quoted sentence is its closest and still far from
    what was asked" as a verdict that the answer missed: a sentence far from the question is
    not quoted, and one near it is the one closest to the question, said once."""
    analysis = analyse_answer(text=HOCKEY, question=question).as_dict()
    relevance = analysis["relevance"]
    assert isinstance(relevance, dict)
    assert relevance["addresses"] is None
    assert (relevance["score"] > 0.3) is near
    assert not relevance["check"]  # the can't-tell line alone, no story check after it
    page = page_for(alice_client, alice, asked(alice, question), analysis)
    quoted = [f"The sentence closest to the question: “{relevance['evidence']}”"] if near else []
    assert answers_card(page) == [*CANT_TELL, *quoted]
    assert "far from" not in page
    assert "Nearest" not in page


@pytest.mark.usefixtures("sentence_model")
def test_the_closest_sentence_ends_with_one_full_stop(
    alice_client: Client, alice: User, alices_question: Question
) -> None:
    """The story check quoted the sentence nearest the question straight into the next
    sentence when its words had no full stop of their own ("“I rebuilt the import script”
    prepcoach can't tell…"), as the loose story-fit line did: the sentence closest to the
    question, now quoted last, ends with one."""
    analysis = analyse_answer(text=OFF_QUESTION, question=alices_question.text).as_dict()
    relevance = analysis["relevance"]
    assert isinstance(relevance, dict)
    assert relevance["check"] is True
    near = str(relevance["evidence"]).rstrip(".")  # a sentence said without one
    close = relevance | {"score": 0.45}  # near the question, so it is quoted
    unstopped = analysis | {"relevance": close | {"evidence": near}}
    page = html.unescape(page_for(alice_client, alice, alices_question, unstopped))
    assert f"The sentence closest to the question: “{near}”.</p>" in page
    stopped = html.unescape(
        page_for(alice_client, alice, alices_question, analysis | {"relevance": close})
    )
    assert f"The sentence closest to the question: “{relevance['evidence']}”</p>" in stopped


@pytest.mark.usefixtures("sentence_model")
def test_a_good_story_the_verdict_cannot_tell_about_is_not_doubted(
    alice_client: Client, alice: User
) -> None:
    """A new user's trial: a good STAR story's report led with "Nearest the question: “The
    practice manager also became one of our reference customers.” — prepcoach can't tell
    whether it addresses the question: the quoted sentence is its closest and still far from
    what was asked" beside "the measures 5 · you judged it well". The verdict did not trust
    that closeness either way: the line says "can't tell" as it is, quotes no far sentence and
    is muted."""
    question = asked(alice, INITIATIVE)
    analysis = analyse_answer(text=CLINIC, question=question.text).as_dict()
    relevance = analysis["relevance"]
    assert isinstance(relevance, dict)
    assert relevance["addresses"] is None
    assert relevance["probability"] is not None  # between the cuts, not too short or long
    assert relevance["score"] <= 0.3  # no sentence comes near the question
    assert not relevance["check"]
    page = page_for(alice_client, alice, question, analysis)
    assert answers_card(page) == CANT_TELL  # its far "nearest" sentence is not quoted
    assert "far from" not in page
    assert "Nearest the question" not in page
    assert "5 of 5" in page  # the measures stand, as before


@pytest.mark.usefixtures("sentence_model")
def test_the_story_check_is_a_prompt_after_cant_tell_as_the_mock_says_it(
    alice_client: Client, alice: User
) -> None:
    """The trial's story told to "Walk me through your CV" (a question asking for neither a
    story nor a plan) got a yellow box, "Check that this answers the question: it asks for no
    story, and most of the answer tells one", while the mock's panel for the same answer said
    "Answers the question: prepcoach can't tell". The check is right about 45 % of the time
    held out (tests/data/README.md): the report says "can't tell" too, and the check follows
    as a muted prompt."""
    from prepcoach.coach.mock_interview import verdict_of

    question = asked(alice, CV)
    analysis = analyse_answer(text=CLINIC, question=question.text).as_dict()
    relevance = analysis["relevance"]
    assert isinstance(relevance, dict)
    assert relevance["question_asks"] == "neither"
    assert relevance["addresses"] is None
    assert relevance["check"] is True
    assert verdict_of(analysis)[0] == "can't tell"  # the mock's panel for the same answer
    page = page_for(alice_client, alice, question, analysis)
    assert answers_card(page) == [*CANT_TELL, REMARK_SAID]
    assert REMARK in page
    assert "Check that this answers the question" not in page
    assert "message-warning" not in page
    assert "Nearest the question" not in page
    # The reason, as the API and `prepcoach analyze --json` give it, says the same.
    assert relevance["reason"].startswith(
        "prepcoach can't tell from the words whether it addresses the question: it says yes or "
        "no only when its reading is sure; the question asks for no story and at least half of "
        "this answer tells one (6 of 6 sentences in the past, such as “Last year a small dental "
        "practice"
    )
    assert relevance["reason"].endswith(": make sure its point comes through")


def follow_up_page(client: Client, user: User, asked_then: str, said_then: str, asked_now: str, said_now: str) -> str:  # fmt: skip
    """The report of an answer to a follow-up, analysed as the worker analyses one."""
    question = asked(user, asked_then)
    main = Attempt.objects.create(user=user, question=question, question_text=asked_then,
                                  status="analysed",
                                  analysis=analyse_answer(text=said_then, question=asked_then).as_dict())  # fmt: skip
    analysis = analyse_answer(text=said_now, question=asked_now, follow_up=True).as_dict()
    follow = Attempt.objects.create(user=user, question=question, question_text=asked_now,
                                    status="analysed", follow_up_to=main, analysis=analysis)  # fmt: skip
    assert follow.is_follow_up
    return html.unescape(client.get(reverse("practice:attempt", args=[follow.pk])).text)


@pytest.mark.usefixtures("sentence_model")
def test_a_follow_ups_cant_tell_is_a_muted_line_not_the_card(
    alice_client: Client, alice: User
) -> None:
    """A review found the big "Can't tell" card on every follow-up's report: a follow-up is
    never judged (its words lean on the answer before it). Said quietly, with its reason."""
    said_now = (
        "In this role the weekly flow report goes to the executive team, so being able to rerun "
        "it quickly and explain every figure matters even more than it did for me before."
    )
    page = follow_up_page(alice_client, alice, BACKLOG, BACKLOG_STORY,
                          "How does that fit this role?", said_now)  # fmt: skip
    assert not CARD_RE.search(page)
    assert '<p class="big">Can\'t tell</p>' not in page
    assert answers_line(page) == f"Answers the question: {FOLLOW_UP_WHY}"
    # Muted, above the figures, not among them.
    assert page.index('id="answers-question"') < page.index('<div class="cards figures">')
