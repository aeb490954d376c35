"""An answer to a follow-up stays one when the answer it follows up is deleted
(`Attempt.is_follow_up`): its `follow_up_to` link becomes null, and a review found it then
judged as a first answer everywhere (counted against "Give the situation", given a whole
story's figure).

- alice: answers a story question, then its follow-up "What changed, in numbers?", then
  deletes the first answer."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.practice.evidence import answer_facts
from prepcoach.practice.follow_ups import follow_up_of
from prepcoach.practice.models import Attempt
from tests.coach.test_follow_up_measured import IN_NUMBERS, NUMBERS, PROCESS, WHOLE


def test_a_follow_up_stays_one_when_its_first_answer_is_deleted(
    alice_client: Client, alice: User
) -> None:
    first = Attempt.objects.create(
        user=alice, question_text=PROCESS, status=Attempt.Status.ANALYSED, analysis=WHOLE
    )
    then = Attempt.objects.create(
        user=alice, question_text=IN_NUMBERS, status=Attempt.Status.ANALYSED, analysis=NUMBERS,
        follow_up_to=first,
    )  # fmt: skip
    assert then.is_follow_up
    response = alice_client.post(reverse("practice:attempt_delete", args=[first.pk]))
    assert response.status_code in (200, 302)
    assert not Attempt.objects.filter(pk=first.pk).exists()
    then.refresh_from_db()
    assert then.follow_up_to_id is None
    assert then.is_follow_up
    (facts,) = answer_facts(Attempt.objects.filter(pk=then.pk))
    assert facts.follow_up
    judged = follow_up_of(then)
    assert judged is not None
    assert judged.asks_part  # still judged on the number it was asked for
