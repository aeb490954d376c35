"""The interview brief's company and people sections, shaped once for the page, the Markdown
file and the PDF: the user's strategy and competitor notes, and who they will meet."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class NextInterview:
    """The job's next interview as the view found it: its round, its time in the user's words
    and its interviewers as typed (one a line)."""

    round_name: str
    when: str
    interviewers: str


@dataclass(frozen=True)
class BriefCompany:
    strategy: str  # the user's Markdown, "" when not written
    competitors: str  # the user's Markdown, "" when not written
    meeting: tuple[str, ...]  # the next interview's interviewers, one each, as typed
    meeting_round: str  # "first round, Thu 10 Dec, 14:00"; "" when none is planned
    people_notes: str  # the research page's "people met", the user's Markdown


_LIST_MARK = re.compile(r"^(?:[-*•]|\d+[.)])\s+")  # "- Ana", "* Ana", "• Ana", "1. Ana"


def _people(interviewers: str) -> tuple[str, ...]:
    seen: set[str] = set()
    people: list[str] = []
    for line in interviewers.splitlines():
        name = " ".join(unicodedata.normalize("NFKC", line).split())
        name = _LIST_MARK.sub("", name).rstrip(" ,;")
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            people.append(name)
    return tuple(people)


def brief_company(
    strategy: str, competitors: str, people_met: str, next_interview: NextInterview | None
) -> BriefCompany:
    """The company's strategy and competitors, and the people the user will meet: the next
    interview's interviewers (each once, blank lines and list marks dropped), with the research
    page's notes on people beside them."""
    meeting = _people(next_interview.interviewers) if next_interview else ()
    round_words = (
        f"{next_interview.round_name}, {next_interview.when}".strip(", ") if next_interview else ""
    )
    return BriefCompany(
        strategy=strategy.strip(),
        competitors=competitors.strip(),
        meeting=meeting,
        meeting_round=round_words,
        people_notes=people_met.strip(),
    )
