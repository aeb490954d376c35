"""A finished mock interview's summary (`practice:mock_summary`) and the list of mocks: each
answer once, by its question, with its figures, the one that went best and what to practise
next, and what the mock was for named one way on every page.

- alice: runs mocks, with and without a job; bob: another job seeker."""

import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt, MockSession, Question
from tests.practice.mock_sessions import new_mock, pinned, read
from tests.practice.test_mocks import PROCESS, UNQUANTIFIED, WEAK


def test_the_summary_lists_every_answer(alice_client: Client, alice: User) -> None:
    session = new_mock(alice_client, count="2")
    for number, question_id in enumerate(session.question_ids, start=1):
        alice_client.post(
            reverse("practice:typed_create", args=[question_id]),
            {
                "text": f"Answer {number}: I did it and it worked.",
                "mode": "mock",
                "session": session.pk,
            },
        )
    alice_client.post(reverse("practice:mock_finish", args=[session.pk]))
    summary = alice_client.get(reverse("practice:mock_summary", args=[session.pk])).text
    assert summary.count("typed answer") == 2
    session.refresh_from_db()
    assert session.status == "finished"


@pytest.mark.usefixtures("sentence_model")
def test_the_summary_lists_each_answer_once_with_figures_the_best_and_what_next(
    alice_client: Client, alice: User
) -> None:
    session = pinned(new_mock(alice_client), alice, PROCESS)
    first = session.question_ids[0]
    here = reverse("practice:mock_question", args=[session.pk, 1])
    alice_client.post(reverse("practice:typed_create", args=[first]),
                      {"text": UNQUANTIFIED, "mode": "mock", "session": session.pk})  # fmt: skip
    main = read(Attempt.objects.get(session=session))
    alice_client.post(
        reverse("practice:typed_create", args=[first]),
        {"text": "We shipped it two weeks late and cut the waiting time from 9 hours to 2 "
                 "hours.", "mode": "mock", "session": session.pk, "follow_up_to": main.pk,
         "question_text": "What was the outcome?", "next": here},
    )  # fmt: skip
    read(Attempt.objects.get(follow_up_to=main))
    alice_client.post(reverse("practice:mock_finish", args=[session.pk]))
    summary = html.unescape(
        alice_client.get(reverse("practice:mock_summary", args=[session.pk])).text
    )
    # The typed follow-up once, under its question; the two questions not answered, each once.
    assert summary.count("Follow-up: What was the outcome?") == 1
    assert summary.count("typed answer") == 2
    assert summary.count("Not answered.") == 2
    assert "2 answers (1 to follow-up); 2 questions not answered." in summary
    assert "Went best:" in summary
    # The question's own full stop goes before the comma (it read "…a process.”, 3 of 5").
    assert f"<strong>Went best:</strong> “{PROCESS[:-1]}”, " in summary
    assert ".”," not in summary
    assert "of 4 STAR parts" in summary
    assert "Next things to practise" in summary
    assert "Put a number on the result" in summary
    # Each answer with the relevance verdict, and the figure says what it is.
    assert summary.count("Answers the question:") == 2
    assert "as prepcoach measured it:" in summary
    listed = summary.split('<ol class="summary">')[1].split("</ol>")[0]
    for question_id in session.question_ids[1:]:
        assert listed.count(Question.objects.get(pk=question_id).text) == 1


def test_the_summary_numbers_each_answer_by_its_question_not_the_follow_ups(
    alice_client: Client, alice: User
) -> None:
    """A look at a summary found a follow-up numbered "4." and the mock's last question, 4 of
    4, listed as "5.": each row is numbered by its question, and a follow-up has none."""
    session = new_mock(alice_client)
    first, last = session.question_ids[0], session.question_ids[-1]
    alice_client.post(reverse("practice:typed_create", args=[first]),
                      {"text": WEAK, "mode": "mock", "session": session.pk})  # fmt: skip
    main = Attempt.objects.get(session=session)
    alice_client.post(
        reverse("practice:typed_create", args=[first]),
        {"text": "It took a week.", "mode": "mock", "session": session.pk,
         "follow_up_to": main.pk, "question_text": "What was the outcome?"},
    )  # fmt: skip
    alice_client.post(reverse("practice:typed_create", args=[last]),
                      {"text": WEAK, "mode": "mock", "session": session.pk})  # fmt: skip
    summary = alice_client.get(reverse("practice:mock_summary", args=[session.pk])).text
    rows = re.findall(r'<li class="mock-row( mock-follow-up)?" value="(\d+)">', summary)
    assert rows == [("", "1"), (" mock-follow-up", "1"), ("", "2"), ("", "3")], rows
    row = summary.split('value="3">')[1].split("</li>")[0]
    assert html.escape(Question.objects.get(pk=last).text) in row


def test_the_summary_does_not_promise_a_reviewer_something_to_listen_to(
    alice_client: Client, alice: User
) -> None:
    """A mock answered by typing said a reviewer "can listen to the whole interview"."""
    session = new_mock(alice_client)
    alice_client.post(reverse("practice:typed_create", args=[session.question_ids[0]]),
                      {"text": WEAK, "mode": "mock", "session": session.pk})  # fmt: skip
    summary = alice_client.get(reverse("practice:mock_summary", args=[session.pk])).text
    assert "can go through the whole interview, typed or recorded, and score it" in summary
    # Not the whole page: the mock draws its questions at random, and the bank asks "Tell me
    # about a time you realised you had not really been listening" (CI drew it once).
    promise = next(line for line in shown_lines(summary) if "whole interview" in line)
    assert "listen" not in promise
    assert "listen to the whole interview" not in summary


