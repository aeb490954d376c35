"""The evidence of answers analysed before `coach.answer_evidence.EVIDENCE_VERSION` moved to 8
(an answer to a weakness question keeps whether it says a step taken on it), made again from
each answer's analysis (`_evidence.refresh`)."""

from django.db import migrations

from prepcoach.practice.migrations._evidence import refresh


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("practice", "0027_stream_started_at"),
    ]

    operations = [
        migrations.RunPython(refresh, migrations.RunPython.noop, elidable=True),
    ]
