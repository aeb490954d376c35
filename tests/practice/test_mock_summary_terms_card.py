"""The mock summary's key-terms card as a browser check read it (a warehouse supervisor's job):

- "Said in this mock: 7 of the job's 18 key terms" above 6 ticked terms: "forklift licence",
  said in the answer to question 5, was listed only as "Not used where they bore on the
  question: forklift licence question 4". It is ticked, said where it was used and where it
  bore, and its quote, cut before "forklift course", shows those words ("closest: …").
- After "reach truck licence" was removed from the job, the card still said "of the job's 18
  key terms" (17 now), with nothing saying so: it says the count its answers were read with and
  that the job's terms changed since, marking the removed term where it is listed.

- alice: a mock for her warehouse job, its answers stored as the worker stored them."""

from __future__ import annotations

import html
import re
from typing import Any

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.jobs.models import Opportunity
from prepcoach.practice.models import Attempt, MockSession, Question
from tests.coach.test_mock_summary_terms_astray import EXCEL, FORKLIFT, RISK

TERMS = ["Excel", "stock control", "reach truck licence", "forklift licence", "risk assessments"]
QUESTIONS = [
    "What is your experience with Excel?",
    "Tell me about a time your work involved reach truck licence. What did you do?",
    "Give an example of how you helped a new team member get up to speed.",
]


def stored(used: list[dict[str, str]], bearing: list[str]) -> dict[str, Any]:
    said = [u["term"] for u in used]
    star = {p: {"present": True, "evidence": ["It."]}
            for p in ("situation", "task", "action", "result", "quantified_result")}  # fmt: skip
    return {"transcript": "It.", "star": star, "keywords": {
        "used": said, "evidence": used, "bearing": bearing, "terms": TERMS, "unsure": [],
        "missed": [t for t in TERMS if t not in said]}}  # fmt: skip


def mock(alice: User) -> tuple[Opportunity, MockSession]:
    job = Opportunity.objects.create(user=alice, company="Northgate Logistics",
                                     role="Warehouse Supervisor", terms_added=TERMS)  # fmt: skip
    assert job.key_terms == TERMS
    questions = [Question.objects.create(owner=alice, text=t) for t in QUESTIONS]
    session = MockSession.objects.create(
        user=alice, opportunity=job, question_ids=[q.pk for q in questions],
        question_texts=QUESTIONS, status=MockSession.Status.FINISHED,
    )  # fmt: skip
    readings = [stored([EXCEL], ["Excel"]), stored([], ["forklift licence"]),
                stored([FORKLIFT, RISK], [])]  # fmt: skip
    for question, analysis in zip(questions, readings, strict=True):
        Attempt.objects.create(
            user=alice, question=question, question_text=question.text, text="It.",
            session=session, mode=Attempt.Mode.MOCK, status=Attempt.Status.ANALYSED,
            analysis=analysis,
        )  # fmt: skip
    return job, session


def card(client: Client, session: MockSession) -> str:
    page = html.unescape(client.get(reverse("practice:mock_summary", args=[session.pk])).text)
    found = re.search(r'<section class="card mock-terms"[^>]*>(.*?)</section>', page, re.S)
    assert found is not None, "no key-terms card"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found[1])).strip()


def test_the_terms_said_are_the_terms_ticked(alice_client: Client, alice: User) -> None:
    _, session = mock(alice)
    said = card(alice_client, session)
    assert "Said in this mock: 3 of the job's 5 key terms" in said, said
    assert said.count("✓") == 3, said
    assert (
        "✓ forklift licence used in the answer to question 3, not where it bore on question 2"
        in said
    ), said
    assert "(closest: “forklift course”)" in said, said
    assert "Not used where they bore on the question" not in said
    assert "changed since" not in said


def test_a_term_removed_since_is_said_so(alice_client: Client, alice: User) -> None:
    job, session = mock(alice)
    assert job.remove_term("forklift licence") == "forklift licence"
    job.save()
    said = card(alice_client, session)
    assert "of the job's 5 key terms" not in said, said
    assert "Said in this mock: 3 of the 5 key terms its answers were read against" in said, said
    assert "the job has 4 now" in said, said
    assert "The job's key terms changed since these answers were read:" in said, said
    assert "“forklift licence” was removed" in said, said
    assert "✓ forklift licence (no longer one of the job's terms)" in said, said