def shown_lines(page: str) -> list[str]:
    """The page's main text as a reader meets it, one line per block (paragraph, heading, list
    item), with the markup gone."""
    main = page.split("<main", 1)[-1].split(">", 1)[-1].split("</main>", 1)[0]
    main = re.sub(r"<(script|style)\b.*?</\1>", "", main, flags=re.S)
    blocks = re.sub(r"</?(p|h[1-6]|li|div|section|ol|ul|dt|dd|form)\b[^>]*>", "\n", main)
    text = html.unescape(re.sub(r"<[^>]+>", " ", blocks))
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def under_heading(lines: list[str]) -> str:
    """The line under a mock summary's heading."""
    return lines[next(i for i, line in enumerate(lines) if line.startswith("Mock interview")) + 1]


def test_a_finished_mock_for_no_job_has_no_orphan_line(alice_client: Client, alice: User) -> None:
    """A new user's finished mock with no job, no role and no company: its summary's line under
    the heading read "· Finished", a connective with nothing before it (and a mock naming its
    company alone "at Globex · In progress"). Typical answers with it: one read, one still
    being read, one question not answered."""
    session = MockSession.objects.create(user=alice, question_ids=[], question_texts=[])
    session = pinned(session, alice, PROCESS)
    others = list(Question.objects.filter(owner__isnull=True).order_by("pk")[:2])
    session.question_ids += [q.pk for q in others]
    session.question_texts = [Question.objects.get(pk=session.question_ids[0]).text,
                              *(q.text for q in others)]  # fmt: skip
    session.save()
    alice_client.post(reverse("practice:typed_create", args=[session.question_ids[0]]),
                      {"text": UNQUANTIFIED, "mode": "mock", "session": session.pk})  # fmt: skip
    read(Attempt.objects.get(session=session))
    Attempt.objects.create(user=alice, question=others[0], question_text=others[0].text,
                           mode="mock", session=session, text=WEAK,
                           status=Attempt.Status.QUEUED)  # fmt: skip
    alice_client.post(reverse("practice:mock_finish", args=[session.pk]))
    summary = reverse("practice:mock_summary", args=[session.pk])
    lines = shown_lines(alice_client.get(summary).text)
    assert under_heading(lines) == "Finished"
    for line in lines:
        assert not line.startswith(("·", "at ", ",", ";", ":")), line
        assert not line.endswith(("·", " at", ",", ":", " of")), line
    assert "being read" in lines

    MockSession.objects.filter(pk=session.pk).update(company="Globex")
    assert under_heading(shown_lines(alice_client.get(summary).text)) == "Globex · Finished"
    MockSession.objects.filter(pk=session.pk).update(role="Data analyst", status="active")
    shown = under_heading(shown_lines(alice_client.get(summary).text))
    assert shown == "Data analyst at Globex · In progress"
    MockSession.objects.filter(pk=session.pk).update(role="")
    asked = shown_lines(
        alice_client.get(reverse("practice:mock_question", args=[session.pk, 1])).text
    )
    assert "Mock interview · Globex · question 1 of 3" in asked


@pytest.mark.usefixtures("sentence_model")
def test_went_best_quotes_the_whole_question(alice_client: Client, alice: User) -> None:
    """The starter bank's longest question (124 characters) went best: "Went best" cut it at 120
    characters, mid-word ("How did you reach agree…"), though the list below shows it whole."""
    long_one = (
        "Describe a situation where team members had very different ideas about how to tackle "
        "a problem. How did you reach agreement?"
    )
    agreed = (
        "Last year two analysts on my team disagreed about whether to rebuild our reporting "
        "pipeline or patch it. I was asked to get us to one plan within a week. I set up a "
        "meeting where each laid out the costs and risks, and I proposed a two-week trial of "
        "the patch. In the end we agreed on the trial, and it cut report errors by 30%."
    )
    session = pinned(new_mock(alice_client), alice, long_one)
    alice_client.post(reverse("practice:typed_create", args=[session.question_ids[0]]),
                      {"text": agreed, "mode": "mock", "session": session.pk})  # fmt: skip
    read(Attempt.objects.get(session=session))
    alice_client.post(reverse("practice:mock_finish", args=[session.pk]))
    summary = html.unescape(
        alice_client.get(reverse("practice:mock_summary", args=[session.pk])).text
    )
    assert f"<strong>Went best:</strong> “{long_one}”, " in summary


def test_the_list_of_mocks_names_each_as_its_summary_does(
    alice_client: Client, alice: User
) -> None:
    # A review: the list wrote a mock for a company alone "… at Globex", its own line built apart.
    MockSession.objects.create(user=alice, company="Globex", question_ids=[], question_texts=[])
    MockSession.objects.create(user=alice, role="Data analyst", company="Acme",
                               question_ids=[], question_texts=[])  # fmt: skip
    page = html.unescape(alice_client.get(reverse("practice:index")).text)
    assert re.search(r"\d{2}:\d{2} · Globex</a>", page)
    assert re.search(r"\d{2}:\d{2} · Data analyst at Acme</a>", page)
    assert " at Globex" not in page
