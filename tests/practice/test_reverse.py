from django.test import Client
from django.urls import reverse

from prepcoach.practice.models import Question


def with_samples() -> Question:
    return Question.objects.exclude(sample_good="").exclude(sample_weak="").order_by("pk").first()  # type: ignore[return-value]


def test_pick_a_question_for_a_candidate(alice_client: Client) -> None:
    nursing = alice_client.get(reverse("practice:reverse"), {"field": "nursing"})
    fields = {q.field for q in nursing.context["questions"]}
    assert "nursing" in fields
    assert fields <= {"nursing", "general"}
    assert with_samples().text[:40] in alice_client.get(reverse("practice:reverse")).text


def test_score_a_weak_answer_and_see_where_prepcoach_differs(alice_client: Client) -> None:
    question = with_samples()
    url = reverse("practice:reverse_question", args=[question.pk])
    page = alice_client.get(url, {"answer": "weak"}).text
    assert question.sample_weak[:60] in page
    generous = {
        "answer": "weak",
        "situation": 2,
        "task": 2,
        "action": 2,
        "result": 2,
        "evidence": 2,
    }
    result = alice_client.post(url, generous).text
    assert "Your scores and prepcoach" in result
    assert "You and prepcoach differ on" in result
    assert (
        "the result has no number" in result.lower()
        or "there is no result to back" in result.lower()
    )


def test_the_rubric_must_be_complete(alice_client: Client) -> None:
    question = with_samples()
    response = alice_client.post(
        reverse("practice:reverse_question", args=[question.pk]), {"answer": "good"}
    )
    assert "Choose one for “Says how it ended”." in response.text
