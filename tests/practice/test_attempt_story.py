"""“Keep as a STAR story” on an analysed answer's page: the story form filled from the answer's
own sentences in the parts the reader placed them (`practice.views.stories.keep_as_story`,
`coach.answer_story`). A trial's strong stories typed as answers never reached the bank."""

from __future__ import annotations

import html
from typing import Any

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
from prepcoach.practice.models import Attempt, Question
from prepcoach.reflection.models import Story

QUESTION = "Tell me about a time you won back an unhappy customer."
ANSWER = (
    "A key client was about to cancel after three late deliveries. "
    "I had to keep the account. "
    "It was a tense week. "
    "I called them every morning and I set up a shared delivery tracker. "
    "They renewed for two years and their complaints fell by 60 percent."
)


def analysis(asks: str = "story", kind: str | None = None) -> dict[str, Any]:
    evidence = {
        "situation": [ANSWER.split(". ")[0] + "."],
        "task": ["I had to keep the account."],
        "action": ["I called them every morning and I set up a shared delivery tracker."],
        "result": ["They renewed for two years and their complaints fell by 60 percent."],
    }
    # A real analysis for the report page, with the reader's parts and the question's reading
    # set here, so what goes where does not move with a retrained reader.
    data = analyse_answer(text=ANSWER, question=QUESTION).as_dict()
    for part, sentences in evidence.items():
        data["star"][part] = {"present": True, "evidence": sentences}
    data["relevance"] = {**(data["relevance"] or {}), "question_asks": asks, "kind": kind}
    return data


def answer(user: User, **fields: Any) -> Attempt:
    question, _ = Question.objects.get_or_create(
        owner=user, text=QUESTION, category="behavioral", competency="customer-focus"
    )
    values = {"question": question, "question_text": QUESTION, "text": ANSWER,
              "status": Attempt.Status.ANALYSED, "analysis": analysis()} | fields  # fmt: skip
    return Attempt.objects.create(user=user, **values)


def from_answer(attempt: Attempt) -> str:
    return reverse("practice:attempt_story", args=[attempt.pk])


def test_alices_answer_fills_the_story_form(alice_client: Client, alice: User) -> None:
    attempt = answer(alice)
    page = alice_client.get(reverse("practice:attempt", args=[attempt.pk])).text
    assert "Keep as a STAR story" in page
    assert html.escape(from_answer(attempt)) in page
    response = alice_client.get(from_answer(attempt))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["title"] == "A time you won back an unhappy customer"
    # The unplaced sentence goes with the one before it: nothing said is lost.
    assert form.initial["task"] == "I had to keep the account. It was a tense week."
    assert form.initial["situation"].startswith("A key client was about to cancel")
    assert form.initial["action"].startswith("I called them every morning")
    assert form.initial["result"].startswith("They renewed for two years")
    assert form.initial["metrics"] == "two years; 60 percent"  # its result's numbers
    assert form.initial["competencies"] == ["customer focus"]
    text = response.text
    assert "Filled from" in text
    # The question's own full stop ends the sentence: never "…customer.”." (a page check).
    assert f"“{attempt.question_text}”</strong>" in text
    assert attempt.question_text.endswith(".")
    assert "Check each part" in text
    assert "I had to keep the account. It was a tense week.</textarea>" in text
    assert not Story.objects.filter(user=alice).exists()  # nothing saved on opening


def test_saving_keeps_the_story_and_a_second_click_opens_it(
    alice_client: Client, alice: User
) -> None:
    attempt = answer(alice)
    form = alice_client.get(from_answer(attempt)).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None} | {"tags": ""}
    data["result"] += " (edited)"
    response = alice_client.post(from_answer(attempt), data)
    story = Story.objects.get(user=alice)
    assert response.status_code == 302
    assert response["Location"] == story.get_absolute_url()
    assert story.title == "A time you won back an unhappy customer"
    assert story.result.endswith("(edited)")
    assert story.competencies == ["customer focus"]
    assert story.drafted_from.startswith("answer ")
    # The coverage matrix no longer says "no story yet" for customer focus.
    matrix = alice_client.get(reverse("reflection:stories"), {"for": ""}).text
    assert ">A time you won back an unhappy customer</a>" in matrix
    again = alice_client.get(from_answer(attempt))
    assert again.status_code == 302
    assert again["Location"] == reverse("reflection:story_edit", args=[story.pk])
    # The form sent twice saves one story (a reviewer's double submit made two).
    alice_client.post(from_answer(attempt), data | {"result": "Sent again."})
    assert Story.objects.get(user=alice).result == "Sent again."


def test_bob_gets_404_for_alices_answer_as_for_a_missing_one(
    client: Client, alice: User, bob: User
) -> None:
    attempt = answer(alice)
    client.force_login(bob)
    assert client.get(from_answer(attempt)).status_code == 404
    missing = reverse("practice:attempt_story", args=[attempt.pk + 1000])
    assert client.get(missing).status_code == 404
    # Posting to it saves no story of alice's answer's for bob: it is saved as his own, unlinked.
    client.post(from_answer(attempt), {"title": "Mine", "tags": ""})
    assert Story.objects.get(user=bob).drafted_from == ""


def test_a_plan_or_neither_answer_shows_no_link(alice_client: Client, alice: User) -> None:
    plan = answer(alice, analysis=analysis("plan", "would_do"))
    neither = answer(alice, analysis=analysis("neither"))
    busy = answer(alice, status=Attempt.Status.ANALYSING)
    for attempt in (plan, neither, busy):
        page = alice_client.get(reverse("practice:attempt", args=[attempt.pk])).text
        assert "Keep as a STAR story" not in page
    # Asked for by hand, the form opens empty and says why.
    response = alice_client.get(from_answer(plan), follow=True)
    assert response.redirect_chain[-1][0] == reverse("reflection:story_new")
    assert "its question asks for no story" in response.text
    assert "Filled from" not in response.text


def test_the_link_comes_with_the_report_the_push_brings(alice_client: Client, alice: User) -> None:
    # The panel the page swaps in when the analysis ends carries the link: on the page around
    # it, the link appeared only after a reload.
    attempt = answer(alice)
    panel = alice_client.get(reverse("practice:attempt_status", args=[attempt.pk])).text
    assert "Keep as a STAR story" in panel
    assert html.escape(from_answer(attempt)) in panel
