"""Three starter questions the bank lacked (a new user's trial found neither "Tell me about
yourself" nor a first-90-days question among its 325): "Tell me about yourself.", "Walk me
through your CV." and "How would you approach your first 90 days in this role?". They are in
`data/questions.csv`, which 0002 loads on a new install; an install made before gets them here.

A text already in the bank is not added again, nor one a user already has as their own
question (any case): that user's copy, with its answers and tags, stays theirs, and their bank
never lists the question twice. On a shared server that leaves the text out of the starter bank
for everyone; each user can still add it as their own. Going back deletes the starters of
these texts that nobody has answered or drilled (a question someone practised stays)."""

from django.db import migrations

ADDED = (
    ("Tell me about yourself.", "motivation", "introduction", 1),
    ("Walk me through your CV.", "motivation", "introduction", 1),
    ("How would you approach your first 90 days in this role?", "situational", "planning", 2),
)


def add(apps, schema_editor):  # type: ignore[no-untyped-def]
    question = apps.get_model("practice", "Question")
    for text, category, competency, difficulty in ADDED:
        if question.objects.filter(text__iexact=text).exists():  # the bank's or a user's own
            continue
        question.objects.create(
            owner=None, text=text, category=category, competency=competency,
            field="general", seniority="any", difficulty=difficulty,
        )  # fmt: skip


def remove(apps, schema_editor):  # type: ignore[no-untyped-def]
    question = apps.get_model("practice", "Question")
    card = apps.get_model("practice", "DrillCard")
    for text, *_ in ADDED:
        for starter in question.objects.filter(owner__isnull=True, text__iexact=text):
            drilled = card.objects.filter(
                content_type__app_label="practice", content_type__model="question",
                object_id=starter.pk,
            ).exists()  # fmt: skip
            if not drilled and not starter.attempts.exists():
                starter.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("practice", "0019_refresh_attempt_evidence_asks"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(add, remove)]
