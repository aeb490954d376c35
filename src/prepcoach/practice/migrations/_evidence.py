"""Remaking stale answer evidence from each answer's analysis, for the migrations that follow a
move of `coach.answer_evidence.EVIDENCE_VERSION` (0018, 0019, 0021). Stale evidence is still right to
read (the app then reads the whole analysis), but every view of the areas and the dashboard
would read every such answer whole until it was saved again. In batches of BATCH, each its own
transaction (the migrations are not atomic): safe to stop and run again, and nothing waits on a
lock for the whole fill. Django's migration loader skips modules whose name starts with "_"."""

from typing import Any

BATCH = 200


def refresh(apps: Any, schema_editor: Any) -> None:
    """Make every analysed answer's evidence current (`answer_evidence.current`)."""
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
