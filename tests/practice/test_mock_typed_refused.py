"""A typed answer the mock's page refuses (no words, or none at all) comes back inside the
mock: a tester's "🙂🙂🙂" landed on the question bank's page ("Practising for: No particular
job"), the mock's header, timer and Skip gone, and the next answer typed there was saved as
free practice while the mock stayed in progress."""

import html
import re

from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt
from tests.practice.mock_sessions import answered, new_mock, pinned

TEAM_PROJECT = "Tell me about a time you had to deliver a project with a team."
WEAK = "We had a project and we worked on it together. It was kind of messy but fine."
GOOD = (
    "Our release kept slipping, so I took on the plan. I split the work into weekly goals "
    "and met the team each Monday. We shipped on time and cut defects by 30 percent."
)
SMILES = "🙂🙂🙂"


def typed_form(page: str, index: int = -1) -> tuple[str, dict[str, str]]:
    """The page's typed-answer form (the last one: the follow-up's, where one is asked), as a
    browser sends it: where it posts and its hidden fields."""
    forms = re.findall(r'<form method="post" action="([^"]*)"[^>]*class="card typed-answer".*?</form>',
                       page, re.S)  # fmt: skip
    action = forms[index]
    body = re.findall(r'<form method="post" action="[^"]*"[^>]*class="card typed-answer"(.*?)</form>',
                      page, re.S)[index]  # fmt: skip
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', body))
    return html.unescape(action), {k: html.unescape(v) for k, v in hidden.items()}


def send(client: Client, page: str, text: str) -> HttpResponse:
    """`text` typed into the page's typed-answer form and saved, as the browser does."""
    action, hidden = typed_form(page)
    response: HttpResponse = client.post(action, hidden | {"text": text}, follow=True)
    return response


def test_alices_refused_answer_stays_in_the_mock_and_her_next_one_is_saved_in_it(
    alice_client: Client, alice: User
) -> None:
    session = pinned(new_mock(alice_client), alice, TEAM_PROJECT)
    here = reverse("practice:mock_question", args=[session.pk, 1])
    refused = send(alice_client, alice_client.get(here).text, SMILES)
    assert refused.status_code == 422
    page = html.unescape(refused.text)
    assert "question 1 of 3" in page  # the mock's own page, its header kept
    assert "Skip this question" in page
    assert "Finish the interview" in page
    assert "data-recorder" in page
    assert 'data-guide-seconds="90"' in page  # its timer
    assert "Practising for" not in page  # not the question bank's page
    assert "Type your answer in words, or record it." in page
    assert re.search(rf'<textarea name="text"[^>]*>\s*{SMILES}</textarea>', page)  # kept
    assert not Attempt.objects.exists()

    saved = send(alice_client, refused.text, GOOD)  # from the page the refusal came back on
    assert saved.redirect_chain[-1][0] == here
    attempt = Attempt.objects.get()
    assert attempt.session == session
    assert attempt.mode == Attempt.Mode.MOCK
    assert attempt.text == GOOD
    assert "Answer saved." in saved.text
    assert "question 1 of 3" in saved.text


def test_an_empty_answer_stays_in_the_mock(alice_client: Client, alice: User) -> None:
    session = new_mock(alice_client)
    here = reverse("practice:mock_question", args=[session.pk, 1])
    refused = send(alice_client, alice_client.get(here).text, "")
    assert refused.status_code == 422
    assert "question 1 of 3" in refused.text
    assert "Type your answer first, or record it." in refused.text
    assert "Practising for" not in refused.text
    assert not Attempt.objects.exists()


def test_a_refused_follow_up_answer_stays_in_the_mock_under_its_follow_up(
    alice_client: Client, alice: User
) -> None:
    session, here, main = answered(alice_client, alice, TEAM_PROJECT, WEAK)
    asked = alice_client.get(here).text
    assert "What was the outcome?" in asked
    refused = send(alice_client, asked, SMILES)
    assert refused.status_code == 422
    page = html.unescape(refused.text)
    assert "question 1 of 3" in page
    assert 'id="follow-title"' in page  # the follow-up still asked
    assert re.search(rf'<textarea name="text"[^>]*>\s*{SMILES}</textarea>', page)
    assert Attempt.objects.count() == 1

    send(alice_client, refused.text, "In the end we shipped it two weeks late.")
    follow = Attempt.objects.get(follow_up_to=main)
    assert follow.session == session
    assert follow.question_text == "What was the outcome?"
