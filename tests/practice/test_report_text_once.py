"""A typed answer's report shows the answer's words once: in its marked transcript, not also
above it as a quote (a new user's trial: the text was printed twice). Until it has a report,
the page quotes the text, so the answer is never missing."""

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.practice.models import Attempt, Question

TYPED = (
    "In my last role our ward lost track of handovers. My job was to fix it. I designed a "
    "one-page checklist and I trained twelve nurses. As a result, missed handover items fell "
    "by 40%."
)
# A phrase of the answer that no heading or tip on the page repeats.
PHRASE = "one-page checklist"


def test_the_typed_text_is_shown_once_on_its_report(
    alice_client: Client, alice: User, question: Question
) -> None:
    page = alice_client.post(
        reverse("practice:typed_create", args=[question.pk]), {"text": TYPED}, follow=True
    ).text
    assert Attempt.objects.get(user=alice).status == "analysed"
    assert "Your report" in page
    assert page.count(PHRASE) == 1
    assert "Your answer, as typed" in page  # the transcript's heading says what it is


def test_a_typed_answer_without_a_report_is_still_quoted(
    alice_client: Client, alice: User, question: Question
) -> None:
    attempt = Attempt.objects.create(
        user=alice, question=question, question_text=question.text, text=TYPED, status="saved"
    )
    page = alice_client.get(reverse("practice:attempt", args=[attempt.pk])).text
    assert page.count(PHRASE) == 1
    assert '<blockquote class="typed">' in page
