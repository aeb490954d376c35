"""Feedback from other people on an answer: the rubric they score it on, comments pinned to
moments of the recording, and how the user's own judgement compares with theirs and with
prepcoach's measures (calibration).

Reviewers score on the rubric prepcoach reads answers by (`coach.rubric.RUBRIC`: situation,
task, action, result, evidence; 0 = no, 1 = partly, 2 = yes), plus clarity and delivery, which
prepcoach does not score (people judge them; a written story has no delivery), and give an
overall 1–5 on the scale the user rates their own answers on. Words follow the thing: an
answer or a mock interview is heard, a story is read. Differences are named only when they
are large enough to act on: one point of the 1–5 scale overall, one step of the 0–2 scale per
criterion (the scales' own units; a smaller gap is within what two careful reviewers disagree
by).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from statistics import mean
from typing import TYPE_CHECKING, Literal

from prepcoach.coach.rubric import RUBRIC, Judgement

if TYPE_CHECKING:
    from prepcoach.coach.relevance import Asks

REVIEW_RUBRIC = (
    *RUBRIC,
    ("clarity", "Easy to follow: one story, in order, without losing the listener"),
    ("delivery", "Pace, pauses and fillers help rather than get in the way"),
)
CRITERIA = tuple(name for name, _ in REVIEW_RUBRIC)
# An answer to a question asking what the user would do (`relevance.plan_asked`) is a plan: it
# has no scene of its own, nothing it was responsible for yet and no ending to tell, so it is
# scored on its steps (a look at a practice group's sheet found "What would you do if…" scored
# on "Sets the scene" and "Says how it ended"). "action" keeps its name: prepcoach reads it
# alike (`rubric.read_answer`), and a low score points to the same area.
PLAN_REVIEW_RUBRIC = (
    ("steps", "Gives concrete steps, in an order that makes sense"),
    ("action", "Says what they would do themselves"),
    ("reasons", "Says why: what they would weigh, and the risks they see"),
    ("check", "Says how they would know it worked, and what they would do if not"),
    ("clarity", "Easy to follow: one plan, in order, without losing the listener"),
    ("delivery", "Pace, pauses and fillers help rather than get in the way"),
)
# An answer to a question asking for neither a story nor a plan (`relevance.asks_for_neither`:
# "Why do you want this job?", "What is your greatest strength?", "Explain a p-value") makes a
# point: it is scored on the point, what backs it and its tie to the role, never on a scene or
# an ending it need not have (role reversal scored "What motivates you?" on "Sets the scene").
DIRECT_REVIEW_RUBRIC = (
    ("point", "Answers what was asked, plainly and early"),
    ("support", "Backs it with specifics: an example, a fact or a number"),
    ("fit", "Ties it to this role or employer"),
    ("clarity", "Easy to follow: one point at a time, in order, without losing the listener"),
    ("delivery", "Pace, pauses and fillers help rather than get in the way"),
)
# What a reviewer can only judge by hearing it: a written story has no delivery.
NEEDS_AUDIO = frozenset({"delivery"})
# What feedback is asked on: one answer, a whole mock interview, or a written STAR story.
Thing = Literal["answer", "mock interview", "story"]
OVERALL = (1, 2, 3, 4, 5)
OVERALL_GAP = 1.0  # points of the 1–5 scale
CRITERION_GAP = 1.0  # steps of the 0–2 scale
MAX_PINS = 50
MAX_PIN_CHARS = 1000

# "0:42 — this is where you lost me", "1:02:03 text", "42s: text", "at 0:42, text".
PIN_RE = re.compile(
    r"^\s*(?:at\s+)?(?:(?P<h>\d{1,2}):)?(?P<m>\d{1,3}):(?P<s>[0-5]\d)(?:\.\d+)?\s*[-–—:,]?\s*"
    r"(?P<text>.*)$|^\s*(?:at\s+)?(?P<secs>\d{1,5})\s?s\b\s*[-–—:,]?\s*(?P<text2>.*)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Pin:
    """A comment pinned to a moment: `at_s` seconds from the start of the recording."""

    at_s: float
    text: str

    @property
    def clock(self) -> str:
        return clock(self.at_s)


# Said of a rubric line prepcoach gives no score of its own (clarity, delivery) though it had
# the words; when it had none, `unread_note` says so once instead.
UNSCORED = "prepcoach does not score this"


def read_only(rubric: Sequence[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """`rubric` for a thing that is read, not heard: the criteria that need a recording
    (`NEEDS_AUDIO`) left out, and clarity speaking of a reader."""
    return tuple(
        (name, label.replace("the listener", "the reader") if name == "clarity" else label)
        for name, label in rubric
        if name not in NEEDS_AUDIO
    )


def rubric_for(
    thing: Thing, asks: Asks = "story", heard: bool = True
) -> tuple[tuple[str, str], ...]:
    """The rubric a reviewer scores `thing` on: a story is read, not heard, and so is a typed
    answer (`heard` false), so the criteria that need a recording (`NEEDS_AUDIO`) are left out
    and clarity speaks of a reader (`read_only`; a typed answer was scored on "Delivery: pace,
    pauses and fillers"). `asks`: what the answer's question asks for (`relevance.asked_for`,
    the one rule every face scores by): a plan's answer is scored as a plan
    (`PLAN_REVIEW_RUBRIC`), one to a question asking for neither a story nor a plan on its
    point (`DIRECT_REVIEW_RUBRIC`); a mock interview's questions are of every kind, so its
    rubric is the story's here and `mock_rubric` of its answers on its pages."""
    if thing == "story":
        return read_only(REVIEW_RUBRIC)
    rubric: tuple[tuple[str, str], ...] = REVIEW_RUBRIC
    if thing == "answer" and asks == "plan":
        rubric = PLAN_REVIEW_RUBRIC
    if thing == "answer" and asks == "neither":
        rubric = DIRECT_REVIEW_RUBRIC
    return tuple(rubric) if heard else read_only(rubric)


