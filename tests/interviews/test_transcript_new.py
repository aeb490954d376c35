"""Pasting or uploading a transcript of an interview: read, saved with each answer's reading,
or refused whole with the core's message and the text kept in the box."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils.html import escape

from prepcoach.accounts.models import User
from prepcoach.interviews.models import Transcript
from prepcoach.interviews.transcripts import key_of, reading_of
from tests.interviews.conftest import TRANSCRIPT, add_interview, add_job

DATA = Path(__file__).parents[1] / "data" / "transcripts"


def url(interview_id: int) -> str:
    return f"/interviews/{interview_id}/transcript/"


def test_the_interview_and_its_debrief_lead_to_it(alice_client: Client, alice: User) -> None:
    interview = add_interview(alice, hours=-3)
    for page in (f"/interviews/{interview.pk}/", f"/interviews/{interview.pk}/debrief/"):
        assert f'href="{url(interview.pk)}"' in alice_client.get(page).content.decode()
    form = alice_client.get(url(interview.pk)).content.decode()
    assert "Debrief from a transcript" in form
    assert "Up to 90 minutes" in form


def test_a_pasted_transcript_is_saved_with_its_answers_read(
    alice_client: Client, alice: User
) -> None:
    interview = add_interview(alice, hours=-3)
    response = alice_client.post(url(interview.pk), {"text": TRANSCRIPT, "you_are": ""})
    saved = Transcript.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/interviews/transcripts/{saved.pk}/"
    assert (saved.interview, saved.text, saved.speaker) == (interview, TRANSCRIPT, "")
    assert len(saved.readings) == 2
    # By the first pair's key: PostgreSQL's jsonb does not keep the keys in the order written.
    first = saved.readings[key_of(reading_of(saved).pairs[0])]
    assert first["star"]["quantified_result"]["present"] is True
    page = alice_client.get(response["Location"]).content.decode()
    assert "Transcript saved. 2 questions found, each with your answer." in page


def test_an_uploaded_vtt_file_and_the_name_the_user_gives(
    alice_client: Client, alice: User
) -> None:
    interview = add_interview(alice, hours=-3)
    upload = SimpleUploadedFile("teams.vtt", (DATA / "teams.vtt").read_bytes(), "text/vtt")
    response = alice_client.post(url(interview.pk), {"upload": upload, "you_are": "Alex"})
    saved = Transcript.objects.get()
    assert (saved.filename, saved.speaker) == ("teams.vtt", "Alex Morgan")
    assert saved.text.startswith("WEBVTT")
    page = alice_client.get(response["Location"]).content.decode()
    assert "WebVTT captions · 4 turns · 82 words · under a minute" in page
    assert "Sam Lee · at 0:01" in page
    assert "as you said" in page


def test_a_utf16_srt_file_is_read(alice_client: Client, alice: User) -> None:
    interview = add_interview(alice, hours=-3)
    raw = (DATA / "zoom.srt").read_text(encoding="utf-8").encode("utf-16")
    alice_client.post(url(interview.pk), {"upload": SimpleUploadedFile("zoom.srt", raw)})
    assert Transcript.objects.get().text.startswith("1\n00:00:00,500")


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "The transcript is empty"),
        ("hello there\nhow are you", "No speaker names found"),
        ("<html><body><div><p>Alex: hi</p></div></body></html>", "This is a web page (HTML)"),
        ((DATA / "two-hours.vtt").read_text(encoding="utf-8"), "up to 90 minutes"),
        ("Ana: ¿Cuál fue el proyecto más difícil que has liderado en tu último trabajo?\n"
         "Luis: En mi último trabajo lideré la migración de los datos de la empresa hacia la "
         "nube y reduje los costes.", "does not read as English"),
        ("00:00:01.000 --> " + "9" * 400 + ":00:00.000\nKim: Why do you want this?\n\n"
         "00:00:03.000 --> 00:00:04.000\nAl: I like it a lot.", "is not a time prepcoach can read"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_whole_and_the_text_kept(
    alice_client: Client, alice: User, text: str, words: str
) -> None:
    interview = add_interview(alice, hours=-3)
    response = alice_client.post(url(interview.pk), {"text": text})
    page = response.content.decode()
    assert response.status_code == 422
    assert words in page
    assert not Transcript.objects.exists()
    assert escape(text.split("\n")[-1]) in page  # the text is still in the box


def test_a_file_that_does_not_read_comes_back_as_text(alice_client: Client, alice: User) -> None:
    interview = add_interview(alice, hours=-3)
    upload = SimpleUploadedFile("notes.txt", b"my notes\nno names here at all\n")
    response = alice_client.post(url(interview.pk), {"upload": upload})
    page = response.content.decode()
    assert response.status_code == 422
    assert "No speaker names found" in page
    assert "no names here at all\n</textarea>" in page
    assert not Transcript.objects.exists()


def test_binary_and_oversized_files_and_both_at_once_are_refused(
    alice_client: Client, alice: User
) -> None:
    interview = add_interview(alice, hours=-3)
    cases = [
        ({"upload": SimpleUploadedFile("a.docx", b"PK\x03\x04\xff\xfe\x00\x81")}, "not UTF-8"),
        ({"upload": SimpleUploadedFile("big.txt", b"A: hi\n" * 400_000)}, "up to 2 MB"),
        ({"upload": SimpleUploadedFile("a.txt", b"A: hi?\nB: yes\n"), "text": "A: x"},
         "keep one of them"),
    ]  # fmt: skip
    for data, words in cases:
        response = alice_client.post(url(interview.pk), data)
        assert response.status_code == 422
        assert words in response.content.decode()
    assert not Transcript.objects.exists()


def test_bob_gets_404_and_a_deleted_interview_shows_what_was_pasted(
    client: Client, alice: User, bob: User
) -> None:
    job = add_job(alice)
    interview = add_interview(alice, job, hours=-3)
    client.force_login(bob)
    assert client.get(url(interview.pk)).status_code == 404
    assert client.post(url(interview.pk), {"text": TRANSCRIPT}).status_code == 404
    client.force_login(alice)
    job.delete()
    response = client.post(url(interview.pk), {"text": TRANSCRIPT})
    page = response.content.decode()
    assert response.status_code == 404
    assert "This interview is not here" in page
    assert "Errors fell by 40 percent." in page
    assert not Transcript.objects.exists()
