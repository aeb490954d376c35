"""The evidence of answers analysed before `coach.answer_evidence.EVIDENCE_VERSION` moved to 6
(the job's key terms bearing on the question, `keywords.bearing`), made again from each answer's
analysis (`_evidence.refresh`)."""

from django.db import migrations

from prepcoach.practice.migrations._evidence import refresh


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("practice", "0020_starter_introductions"),
    ]

    operations = [
        migrations.RunPython(refresh, migrations.RunPython.noop, elidable=True),
    ]
