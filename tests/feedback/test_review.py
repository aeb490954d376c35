"""The reviewer's page behind a feedback link: no account, one answer, nothing else.
Personas: alice (owner), a reviewer with the link, a stranger with a wrong or old link."""

import pytest
from django import forms
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from prepcoach.accounts.models import User
from prepcoach.feedback.models import FeedbackRequest, Review
from prepcoach.practice.models import Attempt
from tests.feedback.conftest import make_link, review_data
from tests.support import close_response

pytestmark = pytest.mark.usefixtures("sentence_model")


def test_a_reviewer_plays_reads_scores_and_pins_a_comment(
    alice_client: Client, recorded: Attempt
) -> None:
    token = make_link(alice_client, recorded)
    reviewer = Client()
    page = reviewer.get(reverse("feedback:review", args=[token])).text
    assert "Tell me about a time you fixed a process." in page
    assert "I built a checklist" in page  # the owner let them read the transcript
    assert "words a minute" not in page  # but not the measures
    media = reverse("feedback:review_media", args=[token])
    assert media in page
    whole = reviewer.get(media, HTTP_RANGE="bytes=" + "9" * 5000 + "-")  # no file is that big
    assert whole.status_code == 416  # issue 11, class 5: refused, never read as a number
    assert "no-store" in whole["Cache-Control"]  # never kept by a shared cache
    close_response(whole)
    ranged = reviewer.get(media, HTTP_RANGE="bytes=0-99")
    assert ranged.status_code == 206
    assert ranged["Content-Range"].startswith("bytes 0-99/")
    done = reviewer.post(reverse("feedback:review", args=[token]), review_data())
    assert "Thank you" in done.text
    review = Review.objects.get()
    assert review.overall == 4
    assert review.scores == {"situation": 2, "task": 2, "action": 1, "result": 2, "evidence": 0,
                             "clarity": 2}  # fmt: skip
    (pin,) = review.pins.all()
    assert (pin.at_s, pin.text) == (12.0, "this is where you lost me")
    assert review.comment == "Good structure overall."


def test_sending_twice_from_one_browser_updates_the_review(
    alice_client: Client, recorded: Attempt
) -> None:
    token = make_link(alice_client, recorded)
    reviewer = Client()
    url = reverse("feedback:review", args=[token])
    reviewer.post(url, review_data())
    again = reviewer.get(url).text
    assert "You already sent feedback" in again
    assert "0:12 — this is where you lost me" in again  # the form comes back filled in
    reviewer.post(url, review_data(overall="5", comments="Better than I said."))
    review = Review.objects.get()
    assert review.overall == 5
    assert review.comment == "Better than I said."
    assert not review.pins.exists()
    Client().post(url, review_data(reviewer_name="Kim"))  # another browser: another review
    assert Review.objects.count() == 2


@pytest.mark.parametrize(
    "change", ["mistyped", "expired", "withdrawn", "other answer's attempt", "empty"]
)
def test_a_link_that_does_not_work_says_so_and_hints_at_nothing(
    alice_client: Client, recorded: Attempt, alice: User, change: str
) -> None:
    token = make_link(alice_client, recorded)
    ask = FeedbackRequest.objects.get()
    if change == "mistyped":
        token = token[:-1] + ("A" if token[-1] != "A" else "B")
    elif change == "expired":
        FeedbackRequest.objects.update(expires_at=timezone.now())
    elif change == "withdrawn":
        FeedbackRequest.objects.update(revoked_at=timezone.now())
    elif change == "other answer's attempt":
        # The link opens its own answer only: no URL takes an attempt id beside a token.
        other = Attempt.objects.create(user=alice, question_text="Private other answer",
                                       media_type="audio/wav")  # fmt: skip
        other.recording.save("other.wav", ContentFile(b"RIFF-other-answer"))
        page = Client().get(reverse("feedback:review", args=[token])).text
        assert "Private other answer" not in page
        media = Client().get(reverse("feedback:review_media", args=[token]))
        served = b"".join(media.streaming_content)  # type: ignore[attr-defined]
        close_response(media)
        with recorded.recording.open("rb") as handle:
            assert served == handle.read()
        assert b"other-answer" not in served
        return
    elif change == "empty":
        token = "x"
    for url in (reverse("feedback:review", args=[token]),
                reverse("feedback:review_media", args=[token])):  # fmt: skip
        response = Client().get(url)
        assert response.status_code == 404
        assert "This link does not work" in response.text
        assert ask.reviewer_label not in response.text
        assert recorded.question_text not in response.text
    posted = Client().post(reverse("feedback:review", args=[token]), review_data())
    assert posted.status_code == 404
    assert not Review.objects.exists()


def test_bad_reviews_get_clear_messages_and_html_stays_text(
    alice_client: Client, recorded: Attempt
) -> None:
    token = make_link(alice_client, recorded)
    url = reverse("feedback:review", args=[token])
    empty = Client().post(url, {"comments": "kept"})
    assert "Add your name" in empty.text
    assert "overall score from 1 to 5" in empty.text
    assert "kept" in empty.text  # what they wrote is not lost
    too_long = Client().post(url, review_data(comments="x" * 5001))
    assert "under 5000 characters" in too_long.text
    assert not Review.objects.exists()
    Client().post(url, review_data(reviewer_name="<b>Sam</b>",
                                   comments="0:05 — <script>alert(1)</script>"))  # fmt: skip
    page = alice_client.get(reverse("feedback:attempt", args=[recorded.pk])).text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
    assert "&lt;b&gt;Sam&lt;/b&gt;" in page


