"""The evidence of answers analysed before `coach.answer_evidence.EVIDENCE_VERSION` last moved
(to 4: the "we"/"I" ownership counts and the word count the "Say what you did yourself" area
reads), made again from each answer's analysis. Stale evidence is still right to read (the app
then reads the whole analysis), but every view of the areas and the dashboard would read every
such answer whole until it was saved again: the slow path issue 15 took away. In batches, each
its own transaction (`_evidence.refresh`)."""

from django.db import migrations

from prepcoach.practice.migrations._evidence import refresh


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("practice", "0017_attempt_newest_index"),
    ]

    operations = [
        migrations.RunPython(refresh, migrations.RunPython.noop, elidable=True),
    ]
