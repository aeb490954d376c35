"""A transcript of the user's own interview or mock, as a meeting tool or the user gives it:
plain text with a speaker's name before each turn ("Alex: …", "Interviewer - …", "[Alex]
10:02:33", Otter's "Alex Smith  0:02"), WebVTT (with `<v Name>` voice tags or "Name: " in the
cue) or SRT. `parse_transcript` finds the turns (speaker, words, start and end in seconds where
the file says), who the user is and who interviewed them (the name the user gives, else whoever
asks the questions: question marks, interrogative openings, share of the talk; with how sure it
is, and `None` when it cannot tell), and the question → answer pairs (consecutive turns of one
side joined). Anything it cannot read raises `TranscriptError` with a message for the user.

Pure: the page's view stores the text and asks this module again; the answers are read by the
answer reader (`coach.answer.analyse_answer`), as practice answers are, not here."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from prepcoach.coach.reader import LATIN_RE
from prepcoach.coach.reader_features import SUBJECTS
from prepcoach.coach.text import STOPWORDS, clip

MAX_CHARS = 400_000  # refused before reading: no interview's words come near it
MAX_SECONDS = 90 * 60  # the longest interview (or part of one) read at a time
MAX_WORDS = 15_000  # about 90 minutes of talk at 160 words a minute: the cap without timings
QUESTION_CHARS = 300  # the question bank's limit (practice.Question.text)

FORMATS = {"text": "plain text", "vtt": "WebVTT captions", "srt": "SRT captions"}
READS = (
    "prepcoach reads plain text with the speaker's name before each turn (“Alex: …” or "
    "“Interviewer - …”), and WebVTT (.vtt) or SRT (.srt) captions from a meeting tool."
)


class TranscriptError(ValueError):
    """Why a text cannot be read as a transcript; `kind` names the case for the page."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class Turn:
    speaker: str
    text: str
    start: float | None = None  # seconds from the start of the file, where it says
    end: float | None = None


@dataclass(frozen=True)
class Speaker:
    name: str
    turns: int
    questions: int  # turns holding a question
    words: int
    share: float  # of all the words said


@dataclass(frozen=True)
class Pair:
    """An interviewer's question and the user's answer to it."""

    question: str  # the question's own sentences, at most QUESTION_CHARS
    asked: str  # everything the interviewer(s) said before the answer
    asked_by: tuple[str, ...]
    answer: str
    start: float | None
    end: float | None
    of_day: bool = False  # the times are the clock's, not positions in a recording

    @property
    def at(self) -> str:
        """When the question was asked, as a player shows it ("1:02:05", "4:07"), or the time of
        day ("10:02 in the day") when the transcript's times are the clock's, or ""."""
        if self.start is None:
            return ""
        hours, rest = divmod(int(self.start), 3600)
        minutes, seconds = divmod(rest, 60)
        if self.of_day:
            return f"{hours % 24:02d}:{minutes:02d} in the day"
        return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


@dataclass(frozen=True)
class InterviewTranscript:
    format: str  # a key of FORMATS
    turns: tuple[Turn, ...]
    speakers: tuple[Speaker, ...]  # in the order they first speak
    user: str | None  # None: cannot tell who the user is (the page asks)
    interviewers: tuple[str, ...]
    sure: str  # "given" (by the user), "clear", "likely" or "unsure"
    why: str  # how it decided, in words
    pairs: tuple[Pair, ...]
    duration_s: float | None
    words: int
    of_day: bool = False  # a plain transcript whose times are the clock's ("[10:02:33] Kim:")

    @property
    def format_name(self) -> str:
        return FORMATS[self.format]

    @property
    def length(self) -> str:
        """How long the timings say it runs ("" without timings)."""
        if self.duration_s is None:
            return ""
        return _duration_words(self.duration_s) if self.duration_s >= 60 else "under a minute"

    def as_user(self, name: str) -> InterviewTranscript:
        """The same transcript with `name` (one of its speakers) as the user."""
        found = next((s.name for s in self.speakers if s.name == name), None)
        if found is None:
            return self
        return replace(
            self, user=found, sure="given",
            interviewers=tuple(s.name for s in self.speakers if s.name != found),
            why=f"You said you are {found}.", pairs=pairs_of(self.turns, found, self.of_day),
        )  # fmt: skip


