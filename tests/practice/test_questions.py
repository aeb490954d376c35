from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt, Question


def test_search_and_filter(alice_client: Client, alices_question: Question) -> None:
    page = alice_client.get(reverse("practice:questions"), {"q": "five years"}).text
    assert "Where do you see yourself in five years?" in page
    nursing = alice_client.get(
        reverse("practice:questions"),
        {"field": "nursing", "category": "role-specific"},
        HTTP_HX_REQUEST="true",
    )
    assert "<html" not in nursing.text  # the rows alone, for HTMX
    shown = nursing.context["page"].object_list
    assert shown
    assert {q.field for q in shown} == {"nursing"}
    assert {q.category for q in shown} == {"role-specific"}
    mine = alice_client.get(reverse("practice:questions"), {"mine": "on"}).text
    assert alices_question.text in mine
    assert "1 question" in mine
    # The seniority filter's "any" is a question's level, not "no filter": a trial read "All
    # levels" and "Any level" side by side as the same choice, so it says what it is.
    assert page.count(">Asked at any level</option>") == 1
    assert ">Any level</option>" not in page
    assert ">All levels</option>" in page


def test_search_finds_a_question_by_its_words_in_any_form(alice_client: Client) -> None:
    """A trial's search for "leave" found nothing beside "Why are you leaving your current
    role?"; each word is looked for by its root, all of them, in any order."""
    found = alice_client.get(reverse("practice:questions"), {"q": "leave"}).context["page"]
    assert any("leaving" in q.text.lower() for q in found.object_list)
    both = alice_client.get(reverse("practice:questions"), {"q": "customers handled"})
    shown = both.context["page"].object_list
    assert shown
    assert all("custom" in q.text.lower() and "handl" in q.text.lower() for q in shown)
    nothing = alice_client.get(reverse("practice:questions"), {"q": "zebra leaving"})
    assert not nothing.context["page"].object_list


def test_difficulty_is_chosen_from_the_scale_of_three(alice_client: Client) -> None:
    """A number box offered 0 and anything over 3, which saving then refused."""
    page = alice_client.get(reverse("practice:question_new")).text
    assert 'type="number" name="difficulty"' not in page
    for value, label in (("1", "Easy"), ("2", "Medium"), ("3", "Hard")):
        assert f'<option value="{value}"' in page
        assert f">{label}</option>" in page


def test_add_edit_and_delete_your_own(alice_client: Client, alice: User) -> None:
    data = {"text": "How would you triage three alarms at once?", "category": "situational", "competency": "prioritisation",
            "field": "nursing", "seniority": "junior", "difficulty": "2", "source": "St Mary's panel"}  # fmt: skip
    alice_client.post(reverse("practice:question_new"), data)
    question = Question.objects.get(owner=alice)
    assert question.source == "St Mary's panel"
    duplicate = alice_client.post(reverse("practice:question_new"), data)
    assert "You already have this question" in duplicate.text
    Attempt.objects.create(
        user=alice, question=question, question_text=question.text, text="I would..."
    )
    alice_client.post(reverse("practice:question_delete", args=[question.pk]))
    assert not Question.objects.filter(owner=alice).exists()
    assert Attempt.objects.get().question_text == "How would you triage three alarms at once?"


def test_the_bank_and_other_peoples_questions_are_not_yours_to_edit(
    client: Client, bob: User, alices_question: Question, question: Question
) -> None:
    client.force_login(bob)
    assert client.get(reverse("practice:question", args=[alices_question.pk])).status_code == 404
    assert (
        client.get(reverse("practice:question_edit", args=[alices_question.pk])).status_code == 404
    )
    assert client.get(reverse("practice:question_edit", args=[question.pk])).status_code == 404
    assert client.get(reverse("practice:question", args=[question.pk])).status_code == 200


def test_a_drill_card_on_a_story_does_not_mark_a_question_of_that_id_drilled(
    alice_client: Client, alice: User, alices_question: Question
) -> None:
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from prepcoach.practice.models import DrillCard
    from prepcoach.reflection.models import Story

    DrillCard.objects.create(user=alice, content_type=ContentType.objects.get_for_model(Story),
                             object_id=alices_question.pk, state={}, due=timezone.now())  # fmt: skip
    page = alice_client.get(reverse("practice:question", args=[alices_question.pk])).text
    assert "In your drills" not in page
    assert "Add to drills" in page
