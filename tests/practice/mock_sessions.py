"""A mock interview set up as its pages set it up, for the mock's tests: a new mock, its first
question made known, an answer typed to it and to a follow-up, read as the worker reads it, and
the pages that show them."""

import html

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
from prepcoach.practice.models import Attempt, MockSession, Question


def new_mock(client: Client, **extra: str) -> MockSession:
    data = {"company": "Acme", "role": "Data analyst", "field": "data", "seniority": "any", "count": "3",
            "mix": "balanced", "seconds_per_answer": "90", "speak": "on"} | extra  # fmt: skip
    response = client.post(reverse("practice:mock_new"), data)
    session = MockSession.objects.get()
    assert response["Location"] == reverse("practice:mock_question", args=[session.pk, 1])
    return session


def pinned(session: MockSession, user: User, text: str) -> MockSession:
    """The mock's first question made `text`, so what its answers are judged against is known
    (a mock picks its questions at random)."""
    question = Question.objects.create(owner=user, text=text)
    session.question_ids = [question.pk, *session.question_ids[1:]]
    session.save()
    return session


def read(attempt: Attempt) -> Attempt:
    """What the worker does with a typed answer: analyse it and store the analysis."""
    attempt.analysis = analyse_answer(text=attempt.text, question=attempt.question_text).as_dict()
    attempt.status = Attempt.Status.ANALYSED
    attempt.save()
    return attempt


def answered(
    client: Client, user: User, question: str, text: str, **mock: str
) -> tuple[MockSession, str, Attempt]:
    """A new mock (`mock`: its settings other than the defaults) whose first question is
    `question`, answered with `text` typed on its page, as the page posts it: the mock, the
    first question's page and the answer."""
    session = pinned(new_mock(client, **mock), user, question)
    here = reverse("practice:mock_question", args=[session.pk, 1])
    client.post(here, {"text": text, "mode": "mock", "session": session.pk})
    return session, here, Attempt.objects.get(session=session)


def post_follow_up(client: Client, main: Attempt, follow_up: str, said: str) -> Attempt:
    """`said` to `follow_up`, asked of `main` (an answer to a mock's first question), as the
    mock's page posts it."""
    here = reverse("practice:mock_question", args=[main.session_id, 1])
    client.post(here, {"text": said, "mode": "mock", "session": main.session_id,
                       "follow_up_to": main.pk, "question_text": follow_up})  # fmt: skip
    return Attempt.objects.get(follow_up_to=main)


def short_report(client: Client, attempt: Attempt) -> str:
    """The answer's short report inside the mock, its entities unescaped."""
    return html.unescape(client.get(reverse("practice:mock_answer", args=[attempt.pk])).text)


def finished_summary(client: Client, session: MockSession) -> str:
    """The mock finished and its summary page, its entities unescaped."""
    client.post(reverse("practice:mock_finish", args=[session.pk]))
    return html.unescape(client.get(reverse("practice:mock_summary", args=[session.pk])).text)


def summary_rows(summary: str) -> str:
    """The summary's list of answers, a row an answer."""
    return summary.split('<ol class="summary">')[1].split("</ol>")[0]