# The lines of an answer's review rubric that judge how it was said rather than what it says:
# people judge them (`UNSCORED`), and role reversal scores a written sample's content alone.
HOW_SAID = frozenset({"clarity", "delivery"})


def reversal_rubric(asks: Asks = "story") -> tuple[tuple[str, str], ...]:
    """The lines the user scores a sample answer on when they play the interviewer (role
    reversal): its review rubric's (`rubric_for("answer", asks)`) less `HOW_SAID`, so a story's
    is `rubric.RUBRIC`, a plan's its steps, action, reasons and check (the page scored a plan
    on "Sets the scene" and "Says how it ended"), and an answer to a question asking for
    neither its point, support and fit (it scored "What motivates you?" on the story's)."""
    return tuple(
        (name, label) for name, label in rubric_for("answer", asks) if name not in HOW_SAID
    )


# A line a mock interview of stories and plans scores on both, worded for both (the rest are
# one kind's, and name the answers they are for: `mock_rubric`).
FOR_BOTH = {
    "action": "Says what they did, or would do, themselves",
    "clarity": "Easy to follow: one story or plan at a time, in order, without losing the listener",
}
# Clarity for a mock interview whose answers are of every kind, answers that make a point too.
MIXED_CLARITY = "Easy to follow: one answer at a time, in order, without losing the listener"
KINDS: tuple[Asks, ...] = ("story", "plan", "neither")


