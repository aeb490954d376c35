"""A refused typed answer says why once, by its box, as the app's other forms do (the peer
mock's, the goal's, the debrief's): a tester saw each error twice, in the box at the top of the
form and again under the field. The top still says nothing was saved and links to the box; it
says what was typed is still there only when something was."""

import html

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.practice.models import Question
from tests.practice.mock_sessions import new_mock

IN_WORDS = "Type your answer in words, or record it."
FIRST = "Type your answer first, or record it."


def refused_on_question_page(client: Client, question: Question, text: str) -> str:
    response = client.post(reverse("practice:typed_create", args=[question.pk]), {"text": text})
    assert response.status_code == 422
    return html.unescape(response.text)


@pytest.mark.parametrize(("text", "says"), [("🙂🙂🙂", IN_WORDS), ("", FIRST)])
def test_alices_refused_answer_says_why_once_by_its_box(
    alice_client: Client, question: Question, text: str, says: str
) -> None:
    page = refused_on_question_page(alice_client, question, text)
    assert page.count(says) == 1
    assert f'<p class="error" id="id_text_error">{says}</p>' in page  # by the box
    summary = page.split('id="not-saved"')[1].split("</div>")[0]
    assert "Your answer was not saved" in summary
    assert 'href="#id_text"' in summary  # the box a link away


def test_what_was_typed_is_said_to_be_kept_only_when_something_was(
    alice_client: Client, question: Question
) -> None:
    for nothing in ("", "  \n\t "):
        page = refused_on_question_page(alice_client, question, nothing)
        assert "Your answer was not saved" in page
        assert "What you typed" not in page
    page = refused_on_question_page(alice_client, question, "🙂🙂🙂")
    assert "What you typed is still in its box." in page


def test_the_mocks_refused_answer_says_why_once(alice_client: Client, alice: User) -> None:
    session = new_mock(alice_client)
    here = reverse("practice:mock_question", args=[session.pk, 1])
    response = alice_client.post(here, {"text": "🙂🙂🙂", "mode": "mock", "session": session.pk})
    page = html.unescape(response.text)
    assert page.count(IN_WORDS) == 1
    assert "What you typed is still in its box." in page