# --- reading the file -----------------------------------------------------------------------

# A cue's times are found with any number of digits and then checked (`_seconds`): a time with
# too many digits or an impossible minute is refused with a message, not read as a huge number.
CUE_TIME = r"(?:(\d+):)?(\d+):(\d+(?:[.,]\d+)?)"
CUE_RE = re.compile(rf"^\s*{CUE_TIME}\s*-->\s*{CUE_TIME}")
CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
TIME_DIGITS = (3, 2, 2, 3)  # the most digits of an hour, a minute, a second, its fraction
NAME = r"[^\W\d_][\w.'’]*(?:[ \-][\w.'’]+){0,3}"
# "Alex: …", "Alex - …", "[Alex] …", "Alex (0:42): …", "00:01:02 Alex: …"
INLINE_RE = re.compile(
    rf"^\s*(?:\[?(?P<t1>{CLOCK})\]?\s+)?(?:\[(?P<n1>{NAME})\]|(?P<n2>{NAME}))"
    rf"\s*(?:[(\[](?P<t2>{CLOCK})[)\]])?(?:\s*:|\s+[-–—])\s*(?P<text>.*)$"
)
# A speaker's line of its own with a time ("Alex Smith  0:02", "[Alex] 10:02:33")
HEADING_RE = re.compile(
    rf"^\s*(?:\[(?P<n1>{NAME})\]|(?P<n2>{NAME}))\s+[(\[]?(?P<t>{CLOCK})[)\]]?\s*$"
)
VOICE_RE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]+)>")
TAG_RE = re.compile(r"<[^>]*>")
ZERO_WIDTH_RE = re.compile("[\u200b-\u200d\u2060\ufeff]")
HTML_RE = re.compile(
    r"<\s*(?:!doctype|html|head|body|div|p|span|table|tr|td|script|style|meta|a\s|br|li|ul)\b",
    re.I,
)
# Words that open a line as "Word: …" inside an answer, not a speaker's name.
NOT_NAMES = frozenset(
    "situation task action result results outcome note notes example answer context summary "
    "step problem solution update subject date time location agenda title http https".split()
)
ROLE_INTERVIEWER = re.compile(r"interviewer|recruiter|hiring manager|panel|host", re.I)
ROLE_USER = frozenset({"me", "myself", "candidate", "interviewee", "you", "applicant"})


def _seconds(h: str | None, m: str, s: str) -> float:
    """Seconds of a time's hours, minutes and seconds (with a fraction), as the file writes
    them; a time no recording has ("99999:00:00", "00:75:00") raises `TranscriptError`."""
    whole, _, fraction = s.replace(",", ".").partition(".")
    digits = (h or "0", m, whole, fraction or "0")
    if (
        any(len(d) > most for d, most in zip(digits, TIME_DIGITS, strict=True))
        or max(int(m), int(whole)) > 59
    ):
        written = f"{h}:{m}:{s}" if h is not None else f"{m}:{s}"
        raise TranscriptError(
            "bad_time",
            f"“{clip(written, 40)}” is not a time prepcoach can read: it reads hours up to three "
            "digits and minutes and seconds from 00 to 59 (“01:02:03.500”). Correct or delete "
            "that time and read the transcript again.",
        )
    return int(digits[0]) * 3600 + int(m) * 60 + float(f"{whole}.{digits[3]}")


def _clock(text: str | None) -> float | None:
    if not text:
        return None
    parts = re.split(r":", text.replace(",", "."))
    if len(parts) == 2:
        return _seconds(None, parts[0], parts[1])
    return _seconds(parts[0], parts[1], parts[2])


def _name(raw: str) -> str:
    """A speaker's name in one form: NFKC (full-width letters, ligatures), one space between
    words whatever the space (non-breaking, tab) and no zero-width characters."""
    return " ".join(ZERO_WIDTH_RE.sub("", unicodedata.normalize("NFKC", raw)).split())


def _one_spelling(pieces: Sequence[Turn]) -> list[Turn]:
    """A name written "kim" once and "Kim" once is one speaker, named as first written."""
    first: dict[str, str] = {}
    return [
        replace(p, speaker=first.setdefault(p.speaker.casefold(), p.speaker)) if p.speaker else p
        for p in pieces
    ]


