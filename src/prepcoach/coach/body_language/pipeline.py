"""A recording in, the body-language report (or why there is none) out: what the worker runs
after the speech report is saved, so nothing here can hold the speech report back."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from prepcoach.coach.body_language.frames import BodyLanguageSettings
from prepcoach.coach.body_language.report import VERSION, BodyLanguage, analyse_body_language
from prepcoach.coach.body_language.source import (
    LandmarkSource,
    NoSource,
    VideoError,
    default_source,
    has_video,
    read_video,
)

SPEECH_KEPT = "The speech report is complete."


@dataclass(frozen=True, slots=True)
class Unavailable:
    """No body-language report, and why, in words for the report page."""

    note: str

    def to_json(self) -> dict[str, Any]:
        return {"version": VERSION, "note": self.note}


def analyse_video(
    path: Path,
    settings: BodyLanguageSettings | None = None,
    source: LandmarkSource | None = None,
    max_seconds: float | None = None,
) -> BodyLanguage | Unavailable:
    """The recording's body-language report. Never raises for a bad picture: it says why."""
    if not path.is_file():
        return Unavailable(
            f"The recording is missing, so its picture cannot be read. {SPEECH_KEPT}"
        )
    if not has_video(path):
        return Unavailable("This answer was recorded without a picture: there is no body "
                           f"language to observe. {SPEECH_KEPT}")  # fmt: skip
    own = source is None
    found = default_source() if source is None else source
    if isinstance(found, NoSource):
        return Unavailable(f"No body-language report on this machine: {found.reason}. "
                           f"{SPEECH_KEPT}")  # fmt: skip
    try:
        frames, facts = read_video(path, found, max_seconds=max_seconds)
    except VideoError as error:
        return Unavailable(f"{error} {SPEECH_KEPT}")
    finally:
        if own:
            found.close()
    return analyse_body_language(frames, facts, settings)


def load(data: dict[str, Any] | None) -> BodyLanguage | Unavailable | None:
    """A stored report back (None when there is none yet)."""
    if not data:
        return None
    if "note" in data and "cues" not in data:
        return Unavailable(str(data["note"]))
    return BodyLanguage.from_json(data)


def timed(
    path: Path, settings: BodyLanguageSettings | None = None
) -> tuple[BodyLanguage | Unavailable, float]:
    """The report and the seconds it took (the bench's added latency)."""
    start = time.perf_counter()
    result = analyse_video(path, settings)
    return result, time.perf_counter() - start
