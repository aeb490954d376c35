"""The report of an answer prepcoach could not read says so and why, marks each STAR part
"can't tell" rather than missing, and never says that nothing stands out to fix; a very long
answer's report says what was left unread."""

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.answer import analyse_answer
from prepcoach.practice.models import Attempt, Question

QUESTION = "Tell me about a time you explained a complex idea to people without your background."
STORY = (
    "Our clinic's waiting times had doubled over the winter. "
    "I was asked to explain to the managers why. "
    "I drew one chart that showed the queue building every Monday morning. "
    "They moved two nurses to Mondays and the wait fell by a third. "
)


def report_of(client: Client, user: User, text: str, asked: str = QUESTION) -> str:
    question = Question.objects.create(owner=user, text=asked, category="behavioral",
                                       competency="communication", field="any")  # fmt: skip
    analysis = analyse_answer(text=text, question=asked).as_dict()
    attempt = Attempt.objects.create(user=user, question=question, question_text=asked,
                                     status="analysed", text=text, analysis=analysis)  # fmt: skip
    return client.get(reverse("practice:attempt", args=[attempt.pk])).text


@pytest.mark.usefixtures("sentence_model")
def test_a_one_word_answer_is_not_judged(alice_client: Client, alice: User) -> None:
    page = report_of(alice_client, alice, "Teamwork.")
    assert (
        "prepcoach could not judge what this answer says:</strong> 1 word is too few to "
        "judge. Its STAR parts, whether it answers the question and the tips on its content "
        "are not judged: answer again in a few full sentences to get them." in page
    )
    assert page.count("(can't tell)") == 4
    assert "✗" not in page
    assert "stands out to fix" not in page
    # No "0 / 0" clauses "I …" / "we …" from a reading that never happened.
    card = page.split('<h3 class="h-small">“I” and “we”</h3>')[1].split("</div>")[0]
    assert (
        card == '<p class="big">—</p><p class="meta">not counted: the answer could not be read</p>'
    )


@pytest.mark.usefixtures("sentence_model")
def test_a_one_word_answer_to_a_question_asking_for_no_story_names_no_star_parts(
    alice_client: Client, alice: User
) -> None:
    # A page check: "Its STAR parts … are not judged" stood above a card saying "Not asked".
    page = report_of(alice_client, alice, "Money.", asked="What motivates you?")
    assert (
        "1 word is too few to judge. Whether it answers the question and the tips on its "
        "content are not judged: answer again in a few full sentences to get them." in page
    )
    assert "Its STAR parts" not in page


@pytest.mark.usefixtures("sentence_model")
def test_a_long_answer_says_what_was_left_unread(alice_client: Client, alice: User) -> None:
    page = report_of(alice_client, alice, STORY * 40)
    assert "read the first 60 of 160 sentences; the rest was not read" in page
    assert "Even at 160 words a minute" in page
    assert "could not judge what this answer says" not in page


@pytest.mark.usefixtures("sentence_model")
def test_the_tips_heading_counts_the_tips(alice_client: Client, alice: User) -> None:
    # A new user's trial: "Three things to work on" over one tip.
    question = Question.objects.create(owner=alice, text=QUESTION, category="behavioral",
                                       competency="communication", field="any")  # fmt: skip
    analysis = analyse_answer(text=STORY, question=QUESTION).as_dict()
    tips = [{"rule": f"Rule {k}", "text": f"Tip {k}.", "evidence": []} for k in (1, 2)]
    for count, heading in ((1, "One thing to work on"), (2, "Two things to work on")):
        attempt = Attempt.objects.create(user=alice, question=question, question_text=QUESTION,
                                         status="analysed", analysis={**analysis,
                                         "tips": tips[:count]})  # fmt: skip
        page = alice_client.get(reverse("practice:attempt", args=[attempt.pk])).text
        assert heading in page
        assert "Three things to work on" not in page


@pytest.mark.usefixtures("sentence_model")
def test_an_answer_in_another_language_has_its_fillers_not_counted(
    alice_client: Client, alice: User
) -> None:
    german = (
        "Ich habe in meinem letzten Projekt ein Team von fünf Entwicklern geleitet. Am Ende "
        "haben wir die Ladezeit um 40 Prozent reduziert."
    )
    page = report_of(alice_client, alice, german)
    card = page.split('<h3 class="h-small">Fillers</h3>')[1].split("</div>")[0]
    assert '<p class="big">—</p>' in card
    assert "not counted: the answer does not read as English" in card
    assert '<mark class="filler">um</mark>' not in page  # not marked in the answer as typed