def _clean(text: str) -> str:
    return " ".join(html.unescape(TAG_RE.sub(" ", text)).split())


def _check_kind(text: str) -> None:
    head = text.lstrip()[:200]
    if "\x00" in text or head.startswith(("%PDF", "PK\x03\x04", "{\\rtf")):
        raise TranscriptError(
            "unknown", f"This is not text (a PDF, Word or other document?). {READS}"
        )
    if head.startswith(("<!", "<html", "<?xml")) or len(HTML_RE.findall(text[:20_000])) >= 3:
        raise TranscriptError(
            "html",
            "This is a web page (HTML), not a transcript. Copy the words from the page and "
            "paste them, or download the transcript as text, WebVTT (.vtt) or SRT (.srt).",
        )
    tail = text.rstrip()[-1:]
    if (head[:1], tail) in {("{", "}"), ("[", "]")}:
        raise TranscriptError("unknown", f"This looks like data (JSON), not a transcript. {READS}")


def _cues(text: str) -> list[Turn]:
    """Cues of a WebVTT or SRT file in time order, each with its speaker ("" when the cue
    names none: it goes on the previous speaker's turn)."""
    found: list[Turn] = []
    for block in re.split(r"\n\s*\n", text):
        lines = block.split("\n")
        at = next((i for i, line in enumerate(lines) if CUE_RE.match(line)), None)
        if at is None:
            continue
        match = CUE_RE.match(lines[at])
        assert match is not None
        start = _seconds(*match.group(1, 2, 3))
        end = max(start, _seconds(*match.group(4, 5, 6)))
        body = "\n".join(lines[at + 1 :])
        voices = list(VOICE_RE.finditer(body))
        if voices:
            for i, voice in enumerate(voices):
                stop = voices[i + 1].start() if i + 1 < len(voices) else len(body)
                said = _clean(body[voice.end() : stop])
                if said:
                    found.append(Turn(_name(_clean(voice.group(1))), said, start, end))
            continue
        said = _clean(body)
        labelled = INLINE_RE.match(said)
        if labelled and _is_name(labelled, said):
            name = labelled.group("n1") or labelled.group("n2")
            found.append(Turn(_name(name), labelled.group("text").strip(), start, end))
        elif said:
            found.append(Turn("", said, start, end))
    found.sort(key=lambda t: t.start or 0.0)
    return found


def _is_name(match: re.Match[str], line: str) -> bool:
    name = (match.group("n1") or match.group("n2") or "").strip()
    rest = match.group("text")
    return bool(name) and len(name) <= 40 and not rest.startswith("//") and line.strip() != name


def _lines(text: str) -> list[Turn]:
    """Turns of a plain-text transcript: a labelled line starts one, other lines go on it."""
    found: list[Turn] = []
    for line in text.split("\n"):
        if not line.strip():
            continue
        heading = HEADING_RE.match(line)
        if heading:
            name = heading.group("n1") or heading.group("n2")
            found.append(Turn(_name(name), "", _clock(heading.group("t"))))
            continue
        labelled = INLINE_RE.match(line)
        if labelled and _is_name(labelled, line):
            name = _name(labelled.group("n1") or labelled.group("n2"))
            when = _clock(labelled.group("t1") or labelled.group("t2"))
            found.append(Turn(name, _clean(labelled.group("text")), when))
        else:
            found.append(Turn("", _clean(line)))
    return _fold_false_names(found)


def _fold_false_names(turns: list[Turn]) -> list[Turn]:
    """A line "Result: we grew 20 %" inside an answer is not a speaker: a label met once that is a
    common word is read as words of the turn it sits in."""
    counts: dict[str, int] = {}
    for turn in turns:
        if turn.speaker:
            counts[turn.speaker.casefold()] = counts.get(turn.speaker.casefold(), 0) + 1
    out = []
    for turn in turns:
        key = turn.speaker.casefold()
        if turn.speaker and counts[key] == 1 and key in NOT_NAMES:
            out.append(Turn("", f"{turn.speaker}: {turn.text}"))
        else:
            out.append(turn)
    return out


