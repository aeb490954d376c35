"""A stored transcript to the core's reading and back: `coach.interview_transcript` finds the
turns, who is who and the question → answer pairs; each answer is read by the same call the
practice task makes for a typed answer (`coach.answer.analyse_answer` with the user's
thresholds and the job's advert), and what the page shows of it is kept on the row by a digest
of its question and words. Judges nothing itself."""

from __future__ import annotations

import hashlib
from typing import Any

from prepcoach.coach.answer import analyse_answer
from prepcoach.coach.interview_transcript import InterviewTranscript, Pair, parse_transcript
from prepcoach.interviews.models import Transcript
from prepcoach.interviews.plans import bank_twin
from prepcoach.jobs.models import Interview
from prepcoach.practice.models import PracticeSettings

MAX_UPLOAD_BYTES = 2 * 1024 * 1024


def reading_of(transcript: Transcript) -> InterviewTranscript:
    """The stored text read again, as the user the owner said they were (if they said).
    Raises `TranscriptError` only if the text no longer reads (it did when it was saved)."""
    found = parse_transcript(transcript.text)
    return found.as_user(transcript.speaker) if transcript.speaker else found


def key_of(pair: Pair) -> str:
    return hashlib.sha256(f"{pair.question}\n{pair.answer}".encode()).hexdigest()[:20]


def read_answer(interview: Interview, pair: Pair) -> dict[str, Any]:
    """The answer read as practice reads a typed answer (`practice.tasks.analyse_attempt`):
    the same function, the question, its category, the user's thresholds, the job's advert."""
    user = interview.user
    twin = bank_twin(user, pair.question)
    preferences = PracticeSettings.objects.filter(user=user).first()
    result = analyse_answer(
        text=pair.answer,
        question=pair.question,
        category=twin.category if twin else "behavioral",
        settings=preferences.delivery_settings() if preferences else None,
        job_description=interview.opportunity.job_description,
        job_terms=interview.opportunity.key_terms,  # as its owner corrected them
    )
    data = result.as_dict()
    return {
        "star": data["star"],
        "keywords": data["keywords"],
        "tips": [tip.text for tip in result.tips],
        "cannot_tell": result.content.cannot_tell,
        "words": result.content.words,
    }


def new_readings(
    interview: Interview, found: InterviewTranscript, kept: dict[str, Any]
) -> dict[str, Any]:
    """Readings of every pair's answer: those kept, and the others read now."""
    out = {}
    for pair in found.pairs:
        key = key_of(pair)
        out[key] = kept[key] if key in kept else read_answer(interview, pair)
    return out


def decode(raw: bytes) -> str | None:
    """An uploaded file's text: UTF-8 (with or without its mark) or UTF-16 with its mark, else
    None."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