def test_a_link_takes_a_bounded_number_of_reviews(alice_client: Client, recorded: Attempt) -> None:
    from prepcoach.feedback import reviews as views

    token = make_link(alice_client, recorded)
    url = reverse("feedback:review", args=[token])
    for k in range(views.MAX_REVIEWS):
        Client().post(url, review_data(reviewer_name=f"R{k}"))
    full = Client().post(url, review_data(reviewer_name="one too many"))
    assert "as many reviews as it takes" in full.text
    assert Review.objects.count() == views.MAX_REVIEWS


def test_measures_are_shown_only_when_the_owner_chose(
    alice_client: Client, recorded: Attempt
) -> None:
    token = make_link(alice_client, recorded, show_measures="on", show_transcript="")
    page = Client().get(reverse("feedback:review", args=[token])).text
    assert "150 words a minute" in page
    assert "I built a checklist" not in page


def _as_posted(form: forms.Form) -> dict[str, str]:
    """What the reviewer's browser sends back from `form` as shown: each field's value."""
    values = {name: form[name].value() for name in form.fields}
    return {name: "" if value is None else str(value) for name, value in values.items()}


@pytest.mark.parametrize(
    ("first", "then", "kept", "new"),
    [
        (None, "would_do", {"situation": 2, "task": 2, "result": 2, "evidence": 0}, "steps"),
        ("would_do", None, {"steps": 2, "reasons": 1, "check": 0}, "situation"),
    ],
)
def test_reopening_a_review_of_the_other_rubric_keeps_the_lines_it_was_written_with(
    alice_client: Client, recorded: Attempt, first: str | None, then: str | None,
    kept: dict[str, int], new: str,
) -> None:  # fmt: skip
    """Sam reviewed the answer on its rubric then (the story's, or a plan's); the answer was
    read again as the other (`relevance.kind`). Reopening the review showed the other rubric's
    lines alone, and sending it again dropped every score given on the first."""

    def read_as(kind: str | None) -> None:
        recorded.analysis = {**(recorded.analysis or {}), "relevance": {"kind": kind}}
        recorded.save()

    read_as(first)
    token = make_link(alice_client, recorded)
    url = reverse("feedback:review", args=[token])
    reviewer = Client()
    lines = {f"score_{name}": str(score) for name, score in kept.items()}
    plan = {"reviewer_name": "Sam", "overall": "4", "score_action": "1", "comments": ""}
    reviewer.post(url, (review_data() if first is None else plan) | lines)
    written = Review.objects.get().scores
    assert {k: written[k] for k in kept} == kept
    read_as(then)
    form = reviewer.get(url).context["form"]
    data = _as_posted(form) | {"overall": "5", f"score_{new}": "1"}
    assert "Thank you" in reviewer.post(url, data).text
    review = Review.objects.get()
    assert review.overall == 5
    assert review.scores == written | {new: 1}
    shown = [name.removeprefix("score_") for name in form.fields if name.startswith("score_")]
    assert new in shown  # the rubric the answer is read on now
    assert set(kept) <= set(shown)  # and the lines the review was written with, as written
    assert all(form[f"score_{name}"].value() == str(score) for name, score in kept.items())
    # Cleared on the reopened form, a line is gone: shown, it is the reviewer's to change.
    (name, _), *_ = kept.items()
    reviewer.post(url, data | {f"score_{name}": ""})
    assert name not in Review.objects.get().scores


def test_an_answer_to_a_question_asking_for_neither_is_reviewed_on_its_point(
    alice_client: Client, recorded: Attempt
) -> None:
    """An answer to "Why do you want this job?" was reviewed on "Sets the scene" and "Says how
    it ended", as role reversal scored it: it is reviewed on its point, support and fit, and the
    owner reads that prepcoach scores none of them, not that it could not read the answer."""
    recorded.question_text = "Why do you want this job?"
    recorded.analysis = {**(recorded.analysis or {}), "relevance": {"kind": "motivation"}}
    recorded.save()
    token = make_link(alice_client, recorded)
    reviewer = Client()
    form = reviewer.get(reverse("feedback:review", args=[token])).context["form"]
    scored = [name for name in form.fields if name.startswith("score_")]
    assert scored == ["score_point", "score_support", "score_fit", "score_clarity",
                      "score_delivery"]  # fmt: skip
    data = {"reviewer_name": "Sam", "overall": "3", "score_point": "2", "score_support": "1",
            "score_fit": "0", "comments": ""}  # fmt: skip
    assert "Thank you" in reviewer.post(reverse("feedback:review", args=[token]), data).text
    page = alice_client.get(reverse("feedback:attempt", args=[recorded.pk])).text
    assert "Answers what was asked, plainly and early" in page
    assert "Sets the scene" not in page
    assert page.count("prepcoach does not score this") == 5
    assert "prepcoach could not read this answer" not in page


def test_the_measures_write_the_longest_pause_as_the_report_does(
    alice_client: Client, recorded: Attempt
) -> None:
    """The answer's own report writes a pause stored as 3.55 s "3.6 s" (`coach.text.seconds`);
    the reviewer's measures said "3.55 s"."""
    recorded.analysis = (recorded.analysis or {}) | {
        "pauses": {"count": 1, "longest_s": 3.55, "long_count": 1, "items": []}
    }
    recorded.save(update_fields=["analysis"])
    token = make_link(alice_client, recorded, show_measures="on", show_transcript="")
    page = Client().get(reverse("feedback:review", args=[token])).text
    assert "longest pause 3.6 s" in page
