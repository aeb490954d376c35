"""The evidence of answers analysed before `coach.answer_evidence.EVIDENCE_VERSION` moved to 9
(an answer to a weakness question keeps whether its only weakness reads as a strength in
disguise), made again from each answer's analysis (`_evidence.refresh`)."""

from django.db import migrations

from prepcoach.practice.migrations._evidence import refresh


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("practice", "0028_refresh_attempt_evidence_weakness"),
    ]

    operations = [
        migrations.RunPython(refresh, migrations.RunPython.noop, elidable=True),
    ]