def _join(pieces: Sequence[Turn]) -> list[Turn]:
    """Unnamed pieces go on the turn before; a speaker's consecutive turns become one; times
    never go backwards (a start earlier than the one before is dropped)."""
    named: list[Turn] = []
    for piece in pieces:
        if piece.speaker:
            named.append(piece)
        elif named:
            prev = named[-1]
            ends = [e for e in (prev.end, piece.end) if e is not None]
            named[-1] = replace(
                prev, text=f"{prev.text} {piece.text}".strip(),
                start=prev.start if prev.start is not None else piece.start,
                end=max(ends) if ends else None,
            )  # fmt: skip
    turns: list[Turn] = []
    last_start: float | None = None
    for piece in named:
        if not piece.text:
            continue
        start = piece.start
        if start is not None and last_start is not None and start < last_start:
            start = None
        if start is not None:
            last_start = start
        end = None if piece.end is None or start is None else max(piece.end, start)
        if turns and piece.speaker == turns[-1].speaker:
            prev = turns[-1]
            ends = [e for e in (prev.end, end) if e is not None]
            turns[-1] = Turn(
                prev.speaker, f"{prev.text} {piece.text}",
                prev.start if prev.start is not None else start, max(ends) if ends else None,
            )  # fmt: skip
        else:
            turns.append(Turn(piece.speaker, piece.text, start, end))
    return turns


# --- who is who ----------------------------------------------------------------------------

OPENER_RE = re.compile(
    r"^(?:(?:so|and|okay|ok|great|right|now|next|thanks|thank you|well|alright|cool),?\s+)*"
    r"(?:what|why|how|when|where|who|whom|which|whose|tell (?:me|us)|talk (?:me|us) through|"
    r"walk (?:me|us) through|take (?:me|us) through|describe|give (?:me|us)|can you|could you|"
    r"would you|will you|do you|did you|have you|had you|are you|were you|is there|was there|"
    r"is it|explain|share)\b",
    re.I,
)


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text.strip()) if s]


def is_question(sentence: str) -> bool:
    return sentence.rstrip().endswith("?") or bool(OPENER_RE.match(sentence.strip()))


def _stats(turns: Sequence[Turn]) -> tuple[Speaker, ...]:
    order: dict[str, list[Turn]] = {}
    for turn in turns:
        order.setdefault(turn.speaker, []).append(turn)
    total = sum(len(t.text.split()) for t in turns) or 1
    out = []
    for name, said in order.items():
        words = sum(len(t.text.split()) for t in said)
        asks = sum(any(map(is_question, sentences(t.text))) for t in said)
        out.append(Speaker(name, len(said), asks, words, round(words / total, 3)))
    return tuple(out)


def _given(speakers: Sequence[Speaker], name: str) -> str | None:
    want = name.casefold().split()
    if not want:
        return None
    for test in (
        lambda s: s.casefold().split() == want,
        lambda s: s.casefold().split()[:1] == want[:1],
        lambda s: set(want) <= set(s.casefold().split()),
    ):
        hits = [s.name for s in speakers if test(s.name)]
        if len(hits) == 1:
            return hits[0]
    return None


def _figures(s: Speaker) -> str:
    return (
        f"{s.name} asks in {s.questions} of {s.turns} turn{'s' if s.turns != 1 else ''} "
        f"and says {round(s.share * 100)} % of the words"
    )


def who_is_who(speakers: Sequence[Speaker], name: str = "") -> tuple[str | None, str, str]:
    """(the user, how sure: given/clear/likely/unsure, why in words)."""
    if name.strip():
        found = _given(speakers, name)
        if found is not None:
            return found, "given", f"You said you are {found}."
        lead = f"No speaker is called “{clip(name, 40)}”. "
    else:
        lead = ""
    by_role = [s for s in speakers if s.name.casefold() in ROLE_USER]
    interviewers = [s for s in speakers if ROLE_INTERVIEWER.search(s.name)]
    if len(by_role) == 1:
        return by_role[0].name, "clear", lead + f"The transcript calls {by_role[0].name} you."
    if interviewers and len(speakers) - len(interviewers) == 1:
        user = next(s for s in speakers if s not in interviewers)
        return user.name, "clear", lead + f"{interviewers[0].name} is named as the interviewer."

    def ask_rate(s: Speaker) -> float:
        return s.questions / s.turns

    ranked = sorted(speakers, key=lambda s: s.share - ask_rate(s), reverse=True)
    user, others = ranked[0], ranked[1:]
    figures = "; ".join(_figures(s) for s in speakers) + "."
    if ask_rate(user) <= 0.25 and all(ask_rate(o) >= 0.5 for o in others) and user.share >= 0.4:
        return user.name, "clear", lead + f"{user.name} answers and the others ask: {figures}"
    gap = (user.share - ask_rate(user)) - (others[0].share - ask_rate(others[0]))
    if gap >= 0.3 and ask_rate(user) < min(ask_rate(o) for o in others):
        return user.name, "likely", lead + f"{user.name} asks least and talks most: {figures}"
    why = f"Both sides ask and answer alike ({figures}) Say which one you are."
    return None, "unsure", lead + why


