"""How long words take to say: a story part's spoken length as it is written, and whether a
whole story fits the time an interview answer has (issue 12, class 8)."""

from __future__ import annotations

from dataclasses import dataclass

from prepcoach.coach.delivery import DeliverySettings

# About 150 words a minute: the middle of delivery.py's 130–160 band (its source gives ~150 as
# the average for clear conversational English).
SPEAKING_WPM = 150
ANSWER_SECONDS = DeliverySettings().length_bands["behavioral"]  # a STAR story told aloud
# Under this many seconds a part's length is said to the second, not to 5: a trial's story form
# read "18 words, about 5 seconds" beside "37 words, about 15 seconds" (`spoken-length.js` too).
SECONDS_EXACT = 20


@dataclass(frozen=True, slots=True)
class Spoken:
    words: int
    seconds: int

    @property
    def said(self) -> str:
        """In words, e.g. "about 40 seconds spoken" or "about 7 minutes spoken"."""
        if self.words == 0:
            return ""
        if self.seconds < SECONDS_EXACT:
            seconds = max(1, self.seconds)
            return f"about {seconds} second{'s' * (seconds != 1)} spoken"
        if self.seconds < 60:
            return f"about {round(self.seconds / 5) * 5} seconds spoken"
        minutes = round(self.seconds / 60)
        return f"about {minutes} minute{'s' * (minutes != 1)} spoken"


def spoken(text: str) -> Spoken:
    words = len(text.split())
    return Spoken(words, round(words * 60 / SPEAKING_WPM))


def story_remark(parts: list[str]) -> str | None:
    """A word when the whole story is longer to say than an interview answer should be."""
    total = spoken(" ".join(parts))
    longest = ANSWER_SECONDS[1]
    if total.seconds <= longest:
        return None
    return (
        f"Told aloud, this story takes {total.said.removesuffix(' spoken')}: an interview answer "
        f"is best told in {ANSWER_SECONDS[0] // 60} to {longest // 60} minutes. Keep each part "
        "to what the listener needs, above all the Action: what you did yourself."
    )
