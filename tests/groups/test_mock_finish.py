"""Marking a peer mock finished (/improve/groups/mocks/<id>/finish/): either of the two may,
the board then shows it as done rather than upcoming, it takes no new answers until reopened.
Personas: alice (answers), bob (interviews), carol (a stranger), dave (left the group)."""

import html

from django.test import Client
from django.urls import reverse

from prepcoach.groups.models import PeerAnswer, PeerMock
from tests.groups.conftest import STAR_ANSWER


def finish(client: Client, mock: PeerMock, **data: str) -> str:
    response = client.post(reverse("groups:mock_finish", args=[mock.pk]), data, follow=True)
    assert response.status_code == 200
    return response.text


def upcoming_and_done(client: Client, mock: PeerMock) -> tuple[str, str]:
    page = client.get(reverse("groups:board", args=[mock.group_id])).text
    upcoming = page.split('id="practice-title"', 1)[1].split("</section>", 1)[0]
    done = (
        page.split('id="done-title"', 1)[1].split("</section>", 1)[0]
        if "done-title" in page
        else ""
    )
    return upcoming, done


def test_the_interviewer_marks_it_finished_and_the_board_shows_it_done(
    alice_client: Client, bob_client: Client, peer_mock: PeerMock
) -> None:
    upcoming, done = upcoming_and_done(alice_client, peer_mock)
    assert "Bob Roe interviews Alice Doe" in upcoming
    assert done == ""
    page = finish(bob_client, peer_mock)
    assert "Peer mock finished: it shows as done on the group board." in page
    peer_mock.refresh_from_db()
    assert peer_mock.finished_at is not None
    for client in (alice_client, bob_client):
        upcoming, done = upcoming_and_done(client, peer_mock)
        assert "Bob Roe interviews Alice Doe" not in upcoming
        assert "Bob Roe interviewed Alice Doe" in done
        assert "finished" in done


def test_a_finished_mock_takes_no_new_answer_until_reopened(
    alice_client: Client, peer_mock: PeerMock
) -> None:
    finish(alice_client, peer_mock)
    page = alice_client.get(reverse("groups:mock", args=[peer_mock.pk])).text
    assert "This peer mock is finished" in page
    assert reverse("groups:mock_record", args=[peer_mock.pk, 1]) not in page
    typed = alice_client.post(reverse("groups:mock_answer", args=[peer_mock.pk, 1]),
                              {"text": STAR_ANSWER})  # fmt: skip
    assert typed.status_code == 409
    assert "This peer mock was marked finished before your answer arrived" in typed.text
    recorded = alice_client.post(reverse("groups:mock_record", args=[peer_mock.pk, 1]))
    assert recorded.status_code == 409
    assert not PeerAnswer.objects.exists()
    assert "Peer mock reopened" in finish(alice_client, peer_mock, reopen="1")
    peer_mock.refresh_from_db()
    assert peer_mock.finished_at is None
    alice_client.post(reverse("groups:mock_answer", args=[peer_mock.pk, 1]), {"text": STAR_ANSWER})
    assert PeerAnswer.objects.count() == 1


def test_outsiders_cannot_finish_it(
    carol_client: Client, dave_client: Client, client: Client, peer_mock: PeerMock
) -> None:
    url = reverse("groups:mock_finish", args=[peer_mock.pk])
    for outsider in (carol_client, dave_client):
        assert outsider.post(url).status_code == 404
    assert client.post(url).status_code == 302  # anonymous: to the sign-in page
    peer_mock.refresh_from_db()
    assert peer_mock.finished_at is None


def test_an_answer_typed_as_the_mock_was_finished_is_kept_and_saved_on_reopening(
    alice_client: Client, bob_client: Client, peer_mock: PeerMock
) -> None:
    """Alice types her answer while Bob marks the peer mock finished: nothing she typed is
    lost. The page shows it back with why it was not saved, and one button reopens the mock
    and saves it."""
    url = reverse("groups:mock_answer", args=[peer_mock.pk, 1])
    finish(bob_client, peer_mock)
    typed = alice_client.post(url, {"text": STAR_ANSWER, "rating": "4"})
    assert typed.status_code == 409
    assert html.escape(STAR_ANSWER) in typed.text  # as typed, in a box to send again
    assert "Your answer to question 1 is not saved yet" in typed.text
    assert "Reopen the peer mock and save this answer" in typed.text
    assert 'name="reopen" value="1"' in typed.text
    assert not PeerAnswer.objects.exists()
    saved = alice_client.post(url, {"text": STAR_ANSWER, "rating": "4", "reopen": "1"},
                              follow=True)  # fmt: skip
    assert "Answer 1 saved" in saved.text
    peer_mock.refresh_from_db()
    assert peer_mock.finished_at is None
    assert PeerAnswer.objects.get().attempt.text == STAR_ANSWER


def test_an_answer_that_cannot_be_saved_is_shown_back_with_the_reason(
    alice_client: Client, peer_mock: PeerMock
) -> None:
    typed = alice_client.post(reverse("groups:mock_answer", args=[peer_mock.pk, 1]),
                              {"text": "?!? ... ?!?"})  # fmt: skip
    assert typed.status_code == 422
    assert "Type your answer in words, or record it." in typed.text
    assert "?!? ... ?!?" in typed.text
    assert "<details open>" in typed.text
    assert not PeerAnswer.objects.exists()


def test_the_answerers_page_moves_on_once_every_question_is_answered(
    alice_client: Client, peer_mock: PeerMock
) -> None:
    alice_client.post(reverse("groups:mock_answer", args=[peer_mock.pk, 1]), {"text": STAR_ANSWER})
    page = alice_client.get(reverse("groups:mock", args=[peer_mock.pk])).text
    assert "You have answered every question." in page
