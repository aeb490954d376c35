"""The report of the answer to a follow-up asking for a part: its rating card says why it has
no measured figure, as the follow-up's judgement words it; the whole story's parts read over a
first answer stored without them are "can't tell", never missing; a plan's follow-up calls its
whole a plan; and no one else's answer is ever read as its first answer
(`accounts.access.followed_up_answer`)."""

from __future__ import annotations

import html
from typing import Any

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.practice.follow_ups import first_answer
from prepcoach.practice.models import Attempt, Question
from tests.coach.test_follow_up_measured import IN_NUMBERS, NUMBERS, WHOLE, stored

FIRST_STEPS = "What would you actually do? Take me through your first steps."


def answered(user: User, question: Question, analysis: dict[str, Any], **more: Any) -> Attempt:
    """An analysed answer, stored as the worker stores it."""
    return Attempt.objects.create(
        user=user, question=question, question_text=more.pop("question_text", question.text),
        text=str(analysis.get("transcript") or "Typed."), status=Attempt.Status.ANALYSED,
        analysis=analysis, **more,
    )  # fmt: skip


def report(client: Client, attempt: Attempt) -> str:
    page = client.get(reverse("practice:attempt", args=[attempt.pk]))
    assert page.status_code == 200
    return html.unescape(page.text)


def card(page: str, title: str) -> str:
    return page.split(f'<h3 class="h-small">{title}</h3>')[1].split('<div class="card">')[0]


def test_the_rating_card_says_why_a_follow_up_has_no_figure(
    alice_client: Client, alice: User, question: Question
) -> None:
    first = answered(alice, question, WHOLE)
    then = answered(alice, question, NUMBERS, question_text=IN_NUMBERS, follow_up_to=first,
                    rating=2)  # fmt: skip
    rating = card(report(alice_client, then), "Your rating")
    assert "2 of 5" in rating
    assert (
        "your rating; no 1–5 figure: a follow-up is judged only on what it asked for (a result "
        "with a number)" in rating
    )
    assert "nothing measured to compare" not in rating


def test_a_first_answer_stored_without_its_parts_leaves_them_cant_tell(
    alice_client: Client, alice: User, question: Question
) -> None:
    old = {"transcript": "Last spring our queue doubled. I rewrote the triage rules."}
    first = answered(alice, question, old)
    then = answered(alice, question, NUMBERS, question_text=IN_NUMBERS, follow_up_to=first)
    star = card(report(alice_client, then), "STAR")
    assert "The whole story, over your first answer and this one together:" in star
    for part in ("situation", "task", "action"):
        assert f'? {part} <span class="meta">(can\'t tell)</span>' in star
        assert f"✗ {part}" not in star
    assert "✓ result" in star
    assert "prepcoach can't tell the first answer's STAR parts" in star


def test_a_plans_follow_up_calls_its_whole_a_plan(
    alice_client: Client, alice: User, question: Question
) -> None:
    plan = stored(asks="plan")
    plan["relevance"]["kind"] = "would_do"
    steps = stored("action", asks="plan")
    steps["relevance"]["kind"] = "would_do"  # a plan's follow-up is read as the plan's
    first = answered(alice, question, plan)
    then = answered(alice, question, steps, question_text=FIRST_STEPS, follow_up_to=first)
    star = card(report(alice_client, then), "STAR")
    assert "Asked for: the steps you would take — given: “The action.”" in star
    assert "The plan, over your first answer and this one together:" in star
    assert "whole story" not in star
    assert "✓ action" in star


def test_a_follow_up_never_reads_another_users_answer_as_its_first(
    alice_client: Client, alice: User, bob: User, question: Question
) -> None:
    """A row naming Bob's answer as the one Alice's follows up (a bug, an import) shows none
    of Bob's words and judges Alice's answer as if its first were not read."""
    bobs = answered(bob, question, stored(*("situation", "task", "action")))
    bobs.analysis["star"]["action"]["evidence"] = ["Bob's own rota for the night shift."]
    bobs.save()
    alices = answered(alice, question, NUMBERS, question_text=IN_NUMBERS, follow_up_to=bobs)
    assert first_answer(alices) is None
    page = report(alice_client, alices)
    assert "Bob's own rota" not in page
    assert (
        "The whole story's parts are not shown: the answer this follows up has not been read."
        in page
    )
    # Her own first answer is read as before.
    mine = answered(alice, question, WHOLE)
    alices.follow_up_to = mine
    alices.save()
    assert first_answer(alices) == WHOLE


def test_a_point_lists_follow_up_says_no_story_is_looked_for(
    alice_client: Client, alice: User, question: Question
) -> None:
    """A review: a follow-up of a point ("How does that fit this role?") read "The whole story,
    over your first answer and this one together: Not asked", and with its first answer unread,
    "The whole story's parts are not shown"; a point has no story."""
    read = answered(alice, question, stored("action", asks="neither"))
    unread = Attempt.objects.create(
        user=alice, question=question, question_text=question.text, status=Attempt.Status.SAVED
    )
    for follows in (read, unread):
        then = answered(alice, question, stored("action", asks="neither"),
                        question_text="How does that fit this role?", follow_up_to=follows)  # fmt: skip
        star = card(report(alice_client, then), "STAR")
        assert "The whole story" not in star
        assert "Not asked" in star
