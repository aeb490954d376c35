"""Body-language cues from the video of an answer: observations with their times, never a
verdict about the person. `frames` (what a frame shows, the thresholds), `cues` (each family of
observation), `report` (the whole judgement), `source` (where the frames come from)."""

from prepcoach.coach.body_language.cues import Cue, Moment
from prepcoach.coach.body_language.frames import (
    BodyLanguageSettings,
    Box,
    Frame,
    Shoulders,
    VideoFacts,
)
from prepcoach.coach.body_language.report import (
    BodyLanguage,
    Second,
    Tip,
    analyse_body_language,
)

__all__ = [
    "BodyLanguage",
    "BodyLanguageSettings",
    "Box",
    "Cue",
    "Frame",
    "Moment",
    "Second",
    "Shoulders",
    "Tip",
    "VideoFacts",
    "analyse_body_language",
]
