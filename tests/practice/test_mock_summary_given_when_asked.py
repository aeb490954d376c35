"""A finished mock's next steps (`practice:mock_summary`) credit the number a follow-up asked for
and got: alice's story had no number, "What changed, in numbers?" got one, and the summary
still said "Put a number on the result" as if she never gave one.

- alice: a one-question mock, her story's result without a number, then the follow-up; in
  another, she then deletes her story and answers the question again, still without a number."""

import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt
from tests.practice.mock_sessions import answered, finished_summary, post_follow_up
from tests.practice.test_mock_follow_ups import IN_NUMBERS, NUMBERS
from tests.practice.test_mocks import PROCESS, UNQUANTIFIED


def next_steps(summary: str) -> list[str]:
    found = re.search(r'<ol class="next-steps">(.*?)</ol>', summary, re.S)
    assert found is not None, "no next steps"
    return [html.unescape(s) for s in re.findall(r"<li>(.*?)</li>", found[1], re.S)]


@pytest.mark.usefixtures("sentence_model")
def test_alices_number_given_when_asked_is_credited_in_her_words(
    alice_client: Client, alice: User
) -> None:
    session, _, main = answered(alice_client, alice, PROCESS, UNQUANTIFIED, count="1")
    post_follow_up(alice_client, main, IN_NUMBERS, NUMBERS)
    steps = next_steps(finished_summary(alice_client, session))
    assert not [s for s in steps if s.startswith("Put a number on the result:")], steps
    credit = [s for s in steps if s.startswith("Put a number on the result before you are asked")]
    assert len(credit) == 1, steps
    # Her follow-up's words that gave the number, quoted.
    said = credit[0].split(": a result with a number came only when a follow-up asked for it (“")[1]
    assert said.endswith("”).")
    assert said.removesuffix("”).") in NUMBERS


# Her story told again, in other words, still without a number.
RETAKE = UNQUANTIFIED.replace("Last spring", "Last year").replace("much shorter", "shorter")


@pytest.mark.usefixtures("sentence_model")
def test_a_follow_up_whose_story_was_deleted_credits_no_answer_given_after(
    alice_client: Client, alice: User
) -> None:
    """Her story deleted, its follow-up is left following up nothing (`follow_up_to` null);
    the question answered again, that new answer was never followed up: its missing number
    is asked for, where it had been credited with the deleted story's follow-up."""
    session, here, main = answered(alice_client, alice, PROCESS, UNQUANTIFIED, count="1")
    follow = post_follow_up(alice_client, main, IN_NUMBERS, NUMBERS)
    alice_client.post(reverse("practice:attempt_delete", args=[main.pk]))
    alice_client.post(
        reverse("practice:typed_create", args=[session.question_ids[0]]),
        {"text": RETAKE, "mode": "mock", "session": session.pk, "next": here},
    )
    follow.refresh_from_db()
    assert (follow.follow_up_to_id, follow.is_follow_up) == (None, True)
    retake = Attempt.objects.get(session=session, is_follow_up=False)
    assert retake.status == Attempt.Status.ANALYSED
    steps = next_steps(finished_summary(alice_client, session))
    assert not [s for s in steps if "came only when a follow-up asked" in s], steps
    assert [s for s in steps if s.startswith("Put a number on the result:")], steps


@pytest.mark.usefixtures("sentence_model")
def test_alices_summary_says_how_many_answers_were_to_follow_ups(
    alice_client: Client, alice: User
) -> None:
    """A trial's 3-question mock read "6 answers." with nothing saying 3 were follow-ups."""
    session, _, main = answered(alice_client, alice, PROCESS, UNQUANTIFIED, count="1")
    alone = html.unescape(finished_summary(alice_client, session))
    assert "1 answer." in alone
    assert "to follow-up" not in alone
    post_follow_up(alice_client, main, IN_NUMBERS, NUMBERS)
    summary = html.unescape(finished_summary(alice_client, session))
    assert "2 answers (1 to follow-up)." in summary
