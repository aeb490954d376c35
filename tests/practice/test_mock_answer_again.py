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
from prepcoach.practice.sessions import question_text
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
    assert "Your answer to this question could not be read." in page
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
    # Nothing of it arrived: said so, never "analysis failed" of nothing to analyse.
    assert ">recording (nothing arrived)</a>" in summary
    assert "analysis failed" not in summary
    alice_client.post(here, {"text": WEAK, "mode": "mock", "session": mock.pk})
    summary = page_of(alice_client, summary_url)
    assert "Answer it again" not in summary
    # Both listed, each link saying what it is.
    assert f'href="{reverse("practice:attempt", args=[failed.pk])}"' in summary
    assert ">recording (nothing arrived)</a>" in summary
    assert f">typed answer, {len(WEAK.split())} words</a>" in summary


MORE = "In the end we shipped two weeks early and cut support tickets by 30 percent."
STOPPED = "The analysis stopped with an error (X); the answer is kept and can be analysed again."


def typed(client: Client, session: MockSession, text: str, **fields: object) -> Attempt:
    """`text` typed on the mock's first question's page, as the page posts it."""
    here = reverse("practice:mock_question", args=[session.pk, 1])
    client.post(here, {"text": text, "mode": "mock", "session": session.pk, **fields})
    found = Attempt.objects.filter(session=session).order_by("-pk").first()
    assert found is not None
    return found


def fail(attempt: Attempt, why: str = STOPPED) -> None:
    Attempt.objects.filter(pk=attempt.pk).update(status=Attempt.Status.FAILED, failure=why)


def asked(page: str) -> str:
    found = re.search(r'class="follow-question"[^>]*>([^<]+)<', page)
    assert found is not None
    return found[1]


def test_alices_failed_answer_analysed_again_leaves_her_answer_given_after_it_standing(
    alice_client: Client, mock: MockSession
) -> None:
    """Her typed answer's analysis failed; she answered again and answered its follow-up; then
    pressed "Analyse again" on the failed one. It took over: the follow-up was asked again, of
    the old answer (review)."""
    here = reverse("practice:mock_question", args=[mock.pk, 1])
    failed = typed(alice_client, mock, WEAK)
    fail(failed)
    again = read(typed(alice_client, mock, MORE))
    follow = asked(page_of(alice_client, here))
    read(typed(alice_client, mock, "Two weeks early.", follow_up_to=again.pk,
               question_text=follow))  # fmt: skip
    Attempt.objects.filter(pk=failed.pk).update(status=Attempt.Status.QUEUED, failure="")
    assert 'id="follow-title"' not in page_of(alice_client, here)  # being read again
    read(Attempt.objects.get(pk=failed.pk))
    page = page_of(alice_client, here)
    assert 'id="follow-title"' not in page  # her follow-up stays answered
    assert 'name="follow_up_to"' not in page
    assert progress(page) == 1


def test_the_summary_counts_a_question_whose_answer_failed_as_to_answer_again(
    alice_client: Client, mock: MockSession
) -> None:
    """The summary counted the failed answer as an answer and its question never as not
    answered, while its progress bar said 0 and its row offered "Answer it again" (review)."""
    failed = typed(alice_client, mock, WEAK)
    fail(failed)
    summary_url = reverse("practice:mock_summary", args=[mock.pk])
    summary = page_of(alice_client, summary_url)
    assert (
        "0 answers and 1 that could not be read; 2 questions not answered and 1 to answer again."
        in summary
    )
    asked_first = question_text(mock, 1)  # as the mock keeps it
    assert f"Answer again the question whose answer could not be read: “{asked_first}”" in summary
    assert summary.count("Not answered.") == 2  # the other two questions' rows
    read(typed(alice_client, mock, MORE))
    summary = page_of(alice_client, summary_url)
    assert "1 answer and 1 that could not be read; 2 questions not answered." in summary
    assert "Answer again the question" not in summary


