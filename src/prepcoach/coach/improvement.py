"""Improvement areas: what to work on next, ranked, from the evidence prepcoach holds.

Each area comes from one rule over the user's recent answer analyses (the stored
`AnswerAnalysis.as_dict()`), their self-ratings and the reviews people gave them. An area is
only raised when the rule holds in at least `MIN_AFFECTED` of the last `RECENT` answers it can
judge (one slip is not a pattern), and it carries:
- its evidence, each item pointing at one answer (and a moment in it, where there is one), or
  one review, with the figure or words it rests on;
- the rule in words, with the user's own thresholds (`thresholds` in each analysis, which come
  from their practice settings);
- its trend: for each week, how many of the answers it judged that week the rule held for;
- a SMART goal that would close it (a count, a measure and a deadline).

Areas are ranked by the share of recent answers affected, with reviewers' agreement counted on
top (a weakness both the measures and a person saw comes first). Nothing here is a verdict on
the person: every area is a measured pattern and the words that show it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from prepcoach.coach import area_readings as readings
from prepcoach.coach.area_rules import (
    ASKED_AREAS,
    RULES,
    STAR_PARTS,
    AreaRule,
    asked_reading,
    follow_up_of,
)
from prepcoach.coach.area_types import (
    NOT_JUDGED,
    AnswerFacts,
    Area,
    AskedFacts,
    DebriefFacts,
    Evidence,
    LapseFacts,
    ReviewFacts,
    TrendWeek,
    first_of,
)
from prepcoach.coach.debrief import COMPETENCIES
from prepcoach.coach.follow_up_answer import FollowUpAnswer, told_over
from prepcoach.coach.improvement_sources import (
    CALIBRATION_GAP,
    MIN_AFFECTED,
    PLAN_LINE_AREAS,
    REVIEW_LOW,
    calibrated,
    calibration_area,
    debrief_areas,
    debrief_cues,
    lapse_area,
    plan_line_areas,
)

__all__ = [
    "ASKED_AREAS",
    "CALIBRATION_GAP",
    "RULES",
    "AnswerFacts",
    "Area",
    "AreaRule",
    "AskedFacts",
    "DebriefFacts",
    "Evidence",
    "LapseFacts",
    "ReviewFacts",
    "TrendWeek",
    "improvement_areas",
    "meets",
]

RECENT = 10  # the answers an area is judged over, newest first
# A rule must hold in at least MIN_AFFECTED (2) of them; a reviewer's rubric score (0, 1 or 2) of
# REVIEW_LOW (0) counts against a criterion: both in `improvement_sources`, which reads them too.
GOAL_ANSWERS = 5  # "in 5 answers": a goal made from an area counts answers that meet it
GOAL_DAYS = 14  # the goal's deadline, from today
GOAL_DAYS_LEAST = 2  # an interview sooner than this after today does not bring it forward


def goal_deadline(today: dt.date, interview: dt.date | None = None) -> dt.date:
    """An area's goal's deadline: GOAL_DAYS from `today`, or the day before `interview` when
    that is sooner and at least GOAL_DAYS_LEAST away (a goal due after it would not help it)."""
    deadline = today + dt.timedelta(days=GOAL_DAYS)
    if interview is not None:
        before = interview - dt.timedelta(days=1)
        if today + dt.timedelta(days=GOAL_DAYS_LEAST) <= before < deadline:
            return before
    return deadline


# Where the answers left out for missing their question are judged: said after them only when
# that area is on the page (`improvement_areas`). A trial's page pointed to it while one such
# answer (one slip is not a pattern) had raised no area to point to.
OFF_QUESTION_AREA = "relevance"


# Rubric criteria (coach.feedback) a reviewer can score low, and the area each points to: the
# story's, a plan's (`feedback.PLAN_REVIEW_RUBRIC`): its steps are what the reader finds as a
# plan's action (the follow-ups ask "What would you actually do?" of a plan without one), its
# reasons and check have areas of their own, made from reviews alone (`PLAN_LINE_AREAS`,
# `plan_line_areas`: prepcoach does not read them, so no rule here does); and a point's
# (`feedback.DIRECT_REVIEW_RUBRIC`): an answer that does not answer what was asked, or ties
# nothing to the role (its terms). The action line, a story's and a plan's, asks whose the
# actions are ("Describes what they did themselves", "Says what they would do themselves",
# a mock's "Says what they did, or would do, themselves"): "Say what you did yourself".
# Clarity and a point's support have none: no rule reads them.
# The rules reading a story's parts: a story told over a first answer and its follow-ups is
# judged once by them, over all its answers (`improvement_areas`, `told_over`).
TOLD_OVER = frozenset({*(f"star_{part}" for part in STAR_PARTS), "quantified", "personal_action"})
REVIEW_AREAS = {
    "situation": "star_situation", "task": "star_task", "action": "personal_action",
    "result": "star_result", "evidence": "quantified", "delivery": "fillers",
    "steps": "star_action", **PLAN_LINE_AREAS,
    "point": "relevance", "fit": "job_terms",
}  # fmt: skip


def _words(analyses: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """The thresholds of the newest analysis, for the rule and goal texts."""
    found = readings.thresholds(analyses[0]) if analyses else {}
    low, high = found.get("pace", (130, 160))
    return {
        "fillers": f"{float(found.get('fillers_per_min_high', 3.0)):g}",
        "pace_low": str(low),
        "pace_high": str(high),
        "long_pause": f"{float(found.get('long_pause_s', 3.0)):g}",
    }


def _trend(hits: Sequence[tuple[dt.date, bool]]) -> tuple[TrendWeek, ...]:
    weeks: dict[dt.date, list[bool]] = defaultdict(list)
    for day, held in hits:
        weeks[day - dt.timedelta(days=day.weekday())].append(held)
    return tuple(TrendWeek(week, sum(v), len(v)) for week, v in sorted(weeks.items()))


def _judged_of(held: int, judged: int) -> str:
    """How often a rule held, of the answers it could judge: "in 2 of the 3 answers it could
    judge", "in 4 of the last 10 answers it could judge". Each rule judges its own answers (one
    asking for no story has no result to miss, a typed one no pace), so two areas beside each
    other may count of different bases: a mock's summary read "in 2 of your last 2 answers"
    beside "in 2 of your last 3 answers", as if the interview had two lengths."""
    if judged == 1:
        return "in the 1 answer it could judge"
    last = "last " if judged == RECENT else ""
    return f"in {held} of the {last}{judged} answers it could judge"


# Areas whose goal counts analysed answers (`meets`): every rule's, and calibration's.
ANSWER_KEYS = frozenset(rule.key for rule in RULES) | {"calibration"}
# Areas measured from debriefs (`competency_met`) and from answers to the questions that
# went badly (`reworked`).
DEBRIEF_KEYS = frozenset(f"competency_{key}" for key, _ in COMPETENCIES)
# Areas made from, and measured by, people's reviews alone (`plan_line_met`).
REVIEW_KEYS = frozenset(PLAN_LINE_AREAS.values())
# Areas whose goal moves by itself: all of them.
AREA_KEYS = ANSWER_KEYS | DEBRIEF_KEYS | REVIEW_KEYS | {"drill_lapses", "asked_badly"}


def measured_from(area: str) -> str:
    """What a goal made from `area` counts itself from (`practice.measured` logs its check-ins
    as they come in), in words, or "" for no area's: its goal page offers no log form then (a
    trial was offered one beside "it will move by itself", and a count typed there is
    overwritten)."""
    if area not in AREA_KEYS:
        return ""
    if area in REVIEW_KEYS:
        return "people's reviews of your answers"
    if area == "drill_lapses":
        return "your drills"
    if area in DEBRIEF_KEYS:
        return "your debriefs of real interviews"
    return "your practice answers"


def meets(
    key: str,
    analysis: Mapping[str, Any],
    question: str,
    rating: int | None = None,
    follow_up: bool = False,
) -> bool | None:
    """Whether one analysed answer to `question` (rated `rating` by the user, if they did)
    meets what area `key` asks (its rule does not hold; for calibration, the rating is within
    a point of the measure), or None when the area does not judge it (not measured, withheld,
    not rated, a question of the other sort, or a follow-up that asked for another part).
    `follow_up`: it answers a follow-up (the attempt's `follow_up_to` link), judged on what
    that asked for (`AreaRule.reading`). A goal made from the area counts the answers that
    meet it. Raises KeyError for an unknown key."""
    if key == "calibration":
        return calibrated(analysis, rating, question, follow_up)
    rule = next((r for r in RULES if r.key == key), None)
    if rule is None:
        raise KeyError(key)
    answer = AnswerFacts(None, dt.date.min, question, analysis, rating, follow_up)
    found = rule.reading(question, analysis, follow_up_of(answer))
    return None if isinstance(found, str) else not found[0]


def improvement_areas(
    answers: Sequence[AnswerFacts],
    reviews: Sequence[ReviewFacts],
    today: dt.date,
    closed: Mapping[str, dt.date] | None = None,
    debriefs: Sequence[DebriefFacts] = (),
    lapses: Sequence[LapseFacts] = (),
    interview: dt.date | None = None,
) -> tuple[Area, ...]:
    """The areas to work on, best first (see the module). Each goal is due `goal_deadline`:
    GOAL_DAYS from `today`, or the day before the user's next `interview` when that comes first
    (a trial's goal was due two days after the interview it was for). `answers` in any order.
    `closed` maps an area to the day a goal made from it was reached: only later answers and reviews
    count for it, so it comes back only if the pattern does. `debriefs` of real interviews
    and drill `lapses` are read by `coach.improvement_sources`: a debrief naming a rule's
    pattern counts like a reviewer who agrees; reviews scoring a plan's reasons or check low
    make areas of their own there (`plan_line_areas`)."""
    closed = closed or {}
    # A debrief written ahead of its interview says nothing about how it went.
    debriefs = [d for d in debriefs if d.when <= today]
    newest = sorted(answers, key=lambda a: a.when, reverse=True)
    words = _words([a.analysis for a in newest])
    deadline = goal_deadline(today, interview)
    goal_words = {**words, "n": str(GOAL_ANSWERS), "deadline": f"{deadline:%-d %B %Y}"}
    # A reviewer counts once for an area, naming every line of theirs that points to it (a
    # plan's steps and action both point to the action).
    low_reviews: dict[str, list[tuple[ReviewFacts, str]]] = defaultdict(list)
    for review in reviews:
        low: dict[str, list[str]] = defaultdict(list)
        for criterion, score in review.scores.items():
            if score <= REVIEW_LOW and criterion in REVIEW_AREAS:
                low[REVIEW_AREAS[criterion]].append(criterion)
        for key, criteria in low.items():
            low_reviews[key].append((review, " and ".join(criteria)))
    cues = debrief_cues(debriefs)
    areas = []
    left_out: list[
        tuple[AreaRule, list[str | None], list[tuple[AnswerFacts, tuple[str, float | None]]]]
    ] = []
    follows = [follow_up_of(a) for a in newest]  # each judged once, for every rule
    stories = Stories(newest, follows)
    for rule in RULES:
        since = closed.get(rule.key, dt.date.min)
        # Each answer's reading, or why it is not judged (None: before a reached goal).
        read: list[tuple[str, float | None] | str | None] = [
            None if a.when <= since else stories.reading(rule, i) for i, a in enumerate(newest)
        ]
        judged = [
            (a, found) for a, found in zip(newest, read, strict=True) if isinstance(found, tuple)
        ]
        why_not = [why if isinstance(why, str) else None for why in read]
        recent = judged[:RECENT]
        held = [(a, found) for a, found in recent if found[0]]
        people = [(r, c) for r, c in low_reviews.get(rule.key, []) if r.when > since]
        said = [e for e in cues.get(rule.key, []) if e.when > since]
        if len(held) < MIN_AFFECTED and not (held and (people or said)):
            continue
        evidence = [
            Evidence("answer", a.ref, a.when, a.question, detail, at) for a, (detail, at) in held
        ] + [
            Evidence("review", r.ref, r.when, r.reviewer, f"scored {criterion} 0 of 2")
            for r, criterion in people
        ] + said  # fmt: skip
        text = rule.rule.format(**words)
        areas.append(
            Area(
                rule.key, rule.title,
                f"{text}: {_judged_of(len(held), len(recent))}"
                + (f"; {_reviewers_agree(len(people))}" if people else "")
                + (f"; {_debriefs_agree(len(said))}" if said else ""),
                len(held), len(recent), len(people), tuple(evidence),
                _trend([(a.when, bool(found[0])) for a, found in judged]),
                rule.goal.format(**goal_words), debriefs=len(said), how=rule.how,
            )
        )  # fmt: skip
        left_out.append((rule, why_not, recent))
    # What each area did not judge, pointing to the area that judges an answer missing its
    # question only when that area is raised too.
    pointed = next((a.title for a in areas if a.key == OFF_QUESTION_AREA), None)
    areas = [
        replace(area, not_judged=_not_judged(rule, newest, why_not, recent, pointed))
        for area, (rule, why_not, recent) in zip(areas, left_out, strict=True)
    ]
    areas += debrief_areas(debriefs, closed, goal_words)
    areas += plan_line_areas(reviews, closed, goal_words)
    if (lapsed := lapse_area(lapses, closed, goal_words)) is not None:
        areas.append(lapsed)
    if (calibration := calibration_area(answers, reviews, goal_words, closed)) is not None:
        areas.append(calibration)
    return tuple(sorted(areas, key=lambda a: (-a.weight, a.key)))


class Stories:
    """The stories told over a first answer and the answers to its follow-ups asking for a part
    or a reflection, among `answers` (newest first), with `follows` each answer's follow-up
    judgement (`follow_up_of`): each follow-up's answer is read with the first answer its
    `AnswerFacts.follows` link leads to, when that is among them."""

    def __init__(
        self, answers: Sequence[AnswerFacts], follows: Sequence[FollowUpAnswer | None]
    ) -> None:
        self.answers, self.follows = answers, follows
        at = {a.ref: i for i, a in enumerate(answers)}
        self.first: dict[int, int] = {}  # a follow-up's answer's index → its first answer's
        for i, (answer, follow) in enumerate(zip(answers, follows, strict=True)):
            if follow is not None and follow.asks_part:
                found = first_of(answer, answers, at)
                if found is not None:
                    self.first[i] = found
        self.told: dict[int, list[int]] = defaultdict(list)  # a first answer's follow-ups
        for i in sorted(self.first, reverse=True):  # oldest first
            self.told[self.first[i]].append(i)
        self.analyses = {
            first: told_over(answers[first].analysis, [answers[i].analysis for i in then])
            for first, then in self.told.items()
        }

    def reading(self, rule: AreaRule, i: int) -> tuple[str, float | None] | str:
        """`rule`'s reading of the `i`th answer (`AreaRule.reading`): a first answer's story
        over it and its follow-ups, for a rule reading a story's parts (`TOLD_OVER`)."""
        answer, follow = self.answers[i], self.follows[i]
        if rule.key not in TOLD_OVER:
            return rule.reading(answer.question, answer.analysis, follow)
        if i in self.first:
            return "told with"
        if i not in self.told:
            return rule.reading(answer.question, answer.analysis, follow)
        found = rule.reading(answer.question, self.analyses[i], None)
        if rule.key == "personal_action" and found not in NOT_JUDGED and self._gave_own(i):
            return "", None  # a follow-up asked what they did themselves, and got it
        if isinstance(found, tuple) and found[0]:
            then = len(self.told[i])
            return f"{found[0]} (over this answer and its {_follow_ups(then)})", found[1]
        return found

    def _gave_own(self, first: int) -> bool:
        """A follow-up of the story asked what the speaker did themselves, and got it."""
        asked = [(self.follows[i], self.answers[i].analysis) for i in self.told[first]]
        return any(
            f is not None and f.part == "ownership" and asked_reading(f, a) == ("", None)
            for f, a in asked
        )


def _follow_ups(count: int) -> str:
    return "follow-up" if count == 1 else f"{count} follow-ups"


def _not_judged(
    rule: AreaRule,
    newest: Sequence[AnswerFacts],
    why_not: Sequence[str | None],
    recent: Sequence[tuple[AnswerFacts, tuple[str, float | None]]],
    pointed: str | None = None,
) -> tuple[str, ...]:
    """The answers among the ones `recent` spans (all of them when it holds fewer than
    `RECENT`) that the rule did not judge, counted by why, in words: "1 answer that does not
    address its question". A page beside "in 2 of the 3 answers it could judge" says them,
    so an answer left out is never left out unsaid. `pointed`: the title of the area that
    judges the answers missing their question, when it is raised ("(see “Answer the question
    that was asked”)" follows them); None: no pointer, there being no such area to see."""
    last = newest.index(recent[-1][0]) if len(recent) == RECENT else len(newest) - 1
    counts: dict[str, int] = defaultdict(int)
    for why in why_not[: last + 1]:
        if why:
            counts[why] += 1
    said = []
    for why, count in counts.items():
        if why == "unread":
            # Every reason names what it counts: "2 answers typed", never "2 typed".
            unread = rule.unread.replace("{it}", "it" if count == 1 else "they")
            said.append(f"{count} {'answer' if count == 1 else 'answers'} {unread}")
        else:
            one, many = NOT_JUDGED[why]
            see = f" (see “{pointed}”)" if why == "off question" and pointed else ""
            said.append(f"{count} {one if count == 1 else many}{see}")
    return tuple(said)


def _reviewers_agree(count: int) -> str:
    return "1 reviewer agrees" if count == 1 else f"{count} reviewers agree"


def _debriefs_agree(count: int) -> str:
    return "your debrief says so too" if count == 1 else f"{count} of your debriefs say so too"
