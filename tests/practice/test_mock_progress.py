"""The mock's progress bar counts the questions answered: a tester saw "0 of 3" after answering
question 1 and "2 of 3" after answering all three and a follow-up (it showed the question's
number less one)."""

import re

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.mock_interview import questions_answered
from prepcoach.practice.models import Attempt
from tests.practice.mock_sessions import answered, post_follow_up

TEAM_PROJECT = "Tell me about a time you had to deliver a project with a team."
WEAK = "We had a project and we worked on it together. It was kind of messy but fine."
GOOD = (
    "Our release kept slipping, so I took on the plan. I split the work into weekly goals "
    "and met the team each Monday. We shipped on time and cut defects by 30 percent."
)


def progress(client: Client, url: str) -> tuple[int, int]:
    """The progress bar's value and maximum on the mock's page at `url`."""
    page = client.get(url).text
    found = re.search(r'<progress max="(\d+)" value="(\d+)" aria-label="Questions answered">', page)
    assert found is not None
    return int(found.group(2)), int(found.group(1))


def test_alices_progress_counts_the_questions_she_answered_not_follow_ups(
    alice_client: Client, alice: User
) -> None:
    session, first, main = answered(alice_client, alice, TEAM_PROJECT, WEAK)
    assert progress(alice_client, first) == (1, 3)  # question 1 answered
    post_follow_up(alice_client, main, "What was the outcome?", "We shipped it late.")
    assert progress(alice_client, first) == (1, 3)  # a follow-up is no other question
    second = reverse("practice:mock_question", args=[session.pk, 2])
    third = reverse("practice:mock_question", args=[session.pk, 3])
    assert progress(alice_client, second) == (1, 3)  # on question 2, not yet answered
    alice_client.post(second, {"text": GOOD})
    alice_client.post(third, {"text": GOOD})
    assert Attempt.objects.filter(session=session).count() == 4
    assert progress(alice_client, third) == (3, 3)


def test_a_skipped_question_is_not_counted(alice_client: Client, alice: User) -> None:
    session, _, _ = answered(alice_client, alice, TEAM_PROJECT, WEAK)
    alice_client.post(reverse("practice:mock_skip", args=[session.pk, 2]))
    third = reverse("practice:mock_question", args=[session.pk, 3])
    assert progress(alice_client, third) == (1, 3)  # question 2 skipped


def test_questions_answered_counts_each_question_with_a_first_answer_once() -> None:
    # (question number, a follow-up's answer?): 0 is an answer to no question of the mock.
    assert questions_answered([]) == 0
    assert questions_answered([(1, False), (1, True), (1, True)]) == 1
    assert questions_answered([(1, False), (3, False), (2, True), (0, False)]) == 2