def mock_rubric(
    asks: Sequence[Asks], heard: Sequence[bool] | None = None
) -> tuple[tuple[str, str], ...]:
    """The rubric a whole mock interview is scored on, by its answers in the order a reviewer
    meets them (`asks[i]`: what answer i + 1's question asks for, `relevance.asked_for`): the
    story's (`rubric_for("mock interview")`) when every answer is a story, one kind's own
    (`rubric_for("answer", kind)`) when every one is of that kind; when kinds are mixed, each
    kind's content lines (the story's, the plan's, then the point's), then clarity and
    delivery, a line of one kind alone naming the answers it is for ("Sets the scene: …
    (answers 1 and 3)") and the lines kinds share worded for them (`FOR_BOTH`, `MIXED_CLARITY`).
    A page look found a mock's plan question scored on "Sets the scene" and "Says how it ended"
    alone. `heard[i]`: whether answer i + 1 was recorded (None: all were); delivery is scored
    over the recorded answers alone, naming them when some were typed, and left out with
    clarity spoken of a reader when none was (`read_only`)."""
    rubric = _mock_content(asks)
    recorded = [n for n, spoken in enumerate(heard or (), start=1) if spoken]
    if heard is None or len(recorded) == len(heard):
        return rubric
    if not recorded:
        return read_only(rubric)
    return tuple(
        (name, f"{label} ({_answers(recorded)})" if name in NEEDS_AUDIO else label)
        for name, label in rubric
    )


def _mock_content(asks: Sequence[Asks]) -> tuple[tuple[str, str], ...]:
    """`mock_rubric` as if every answer was recorded."""
    present = [kind for kind in KINDS if kind in asks]
    if not present or present == ["story"]:
        return rubric_for("mock interview")
    if len(present) == 1:
        return rubric_for("answer", present[0])
    numbers = {kind: [n for n, a in enumerate(asks, start=1) if a == kind] for kind in present}
    lines: dict[str, tuple[str, list[Asks]]] = {}  # each content line: its label, its kinds
    for kind in present:
        for name, label in rubric_for("answer", kind):
            if name not in HOW_SAID:
                lines.setdefault(name, (label, []))[1].append(kind)
    out = []
    for name, (label, kinds) in lines.items():
        worded = FOR_BOTH.get(name, label) if len(kinds) > 1 else label
        if len(kinds) == len(present):
            out.append((name, worded))
        else:
            answers = sorted(n for kind in kinds for n in numbers[kind])
            out.append((name, f"{worded} ({_answers(answers)})"))
    clarity = FOR_BOTH["clarity"] if present == ["story", "plan"] else MIXED_CLARITY
    return (*out, ("clarity", clarity), ("delivery", dict(REVIEW_RUBRIC)["delivery"]))


def _answers(numbers: Sequence[int]) -> str:
    """ "answer 2", "answers 1 and 3", "answers 1, 3 and 4"."""
    if len(numbers) == 1:
        return f"answer {numbers[0]}"
    listed = ", ".join(str(n) for n in numbers[:-1])
    return f"answers {listed} and {numbers[-1]}"


def reading_on(rubric: Sequence[tuple[str, str]], reading: Sequence[Judgement]) -> list[Judgement]:
    """prepcoach's reading of one answer (`rubric.read_answer`) kept to the lines of the rubric
    it is judged on: a plan is read for its action alone, never for a scene, a task or an
    ending it cannot have (`relevance.NOT_IN_A_PLAN`)."""
    names = {name for name, _ in rubric}
    return [j for j in reading if j.criterion in names]


@dataclass(frozen=True, slots=True)
class ScoredLine:
    """One line of role reversal: the user's score beside prepcoach's reading of the line
    (`ours`), None where prepcoach does not score it (`UNSCORED`: a plan's steps, reasons and
    check)."""

    criterion: str
    label: str
    yours: int | None
    ours: Judgement | None

    @property
    def differs(self) -> bool:
        return self.ours is not None and self.ours.score not in (None, self.yours)


def scored_lines(
    rubric: Sequence[tuple[str, str]], yours: Mapping[str, int], ours: Sequence[Judgement]
) -> list[ScoredLine]:
    """Each line of `rubric` in order, the user's score (`yours`) beside prepcoach's."""
    by_name = {j.criterion: j for j in ours}
    return [ScoredLine(name, label, yours.get(name), by_name.get(name)) for name, label in rubric]


def with_scored(
    rubric: Sequence[tuple[str, str]], reviews: Sequence[ReviewScores]
) -> tuple[tuple[str, str], ...]:
    """`rubric`, then every line of the other rubrics that a review scored and `rubric` lacks
    (a review given on the story's rubric before an answer was read as a plan, say), so no
    score a reviewer gave is hidden from the owner."""
    return with_lines(rubric, {name for review in reviews for name in review.criteria})


