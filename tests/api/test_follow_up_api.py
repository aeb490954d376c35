"""The API gives the answer to a follow-up as its report judges it: what the follow-up asked
for and whether the answer gives it (`follow_up`, documented in the schema), beside the stored
analysis; null for a first answer, for one not yet analysed, and never read through another
user's answer."""

from __future__ import annotations

import pytest
from django.test import Client

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt
from tests.coach.test_follow_up_measured import IN_NUMBERS, NUMBERS, PROCESS, WHOLE


def answer(user: User, question: str, analysis: dict | None, **more: object) -> Attempt:
    return Attempt.objects.create(
        user=user, question_text=question, text="Typed.", analysis=analysis,
        status=Attempt.Status.ANALYSED if analysis else Attempt.Status.SAVED, **more,
    )  # fmt: skip


def test_an_answer_to_a_follow_up_carries_its_judgement(alice_client: Client, alice: User) -> None:
    first = answer(alice, PROCESS, WHOLE)
    then = answer(alice, IN_NUMBERS, NUMBERS, follow_up_to=first)
    body = alice_client.get(f"/api/attempts/{then.pk}").json()
    assert body["analysis"] == NUMBERS
    judged = body["follow_up"]
    assert judged["words"] == "Asked for: a result with a number — given: “By 40 %.”"
    assert (judged["rule"], judged["asks_part"], judged["asked"], judged["given"]) == (
        "result without a number", True, "a result with a number", True,
    )  # fmt: skip
    assert judged["unmeasured"] == (
        "no 1–5 figure: a follow-up is judged only on what it asked for (a result with a number)"
    )
    assert judged["story"]["situation"]["present"] is True  # from the first answer
    assert judged["story_note"] == ""
    listed = alice_client.get("/api/attempts").json()["items"]
    assert [row["follow_up"] is not None for row in listed] == [True, False]
    assert listed[0]["follow_up"] == judged
    assert alice_client.get(f"/api/attempts/{first.pk}").json()["follow_up"] is None


def test_not_yet_analysed_or_following_up_another_users_answer(
    alice_client: Client, alice: User, bob: User
) -> None:
    first = answer(alice, PROCESS, WHOLE)
    waiting = answer(alice, IN_NUMBERS, None, follow_up_to=first)
    assert alice_client.get(f"/api/attempts/{waiting.pk}").json()["follow_up"] is None
    bobs = answer(bob, PROCESS, WHOLE)
    odd = answer(alice, IN_NUMBERS, NUMBERS, follow_up_to=bobs)
    judged = alice_client.get(f"/api/attempts/{odd.pk}").json()["follow_up"]
    assert judged["given"] is True
    assert judged["story"] is None  # Bob's answer is never read as her first


@pytest.mark.django_db
def test_the_schema_documents_the_field(client: Client) -> None:
    schema = client.get("/api/openapi.json").json()
    attempt = schema["components"]["schemas"]["AttemptOut"]
    assert "follow_up" in attempt["required"]
    assert "what the follow-up asked for" in attempt["properties"]["follow_up"]["description"]
    follow_up = schema["components"]["schemas"]["FollowUpOut"]
    assert set(follow_up["properties"]) == {
        "rule", "asks_part", "asked", "given", "quote", "words", "unmeasured", "story",
        "story_note",
    }  # fmt: skip
    assert all(p.get("description") for p in follow_up["properties"].values())
