"""The evidence of answers analysed before `coach.answer_evidence.EVIDENCE_VERSION` moved to 5
(what the question asks for, `relevance.question_asks`), made again from each answer's analysis
(`_evidence.refresh`)."""

from django.db import migrations

from prepcoach.practice.migrations._evidence import refresh


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("practice", "0018_refresh_attempt_evidence"),
    ]

    operations = [
        migrations.RunPython(refresh, migrations.RunPython.noop, elidable=True),
    ]
