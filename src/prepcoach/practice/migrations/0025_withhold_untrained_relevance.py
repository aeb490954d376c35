"""Answers analysed before the relevance verdict was withheld on questions asking for a success
(`relevance_model.UNTRAINED_TYPES`, thirtieth session) kept "does not address" where the verdict
had misread "What is your proudest achievement?" as a failure question; the stored verdict kept
capping the 1–5 figure and counting under "Answer the question that was asked". Each such
analysis is said as prepcoach would say it now (`coach.stored_relevance.withheld_in_analysis`),
with its evidence made again from it, and marked as rewritten here (`stored_relevance.REWRITTEN`)
so its report says "Analyse again" for the tips the old verdict held back.

Only the kinds in KINDS are rewritten (pinned here, not read from `UNTRAINED_TYPES`, which may
grow after this migration). The sentence model is loaded only when some answer stores "does not
address" (an empty database, as in tests, never loads it); without it installed nothing is
changed and a warning is logged (the question's kind cannot be read). An answer to a follow-up
(`is_follow_up`, or `follow_up_to` set) is left as it is: a fresh reading withholds its verdict
for another reason (`question_relevance(..., follow_up=True)`). Not atomic: each batch of BATCH
is its own transaction (as `_evidence.refresh`), so nothing holds row locks for the whole fill,
and a run stopped halfway is safe to run again (a rewritten verdict is no longer a miss)."""

import logging
from typing import Any

from django.db import migrations, transaction

log = logging.getLogger(__name__)
BATCH = 200
KINDS = ("success",)
NAME = "practice.0025_withhold_untrained_relevance"


def _said_to_miss(analysis: object) -> bool:
    from prepcoach.coach.answer import misses_its_question

    return isinstance(analysis, dict) and misses_its_question(analysis)


def withhold(apps: Any, schema_editor: Any) -> None:
    from prepcoach.coach import reader
    from prepcoach.coach.answer_evidence import answer_evidence
    from prepcoach.coach.stored_relevance import withheld_in_analysis

    attempts = apps.get_model("practice", "Attempt")
    using = schema_editor.connection.alias
    rows = attempts.objects.using(using)
    # Filtered in Python (a JSON lookup on a boolean differs between SQLite and PostgreSQL);
    # only the ids of the few that say "does not address" are held.
    candidates = [
        row.pk
        for row in rows.filter(
            analysis__isnull=False, is_follow_up=False, follow_up_to__isnull=True
        )
        .only("pk", "analysis")
        .order_by("pk")
        .iterator(chunk_size=BATCH)
        if _said_to_miss(row.analysis)
    ]
    if not candidates:
        return
    model = reader.embedder()
    if model is None:
        log.warning(
            "practice 0025: no sentence model installed: %d stored 'does not address' verdicts "
            "were not checked for questions asking for a success (analyse them again once it "
            "is installed)",
            len(candidates),
        )
        return
    for start in range(0, len(candidates), BATCH):
        with transaction.atomic(using=using):
            changed = []
            for row in (
                rows.filter(pk__in=candidates[start : start + BATCH])
                .only("pk", "analysis", "evidence", "question_text")
                .select_for_update()
            ):
                if not _said_to_miss(row.analysis):
                    continue  # analysed again since the ids were read
                analysis = withheld_in_analysis(
                    row.analysis, row.question_text, model, kinds=KINDS, by=NAME
                )
                if analysis is None:
                    continue
                row.analysis = analysis
                row.evidence = answer_evidence(analysis)
                changed.append(row)
            if changed:
                rows.bulk_update(changed, ["analysis", "evidence"])


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("practice", "0024_attempt_is_follow_up"),
    ]

    operations = [
        # Backwards: nothing. The verdicts it replaces were a misreading (a success question read
        # as a failure one), not the user's data, and the code before reads the withheld form
        # as any "can't tell"; nor could they be told apart afterwards from verdicts withheld
        # when first analysed.
        migrations.RunPython(withhold, migrations.RunPython.noop, elidable=True),
    ]