def pairs_of(turns: Sequence[Turn], user: str, of_day: bool = False) -> tuple[Pair, ...]:
    """Each run of the interviewers' turns that asks something, with the user's run after it;
    the pleasantries that open the call (`_small_talk`) are not pairs."""
    pairs: list[Pair] = []
    names = frozenset(w for t in turns for w in WORD_RE.findall(t.speaker.casefold()))
    opening = True  # no answer of more than a few words yet
    i = 0
    while i < len(turns):
        if turns[i].speaker == user:
            i += 1
            continue
        block = []
        while i < len(turns) and turns[i].speaker != user:
            block.append(turns[i])
            i += 1
        answer = []
        while i < len(turns) and turns[i].speaker == user:
            answer.append(turns[i])
            i += 1
        if not answer:
            break
        asked = " ".join(t.text for t in block)
        said = " ".join(t.text for t in answer)
        question = _question_in(asked, long_answer=len(said.split()) >= 40)
        small_talk = opening and _small_talk(question, said, names)
        opening = opening and len(said.split()) <= SMALL_TALK_WORDS
        if question and not small_talk:
            times = [t.end for t in answer if t.end is not None] or [
                t.start for t in answer if t.start is not None
            ]  # fmt: skip
            pairs.append(Pair(
                question, asked, tuple(dict.fromkeys(t.speaker for t in block)), said,
                block[0].start, max(times) if times else None, of_day,
            ))  # fmt: skip
    return tuple(pairs)


SMALL_TALK_WORDS = 5  # an answer this short says nothing an interview asks for
WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _small_talk(question: str, answer: str, names: frozenset[str]) -> bool:
    """A pleasantry that opens the call ("Hello Al, how are you today?" "Fine, thanks."), not a
    question to practise. Told by its shape, not by a list of greetings (which never ends, and
    would drop "How are you?" asked to probe stress late in an interview): the caller checks it
    comes before any real answer; its answer is a few words; and its question holds at most one
    word beyond the common ones (STOPWORDS) and the speakers' names, so "Which database did
    you move to?" is kept however short the answer. A real question with no such word answered
    in five words at the very start ("Why this role?" "I like the team.") is dropped too: rare,
    and its answer gives the reader nothing to read."""
    words = WORD_RE.findall(question.casefold())
    content = [w for w in words if w not in STOPWORDS and w not in names]
    return len(answer.split()) <= SMALL_TALK_WORDS and len(content) <= 1


def _question_in(asked: str, *, long_answer: bool) -> str:
    """The question's own sentences: the last run of questions in what the interviewer said
    (or its last sentence, before an answer of 40 words or more, when nothing reads as one)."""
    said = sentences(asked)
    asks = [i for i, s in enumerate(said) if is_question(s)]
    if not asks:
        return clip(said[-1], QUESTION_CHARS) if said and long_answer else ""
    last = first = asks[-1]
    while first > 0 and is_question(said[first - 1]):
        first -= 1
    return clip(" ".join(said[first : last + 1]), QUESTION_CHARS)


# --- the whole reading ---------------------------------------------------------------------


