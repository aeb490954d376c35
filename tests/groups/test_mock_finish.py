"""Marking a peer mock finished (/improve/groups/mocks/<id>/finish/): either of the two may,
the board then shows it as done rather than upcoming, it takes no new answers until reopened.
Personas: alice (answers), bob (interviews), carol (a stranger), dave (left the group)."""

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
                              {"text": STAR_ANSWER}, follow=True)  # fmt: skip
    assert "This peer mock is finished: reopen it to add an answer." in typed.text
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
