"""The evidence of answers analysed before `coach.answer_evidence.EVIDENCE_VERSION` moved to 7
(a STAR part the reader can't tell about keeps its `unsure` sentence), made again from each
answer's analysis (`_evidence.refresh`)."""

from django.db import migrations

from prepcoach.practice.migrations._evidence import refresh


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("practice", "0021_refresh_attempt_evidence_bearing"),
    ]

    operations = [
        migrations.RunPython(refresh, migrations.RunPython.noop, elidable=True),
    ]
