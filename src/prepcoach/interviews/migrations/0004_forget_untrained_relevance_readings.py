"""A transcript keeps each answer's reading (`Transcript.readings`, by a digest of its question
and words: `transcripts.key_of`), made once. One made before the relevance verdict was withheld
on questions asking for a success (`relevance_model.UNTRAINED_TYPES`, thirtieth session) keeps
the off-topic tip ("Answer the question that was asked. The question asks for something that
went wrong…") where the verdict misread "What is your proudest achievement?" as a failure
question. Such a reading is forgotten, so the page reads that answer again as it reads one now
(`transcripts.new_readings` reads every pair whose key is not kept); the practice answers were
rewritten in practice 0025.

Only a reading holding that tip, of a question that reads now as one of KINDS (pinned here, as
in practice 0025: `coach.stored_relevance.reads_as`), is forgotten; every other is kept. The
sentence model is loaded only when some reading holds the tip; without it installed nothing is
changed and a warning is logged. Not atomic: each batch of BATCH is its own transaction, safe to
stop and run again."""

import hashlib
import logging
from typing import Any

from django.db import migrations, transaction

log = logging.getLogger(__name__)
BATCH = 100
KINDS = ("success",)
# How the off-topic tip starts (`tips.relevance_advice`), in every wording it was stored with.
OFF_TOPIC = "Answer the question that was asked."


def _key(question: str, answer: str) -> str:
    """A pair's key, as `interviews.transcripts.key_of` made it when this was written."""
    return hashlib.sha256(f"{question}\n{answer}".encode()).hexdigest()[:20]


def _off_topic(reading: object) -> bool:
    tips = reading.get("tips") if isinstance(reading, dict) else None
    return isinstance(tips, list) and any(
        isinstance(tip, str) and tip.startswith(OFF_TOPIC) for tip in tips
    )


def _holds_off_topic(readings: object) -> bool:
    return isinstance(readings, dict) and any(_off_topic(r) for r in readings.values())


def _questions(text: str, speaker: str) -> dict[str, str]:
    """Each pair's question by its key, as the page reads the transcript (`reading_of`); none
    where the text no longer reads as a transcript."""
    from prepcoach.coach.interview_transcript import TranscriptError, parse_transcript

    try:
        found = parse_transcript(text)
    except TranscriptError:
        return {}
    if speaker:
        found = found.as_user(speaker)
    return {_key(pair.question, pair.answer): pair.question for pair in found.pairs}


def forget(apps: Any, schema_editor: Any) -> None:
    from prepcoach.coach import reader
    from prepcoach.coach.stored_relevance import reads_as

    transcripts = apps.get_model("interviews", "Transcript")
    using = schema_editor.connection.alias
    rows = transcripts.objects.using(using)
    candidates = [
        row.pk
        for row in rows.only("pk", "readings").order_by("pk").iterator(chunk_size=BATCH)
        if _holds_off_topic(row.readings)
    ]
    if not candidates:
        return
    model = reader.embedder()
    if model is None:
        log.warning(
            "interviews 0004: no sentence model installed: %d transcripts keep an answer read "
            "as off the question, not checked for questions asking for a success",
            len(candidates),
        )
        return
    for start in range(0, len(candidates), BATCH):
        with transaction.atomic(using=using):
            changed = []
            for row in (
                rows.filter(pk__in=candidates[start : start + BATCH])
                .only("pk", "readings", "text", "speaker")
                .select_for_update()
            ):
                if not _holds_off_topic(row.readings):
                    continue
                questions = _questions(row.text, row.speaker)
                kept = {
                    key: reading
                    for key, reading in row.readings.items()
                    if not (
                        _off_topic(reading)
                        and key in questions
                        and reads_as(questions[key], KINDS, model) is not None
                    )
                }
                if len(kept) != len(row.readings):
                    row.readings = kept
                    changed.append(row)
            if changed:
                rows.bulk_update(changed, ["readings"])


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("interviews", "0003_interview_moved_to_jobs"),
    ]

    operations = [
        # Backwards: nothing; a reading forgotten is read again when its page is viewed.
        migrations.RunPython(forget, migrations.RunPython.noop, elidable=True),
    ]
