"""The evidence of answers analysed before `coach.answer_evidence.EVIDENCE_VERSION` last moved
(to 4: the "we"/"I" ownership counts and the word count the "Say what you did yourself" area
reads), made again from each answer's analysis. Stale evidence is still right to read (the app
then reads the whole analysis), but every view of the areas and the dashboard would read every
such answer whole until it was saved again: the slow path issue 15 took away. In batches of
BATCH, each its own transaction, as 0016: safe to stop and run again, and nothing waits on a
lock for the whole fill."""

from typing import Any

from django.db import migrations

BATCH = 200


def refresh(apps: Any, schema_editor: Any) -> None:
    from prepcoach.coach.answer_evidence import answer_evidence, current

    attempts = apps.get_model("practice", "Attempt")
    using = schema_editor.connection.alias
    analysed = attempts.objects.using(using).filter(analysis__isnull=False).order_by("pk")
    last = 0
    while True:
        rows = list(analysed.filter(pk__gt=last).only("pk", "analysis", "evidence")[:BATCH])
        if not rows:
            return
        stale = [row for row in rows if not current(row.evidence)]
        for row in stale:
            row.evidence = answer_evidence(row.analysis) if isinstance(row.analysis, dict) else None
        if stale:
            attempts.objects.using(using).bulk_update(stale, ["evidence"])
        last = rows[-1].pk


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("practice", "0017_attempt_newest_index"),
    ]

    operations = [
        migrations.RunPython(refresh, migrations.RunPython.noop, elidable=True),
    ]
