"""Which of a job's key terms its advert asks for only as a plus ("React experience is a plus",
"Nice to have: Figma", "3+ years of backend work, ideally in Go"), with the advert's words
that say so.

The key-term extractor keeps a term whether the advert requires it or only welcomes it: both
are words an answer may use. Where prepcoach tells the user what to prepare for, they differ:
a tester's "Likely questions" asked "What is your experience with React?" ("The advert asks for
it") of an advert saying "React experience is a plus". So `readiness.likely_questions` asks
about the required terms first and says an optional one is optional.

The cues are the extractor's own (`key_term_candidates.SECTION_WORDS["nice"]`: "nice to have",
"bonus", "desirable", "plus", "ideally", "preferred", "would be"), read two ways:

- as a heading, the way the extractor reads its sections (`key_term_candidates._section`): the
  lines under "Nice to have", "Desirable" or "Bonus points" are optional until the next heading
  of another section. A heading that holds a figure ("Salary £48,000 + bonus") or uses "plus"
  or "bonus" as pay ("Pension plus healthcare") is no "nice" heading;
- inside a sentence, where the cue judges a clause: "… is a plus", "a big bonus", "… is
  desirable", "PostgreSQL preferred", "… would be helpful" (not "you would be", whose subject
  makes it a duty: the extractor's `SUBJECTS`). The clause runs between semicolons, colons,
  dashes and "but", across commas, so a list judged at its end is judged whole ("Spanish, French
  or German is a big plus"); a cue inside brackets judges the brackets alone ("Opera PMS (Opera
  Cloud a plus)"); "ideally" judges what follows it ("backend systems, ideally in Go"), and a
  cue written as a label what follows its colon ("Nice to have: motion design, packaging").
  Two cues the heading list lacks are read too, since adverts write them in sentences rather
  than headings: a need denied ("preferred but not essential", "not required": the extractor's
  "need" words) and "an advantage".

A term is optional only where every place the advert names it is optional: a term required in
one line and welcomed in another is required. A term the advert does not write as such (read
from a verb or the title, or added by the user) is required: nothing in the advert says
otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from prepcoach.coach.key_term_candidates import (
    BULLET_RE,
    SECTION_WORDS,
    SUBJECTS,
    _section,
    _split_line,
)
from prepcoach.coach.keywords import advert_text
from prepcoach.coach.text import clip, phrase_pattern

NICE = SECTION_WORDS["nice"]
# "plus" and "bonus" are also pay ("salary plus bonus") and a conjunction: they judge a clause
# only as a noun after an article ("a plus", "a big bonus"), as "bonus points", or as a label.
NOUNS = frozenset({"plus", "bonus"})
# Adverbs that judge what follows them, not the clause they end ("…, ideally in Go").
LEADING = frozenset({"ideally"})
SAID_LIMIT = 120  # characters of the advert quoted as the reason


JUDGEMENTS = (
    r"(?:plus|advantage|advantageous|bonus|nice|desirable|beneficial|welcome|preferred|"
    r"great|helpful|useful)\b"
)


def _words(cue: str) -> str:
    return r"[\s-]+".join(map(re.escape, cue.split()))


def _cue_pattern() -> re.Pattern[str]:
    label, lead, judge = [], [], []
    for cue in NICE:
        words = _words(cue)
        label.append(words)
        if cue in NOUNS:
            judge.append(rf"\ban?\s+(?:\w+\s+)?{words}\b|\b{words}\s+points\b")
        elif cue in LEADING:
            lead.append(rf"\b{words}\b")
        elif cue == "would be":
            # Only as a judgement ("would be a plus", "would be an advantage"): "The post holder
            # would be responsible for SAP" is a duty, whoever its subject (review).
            subjects = "".join(rf"(?<!\b{s} )" for s in sorted(SUBJECTS))
            judge.append(rf"{subjects}\b{words}\s+(?:an?\s+)?(?:\w+\s+)?{JUDGEMENTS}")
        else:
            judge.append(rf"\b{words}\b")
    # A need denied ("not essential", "isn't required": `SECTION_WORDS["need"]`'s words), and
    # "an advantage", which adverts write in sentences, seldom as a heading.
    judge.append(r"\b(?:not|n't)\s+(?:\w+\s+){0,2}(?:essential|required|a requirement)\b")
    judge.append(r"\ban?\s+(?:\w+\s+)?advantage\b|\badvantageous\b")
    return re.compile(
        rf"(?P<label>(?:^|(?<=[\s(]))(?:{'|'.join(label)})\s*:)"
        rf"|(?P<lead>{'|'.join(lead)})|(?P<judge>{'|'.join(judge)})",
        re.IGNORECASE,
    )


CUE_RE = _cue_pattern()
# What a need says ("Python required", "Must have Excel", "5+ years of Java", "you must know
# SQL"): a cue's clause runs across commas and "and", so a line that requires one thing and
# welcomes another ("Python required, Go preferred") is cut between them (review: every term
# of such lines read as optional).
NEED_RE = re.compile(
    r"(?<!not )(?<!n't )\b(?:required|requirement|must|essential|mandatory|need(?:ed|s)?)\b"
    r"|\b\d+\s*\+?\s*(?:years?|yrs)\b",
    re.IGNORECASE,
)
# Where a clause with a need in it is cut: a comma, or "and" between two words.
PART_RE = re.compile(r",\s*|\s+and\s+", re.IGNORECASE)
BREAK_RE = re.compile(r";|:|\s[–—-]\s|,?\s+but\s+|,\s+(?:and|while|whereas)\s+", re.IGNORECASE)
BRACKETS_RE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# A sentence ends at a stop followed by a space: "Node.js" and "B.Com" are inside one.
SENTENCE_RE = re.compile(r"\S.*?(?:[.!?]+(?=\s)|$)")
FIGURE_RE = re.compile(r"[\d£$€¥₹%+]")


@dataclass(frozen=True, slots=True)
class OptionalTerm:
    """A key term the advert asks for only as a plus; `said`: the advert's words that say so
    ("React experience is a plus", "Nice to have: Figma, Storybook")."""

    term: str
    said: str


def optional_spans(sentence: str) -> list[tuple[int, int]]:
    """The stretches of `sentence` (character offsets) that its cues judge optional, each
    with its cue: the words quoted as the reason."""
    groups = [(m.start(), m.end()) for m in BRACKETS_RE.finditer(sentence)]

    def group_of(i: int) -> tuple[int, int] | None:
        return next(((a, b) for a, b in groups if a <= i < b), None)

    spans = []
    for cue in CUE_RE.finditer(sentence):
        group = group_of(cue.start())
        low, high = (group[0] + 1, group[1] - 1) if group else (0, len(sentence))
        # Breaks inside brackets belong to the brackets; outside a cue's own brackets, a group
        # is part of its clause ("A second language (French or German) would be an advantage").
        breaks = [b for b in BREAK_RE.finditer(sentence, low, high) if group_of(b.start()) == group]
        start = max((b.end() for b in breaks if b.end() <= cue.start()), default=low)
        end = min((b.start() for b in breaks if b.start() >= cue.end()), default=high)
        if cue.lastgroup == "label":
            end = high
        elif cue.lastgroup == "lead":
            start = cue.start()
        span = _without_needs(sentence, min(start, cue.start()), max(end, cue.end()), cue)
        if span is not None:
            spans.append(span)
    return spans


def _without_needs(
    sentence: str, start: int, end: int, cue: re.Match[str]
) -> tuple[int, int] | None:
    """The span cut at the comma or "and" nearest its cue beyond any need it holds (NEED_RE);
    None when nothing parts the need from the cue (the words are then read as required)."""
    parts = list(PART_RE.finditer(sentence, start, end))
    for need in NEED_RE.finditer(sentence, start, end):
        if cue.start() <= need.start() < cue.end():
            continue  # the cue's own words ("not essential")
        if need.end() <= cue.start():
            between = [p for p in parts if need.end() <= p.start() and p.end() <= cue.start()]
            if not between:
                return None
            start = max(start, between[-1].end())
        else:
            between = [p for p in parts if cue.end() <= p.start() and p.end() <= need.start()]
            if not between:
                return None
            end = min(end, between[0].start())
    return start, end


def _nice_heading(line: str, plain: str) -> bool:
    """A heading of the "nice" section as the extractor reads one that holds no figure and
    either starts with its cue ("Bonus points", "Desirable", "Preferred qualifications") or
    introduces what follows ("It would be a plus if you have:"): not pay ("Pension plus
    healthcare") nor a short sentence of its own ("Polish is a bonus", "Previous warehouse
    experience is preferred but not essential"), whose cue judges its own words."""
    if _section(line, "none") != "nice" or FIGURE_RE.search(plain):
        return False
    first = re.split(r"[\s:-]", plain.lower(), maxsplit=1)[0]
    return plain.endswith(":") or any(cue.split()[0] == first for cue in NICE)


@dataclass(frozen=True, slots=True)
class _Place:
    text: str  # the line, or its sentence
    start: int
    end: int
    optional: bool
    said: str


def _places(text: str) -> list[list[_Place]]:
    """Each line of the advert (as the extractor splits it), cut into the places a term can
    sit: the whole line under a "nice" heading, else its sentences' optional stretches and the
    rest."""
    out: list[list[_Place]] = []
    section, heading = "none", ""
    # Whether the "nice" section has said something (a line under its heading, or the
    # heading's own words after its colon), and whether a blank line came since: prose after
    # such a gap ("We offer SQL training.") is no longer the list of pluses (a review: the
    # section ran on to the next heading, and "SQL" read as optional).
    said_under, gap = False, False
    for raw in text.splitlines():
        if not raw.strip():
            gap = section == "nice" and said_under
            continue
        line = _split_line(raw.strip())
        plain = BULLET_RE.sub("", line).strip()
        if gap and BULLET_RE.match(line) is None:
            section = "none"
        gap = False
        read = _section(line, section)
        if read != section and (read != "nice" or _nice_heading(line, plain)):
            section, heading = read, plain.split(":")[0].strip()
            said_under = bool(plain[len(heading) :].strip(" :"))
        elif section == "nice":
            said_under = True
        if section == "nice":
            said = plain if plain.startswith(heading) else f"{heading}: {plain}"
            out.append([_Place(plain, 0, len(plain), True, said)])
            continue
        places = []
        for sentence in SENTENCE_RE.finditer(plain):
            words = sentence.group()
            places += [
                _Place(plain, sentence.start() + a, sentence.start() + b, True, words[a:b].strip())
                for a, b in optional_spans(words)
            ]
            places.append(_Place(plain, sentence.start(), sentence.end(), False, ""))
        out.append(places)
    return out


def optional_terms(description: str, terms: Sequence[str]) -> tuple[OptionalTerm, ...]:
    """Those of `terms` (a job's key terms) that the advert `description` asks for only as a
    plus, in `terms`' order, each with the advert's words that say so."""
    text = advert_text(description)
    if not text or not terms:
        return ()
    lines = _places(text)
    found = []
    for term in terms:
        pattern = phrase_pattern(term.strip(), r"[\w-]", "(?:s|es)?")
        said, required, seen = "", False, False
        for places in lines:
            if not places:
                continue
            for match in pattern.finditer(places[0].text):
                seen = True
                holding = [p for p in places if p.start <= match.start() and match.end() <= p.end]
                optional = next((p for p in holding if p.optional), None)
                if optional is None:
                    required = True
                elif not said:
                    said = optional.said
        if seen and not required:
            found.append(OptionalTerm(term, clip(said, SAID_LIMIT)))
    return tuple(found)
