"""How ready the user is for one upcoming interview, from plain data gathered for it: research
facts against their target, stories covering the company's values and the job's key terms
(`stories.coverage`), practice on the job's questions and its trend (each answer's measured
figure as its report gives it, `follow_up_answer.measured_answer`, week by week; the answers
to follow-ups counted apart, never as answers to the job's questions: `practice_of`), open
improvement areas, the earlier rounds' debriefs, and the questions likely next (those asked
in earlier rounds, then the job's terms and values no story covers yet, then the terms the
advert only welcomes, said to be optional: `optional_terms`). The pre-interview
card is the few things worth reading in the last 15 minutes. Every line says what it rests
on; nothing here guesses at the outcome."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from statistics import mean
from typing import TYPE_CHECKING, Any, Literal

from prepcoach.coach.follow_up_answer import measured_answer
from prepcoach.coach.relevance import asked_for
from prepcoach.coach.stories import CoverageRow, StoryInfo, coverage
from prepcoach.coach.text import clip

if TYPE_CHECKING:
    from prepcoach.coach.optional_terms import OptionalTerm
    from prepcoach.coach.patterns import Embedder

LIKELY = 8  # likely questions listed on the page
CARD_FACTS = 5
CARD_STORIES = 3
CARD_QUESTIONS = 5
CARD_ASK = 3
WENT_ORDER = {"badly": 0, "partly": 1, "": 2, "well": 3}


@dataclass(frozen=True)
class AnswerFacts:
    """One analysed answer: `question` is its own question's words (a follow-up's answer
    keeps the follow-up's), `analysis` its stored analysis or evidence, `follow_up` whether it
    answers a follow-up (the attempt's `follow_up_to` link): only then is it counted apart
    from the answers to the job's questions (`practice_of`), never a first answer whose
    question is worded as a follow-up. `unread`: why prepcoach could not read the answer at
    all (its analysis's `cannot_tell`: "too little to read", "does not read as English"), or
    "": such an answer is no practice of its question (`practice_of`)."""

    id: Hashable
    day: dt.date
    question: str
    analysis: Mapping[str, Any]
    follow_up: bool = False
    unread: str = ""


@dataclass(frozen=True)
class RoundFacts:
    """An earlier interview of the same job and what its debrief says (if it has one)."""

    id: Hashable
    round_name: str
    day: dt.date
    debriefed: bool
    outcome: str = ""  # the outcome's words ("Next round")
    went_well: str = ""
    went_badly: str = ""
    feedback: str = ""
    asked: tuple[tuple[str, str], ...] = ()  # (question, how it went: well/partly/badly/"")
    transcripts: int = 0  # transcripts of it that read (their questions are in `asked`)


@dataclass(frozen=True)
class OpenArea:
    key: str
    title: str
    rule: str
    working_on: bool  # a goal made from it is active


@dataclass(frozen=True)
class ReadinessFacts:
    today: dt.date
    facts: Sequence[str]  # newest first
    fact_target: int
    stories: Sequence[StoryInfo]
    values: Sequence[str]
    terms: Sequence[str]
    job_questions: Sequence[str]  # the job's questions: asked at it, tagged with it, in its mocks
    answers: Sequence[AnswerFacts]  # answers to those questions or in its mocks
    areas: Sequence[OpenArea]
    earlier: Sequence[RoundFacts]  # earlier rounds of the same job, oldest first
    my_questions: Sequence[str] = ()  # the user's questions for them
    # The answers and debriefs the open areas were read from (`improvement_areas`): with none
    # open, the page says no pattern holds in them, as the areas page does, not "answer a few".
    areas_read: int = 0
    # Of `terms`, those the advert asks for only as a plus (`optional_terms.optional_terms`).
    optional_terms: Sequence[OptionalTerm] = ()


@dataclass(frozen=True)
class Research:
    facts: int
    target: int

    @property
    def done(self) -> bool:
        return self.facts >= self.target

    @property
    def words(self) -> str:
        if self.done:
            return f"{self.facts} key facts collected, your target was {self.target}."
        return f"{self.facts} of the {self.target} key facts you set out to collect."


@dataclass(frozen=True)
class Stories:
    stories: int
    rows: tuple[CoverageRow, ...]  # one per value and job term
    titles: Mapping[Hashable, str] = field(default_factory=dict)  # story id → title

    def named(self, row: CoverageRow) -> tuple[tuple[Hashable, str, str], ...]:
        """(story id, title, what shows it) for each story covering a row."""
        return tuple(
            (i, self.titles.get(i, ""), e) for i, e in zip(row.stories, row.evidence, strict=False)
        )

    @property
    def covered(self) -> int:
        return sum(not r.gap for r in self.rows)

    @property
    def gaps(self) -> tuple[CoverageRow, ...]:
        return tuple(r for r in self.rows if r.gap)

    @property
    def done(self) -> bool:
        return bool(self.rows) and not self.gaps

    @property
    def words(self) -> str:
        if not self.rows:
            return "The job has no values or key terms to cover yet."
        return f"Your stories cover {self.covered} of the {len(self.rows)} values and key terms."


@dataclass(frozen=True)
class Practice:
    """Practice on the job's questions (`practice_of`). `answers`, `practised` and `points`
    are of first answers only; `follow_ups` counts the answers to follow-ups, said apart, and
    `unread` the answers prepcoach could not read (`AnswerFacts.unread`), in none of them."""

    questions: int  # the job's questions
    practised: tuple[str, ...]  # of them, answered at least once
    unpractised: tuple[str, ...]
    answers: int  # first answers counted (to its questions or in its mocks)
    points: tuple[tuple[dt.date, float], ...]  # (Monday, mean measured rating 1-5 that week)
    follow_ups: int = 0  # answers to follow-ups, in none of the figures above
    unread: int = 0  # answers that could not be read (of either kind), in none of them either
    # The last week with a figure: its answers counted, and those with a figure
    # (`measured_answer` gives none to an answer to a question asking for neither a story nor a
    # plan, nor where a part it turns on can't be told). A trial read "rates 4.4 of 5" as all 8
    # answers' figure, its 6-word answer among them.
    last_week_answers: int = 0
    last_week_rated: int = 0

    @property
    def change(self) -> float | None:
        return round(self.points[-1][1] - self.points[0][1], 1) if len(self.points) > 1 else None

    @property
    def done(self) -> bool:
        return self.answers > 0 and not self.unpractised

    @property
    def apart(self) -> str:
        """The answers to follow-ups and those prepcoach could not read, said as not counted:
        "1 answer to a follow-up and 2 answers prepcoach could not read"."""
        said = []
        if self.follow_ups:
            said.append(
                "1 answer to a follow-up"
                if self.follow_ups == 1
                else f"{self.follow_ups} answers to follow-ups"
            )
        if self.unread:
            said.append(f"{self.unread} answer{'s' if self.unread != 1 else ''} prepcoach could "
                        "not read")  # fmt: skip
        return " and ".join(said)

    @property
    def words(self) -> str:
        if not self.answers:
            return "No answer to this job's questions yet" + (
                f", not counting {self.apart}." if self.apart else "."
            )
        said = f"{self.answers} answer{'s' if self.answers != 1 else ''} to this job's questions"
        if self.apart:
            said += f", not counting {self.apart}"
        if not self.points:
            return said + "; none could be rated yet."
        last_week, last = self.points[-1]
        said += f"; the week of {last_week:%-d %b} rates {last:.1f} of 5"
        if self.last_week_rated < self.last_week_answers:
            said += (
                f" over the {self.last_week_rated} of its {self.last_week_answers} answers that "
                "could be rated"
            )
        if self.change is None:
            return said + "."
        first_week, first = self.points[0]
        way = "up" if self.change > 0 else "down" if self.change < 0 else "level"
        return said + f", {way} from {first:.1f} in the week of {first_week:%-d %b}."


@dataclass(frozen=True)
class Likely:
    text: str
    why: str
    source: Literal["asked", "term", "value"]
    optional: bool = False  # a term the advert only welcomes ("React experience is a plus")


@dataclass(frozen=True)
class CardStory:
    id: Hashable
    title: str
    covers: tuple[str, ...]


@dataclass(frozen=True)
class Card:
    facts: tuple[str, ...]
    stories: tuple[CardStory, ...]
    questions: tuple[Likely, ...]
    watch: OpenArea | None  # the one habit to keep in mind
    ask: tuple[str, ...]


@dataclass(frozen=True)
class Readiness:
    research: Research
    stories: Stories
    practice: Practice
    areas: tuple[OpenArea, ...]
    earlier: tuple[RoundFacts, ...]
    likely: tuple[Likely, ...]
    card: Card
    in_place: tuple[str, ...] = field(default=())  # the sections in good shape
    areas_read: int = 0  # `ReadinessFacts.areas_read`

    @property
    def summary(self) -> str:
        """Which of the three sections are in good shape, and which are still to do, by name (a
        trial's "0 of 3 in place." did not say what the three were)."""
        names = ("research", "stories", "practice")
        todo = [name for name in names if name not in self.in_place]
        if not self.in_place:
            return "Not ready yet: research, stories and practice are all still to do."
        if not todo:
            return "Ready: research, stories and practice are all in good shape."
        return (
            f"{len(self.in_place)} of {len(names)} ready ({', '.join(self.in_place)}); "
            f"still to do: {' and '.join(todo)}."
        )


def _key(text: str) -> str:
    return " ".join(text.casefold().split()).rstrip("?.! ")


def practice_of(questions: Sequence[str], answers: Sequence[AnswerFacts]) -> Practice:
    """Practice on the job's `questions` from `answers` (to them, or in the job's mocks).

    An answer to a follow-up (`AnswerFacts.follow_up`, the attempt's link) is not an answer to
    one of the job's questions: its question is the interviewer's follow-up, asked of the
    answer before it, and its report judges it only on what it asked for
    (`follow_up_answer`). So it enters none of the figures about the job's questions: not
    the answers counted ("2 answers to this job's questions"), not a question practised (even
    where its words match one of the job's, "What changed, in numbers?"), not "practice"
    being in place, and not the week's rating, which is of the answers counted (a follow-up
    asking for no part has a figure of its own, for another question). It is counted apart
    (`Practice.follow_ups`) and said so ("…, not counting 1 answer to a follow-up"). It still
    counts where it is practice of how the user answers, whatever the question: the open
    improvement areas this page lists (delivery such as fillers and pace, and the part it
    asked for) are read from all of the user's answers, follow-ups among them
    (`improvement.improvement_areas`).

    An answer prepcoach could not read at all (`AnswerFacts.unread`: one word, another
    language) is no practice of its question either: a tester's one-word and French answers,
    both refused ("too little to read", "does not read as English"), were counted among "8
    answers to this job's questions". It is counted apart (`Practice.unread`) and said so."""
    asked = {_key(q): q for q in questions}
    unread = [a for a in answers if a.unread]
    answers = [a for a in answers if not a.unread]
    follow_ups = [a for a in answers if a.follow_up]
    answers = [a for a in answers if not a.follow_up]
    answered = {_key(a.question) for a in answers}
    weeks: dict[dt.date, list[float]] = defaultdict(list)
    counted: dict[dt.date, int] = defaultdict(int)
    for answer in answers:
        counted[answer.day - dt.timedelta(days=answer.day.weekday())] += 1
        rating = measured_answer(
            answer.question,
            answer.analysis,
            asked_for(answer.question, answer.analysis),
            follow_up=answer.follow_up,
        )
        if rating is not None:
            weeks[answer.day - dt.timedelta(days=answer.day.weekday())].append(float(rating))
    return Practice(
        questions=len(asked),
        practised=tuple(q for k, q in asked.items() if k in answered),
        unpractised=tuple(q for k, q in asked.items() if k not in answered),
        answers=len(answers),
        points=tuple((week, round(mean(v), 2)) for week, v in sorted(weeks.items())),
        follow_ups=len(follow_ups),
        unread=len(unread),
        last_week_answers=counted[max(weeks)] if weeks else 0,
        last_week_rated=len(weeks[max(weeks)]) if weeks else 0,
    )


def likely_questions(
    earlier: Sequence[RoundFacts],
    rows: Sequence[CoverageRow],
    limit: int = LIKELY,
    optional: Sequence[OptionalTerm] = (),
) -> tuple[Likely, ...]:
    """Questions from the earlier rounds (the ones that went worst first), then a question on
    each job term and value no story covers yet, then on the terms that are covered, then on
    the terms the advert asks for only as a plus (`optional`), each said to be optional with
    the advert's words. An interviewer asks about what the job requires: a tester's likely
    questions asked about React, "The advert asks for it", where the advert said "React
    experience is a plus"; ranked last, such a question is listed only when there is room."""
    welcome = {o.term: o.said.rstrip(" .!") for o in optional}
    out: list[Likely] = []
    asked: dict[str, tuple[str, list[str], list[str]]] = {}  # key → (text, rounds, wents)
    for held in earlier:
        for question, went in held.asked:
            text, rounds, wents = asked.setdefault(_key(question), (question, [], []))
            if held.round_name.lower() not in rounds:
                rounds.append(held.round_name.lower())
            if went:
                wents.append(went)

    def worst(wents: list[str]) -> str:
        return min(wents, key=lambda w: WENT_ORDER.get(w, 2)) if wents else ""

    ranked = sorted(asked.values(), key=lambda a: (WENT_ORDER.get(worst(a[2]), 2), -len(a[1])))
    for text, rounds, wents in ranked:
        how = f"; your answer went {worst(wents)}" if wents else ""
        out.append(Likely(text, f"Asked in the {' and the '.join(rounds)}{how}.", "asked"))
    seen = set(asked)  # a question made from a term is not listed again when it was asked
    by_gap = sorted(
        rows,
        key=lambda r: (r.kind == "job term" and r.target in welcome, not r.gap,
                       r.kind != "job term"),
    )  # fmt: skip
    for row in by_gap:
        gap = "; no story of yours covers it yet." if row.gap else "."
        if row.kind == "job term" and row.target in welcome:
            made = Likely(
                f"What is your experience with {row.target}?",
                f"Optional in the advert (“{welcome[row.target]}”){gap}", "term", optional=True,
            )  # fmt: skip
        elif row.kind == "job term":
            made = Likely(
                f"What is your experience with {row.target}?", "The advert asks for it" + gap,
                "term",
            )  # fmt: skip
        elif row.kind == "value":
            made = Likely(
                f"Tell me about a time you showed “{clip(row.target, 60)}”.",
                "One of the company's values" + gap, "value",
            )  # fmt: skip
        else:
            continue
        if _key(made.text) not in seen:
            seen.add(_key(made.text))
            out.append(made)
    return tuple(out[:limit])


def card_stories(
    stories: Sequence[StoryInfo], rows: Sequence[CoverageRow]
) -> tuple[CardStory, ...]:
    """Up to three stories that between them cover the most values and terms (greedy)."""
    covers: dict[Hashable, set[str]] = defaultdict(set)
    for row in rows:
        for story in row.stories:
            covers[story].add(row.target)
    titles = {s.id: s.title for s in stories}
    place = {s.id: i for i, s in enumerate(stories)}
    chosen: list[CardStory] = []
    left = {t for c in covers.values() for t in c}
    while left and len(chosen) < CARD_STORIES:
        best = max(covers, key=lambda s: (len(covers[s] & left), -place.get(s, 0)))
        gained = covers[best] & left
        if not gained:
            break
        order = [r.target for r in rows if r.target in covers[best]]
        chosen.append(CardStory(best, titles.get(best, ""), tuple(order)))
        left -= gained
        del covers[best]
    return tuple(chosen)


def readiness(
    facts: ReadinessFacts, embedder: Embedder | Literal["shared"] | None = "shared"
) -> Readiness:
    """Everything the readiness page and the pre-interview card show for one interview."""
    rows = coverage(
        facts.stories, values=facts.values, terms=facts.terms, competencies=(), embedder=embedder
    )
    research = Research(len(facts.facts), facts.fact_target)
    stories = Stories(len(facts.stories), tuple(rows), {s.id: s.title for s in facts.stories})
    practice = practice_of(facts.job_questions, facts.answers)
    likely = likely_questions(facts.earlier, rows, optional=facts.optional_terms)
    card = Card(
        facts=tuple(facts.facts[:CARD_FACTS]),
        stories=card_stories(facts.stories, rows),
        questions=likely[:CARD_QUESTIONS],
        watch=facts.areas[0] if facts.areas else None,
        ask=tuple(q for q in facts.my_questions if q.strip())[:CARD_ASK],
    )
    in_place = tuple(
        name for name, done in
        (("research", research.done), ("stories", stories.done), ("practice", practice.done))
        if done
    )  # fmt: skip
    return Readiness(
        research, stories, practice, tuple(facts.areas), tuple(facts.earlier), likely, card,
        in_place, facts.areas_read,
    )  # fmt: skip