def test_a_follow_up_asked_while_the_answer_was_read_is_withdrawn_when_it_fails(
    alice_client: Client, mock: MockSession
) -> None:
    """The page drawn while her answer was read asked its follow-up, with its forms; the answer
    then failed, and the card pushed to the page left them (review). The card withdraws them
    out of band, and an answer to that follow-up is refused, her words kept."""
    here = reverse("practice:mock_question", args=[mock.pk, 1])
    waiting = typed(alice_client, mock, WEAK)
    Attempt.objects.filter(pk=waiting.pk).update(status=Attempt.Status.QUEUED)  # being read
    page = page_of(alice_client, here)
    assert f'id="follow-up" data-follows="{waiting.pk}"' in page
    follow = asked(page)
    fail(waiting)
    card = page_of(alice_client, reverse("practice:mock_answer", args=[waiting.pk]))
    assert (
        f"hx-swap-oob=\"outerHTML:#follow-up[data-follows='{waiting.pk}']\">The follow-up is "
        "withdrawn: the answer it follows up could not be read.</p>"
    ) in card
    said = "We shipped two weeks early, with 30 percent fewer tickets."
    response = alice_client.post(here, {"text": said, "mode": "mock", "session": mock.pk,
                                        "follow_up_to": waiting.pk, "question_text": follow})  # fmt: skip
    assert response.status_code == 422
    page = html.unescape(response.text)
    assert "the follow-up was withdrawn, as the answer it followed up could not be read" in page
    assert f"{said}</textarea>" in page  # in the question's own form, to save as its answer
    assert 'name="follow_up_to"' not in page
    assert not Attempt.objects.filter(follow_up_to=waiting).exists()
    assert Attempt.objects.filter(session=mock).count() == 1
    # The card of an answer that fails with no follow-up asked of it withdraws nothing.
    read(typed(alice_client, mock, MORE))
    card = page_of(alice_client, reverse("practice:mock_answer", args=[waiting.pk]))
    assert "hx-swap-oob" not in card


def test_a_recording_of_a_withdrawn_follow_up_is_refused_before_anything_is_recorded(
    alice_client: Client, mock: MockSession
) -> None:
    """The typed answer to a follow-up of a failed answer was refused, a recording of it was
    not (review): started on a page that missed the pushed card, it became a follow-up's
    answer of an answer nothing of which was read. Its start is refused with why, and the
    recorder says it (`recorder.js`); a recording of the question itself still starts."""
    waiting = typed(alice_client, mock, WEAK)
    fail(waiting)
    start = reverse("practice:recording_start", args=[mock.question_ids[0]])
    fields = {"mode": "mock", "session": mock.pk, "question_text": "What changed, in numbers?"}
    refused = alice_client.post(start, {**fields, "follow_up_to": waiting.pk})
    assert refused.status_code == 422
    assert refused.json()["message"] == (
        "The follow-up was withdrawn, as the answer it followed up could not be read. Reload "
        "the page to answer the question again."
    )
    assert Attempt.objects.filter(session=mock).count() == 1
    assert alice_client.post(start, {"mode": "mock", "session": mock.pk}).status_code == 201
    # A follow-up of an answer that was read is recorded as before.
    first = read(typed(alice_client, mock, MORE))
    assert alice_client.post(start, {**fields, "follow_up_to": first.pk}).status_code == 201


def test_answering_again_is_said_of_the_questions_answer_not_the_card_above(
    alice_client: Client, mock: MockSession
) -> None:
    """Her answer was read and its follow-up answered; analysed again, the answer failed. The
    card just above "Answer it again" is her follow-up's answer, read: "The answer above could
    not be read" was false (review)."""
    here = reverse("practice:mock_question", args=[mock.pk, 1])
    first = read(typed(alice_client, mock, WEAK))
    follow = read(typed(alice_client, mock, MORE, follow_up_to=first.pk,
                        question_text=asked(page_of(alice_client, here))))  # fmt: skip
    fail(first)
    page = page_of(alice_client, here)
    assert page.index(f'id="mock-answer-{follow.pk}"') < page.index('id="answer-again"')
    assert "The answer above" not in page
    assert "Your answer to this question could not be read." in page


def test_a_finished_mock_offers_no_answer_again_as_its_summary_offers_none(
    alice_client: Client, mock: MockSession
) -> None:
    failed = empty_recording(alice_client, mock)
    alice_client.post(reverse("practice:mock_finish", args=[mock.pk]))
    here = reverse("practice:mock_question", args=[mock.pk, 1])
    page = page_of(alice_client, here)
    assert NO_RECORDING in page  # the answer kept, in view
    assert "Answer again" not in page
    assert 'id="answer-again"' not in page
    assert "data-recorder" not in page
    assert 'name="text"' not in page
    assert "This mock interview is finished, so it takes no more answers." in page
    card = page_of(alice_client, reverse("practice:mock_answer", args=[failed.pk]))
    assert "Answer again" not in card
    summary = page_of(alice_client, reverse("practice:mock_summary", args=[mock.pk]))
    assert "Answer it again" not in summary
