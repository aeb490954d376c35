"""The report offers the story the user tagged with the question's competency, saying so and
quoting the tag (`story_fit.best_story`, given the question's competency and each story's ticks
by `practice.views.attempts`). A new user's trial: a story ticked "conflict" was not offered for
a conflict question, by meaning alone. Another user's story, however tagged, is never offered:
the stories come only through `accounts.access.owned_by`."""

from __future__ import annotations

import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.story_fit import QuestionAbout, best_story, story_sentences
from prepcoach.practice.models import Attempt, Question
from prepcoach.reflection.models import Story
from tests.coach.test_story_fit_competency import HANDOVER as HANDOVER_STORY
from tests.coach.test_story_fit_competency import RECURRING
from tests.practice.test_report_story import ANSWER, CONFLICT, MIGRATION, report_page, story

pytestmark = pytest.mark.usefixtures("sentence_model")

# The question is the starter bank's, filed under its slug "problem-solving"
# (`practice/data/questions.csv`); the story form ticks the story bank's name, "problem
# solving" (`coach.stories.COMPETENCIES`). By meaning alone no story of Alice's reaches the cut.
HANDOVER = {"title": HANDOVER_STORY[1], **HANDOVER_STORY[2]}
BOBS = {
    "title": "A recurring problem I eliminated for good",
    "situation": "The same recurring problem came back every week: the nightly export failed.",
    "action": "I found the root cause of the recurring failures and eliminated it for good.",
    "result": "The problem never came back.",
}
# The line when no story fits ("None of your stories…", `NONE_FITS`, or "By meaning, none of
# your stories…, that one included" beside a retold story).
NO_STORY_TIES = "one of your stories ties closely to this question"
TAGGED_RE = re.compile(
    r"(?:Your story|It is also your story) that fits this question best: "
    r"<a href=\"(?P<url>[^\"]+)\">(?P<title>[^<]+)</a> — you tagged it “(?P<tag>[^”]+)”, the "
    r"competency this question asks about; its (?:sentence nearest the question|title): "
    r"“(?P<tie>[^”]+)”"
)


@pytest.fixture
def recurring_question(alice: User) -> Question:
    return Question.objects.create(
        owner=alice, text=RECURRING, category="behavioral", competency="problem-solving",
        field="data",
    )  # fmt: skip


def ticked_in_the_form(client: Client, fields: dict[str, str], *competencies: str) -> Story:
    """A story written and ticked as a user does, through the story form."""
    response = client.post(
        reverse("reflection:story_new"), {**fields, "competencies": list(competencies)}
    )
    assert response.status_code == 302
    return Story.objects.get(title=fields["title"])


def test_alices_tagged_story_is_offered_and_says_why(
    alice_client: Client, alice: User, recurring_question: Question
) -> None:
    story(alice, CONFLICT)
    story(alice, MIGRATION)
    handover = ticked_in_the_form(alice_client, HANDOVER, "problem solving", "ownership")
    assert handover.competencies == ["problem solving", "ownership"]
    page = report_page(alice_client, alice, recurring_question)
    found = TAGGED_RE.search(page)
    assert found is not None, "the tagged story is not offered on the report"
    assert found["url"] == reverse("reflection:story", args=[handover.pk])
    assert found["title"] == html.escape(HANDOVER["title"])
    assert found["tag"] == "problem solving"
    assert html.unescape(found["tie"]) in story_sentences(HANDOVER["title"], HANDOVER)
    # By meaning alone it ties loosely (what the trial saw): the page says to check it.
    assert "By meaning alone it ties loosely, so check that it tells what was asked." in page
    assert NO_STORY_TIES not in page


def test_untagged_the_same_bank_is_offered_nothing(
    alice_client: Client, alice: User, recurring_question: Question
) -> None:
    """What the report said before the tags counted, and still says when none names the
    question's competency."""
    story(alice, CONFLICT)
    story(alice, MIGRATION)
    ticked_in_the_form(alice_client, HANDOVER, "ownership")
    page = report_page(alice_client, alice, recurring_question)
    # The answer retells the dashboard story, so the line says "that one included".
    assert NO_STORY_TIES in page
    assert TAGGED_RE.search(page) is None
    assert "you tagged it" not in page


def test_bobs_tagged_closer_story_is_never_offered_to_alice(
    alice_client: Client, alice: User, bob: User, recurring_question: Question
) -> None:
    handover = ticked_in_the_form(alice_client, HANDOVER, "problem solving")
    bobs = Story.objects.create(user=bob, competencies=["problem solving"], **BOBS)
    # The test means something only if bob's story would win were it in alice's bank.
    everyone = best_story(
        QuestionAbout(RECURRING, "problem-solving"),
        [(s.pk, s.title, {p: getattr(s, p) for p in ("situation", "task", "action", "result")},
          s.competencies) for s in (handover, bobs)],
    )  # fmt: skip
    assert everyone.best is not None
    assert everyone.best.key == bobs.pk
    page = report_page(alice_client, alice, recurring_question)
    found = TAGGED_RE.search(page)
    assert found is not None
    assert found["url"] == reverse("reflection:story", args=[handover.pk])
    assert reverse("reflection:story", args=[bobs.pk]) not in page
    assert BOBS["title"] not in page
    for sentence in story_sentences(BOBS["title"], BOBS):
        assert sentence not in page


def test_a_follow_up_filed_under_the_question_is_not_offered_its_tagged_story(
    alice_client: Client, alice: User, recurring_question: Question
) -> None:
    """A mock's follow-up ("What was the outcome?") is filed under its main question, whose
    competency is not its own: the story tagged with that competency is not offered for it."""
    story(alice, CONFLICT)
    ticked_in_the_form(alice_client, HANDOVER, "problem solving")
    main = Attempt.objects.create(user=alice, question=recurring_question,
                                  question_text=RECURRING, status="analysed")  # fmt: skip
    follow = "What was the outcome?"
    analysis = analyse_answer(text=ANSWER, question=follow).as_dict()
    attempt = Attempt.objects.create(user=alice, question=recurring_question, follow_up_to=main,
                                     question_text=follow, status="analysed",
                                     analysis=analysis)  # fmt: skip
    page = alice_client.get(reverse("practice:attempt", args=[attempt.pk])).text
    assert 'id="transcript-title"' in page
    assert TAGGED_RE.search(page) is None
    assert "you tagged it" not in page
