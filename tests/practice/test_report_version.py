"""The report says which analysis version read the answer, and asks for another reading only
when that version is older than the newest (a new user's trial: a fresh answer, and one just
analysed again, were both told "Analyse again to use the newest version")."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.answer import ANALYSIS_VERSION, analyse_answer
from prepcoach.practice.models import Attempt, Question

ANSWER = (
    "Last year our weekly reports were always late. I had to get them out on Mondays. "
    "I built a checklist and automated the two slowest queries. "
    "The reports have gone out on time for six months."
)


def report(client: Client, user: User, question: Question, version: int) -> str:
    analysis = {**analyse_answer(text=ANSWER, question=question.text).as_dict(), "version": version}
    attempt = Attempt.objects.create(user=user, question=question, question_text=question.text,
                                     text=ANSWER, status="analysed", analysis=analysis)  # fmt: skip
    return client.get(reverse("practice:attempt", args=[attempt.pk])).text


def test_the_newest_version_asks_for_nothing(
    alice_client: Client, alice: User, question: Question
) -> None:
    page = report(alice_client, alice, question, ANALYSIS_VERSION)
    assert f"analysis version {ANALYSIS_VERSION}, the newest." in page
    assert "analyse again" not in page.lower().split("how this answer was analysed")[1][:300]


def test_an_older_version_asks_for_a_new_reading(
    alice_client: Client, alice: User, question: Question
) -> None:
    page = report(alice_client, alice, question, ANALYSIS_VERSION - 1)
    assert (
        f"analysis version {ANALYSIS_VERSION - 1}, an older one: analyse again to read it with "
        "the newest." in page
    )
