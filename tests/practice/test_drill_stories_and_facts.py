"""Stories and company facts drilled with the same spaced repetition as questions."""

from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.jobs.models import Fact, Opportunity
from prepcoach.practice.models import DrillCard
from prepcoach.reflection.models import Story


def test_a_story_is_drilled_by_telling_it_again(alice_client: Client, alice: User) -> None:
    story = Story.objects.create(user=alice, title="Rescued the clinic dashboard",
                                 result="Errors fell by 80% within a month.")  # fmt: skip
    alice_client.post(reverse("practice:drill_add_story", args=[story.pk]))
    again = alice_client.post(reverse("practice:drill_add_story", args=[story.pk]), follow=True)
    assert "Already in your drills." in again.text
    page = alice_client.get(reverse("practice:drills")).text
    assert "Tell your story “Rescued the clinic dashboard”" in page
    assert "Errors fell by 80% within a month." in page  # behind "Check against what you wrote"
    card = DrillCard.objects.get(user=alice)
    alice_client.post(reverse("practice:drill_grade", args=[card.pk]), {"grade": "good"})
    card.refresh_from_db()
    assert card.reviews == 1
    assert "Nothing is due right now" in alice_client.get(reverse("practice:drills")).text


def test_a_jobs_facts_are_drilled_and_leave_with_it(alice_client: Client, alice: User) -> None:
    job = Opportunity.objects.create(user=alice, company="Acme Health", role="Analyst")
    for n in range(3):
        Fact.objects.create(opportunity=job, text=f"{n + 12} clinics", source="Annual report 2026")
    page = alice_client.post(reverse("practice:drill_add_facts", args=[job.pk]), follow=True).text
    assert "3 facts added to your drills." in page
    drill = alice_client.get(reverse("practice:drills")).text
    assert "Which fact about Acme Health did you find in “Annual report 2026”?" in drill
    job.delete()
    assert not DrillCard.objects.exists()


def test_adding_questions_is_not_confused_by_drilled_stories(alice_client: Client, alice: User) -> None:  # fmt: skip
    """A story's id may equal a question's: only question cards mark questions drilled."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from prepcoach.coach.drills import new_card
    from prepcoach.practice.models import Question

    last, *others = Question.objects.order_by("-pk")
    kind, now = ContentType.objects.get_for_model(Question), timezone.now()
    DrillCard.objects.bulk_create(
        DrillCard(user=alice, content_type=kind, object_id=q.pk, state=new_card(q.pk, now), due=now)
        for q in others
    )  # every question but the last is drilled already
    story = Story.objects.create(user=alice, title="Same id as a question", pk=last.pk)
    alice_client.post(reverse("practice:drill_add_story", args=[story.pk]))
    page = alice_client.post(reverse("practice:drill_add_some"), follow=True).text
    assert "1 question added to your drills." in page
    assert DrillCard.objects.filter(user=alice, content_type=kind, object_id=last.pk).exists()


def test_someone_elses_story_or_facts_cannot_be_drilled(alice_client: Client, bob: User) -> None:
    story = Story.objects.create(user=bob, title="Bob's")
    job = Opportunity.objects.create(user=bob, company="Bobco", role="Analyst")
    assert (
        alice_client.post(reverse("practice:drill_add_story", args=[story.pk])).status_code == 404
    )
    assert alice_client.post(reverse("practice:drill_add_facts", args=[job.pk])).status_code == 404
