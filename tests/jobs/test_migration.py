"""The job moving into its own app (issue 13, the house) moves no row: a database made before,
with a job, its facts, its interviews and everything other apps link to it, keeps every row
and every link, and a fact's drill card still finds its fact (its content type renamed, not
made anew)."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.support import leaf_migrations, migrate

BEFORE = [
    ("jobs", None),
    ("research", "0004_opportunity_logistics_opportunity_my_questions"),
    ("interviews", "0002_transcript"),
    ("feedback", "0004_pins_outlive_answers"),
    ("network", "0001_initial"),
    ("practice", "0009_question_company_question_interview_round"),
    ("reflection", "0001_initial"),
]
MOVED = {("jobs", "opportunity"), ("jobs", "fact"), ("jobs", "interview")}


@pytest.mark.django_db(transaction=True)
def test_a_database_made_before_keeps_every_row_and_link() -> None:
    old = migrate(BEFORE)
    content_types = old.get_model("contenttypes", "ContentType").objects
    # The content types as an install made before has them (the test database made the new).
    assert set(content_types.filter(app_label="jobs").values_list("app_label", "model")) == set()
    fact_type = content_types.get(app_label="research", model="fact")
    user = old.get_model("accounts", "User").objects.create(email="old@example.com")
    job = old.get_model("research", "Opportunity").objects.create(
        user=user, company="Acme", role="Data analyst", job_description="SQL and Python"
    )
    fact = old.get_model("research", "Fact").objects.create(
        opportunity=job, text="Founded in 1990", source="https://acme.example"
    )
    when = dt.datetime(2026, 12, 3, 10, tzinfo=dt.UTC)
    interview = old.get_model("interviews", "Interview").objects.create(
        user=user, opportunity=job, starts_at=when, round_name="first round"
    )
    debrief = old.get_model("interviews", "Debrief").objects.create(
        interview=interview, went_well="rapport"
    )
    transcript = old.get_model("interviews", "Transcript").objects.create(
        interview=interview, text="Interviewer: Why Acme?\nMe: Because."
    )
    story = old.get_model("reflection", "Story").objects.create(user=user, title="The report")
    story.opportunities.add(job)
    mock = old.get_model("practice", "MockSession").objects.create(user=user, opportunity=job)
    contact = old.get_model("network", "Contact").objects.create(
        user=user, name="Ana", opportunity=job
    )
    reply = old.get_model("feedback", "InterviewerReply").objects.create(
        owner=user, opportunity=job, text="Good SQL"
    )
    card = old.get_model("practice", "DrillCard").objects.create(
        user=user, content_type=fact_type, object_id=fact.pk, state={}, due=when
    )

    new = migrate(leaf_migrations())
    content_types = new.get_model("contenttypes", "ContentType").objects
    assert (
        set(
            content_types.filter(model__in=["opportunity", "fact", "interview"]).values_list(
                "app_label", "model"
            )
        )
        == MOVED
    )  # renamed, none left behind under the old names
    assert content_types.get(app_label="jobs", model="fact").pk == fact_type.pk
    jobs = new.get_model("jobs", "Opportunity").objects
    moved = jobs.get(pk=job.pk)
    assert (moved.company, moved.user_id) == ("Acme", user.pk)
    assert list(moved.facts.values_list("pk", "text")) == [(fact.pk, "Founded in 1990")]
    assert list(moved.interviews.values_list("pk", flat=True)) == [interview.pk]
    assert list(moved.stories.values_list("pk", flat=True)) == [story.pk]
    assert list(moved.mocks.values_list("pk", flat=True)) == [mock.pk]
    assert list(moved.contacts.values_list("pk", flat=True)) == [contact.pk]
    assert list(moved.interviewer_replies.values_list("pk", flat=True)) == [reply.pk]
    kept = new.get_model("jobs", "Interview").objects.get(pk=interview.pk)
    assert kept.debrief.pk == debrief.pk
    assert list(kept.transcripts.values_list("pk", flat=True)) == [transcript.pk]
    drill = new.get_model("practice", "DrillCard").objects.get(pk=card.pk)
    assert (drill.content_type.app_label, drill.content_type.model) == ("jobs", "fact")

    # The models as the code has them: the card's item is the fact, and a new job's id
    # follows the old ones (the table's sequence kept its place on PostgreSQL too).
    from prepcoach.jobs.models import Fact, Opportunity
    from prepcoach.practice.models import DrillCard

    assert DrillCard.objects.get(pk=card.pk).item == Fact.objects.get(pk=fact.pk)
    later = Opportunity.objects.create(user_id=user.pk, company="Bolt", role="Analyst")
    assert later.pk > job.pk
    Opportunity.objects.filter(pk=job.pk).delete()  # and its cascades still reach every table
    assert not Fact.objects.filter(pk=fact.pk).exists()
    assert not DrillCard.objects.filter(pk=card.pk).exists()
    assert not new.get_model("interviews", "Debrief").objects.filter(pk=debrief.pk).exists()
    assert new.get_model("network", "Contact").objects.get(pk=contact.pk).opportunity_id is None
