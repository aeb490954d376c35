import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt
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