def _duration_words(seconds: float) -> str:
    hours, minutes = divmod(round(seconds / 60), 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def _not_english(turns: Sequence[Turn]) -> bool:
    said = [w.lower() for t in turns for w in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", t.text)]
    if len(said) < 20:
        return False
    english = sum(w in STOPWORDS or w in SUBJECTS for w in said)
    latin = sum(bool(LATIN_RE.search(w)) for w in said)
    return latin < len(said) / 2 or english < len(said) // 10


def parse_transcript(text: str, user: str = "") -> InterviewTranscript:
    """Read a transcript (any string). `user` is the name the user goes by in it, if they said.
    Raises `TranscriptError` for empty, unreadable, nameless, one-speaker, too long, HTML and
    non-English text."""
    if len(text) > MAX_CHARS:
        raise TranscriptError(
            "too_long",
            f"This is {len(text):,} characters; prepcoach reads transcripts up to "
            f"{MAX_CHARS:,} characters and {MAX_SECONDS // 60} minutes. Paste the part you "
            "want read (the questions and your answers).",
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Every space one space (a name "Kim\u00a0Lee:" is a name), no zero-width characters.
    text = re.sub(r"[^\S\n]+", " ", ZERO_WIDTH_RE.sub("", text))
    if not text.strip():
        raise TranscriptError("empty", "The transcript is empty: paste its text or choose a file.")
    _check_kind(text)
    first = text.lstrip().split("\n", 1)[0]
    timed = any(CUE_RE.match(line) for line in text.split("\n"))
    kind = "vtt" if first.startswith("WEBVTT") else "srt" if timed else "text"
    pieces = _one_spelling(_cues(text) if timed else _lines(text))
    unnamed = next((i for i, p in enumerate(pieces) if p.speaker), len(pieces))
    turns = _join(pieces)
    if not turns:
        if timed or kind == "vtt":
            why = "The captions have no speaker names"
        elif pieces:
            why = "No speaker names found"
        else:
            raise TranscriptError("unknown", f"prepcoach found no transcript in this. {READS}")
        raise TranscriptError(
            "no_names",
            f"{why}, so prepcoach cannot tell the interviewer's questions from your answers. "
            "Put each speaker's name before their turn (“Alex: …”), or download the transcript "
            "from your meeting tool with speaker names turned on.",
        )
    times = [t for turn in turns for t in (turn.start, turn.end) if t is not None]
    duration = max(times) - min(times) if len(times) > 1 else None
    # A recording's positions start near 0:00; a plain transcript whose first time is an hour or
    # more in ("[10:02:33] Kim:") gives the clock's time, shown as a time of day.
    of_day = kind == "text" and bool(times) and times[0] >= 3600
    if duration is not None and duration > MAX_SECONDS:
        raise TranscriptError(
            "too_long",
            f"This transcript runs {_duration_words(duration)}; prepcoach reads up to "
            f"{MAX_SECONDS // 60} minutes of an interview at a time. Paste the part you want "
            "read (the questions and your answers).",
        )
    words = sum(len(t.text.split()) for t in turns)
    if words > MAX_WORDS:
        raise TranscriptError(
            "too_long",
            f"This transcript has {words:,} words; prepcoach reads up to {MAX_WORDS:,} (about "
            f"{MAX_SECONDS // 60} minutes of talk) at a time. Paste the part you want read.",
        )
    if _not_english(turns):
        raise TranscriptError(
            "language",
            "This transcript does not read as English, the only language prepcoach reads: it "
            "could not find the questions or read the answers.",
        )
    speakers = _stats(turns)
    if len(speakers) == 1:
        name = clip(speakers[0].name, 40)
        lines = f"{unnamed} caption{'s' if unnamed != 1 else ''}" if timed else (
            f"{unnamed} line{'s' if unnamed != 1 else ''}")  # fmt: skip
        before = (
            f" The {lines} before {name}'s first turn name no speaker, so prepcoach cannot tell "
            "who said them: put each speaker's name before their turn (“Alex: …”)."
            if unnamed else ""
        )  # fmt: skip
        raise TranscriptError(
            "one_speaker",
            f"Only one speaker is named ({name}): prepcoach needs the interviewer's turns too, "
            f"to find the questions.{before}",
        )
    found, sure, why = who_is_who(speakers, user)
    return InterviewTranscript(
        format=kind, turns=tuple(turns), speakers=speakers, user=found,
        interviewers=tuple(s.name for s in speakers if s.name != found) if found else (),
        sure=sure, why=why, pairs=pairs_of(turns, found, of_day) if found else (),
        duration_s=duration, words=words, of_day=of_day,
    )  # fmt: skip
