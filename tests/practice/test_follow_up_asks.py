"""A follow-up's answer is judged as asking for what the question it follows up asked for, by
the worker that analyses it as by every page after it (`feedback.subjects.answer_asks`): a
review found the report judging "What was the outcome?" asked after "Where do you see yourself
in five years?" on STAR by its own words while the mock's row counted no STAR part, and "What
did you learn from that?" asked of a story with STAR "Not asked" while the row counted 0 of 4."""

import html

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.feedback.subjects import answer_asks
from prepcoach.practice.models import Attempt
from tests.practice.mock_sessions import new_mock, pinned
from tests.practice.relevance_pages import answers_card, answers_line
from tests.practice.test_mocks import PLAN, PLAN_QUESTION
from tests.relevance_samples import AMBITION, BACKLOG, BACKLOG_STORY, FIVE_YEARS


def follow_up(client: Client, user: User, question: str, answer: str, asked: str, said: str) -> Attempt:  # fmt: skip
    session = pinned(new_mock(client, count="1"), user, question)
    here = reverse("practice:mock_question", args=[session.pk, 1])
    client.post(
        reverse("practice:typed_create", args=[session.question_ids[0]]),
        {"text": answer, "mode": "mock", "session": session.pk, "next": here},
    )
    main = Attempt.objects.get(session=session, follow_up_to=None)
    client.post(
        reverse("practice:typed_create", args=[session.question_ids[0]]),
        {"text": said, "mode": "mock", "session": session.pk, "follow_up_to": main.pk,
         "question_text": asked, "next": here},
    )  # fmt: skip
    follow = Attempt.objects.get(follow_up_to=main)
    assert follow.status == Attempt.Status.ANALYSED
    assert follow.analysis is not None
    return follow


@pytest.mark.usefixtures("sentence_model")
def test_a_follow_up_to_a_question_asking_for_neither_is_not_judged_on_star(
    alice_client: Client, alice: User
) -> None:
    said = (
        "I hope I will have led a product launch from the first research to the release, and "
        "that the team I work with trusts my judgement on what to build next."
    )
    follow = follow_up(alice_client, alice, FIVE_YEARS, AMBITION, "What was the outcome?", said)
    assert follow.analysis is not None
    assert follow.analysis["relevance"]["question_asks"] == "neither" == answer_asks(follow)
    page = html.unescape(alice_client.get(reverse("practice:attempt", args=[follow.pk])).text)
    assert "Not asked" in page
    assert "Finish with the result" not in page


@pytest.mark.usefixtures("sentence_model")
def test_a_follow_up_to_a_story_is_judged_as_more_of_the_story(
    alice_client: Client, alice: User
) -> None:
    said = (
        "I learned to look at the queue every morning myself instead of waiting for the weekly "
        "report, and I still do that in my current team."
    )
    follow = follow_up(alice_client, alice, BACKLOG, BACKLOG_STORY, "What did you learn from that?", said)  # fmt: skip
    assert follow.analysis is not None
    assert follow.analysis["relevance"]["question_asks"] == "story" == answer_asks(follow)
    page = html.unescape(alice_client.get(reverse("practice:attempt", args=[follow.pk])).text)
    assert "Not asked" not in page


@pytest.mark.usefixtures("sentence_model")
def test_an_answer_to_a_follow_up_gets_no_relevance_verdict(
    alice_client: Client, alice: User
) -> None:
    """A trial's good answer to "How does that fit this role?" was told "Answers the question:
    no", 99 % sure, and the mock's summary and the areas led with it: the follow-up's words lean
    on the answer before it, which the verdict never sees."""
    said = (
        "In this role the weekly flow report goes to the executive team, so being able to "
        "rerun it quickly and explain every figure matters even more than it did for me "
        "before. The plan I described is exactly how I would make sure that happens from "
        "the first month, with the team agreeing the checks with me."
    )
    follow = follow_up(
        alice_client, alice, PLAN_QUESTION, PLAN, "How does that fit this role?", said
    )
    assert follow.analysis is not None
    relevance = follow.analysis["relevance"]
    assert relevance["addresses"] is None
    assert "a follow-up question leans on the answer before it" in relevance["reason"]
    shown = html.unescape(alice_client.get(reverse("practice:attempt", args=[follow.pk])).text)
    assert answers_card(shown) == []  # not the big card on every follow-up (0543ffa)
    line = answers_line(shown)
    assert line is not None
    assert line.startswith("Answers the question: prepcoach can't tell: a follow-up question")


@pytest.mark.usefixtures("sentence_model")
def test_a_follow_up_asking_what_it_would_look_like_here_asks_for_a_plan(
    alice_client: Client, alice: User
) -> None:
    """A tester's answer to "What would that look like in your first months here?", asked of
    a point ("Where do you see yourself in five years?"), was judged as answering a question
    asking "for neither a story nor a plan", the point's: the follow-up asks what they would
    do, and its answer is a plan, judged on its steps by the worker and every page after."""
    said = (
        "In my first month I would sit with each product manager and learn how they decide what "
        "to build. Then I would pick one small feature and take it from research to release "
        "myself, so that by the third month I could run a whole launch."
    )
    asked = "What would that look like in your first months here?"
    follow = follow_up(alice_client, alice, FIVE_YEARS, AMBITION, asked, said)
    assert follow.analysis is not None
    assert follow.analysis["relevance"]["question_asks"] == "plan" == answer_asks(follow)
    page = html.unescape(alice_client.get(reverse("practice:attempt", args=[follow.pk])).text)
    assert "neither a story nor a plan" not in page
    assert "Situation, task and result are not asked: the question asks what you would do." in page
