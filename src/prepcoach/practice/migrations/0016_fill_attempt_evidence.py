"""The evidence (0015) for the answers analysed before it, in batches of BATCH, each its own
transaction (`atomic = False`): inside one, PostgreSQL would hold the lock that adding the
column took for the whole fill, and every page and worker reading answers would wait minutes
on a large server. The fill is safe to stop and run again: it takes the answers with no
evidence yet, and the app reads an answer without evidence whole."""

from typing import Any

from django.db import migrations

BATCH = 200


def fill(apps: Any, schema_editor: Any) -> None:
    from prepcoach.coach.answer_evidence import answer_evidence

    attempts = apps.get_model("practice", "Attempt")
    using = schema_editor.connection.alias
    pending = attempts.objects.using(using).filter(analysis__isnull=False, evidence__isnull=True)
    pending = pending.order_by("pk")
    last = 0
    while True:
        rows = list(pending.filter(pk__gt=last).only("pk", "analysis")[:BATCH])
        if not rows:
            return
        for row in rows:
            row.evidence = answer_evidence(row.analysis) if isinstance(row.analysis, dict) else None
        attempts.objects.using(using).bulk_update(rows, ["evidence"])
        last = rows[-1].pk


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("practice", "0015_attempt_evidence"),
    ]

    operations = [
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
    ]