def with_lines(
    rubric: Sequence[tuple[str, str]], named: Collection[str]
) -> tuple[tuple[str, str], ...]:
    """`rubric`, then each line of the other rubrics `named` that `rubric` lacks, in their
    order: what a review scored (`with_scored`), or what a reviewer reopening it wrote it with,
    so saving it again keeps them (a review saved on the story's lines, reopened once the answer
    was read as a plan, lost them)."""
    names = {name for name, _ in rubric}
    others = dict(REVIEW_RUBRIC) | dict(PLAN_REVIEW_RUBRIC) | dict(DIRECT_REVIEW_RUBRIC)
    extra = [(n, label) for n, label in others.items() if n not in names and n in named]
    return (*rubric, *extra)


def taken_in(thing: Thing, heard: bool = True) -> str:
    """How a reviewer takes the thing in: an answer or a mock interview is heard, a story read,
    and so is a typed answer, or a mock interview of typed answers (`heard` false)."""
    return "read" if thing == "story" or not heard else "heard"


def unread_note(thing: Thing) -> str:
    """Said once, above the rubric, when prepcoach had no words of the thing to read."""
    if thing == "story":
        return (
            "This story has no words yet for prepcoach to read: the rubric shows your "
            "reviewers' scores alone."
        )
    return (
        f"prepcoach could not read this {thing} (no words, too few or not in English, or too "
        "little of the recording heard): the rubric shows your reviewers' scores alone."
    )


