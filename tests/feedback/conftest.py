import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt, MockSession, Question
from prepcoach.reflection.models import Story
from tests.practice.conftest import tone_wav

LINK_RE = re.compile(r'value="(https?://[^"]+/r/([^"/]+)/)"')


@pytest.fixture
def recorded(alice: User, settings: object, tmp_path: Path) -> Attempt:
    """Alice's recorded, analysed answer (a real WAV on disk; the analysis as stored)."""
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    attempt = Attempt.objects.create(
        user=alice, question_text="Tell me about a time you fixed a process.",
        status=Attempt.Status.ANALYSED, media_type="audio/wav", rating=2,
        analysis={
            "version": 3, "duration_s": 30.0, "wpm": 150, "fillers": {"count": 2},
            "transcript": "Our weekly reports were late. My task was to fix that. I built a "
            "checklist and trained the team. Reports went out two days earlier.",
        },
    )  # fmt: skip
    attempt.recording.save("answer.wav", ContentFile(tone_wav(1.0)))
    return attempt


def make_link(client: Client, attempt: Attempt, **extra: object) -> str:
    """Ask for feedback on the owner's page; the token the page shows once."""
    data = {"reviewer_label": "Sam, my mentor", "relation": "mentor", "days": 14,
            "show_transcript": "on"} | extra  # fmt: skip
    page = client.post(reverse("feedback:ask", args=[attempt.pk]), data, follow=True).text
    match = LINK_RE.search(page)
    assert match, page
    return match.group(2)


def review_data(**extra: object) -> dict[str, object]:
    return {"reviewer_name": "Sam", "overall": "4", "score_situation": "2", "score_task": "2",
            "score_action": "1", "score_result": "2", "score_evidence": "0",
            "score_clarity": "2", "score_delivery": "",
            "comments": "0:12 — this is where you lost me\nGood structure overall."} | extra  # fmt: skip


# --- a mock interview and a story --------------------------------------------------------------
# alice's finished mock interview "Data analyst at Acme": two recorded answers (the first with
# a typed follow-up), and an answer she gave in another mock interview that no link for this
# one may open. Her STAR story "Late weekly reports", and another story of hers kept private.

MOCK_QUESTIONS = ["Tell me about a time you fixed a process.", "Why do you want this role?"]
OTHER_SESSION_TEXT = "ANOTHER MOCK'S PRIVATE ANSWER"
PRIVATE_STORY = "PRIVATE STORY ABOUT LEAVING NORTHWIND"


def _recorded(user: User, asked: str, seconds: float, transcript: str, **extra: object) -> Attempt:
    attempt = Attempt.objects.create(
        user=user, question_text=asked, status=Attempt.Status.ANALYSED,
        media_type="audio/wav", mode=Attempt.Mode.MOCK,
        analysis={"version": 3, "duration_s": seconds, "wpm": 140, "fillers": {"count": 1},
                  "transcript": transcript},
        **extra,
    )  # fmt: skip
    attempt.recording.save("answer.wav", ContentFile(tone_wav(seconds)))
    return attempt


@pytest.fixture
def mock_session(alice: User, settings: object, tmp_path: Path) -> MockSession:
    """As the mock interview pages make it: each answer carries its question's id, a follow-up
    too (it is posted to its question's URL) as well as the answer it follows up."""
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    questions = [Question.objects.create(owner=alice, text=text) for text in MOCK_QUESTIONS]
    session = MockSession.objects.create(
        user=alice, company="Acme", role="Data analyst",
        question_ids=[q.pk for q in questions], question_texts=MOCK_QUESTIONS,
        status=MockSession.Status.FINISHED,
    )  # fmt: skip
    first = _recorded(
        alice, MOCK_QUESTIONS[0], 20.0,
        "Our weekly reports were late. My task was to fix that. I built a checklist and "
        "trained the team. Reports went out two days earlier.", session=session, rating=2,
        question=questions[0],
    )  # fmt: skip
    Attempt.objects.create(
        user=alice, question=questions[0], question_text="What was the outcome?",
        session=session, follow_up_to=first, mode=Attempt.Mode.MOCK,
        text="Reports went out two days earlier, every week since.",
        status=Attempt.Status.ANALYSED, analysis={"version": 3, "transcript": ""},
    )  # fmt: skip
    _recorded(alice, MOCK_QUESTIONS[1], 15.0, "I like data and I like health care.",
              session=session, rating=3, question=questions[1])  # fmt: skip
    other = MockSession.objects.create(user=alice, question_ids=[0], question_texts=["Q?"])
    _recorded(alice, OTHER_SESSION_TEXT, 5.0, "private", session=other)
    return session


@pytest.fixture
def story(alice: User) -> Story:
    Story.objects.create(user=alice, title=PRIVATE_STORY, situation="Leaving quietly.")
    return Story.objects.create(
        user=alice, title="Late weekly reports",
        situation="At Acme our weekly reports to the board were always two days late.",
        task="My task was to get them out on time.",
        action="I built a checklist, automated the data pull and trained the team on it.",
        result="Reports went out on Monday morning, two days earlier, for the next 40 weeks.",
        metrics="2 days earlier",
    )  # fmt: skip


def make_link_at(client: Client, ask_url: str, **extra: object) -> str:
    """Ask for feedback on any thing (its ask URL); the token the page shows once."""
    data = {"reviewer_label": "Sam, my mentor", "relation": "mentor", "days": 14,
            "show_transcript": "on"} | extra  # fmt: skip
    page = client.post(ask_url, data, follow=True).text
    match = LINK_RE.search(page)
    assert match, page
    return match.group(2)
