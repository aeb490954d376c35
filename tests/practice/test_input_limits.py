"""One cap per input (`coach.limits`), the same on the page and in the JSON API: an over-long
text is refused with the field and the limit named, and nothing is saved or queued."""

import json

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.coach.limits import MAX_ANSWER_CHARS, MAX_JOB_ADVERT_CHARS, MAX_QUESTION_CHARS
from prepcoach.practice.models import Attempt, Question

SENTENCE = "I designed a checklist and trained twelve nurses. "


def over(limit: int) -> str:
    return (SENTENCE * (limit // len(SENTENCE) + 2))[: limit + 1]


def test_an_over_long_typed_answer_is_refused_on_the_page(
    alice_client: Client, question: Question
) -> None:
    response = alice_client.post(
        reverse("practice:typed_create", args=[question.pk]), {"text": over(MAX_ANSWER_CHARS)}
    )
    assert response.status_code == 422
    assert (
        f"The answer is {MAX_ANSWER_CHARS + 1:,} characters, over the limit of "
        f"{MAX_ANSWER_CHARS:,}" in response.text
    )
    assert SENTENCE.strip() in response.text  # what was typed is still in the form
    assert not Attempt.objects.exists()


def test_the_answer_box_never_cuts_a_paste_short(alice_client: Client, question: Question) -> None:
    """A trial pasted 10,000 words: the box's `maxlength` cut them to 20,000 characters without
    a word, mid-word, and the server's message never showed."""
    page = alice_client.get(reverse("practice:question", args=[question.pk])).text
    assert 'name="text"' in page
    assert "maxlength" not in page


def test_an_answer_at_the_limit_is_accepted_on_the_page(
    alice_client: Client, question: Question
) -> None:
    response = alice_client.post(
        reverse("practice:typed_create", args=[question.pk]),
        {"text": over(MAX_ANSWER_CHARS)[:MAX_ANSWER_CHARS]},
    )
    assert response.status_code == 302
    assert Attempt.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "limit"),
    [
        ("text", MAX_ANSWER_CHARS),
        ("question", MAX_QUESTION_CHARS),
        ("job_description", MAX_JOB_ADVERT_CHARS),
    ],
)
def test_an_over_long_text_is_a_422_naming_the_field_in_the_api(
    alice_client: Client, field: str, limit: int
) -> None:
    body = {"text": "I fixed it.", field: over(limit)}
    response = alice_client.post("/api/analyze", json.dumps(body), content_type="application/json")
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"][-1] == field
    assert f"at most {limit} characters" in error["msg"]
    assert not Attempt.objects.exists()


def test_the_api_reads_a_text_at_its_limit(alice_client: Client) -> None:
    body = {"text": over(MAX_ANSWER_CHARS)[:MAX_ANSWER_CHARS]}
    response = alice_client.post("/api/analyze", json.dumps(body), content_type="application/json")
    assert response.status_code == 200
    assert response.json()["star"]["action"]["present"]


@pytest.mark.parametrize(
    "text", ["", "🚀🔥💯 😀😀 🎯✅", over(MAX_ANSWER_CHARS)], ids=["empty", "emoji", "too long"]
)
def test_a_refused_typed_answer_says_so_where_the_page_lands(
    alice_client: Client, question: Question, text: str
) -> None:
    """The typed form sits below the recorder: a tester's refused answer came back at the top
    of the 390-px page, showing the recorder and no word that nothing was saved (issue 9)."""
    response = alice_client.post(reverse("practice:typed_create", args=[question.pk]),
                                 {"text": text})  # fmt: skip
    assert response.status_code == 422
    summary = response.text.split('id="not-saved"')[1].split("</div>")[0]
    assert "autofocus" in summary  # land.js brings it into view and focuses it
    assert "Your answer was not saved." in summary
    # What was typed is said to be kept only when something was (it was said of an empty one).
    assert ("Your answer was not saved. What you typed is still in its box." in summary) == (
        text != ""
    )
    assert '<a href="#id_text">Your answer</a>: ' in summary


@pytest.mark.parametrize("text", ["", "  \n\t "], ids=["empty", "blank"])
def test_the_api_refuses_an_empty_answer_as_the_form_does(alice_client: Client, text: str) -> None:
    response = alice_client.post(
        "/api/analyze", json.dumps({"text": text}), content_type="application/json"
    )
    assert response.status_code == 422
    (error,) = response.json()["detail"]
    assert error["loc"][-1] == "text"
    assert "the text is empty" in error["msg"]