def clock(seconds: float) -> str:
    """m:ss (or h:mm:ss) for a time in seconds."""
    whole = int(seconds)
    h, rest = divmod(whole, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


@dataclass(frozen=True, slots=True)
class ParsedComments:
    """A reviewer's comments split into pins (lines that start with a time) and the rest.
    `outside` holds pins whose time is past the end of the recording (kept as pins)."""

    pins: tuple[Pin, ...]
    general: str
    outside: tuple[Pin, ...] = ()


def parse_comments(text: str, duration_s: float | None = None) -> ParsedComments:
    """Lines that begin with a time ("0:42 — …", "42 s: …") become pins, in time order; the
    other lines stay one general comment. Never raises; at most `MAX_PINS` pins, each cut to
    `MAX_PIN_CHARS` characters (the rest of a long line stays in the general comment)."""
    pins: list[Pin] = []
    general: list[str] = []
    for line in text.splitlines():
        match = PIN_RE.match(line)
        if match is None or len(pins) >= MAX_PINS:
            general.append(line)
            continue
        if match.group("secs") is not None:
            at, words = float(match.group("secs")), match.group("text2")
        else:
            hours = int(match.group("h") or 0)
            at = hours * 3600 + int(match.group("m")) * 60 + int(match.group("s"))
            words = match.group("text")
        words = words.strip()
        if not words:
            general.append(line)
            continue
        pins.append(Pin(float(at), words[:MAX_PIN_CHARS]))
        if len(words) > MAX_PIN_CHARS:
            general.append(words[MAX_PIN_CHARS:])
    pins.sort(key=lambda p: p.at_s)
    outside = tuple(p for p in pins if duration_s is not None and p.at_s > duration_s + 1)
    return ParsedComments(tuple(pins), "\n".join(general).strip(), outside)


def written_chars(parsed: ParsedComments) -> int:
    """How much a reviewer wrote in one comment box, its times not counted: what the comment
    limit applies to, so a box reopened with its pins written back as "m:ss — " lines (which
    may be longer than the "42s" the reviewer typed) is never refused when sent unchanged."""
    return sum(len(p.text) for p in parsed.pins) + len(parsed.general)


def pin_line(at_s: float, text: str) -> str:
    """A pin written back as the line it was read from, to edit: "0:42 — text"."""
    return f"{clock(at_s)} — {text}"


@dataclass(frozen=True, slots=True)
class ReviewScores:
    """One reviewer's scores: `overall` 1–5 (None if they gave none), `criteria` 0–2 each."""

    reviewer: str
    overall: int | None
    criteria: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class CriterionComparison:
    """One rubric line: each reviewer's score, their mean, prepcoach's reading (None where
    prepcoach does not judge it, or could not), and the named difference, if any."""

    criterion: str
    label: str
    reviewers: tuple[int, ...]
    mean: float | None
    prepcoach: int | None
    prepcoach_why: str
    difference: str | None


@dataclass(frozen=True, slots=True)
class Calibration:
    """The user's own overall rating against their reviewers' and prepcoach's measured one.
    `verdict` is "harsh" (the user rates lower), "kind" (higher), "close", or None when there
    is nothing to compare yet; `text` says it in words with the numbers."""

    own: int | None
    reviewers_mean: float | None
    measured: int | None
    verdict: str | None
    text: str


RATE_HINT: dict[str, str] = {
    "answer": " Rate it yourself to see how your judgement compares.",
    "mock interview": " Rate its answers yourself to see how your judgement compares.",
    "story": "",  # a story has no rating of its own: the rubric lines below compare
}


def calibrate(
    own: int | None, reviews: Sequence[ReviewScores], measured: int | None,
    thing: Thing = "answer", heard: bool = True,
) -> Calibration:  # fmt: skip
    overall = [r.overall for r in reviews if r.overall is not None]
    avg = round(mean(overall), 1) if overall else None
    if avg is None:
        text = f"No reviewer has scored this {thing} yet."
        return Calibration(own, None, measured, None, text)
    # "your reviewer", never "your 1 reviewer" (a trial's page).
    who = "reviewer" if len(overall) == 1 else f"{len(overall)} reviewers"
    if own is None:
        text = f"Your {who} gave it {avg} of 5.{RATE_HINT[thing]}"
        if measured is not None:
            text += f" prepcoach's measures give {measured} of 5."
        return Calibration(own, avg, measured, None, text)
    gap = own - avg
    said = f"You gave it {own} of 5; your {who} gave it {avg}"
    if gap <= -OVERALL_GAP:
        verdict, text = "harsh", f"{said}: you judge yourself more harshly than they do."
    elif gap >= OVERALL_GAP:
        verdict, text = "kind", f"{said}: they {taken_in(thing, heard)} less in it than you did."
    else:
        verdict, text = "close", f"{said}: you judge it as they do."
    if measured is not None:
        text += f" prepcoach's measures give {measured} of 5."
    return Calibration(own, avg, measured, verdict, text)


def overall_of(ratings: Sequence[int | None]) -> int | None:
    """One 1–5 figure for several answers (a mock interview's): the mean of those that have
    one, rounded half up; None when none has."""
    given = [r for r in ratings if r is not None]
    return int(mean(given) + 0.5) if given else None


def combined_reading(readings: Sequence[Sequence[Judgement]]) -> list[Judgement]:
    """prepcoach's reading of a whole mock interview on the rubric: per criterion, the mean of
    its answers' scores rounded half up, with how many answers scored what as the reason."""
    out = []
    for name, _ in REVIEW_RUBRIC:
        read = [j.score for reading in readings for j in reading if j.criterion == name]
        if not read:
            continue
        # An answer it can't tell about (`reader.UNSURE_FROM`) is counted and said, not scored.
        scores = [score for score in read if score is not None]
        counts = [(scores.count(k), word) for k, word in ((2, "yes"), (1, "partly"), (0, "no"))]
        counts.append((len(read) - len(scores), "can't tell"))
        why = ", ".join(f"{n} {word}" for n, word in counts if n)
        answers = f"{len(read)} answer{'s' if len(read) != 1 else ''}"
        score = int(mean(scores) + 0.5) if scores else None
        out.append(Judgement(name, score, f"over {answers}: {why}"))
    return out


# What reviewers found more or less of than prepcoach, by rubric line, as a person says it
# ("Your reviewer found less of a result in it", never "heard less result").
FOUND_OF = {
    "situation": "of the scene",
    "task": "of your task",
    "action": "of your own part",
    "result": "of a result",
    "evidence": "backing for the result",
    "steps": "of the steps",
}


def compare(
    reviews: Sequence[ReviewScores], judgements: Sequence[Judgement] = (),
    rubric: Sequence[tuple[str, str]] = REVIEW_RUBRIC, thing: Thing = "answer",
    read: bool | None = None, heard: bool = True,
) -> list[CriterionComparison]:  # fmt: skip
    """Per rubric criterion (of `rubric`: `rubric_for` the thing reviewed), the reviewers'
    scores beside prepcoach's reading of it (`coach.rubric.read_answer`), with the difference
    named when the reviewers' mean and prepcoach's score are a step or more apart. A line
    prepcoach does not score says so (`UNSCORED`), unless it read nothing at all (`read`
    false; by default, no `judgements`: `unread_note` says that once). An answer that makes a
    point is read but scored on none of its lines (`DIRECT_REVIEW_RUBRIC`): `read` says so."""
    ours = {j.criterion: j for j in judgements}
    read = bool(judgements) if read is None else read
    verb = taken_in(thing, heard)
    out = []
    for name, label in rubric:
        scores = tuple(r.criteria[name] for r in reviews if name in r.criteria)
        avg = round(mean(scores), 1) if scores else None
        judged = ours.get(name)
        difference = None
        if (
            avg is not None
            and judged is not None
            and judged.score is not None
            and abs(avg - judged.score) >= CRITERION_GAP
        ):
            more = "more" if avg > judged.score else "less"
            what = f"{more} {FOUND_OF.get(name, f'of {name}')}"
            found = (
                f"found {what} in it than prepcoach did"
                if verb == "read"
                else f"heard {what} than prepcoach read"
            )
            ask = "which words showed it" if more == "more" else "what was missing"
            who = "Your reviewer" if len(scores) == 1 else "Your reviewers"
            difference = f"{who} {found}: ask them {ask}."
        why = judged.why if judged is not None else (UNSCORED if read else "")
        out.append(
            CriterionComparison(
                name, label, scores, avg,
                judged.score if judged is not None else None, why, difference,
            )
        )  # fmt: skip
    return out


@dataclass(frozen=True, slots=True)
class FeedbackAsk:
    """A short message asking an interviewer for feedback, for the user to edit and send
    themselves (prepcoach never writes to an interviewer)."""

    subject: str
    body: str


def interviewer_ask(
    company: str, role: str, interviewer: str = "", interview_day: str = "",
    topics: Sequence[str] = (), sender: str = "",
) -> FeedbackAsk:  # fmt: skip
    """Drafted from the job and the interview: who, which role, when, what was discussed.
    Brief and specific, as recruiters advise: thank them, ask one or two concrete questions
    (what would have made the answers stronger, what to work on), and make saying no easy.
    `interview_day` is already in the user's words ("Tuesday 1 December")."""
    greeting = f"Dear {interviewer.strip()}," if interviewer.strip() else "Hello,"
    when = f" on {interview_day.strip()}" if interview_day.strip() else ""
    role_at = f"the {role.strip()} role at {company.strip()}" if role.strip() else company.strip()
    discussed = [t.strip() for t in topics if t.strip()][:3]
    about = ""
    if discussed:
        listed = (
            discussed[0]
            if len(discussed) == 1
            else ", ".join(discussed[:-1]) + f" and {discussed[-1]}"
        )
        about = f" I particularly enjoyed our discussion of {listed}."
    lines = [
        greeting,
        "",
        f"Thank you for interviewing me for {role_at}{when}.{about}",
        "",
        "I am working on my interviewing, and a few words from you would help me a great deal: "
        "what would have made my answers stronger, and is there one thing you would suggest I "
        "work on?",
        "",
        "I understand if you are not able to share feedback; thank you for your time either way.",
        "",
        "Kind regards,",
        sender.strip() or "[your name]",
    ]
    subject = f"Thank you, and a request for feedback: {role.strip() or company.strip()}"
    return FeedbackAsk(subject.strip(": "), "\n".join(lines))
