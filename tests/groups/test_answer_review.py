"""The interviewer reviews the answer on feedback's rubric; the answerer reads it on the
answer's feedback page and can withdraw the interviewer's access."""

from django.test import Client
from django.urls import reverse

from prepcoach.feedback.models import Pin, Review
from prepcoach.groups.models import PeerAnswer, PeerMock
from tests.feedback.conftest import review_data
from tests.groups.conftest import STAR_ANSWER, typed_answer


def test_the_interviewer_reviews_on_the_rubric_and_the_answerer_reads_it(
    alice_client: Client, bob_client: Client, peer_mock: PeerMock
) -> None:
    attempt = typed_answer(alice_client, peer_mock, STAR_ANSWER)
    answer = PeerAnswer.objects.get()
    url = reverse("groups:answer_review", args=[answer.pk])
    page = bob_client.get(url).text
    assert "Review Alice Doe's answer" in page
    assert "Our weekly reports" in page
    assert 'value="Bob Roe"' in page  # his name, filled in
    assert "Clarity: Easy to follow" in page
    response = bob_client.post(url, review_data(reviewer_name="Bob"))
    assert response.url == reverse("groups:mock", args=[peer_mock.pk])
    review = Review.objects.get()
    assert review.scores["action"] == 1
    assert review.overall == 4
    assert Pin.objects.get().text == "this is where you lost me"
    # Sending again updates the one review.
    bob_client.post(url, review_data(reviewer_name="Bob", overall="5"))
    assert Review.objects.get().overall == 5
    mine = alice_client.get(reverse("feedback:attempt", args=[attempt.pk])).text
    assert "this is where you lost me" in mine
    assert "Bob" in mine


def test_html_and_10000_characters_in_comments(
    alice_client: Client, bob_client: Client, peer_mock: PeerMock
) -> None:
    typed_answer(alice_client, peer_mock, STAR_ANSWER)
    url = reverse("groups:answer_review", args=[PeerAnswer.objects.get().pk])
    huge = "x" * 10_000
    response = bob_client.post(url, review_data(comments=huge))
    assert response.status_code == 422
    assert "Keep the comments under 5000 characters (this has 10000)" in response.text
    assert huge in response.text  # nothing typed is lost
    bob_client.post(url, review_data(comments="<script>alert(1)</script>"))
    attempt = PeerAnswer.objects.get().attempt
    page = alice_client.get(reverse("feedback:attempt", args=[attempt.pk])).text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_withdrawn_or_outsiders_cannot_review(
    alice_client: Client, bob_client: Client, carol_client: Client, dave_client: Client,
    peer_mock: PeerMock,
) -> None:  # fmt: skip
    typed_answer(alice_client, peer_mock, STAR_ANSWER)
    answer = PeerAnswer.objects.get()
    url = reverse("groups:answer_review", args=[answer.pk])
    for other in (alice_client, carol_client, dave_client):  # alice answered; she does not review
        assert other.post(url, review_data()).status_code == 404
    alice_client.post(reverse("feedback:withdraw", args=[answer.request_id]))
    assert bob_client.get(url).status_code == 404
    assert not Review.objects.exists()


def test_leaving_ends_the_interviewers_access_and_keeps_the_answer(
    alice_client: Client, bob_client: Client, peer_mock: PeerMock
) -> None:
    attempt = typed_answer(alice_client, peer_mock, STAR_ANSWER)
    url = reverse("groups:answer_review", args=[PeerAnswer.objects.get().pk])
    bob_client.post(url, review_data())
    alice_client.post(reverse("groups:leave", args=[peer_mock.group_id]))
    assert bob_client.get(url).status_code == 404
    # Her answer and the review she was given stay hers.
    assert (
        "this is where you lost me"
        in alice_client.get(reverse("feedback:attempt", args=[attempt.pk])).text
    )


def test_the_interviewer_reopening_a_review_keeps_the_lines_it_was_written_with(
    alice_client: Client, bob_client: Client, peer_mock: PeerMock
) -> None:
    """Bob scored Alice's answer on the story's lines; read again as a plan, his reopened review
    showed the plan's lines alone, and sending it again dropped his story scores."""
    attempt = typed_answer(alice_client, peer_mock, STAR_ANSWER)
    url = reverse("groups:answer_review", args=[PeerAnswer.objects.get().pk])
    bob_client.post(url, review_data(reviewer_name="Bob"))
    assert Review.objects.get().scores["situation"] == 2
    # A line of no rubric prepcoach has now (an older version's) is kept too, though not shown.
    Review.objects.update(scores=Review.objects.get().scores | {"poise": 1})
    written = Review.objects.get().scores
    attempt.analysis = {**(attempt.analysis or {}), "relevance": {"kind": "would_do"}}
    attempt.save()
    form = bob_client.get(url).context["form"]
    assert "score_steps" in form.fields  # the plan's lines now
    assert "score_poise" not in form.fields
    data = {name: form[name].value() for name in form.fields}
    data = {k: "" if v is None else str(v) for k, v in data.items()} | {"score_steps": "2"}
    bob_client.post(url, data)
    assert Review.objects.get().scores == written | {"steps": 2}
