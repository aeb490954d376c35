"""A mock's question answered again after its answer failed (`practice:mock_question`, the card
drawn alone by `practice:mock_answer`, and `practice:mock_summary`): the failed answer no longer
stands as the question's answer (`coach.mock_interview.question_state`), its card says "Answer
again", the forms come back below it, and it is kept with the mock.

- alice: records her answer to her mock's first question; nothing of it arrives (the recorder
  says "No recording arrived…" and offers Retake), and she reloads the page instead. A tester
  found the failed answer standing as the question's answer, a follow-up asked of it, and no
  way to answer the question again: Retake lived only in the page that was reloaded.
"""

import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt, MockSession
from tests.practice.conftest import tone_wav
from tests.practice.mock_sessions import new_mock, pinned, read

TEAM_PROJECT = "Tell me about a time you had to deliver a project with a team."
WEAK = "We had a project and we worked on it together. It was kind of messy but fine."
NO_RECORDING = "No recording arrived for this answer"


def empty_recording(client: Client, session: MockSession, **fields: object) -> Attempt:
    """A recording started in the mock, as its recorder starts it, of which nothing arrives."""
    started = client.post(
        reverse("practice:recording_start", args=[session.question_ids[0]]),
        {"mode": "mock", "session": session.pk, **fields},
    ).json()
    assert client.post(started["finalise_url"]).status_code == 422  # the recorder says why
    attempt = Attempt.objects.get(pk=started["id"])
    assert attempt.status == Attempt.Status.FAILED
    return attempt


def page_of(client: Client, url: str) -> str:
    return html.unescape(client.get(url).text)


def progress(page: str) -> int:
    found = re.search(r'<progress max="\d+" value="(\d+)"', page)
    assert found is not None
    return int(found.group(1))


@pytest.fixture
def mock(alice_client: Client, alice: User) -> MockSession:
    return pinned(new_mock(alice_client), alice, TEAM_PROJECT)


def test_after_a_reload_alices_empty_recording_leaves_the_question_to_answer_again(
    alice_client: Client, mock: MockSession
) -> None:
    failed = empty_recording(alice_client, mock)
    here = reverse("practice:mock_question", args=[mock.pk, 1])
    page = page_of(alice_client, here)  # the reload
    assert NO_RECORDING in page  # what happened, kept in view
    assert '<a class="button" href="#answer-again">Answer again</a>' in page
    assert 'id="answer-again"' in page
    assert "The answer above could not be read." in page
    assert "data-recorder" in page  # record it again…
    assert 'name="text"' in page  # …or type it
    assert 'id="follow-title"' not in page  # no follow-up asked of an answer never heard
    assert "Next question →" not in page  # the open question's actions: Skip, Finish
    assert "Skip this question" in page
    assert progress(page) == 0

    alice_client.post(here, {"text": WEAK, "mode": "mock", "session": mock.pk})
    page = page_of(alice_client, here)
    answers = list(Attempt.objects.filter(session=mock).order_by("created_at"))
    assert [a.pk for a in answers[:1]] == [failed.pk]  # kept with the mock
    assert answers[1].text == WEAK
    assert "Answer again" not in page  # answered: the failed card no longer offers it
    assert 'id="answer-again"' not in page
    assert NO_RECORDING in page
    assert 'id="follow-title"' in page  # the follow-up, asked of the answer given again
    assert progress(page) == 1


def test_a_failed_analysis_keeps_the_recording_and_offers_to_answer_again(
    alice_client: Client, mock: MockSession, settings: object, tmp_path: object
) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    started = alice_client.post(
        reverse("practice:recording_start", args=[mock.question_ids[0]]),
        {"mode": "mock", "session": mock.pk},
    ).json()
    alice_client.post(f"{started['chunk_url']}/0/", tone_wav(1.0),
                      content_type="application/octet-stream")  # fmt: skip
    alice_client.post(started["finalise_url"])
    attempt = Attempt.objects.get(pk=started["id"])
    assert attempt.status == Attempt.Status.FAILED  # a tone is no speech
    page = page_of(alice_client, reverse("practice:mock_question", args=[mock.pk, 1]))
    assert attempt.failure in page
    assert "The recording is kept." in page
    assert 'href="#answer-again">Answer again</a>' in page
    assert "data-recorder" in page


def test_a_failed_answer_to_the_follow_up_asks_the_follow_up_again(
    alice_client: Client, mock: MockSession
) -> None:
    here = reverse("practice:mock_question", args=[mock.pk, 1])
    alice_client.post(here, {"text": WEAK, "mode": "mock", "session": mock.pk})
    main = read(Attempt.objects.get(session=mock))
    asked = re.search(r'class="follow-question"[^>]*>([^<]+)<', page_of(alice_client, here))
    assert asked is not None
    follow = empty_recording(alice_client, mock, follow_up_to=main.pk, question_text=asked[1])
    page = page_of(alice_client, here)
    assert f'id="mock-answer-{follow.pk}"' in page
    assert '<a class="button" href="#follow-up">Answer again</a>' in page
    assert 'id="follow-up"' in page  # the follow-up's forms, again
    assert f"{asked[1]}</p>" in page  # the same follow-up
    assert 'id="answer-again"' not in page  # the question itself stands answered
    assert progress(page) == 1


def test_the_card_drawn_alone_opens_the_questions_page_afresh(
    alice_client: Client, mock: MockSession
) -> None:
    """The card a page watched while the answer was read is drawn alone when it fails: its
    page, drawn before, has no forms, so "Answer again" opens the question's page afresh."""
    failed = empty_recording(alice_client, mock)
    card = page_of(alice_client, reverse("practice:mock_answer", args=[failed.pk]))
    here = reverse("practice:mock_question", args=[mock.pk, 1])
    assert f'<a class="button" href="{here}">Answer again</a>' in card
    alice_client.post(here, {"text": WEAK, "mode": "mock", "session": mock.pk})
    card = page_of(alice_client, reverse("practice:mock_answer", args=[failed.pk]))
    assert "Answer again" not in card  # answered since


def test_the_summary_offers_to_answer_again_while_the_mock_goes_on(
    alice_client: Client, mock: MockSession
) -> None:
    failed = empty_recording(alice_client, mock)
    summary_url = reverse("practice:mock_summary", args=[mock.pk])
    here = reverse("practice:mock_question", args=[mock.pk, 1])
    summary = page_of(alice_client, summary_url)
    assert f'<a class="answer-again" href="{here}#answer-again">Answer it again</a>' in summary
    assert "analysis failed" in summary
    alice_client.post(here, {"text": WEAK, "mode": "mock", "session": mock.pk})
    summary = page_of(alice_client, summary_url)
    assert "Answer it again" not in summary
    # Both listed, each link saying what it is.
    assert f'href="{reverse("practice:attempt", args=[failed.pk])}"' in summary
    assert ">recorded answer</a>" in summary
    assert f">typed answer, {len(WEAK.split())} words</a>" in summary
