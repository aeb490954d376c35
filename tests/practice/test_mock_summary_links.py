"""The links of a mock's summary (`practice:mock_summary`) to its answers say what each answer
is: "recorded answer, 1:42", "typed answer, 84 words" (`coach.mock_interview.answer_label`),
each described by its row's question. A tester found them all reading "typed answer" (a
recording's "recording"), with nothing to tell one from another.

- alice: records her answer to her mock's first question, types one to its follow-up and one
  to the second question."""

import html
import re
from pathlib import Path

from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt, MockSession, Question
from tests.practice.conftest import tone_wav

QUESTIONS = ["Tell me about a time you improved a process.", "Why do you want this role?"]
OUTCOME = "The close took six days instead of ten, and it has stayed there."
WHY = "I want to work on data that changes how patients are cared for, close to home."


def a_mock(alice: User, tmp_path: Path) -> MockSession:
    """As the mock's pages save it: a recording (read: 1:42 long), a typed follow-up and a typed
    answer to the second question."""
    questions = [Question.objects.create(owner=alice, text=text) for text in QUESTIONS]
    session = MockSession.objects.create(
        user=alice, question_ids=[q.pk for q in questions], question_texts=QUESTIONS
    )
    recorded = Attempt.objects.create(
        user=alice, question=questions[0], question_text=QUESTIONS[0], session=session,
        mode=Attempt.Mode.MOCK, media_type="audio/wav", status=Attempt.Status.ANALYSED,
        analysis={"version": 3, "duration_s": 102.4, "transcript": "We cut the close."},
    )  # fmt: skip
    recorded.recording.save("answer.wav", ContentFile(tone_wav(0.5)))
    Attempt.objects.create(
        user=alice, question=questions[0], question_text="What was the outcome?",
        session=session, follow_up_to=recorded, mode=Attempt.Mode.MOCK, text=OUTCOME,
        status=Attempt.Status.ANALYSED, analysis={"version": 3, "transcript": OUTCOME},
    )  # fmt: skip
    Attempt.objects.create(
        user=alice, question=questions[1], question_text=QUESTIONS[1], session=session,
        mode=Attempt.Mode.MOCK, text=WHY, status=Attempt.Status.ANALYSED,
        analysis={"version": 3, "transcript": WHY},
    )  # fmt: skip
    return session


def test_each_answers_link_says_what_it_is(
    alice_client: Client, alice: User, settings: object, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    session = a_mock(alice, tmp_path)
    summary = html.unescape(
        alice_client.get(reverse("practice:mock_summary", args=[session.pk])).text
    )
    links = re.findall(r'<a href="/improve/attempts/(\d+)/" aria-describedby="row-title-(\d+)">'
                       r"([^<]+)</a>", summary)  # fmt: skip
    by_answer = {int(pk): text for pk, described, text in links if pk == described}
    answers = {a.question_text: a.pk for a in Attempt.objects.filter(session=session)}
    assert by_answer == {
        answers[QUESTIONS[0]]: "recorded answer, 1:42",
        answers["What was the outcome?"]: f"typed answer, {len(OUTCOME.split())} words",
        answers[QUESTIONS[1]]: f"typed answer, {len(WHY.split())} words",
    }
    assert len(set(by_answer.values())) == 3  # told apart
    # Each described by its row's question, for a reader that lists the links alone.
    for pk in by_answer:
        assert f'<h2 class="h-small" id="row-title-{pk}">' in summary
    assert ">recording</a>" not in summary
