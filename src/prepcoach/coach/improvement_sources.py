"""Improvement areas from the evidence beyond answer analyses: real interviews' debriefs, drill
cards forgotten again and again, and self-ratings set against the measures and the reviewers.

Each rule says what it read, in the user's own words where it read words:
- a debrief's "what didn't go well" (and the notes on an answer that went badly or partly)
  that names a pattern an answer rule measures ("I gave no numbers") counts on the side of
  that rule, like a reviewer who agrees (`debrief_cues`);
- a competency the user rated themselves `LOW_SELF_RATING` or lower on in a debrief is an
  area of its own, and so are the questions whose answers went badly;
- a drill card marked Again `LAPSES` times in its last `LAPSE_WINDOW` reviews is forgotten:
  one area lists every such card;
- calibration: the user's own 1-5 ratings against prepcoach's measured figure for the same
  answers (`follow_up_answer.measured_answer`: the report's, none for the answer to a real
  follow-up, `AnswerFacts.follow_up`, asking for a part or a reflection) and against
  reviewers' overall scores, an area when either gap averages `CALIBRATION_GAP` points or
  more over at least `MIN_PAIRS` pairs;
- a plan's reasons and its check (`feedback.PLAN_REVIEW_RUBRIC`'s "reasons" and "check"
  lines), from people alone: prepcoach does not read them in an answer, so an area needs
  `MIN_AFFECTED` reviews that scored the line `REVIEW_LOW` (0 of 2), and a goal made from it
  counts later reviews that score it 1 or 2 (`plan_line_areas`, `plan_line_met`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from prepcoach.coach.area_types import (
    AnswerFacts,
    Area,
    DebriefFacts,
    Evidence,
    LapseFacts,
    ReviewFacts,
)
from prepcoach.coach.debrief import COMPETENCIES
from prepcoach.coach.feedback import PLAN_REVIEW_RUBRIC
from prepcoach.coach.follow_up_answer import measured_answer
from prepcoach.coach.relevance import asked_for

MIN_AFFECTED = 2  # an area holds for at least this many answers (or, of a plan's line, reviews)
REVIEW_LOW = 0  # a reviewer's rubric score (0, 1 or 2) that counts against a criterion
LOW_SELF_RATING = 2  # of 5: a competency rated this or lower in a debrief is an area
RECENT_DEBRIEFS = 10  # the debriefs read, newest first
LAPSES = 2  # "Again" this many times ...
LAPSE_WINDOW = 5  # ... in a card's last this many reviews: the card is forgotten
CALIBRATION_GAP = 1.5  # points (of 5) between self-ratings and the others that make an area
MIN_PAIRS = 2  # self-ratings set beside a measure or a review before a gap is judged
RECENT_PAIRS = 10  # the newest answers with both a self-rating and a measured figure
CALIBRATED_WITHIN = 1  # points (of 5): a self-rating this close to the measure is calibrated

# Words in "what didn't go well" that name what an answer rule measures. A cue list, said as
# such: the area quotes the sentence it matched, so the user sees why it counted.
CUES = {
    "fillers": r"fillers?|filler words?|u+m+s?|u+h+s?|e+r+m+s?|ums and ahs",
    "pace_fast": r"too fast|too quick(?:ly)?|rushed|rushing|gabbled",
    "pace_slow": r"too slow(?:ly)?|dragged",
    "long_pauses": r"long pauses?|paused too long|went blank|blanked|froze|long silences?",
    "quantified": r"numbers?|figures?|metrics?|quantif\w*",
    "star_result": r"no result|no outcome|how it ended|the outcome",
    "relevance": r"rambl\w*|off[- ]topic|tangents?|didn't answer the question",
    "job_terms": r"key terms|keywords|the job's terms",
}  # fmt: skip
CUE_RES = {key: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for key, words in CUES.items()}
SENTENCE_RE = re.compile(r"(?<=[.!?])\s+|\n+")
QUOTE_CHARS = 160


def _quote(sentence: str) -> str:
    said = " ".join(sentence.split())
    return said if len(said) <= QUOTE_CHARS else said[: QUOTE_CHARS - 1].rstrip() + "…"


def _recent(debriefs: Sequence[DebriefFacts]) -> list[DebriefFacts]:
    return sorted(debriefs, key=lambda d: d.when, reverse=True)[:RECENT_DEBRIEFS]


def debrief_cues(debriefs: Sequence[DebriefFacts]) -> dict[str, list[Evidence]]:
    """Area key → the debriefs whose words name its pattern, one evidence per debrief (its
    first matching sentence), newest first."""
    found: dict[str, list[Evidence]] = defaultdict(list)
    for debrief in _recent(debriefs):
        texts = [debrief.went_badly] + [
            a.notes for a in debrief.asked if a.went in ("badly", "partly")
        ]
        sentences = [s for text in texts for s in SENTENCE_RE.split(text) if s.strip()]
        for key, cue in CUE_RES.items():
            said = next((s for s in sentences if cue.search(s)), None)
            if said is not None:
                found[key].append(
                    Evidence("debrief", debrief.ref, debrief.when, debrief.label,
                             f"your debrief: “{_quote(said)}”")
                )  # fmt: skip
    return found


GOOD_ENOUGH = 3  # of 5: a competency rated, or a reworked answer measured, this or better
DEBRIEF_GOAL = 2  # debriefs a competency goal asks for: real interviews are few


def same_question(text: str) -> str:
    """A question's words for matching a practice answer to one asked in an interview."""
    return " ".join(text.casefold().split()).rstrip("?. ")


def competency_met(ratings: Mapping[str, object] | None, key: str) -> bool | None:
    """Whether one debrief rates competency `key` `GOOD_ENOUGH` of 5 or better; None when it
    does not rate it. A goal made from a competency area counts the debriefs where it does."""
    rating = (ratings or {}).get(key)
    if not isinstance(rating, int) or isinstance(rating, bool):
        return None
    return rating >= GOOD_ENOUGH


def answered_well(question: str, analysis: Mapping[str, object], follow_up: bool = False) -> bool:
    """Whether a practice answer to `question` (its stored analysis or evidence; `follow_up`:
    it answers a follow-up, the attempt's link) went well enough to count as reworked:
    measured `GOOD_ENOUGH` of 5 or better (`measured_answer`, which gives the answer to a
    follow-up asking for a part or a reflection no figure); for a question asking
    for neither a story nor a plan, which nothing measures (`measured_rating` gives no figure),
    the relevance verdict says it addresses the question (where the verdict speaks)."""
    asks = asked_for(question, analysis)
    if asks == "neither":
        found = analysis.get("relevance")
        return isinstance(found, Mapping) and found.get("addresses") is True
    figure = measured_answer(question, analysis, asks, follow_up=follow_up)
    return figure is not None and figure >= GOOD_ENOUGH


def reworked(went_badly: Sequence[str], answers: Sequence[AnswerFacts]) -> tuple[str, ...]:
    """What a goal made from the "went badly" area counts: each question that went badly
    (`went_badly`, their words) with a practice answer to it that went well enough
    (`answered_well`), once per question, in the order asked."""
    good = {
        same_question(a.question)
        for a in answers
        if answered_well(a.question, a.analysis, a.follow_up)
    }
    found: dict[str, str] = {}
    for text in went_badly:
        if (key := same_question(text)) in good:
            found.setdefault(key, text)
    return tuple(found.values())


def debrief_areas(
    debriefs: Sequence[DebriefFacts], closed: Mapping[str, dt.date], goal_words: Mapping[str, str]
) -> list[Area]:
    """Competencies rated low, and the questions whose answers went badly."""
    recent = _recent(debriefs)
    areas = []
    for key, name in COMPETENCIES:
        since = closed.get(f"competency_{key}", dt.date.min)
        rated = [
            (d, d.ratings[key])
            for d in recent
            if d.when > since and d.ratings and isinstance(d.ratings.get(key), int)
        ]
        low = [(d, r) for d, r in rated if r <= LOW_SELF_RATING]
        if not low:
            continue
        areas.append(Area(
            f"competency_{key}", f"Build up {name.lower()}",
            f"you rated your {name.lower()} {LOW_SELF_RATING} of 5 or lower after a real "
            f"interview: in {len(low)} of your last {len(rated)} debrief{'s' * (len(rated) != 1)}",
            len(low), len(rated), 0,
            tuple(Evidence("debrief", d.ref, d.when, d.label, f"you rated it {r} of 5")
                  for d, r in low),
            (),
            f"Rate your {name.lower()} {GOOD_ENOUGH} of 5 or better in {DEBRIEF_GOAL} "
            f"interview debriefs by {goal_words['deadline']}",
            debriefs=len(low), moves_with="your debriefs",
        ))  # fmt: skip
    since = closed.get("asked_badly", dt.date.min)
    asked = [(d, a) for d in recent if d.when > since for a in d.asked if a.text.strip()]
    badly = [(d, a) for d, a in asked if a.went == "badly"]
    if badly:
        areas.append(Area(
            "asked_badly", "Rework the answers that went badly",
            f"a question you say you answered badly in a real interview: {len(badly)} of the "
            f"{len(asked)} question{'s' * (len(asked) != 1)} in your debriefs",
            len(badly), len(asked), 0,
            tuple(Evidence("debrief", d.ref, d.when, d.label,
                           f"“{_quote(a.text)}” went badly" + (f": {_quote(a.notes)}"
                                                              if a.notes.strip() else ""))
                  for d, a in badly),
            (),
            reworked_goal(len({same_question(a.text) for _, a in badly}),
                          goal_words["deadline"]),
            debriefs=len({d.ref for d, _ in badly}),
        ))  # fmt: skip
    return areas


RECALLED = ("good", "easy")  # a forgotten card graded so since its goal began is recalled


def _forgotten(window: Sequence[tuple[dt.date, str]]) -> int:
    """How many times a card was marked Again in its last `LAPSE_WINDOW` reviews (newest
    first); forgotten when `LAPSES` or more."""
    return sum(grade == "again" for _, grade in window[:LAPSE_WINDOW])


def recalled_cards(cards: Sequence[LapseFacts], began: dt.date) -> tuple[LapseFacts, ...]:
    """What a goal made from the drill lapse area counts: the cards that were forgotten when
    it began (marked Again `LAPSES` times in their last `LAPSE_WINDOW` reviews before
    `began`) and have been graded Good or Easy at a review since. `began` and the reviews'
    days are of one type: dates, or datetimes for a goal that began during a day."""
    found = []
    for card in cards:
        before = [(day, grade) for day, grade in card.reviews if day < began]
        since = [grade for day, grade in card.reviews if day >= began]
        if _forgotten(before) >= LAPSES and any(grade in RECALLED for grade in since):
            found.append(card)
    return tuple(found)


def lapse_goal(count: int, deadline: str) -> str:
    """The drill lapse area's goal: its count is the goal's target (`goals.forms`)."""
    cards = "1 card" if count == 1 else f"{count} cards"
    return (
        f"Recall {cards} you keep forgetting (each graded Good or Easy at a review) by {deadline}"
    )


def reworked_goal(count: int, deadline: str) -> str:
    """The "went badly" area's goal: one practice answer measured well per question."""
    answers = "1 practice answer" if count == 1 else f"{count} practice answers"
    return (
        f"Record {answers} measured {GOOD_ENOUGH} of 5 or better to the questions that went "
        f"badly by {deadline}"
    )


def lapse_area(
    lapses: Sequence[LapseFacts], closed: Mapping[str, dt.date], goal_words: Mapping[str, str]
) -> Area | None:
    """The drill cards marked Again `LAPSES` times in their last `LAPSE_WINDOW` reviews."""
    since = closed.get("drill_lapses", dt.date.min)
    reviewed, forgotten = 0, []
    for card in lapses:
        window = [(day, grade) for day, grade in card.reviews if day > since][:LAPSE_WINDOW]
        if not window:
            continue
        reviewed += 1
        again = _forgotten(window)
        if again >= LAPSES:
            forgotten.append((card, again, len(window), window[0][0]))
    if not forgotten:
        return None
    count = len(forgotten)
    return Area(
        "drill_lapses", "Drill what you keep forgetting",
        f"a card marked Again {LAPSES} times or more in its last {LAPSE_WINDOW} reviews: "
        f"{count} of the {reviewed} card{'s' * (reviewed != 1)} you drilled",
        count, reviewed, 0,
        tuple(Evidence("drill", card.ref, last, card.label,
                       f"marked Again {again} times in its last {window} reviews")
              for card, again, window, last in forgotten),
        (),
        lapse_goal(count, goal_words["deadline"]), moves_with="your drills",
    )  # fmt: skip


def _how(gap: float) -> str:
    return "more kindly" if gap > 0 else "more harshly"


def calibrated(
    analysis: Mapping[str, object], rating: int | None, question: str, follow_up: bool = False
) -> bool | None:
    """Whether the user's own rating of one analysed answer to `question` is within
    `CALIBRATED_WITHIN` points of prepcoach's measured figure of it (by what the question asks
    for, `relevance.asked_for`; `measured_answer`: none for the answer to a follow-up asking
    for a part, `follow_up` saying it answers one); None when there is no rating or no figure.
    A goal made from the calibration area counts the answers where it is."""
    figure = (
        measured_answer(question, analysis, asked_for(question, analysis), follow_up=follow_up)
        if rating is not None
        else None
    )
    if figure is None or rating is None:
        return None
    return abs(rating - figure) <= CALIBRATED_WITHIN


def calibration_area(
    answers: Sequence[AnswerFacts],
    reviews: Sequence[ReviewFacts],
    goal_words: Mapping[str, str],
    closed: Mapping[str, dt.date] | None = None,
) -> Area | None:
    """The user's own ratings against the measured figure of the same answers and against
    reviewers' overall scores of the same things: an area when either gap is large. Only
    answers and reviews after a reached calibration goal count."""
    since = (closed or {}).get("calibration", dt.date.min)
    answers = [a for a in answers if a.when > since]
    reviews = [r for r in reviews if r.when > since]
    measured = []
    for answer in sorted(answers, key=lambda a: a.when, reverse=True):
        figure = (
            measured_answer(
                answer.question,
                answer.analysis,
                asked_for(answer.question, answer.analysis),
                follow_up=answer.follow_up,
            )
            if answer.rating is not None
            else None
        )
        if figure is not None and answer.rating is not None:
            measured.append((answer, answer.rating, figure))
    measured = measured[:RECENT_PAIRS]
    reviewed = [(r, r.own_rating, r.overall) for r in reviews
                if r.overall is not None and r.own_rating is not None]  # fmt: skip
    parts, evidence = [], []
    if len(measured) >= MIN_PAIRS:
        gap = sum(own - figure for _, own, figure in measured) / len(measured)
        if abs(gap) >= CALIBRATION_GAP:
            parts.append(
                f"you rate your answers {_how(gap)} than prepcoach measures them: "
                f"{abs(gap):.1f} points of 5 apart on average over {len(measured)} answers"
            )
            evidence += [Evidence("answer", a.ref, a.when, a.question,
                                  f"you gave {own} of 5, the measures gave {figure} of 5")
                         for a, own, figure in measured]  # fmt: skip
    if len(reviewed) >= MIN_PAIRS:
        gap = sum(own - overall for _, own, overall in reviewed) / len(reviewed)
        if abs(gap) >= CALIBRATION_GAP:
            parts.append(
                f"you rate your answers {_how(gap)} than your reviewers: "
                f"{abs(gap):.1f} points of 5 apart on average over {len(reviewed)} reviews"
            )
            evidence += [Evidence("review", r.ref, r.when, r.reviewer,
                                  f"you gave {own:g} of 5, they gave {overall} of 5")
                         for r, own, overall in reviewed]  # fmt: skip
    if not parts:
        return None
    pairs = len(evidence)
    people = sum(e.source == "review" for e in evidence)
    # Named for whom the ratings are set beside: a trial read "as others do" with no reviews.
    by = {"answer": "prepcoach's measures", "review": "your reviewers"}
    sources = " and ".join(dict.fromkeys(by[e.source] for e in evidence))
    return Area(
        "calibration", f"Rate yourself as {sources} do", "; and ".join(parts),
        pairs, pairs, people, tuple(evidence), (),
        # Measured from analysed answers (`calibrated`), whichever gap raised it: prepcoach's
        # figure is the one every rated answer has.
        f"Rate yourself within {CALIBRATED_WITHIN} point of prepcoach's measure in "
        f"{goal_words['n']} rated answers by {goal_words['deadline']}",
        moves_with="your rated answers",
    )  # fmt: skip


# A plan's lines that people score and prepcoach does not read (`feedback.PLAN_REVIEW_RUBRIC`):
# no reading of an answer's reasons or check has been measured on labelled plans, and a reading
# that is not measured may not judge, so these areas and their goals rest on reviews alone.
@dataclass(frozen=True, slots=True)
class PlanLine:
    key: str  # its area
    title: str
    said: str  # what the line scores, in the user's words
    them: str  # "them" or "it", of `said`
    unread: str  # what prepcoach does not read, for `Area.how`


PLAN_LINES = {
    "reasons": PlanLine("plan_reasons", "Say why you would do it", "the reasons your plans give",
                        "them", "whether a plan gives reasons for its steps"),
    "check": PlanLine("plan_check", "Say how you would know it worked",
                      "how your plans say you would know they worked", "it",
                      "whether a plan says how you would know it worked"),
}  # fmt: skip
PLAN_LINE_AREAS = {name: line.key for name, line in PLAN_LINES.items()}
RECENT_REVIEWS = 10  # the newest reviews scoring a plan's line that its area is judged over
REVIEW_GOAL = 2  # reviews a plan line's goal asks for: reviews, like real interviews, are few


def plan_line_goal(key: str, count: int, deadline: str) -> str:
    """The goal of a plan line's area (`PLAN_LINES`): its count is the goal's target
    (`goals.forms`)."""
    (line,) = [line for line in PLAN_LINES.values() if line.key == key]
    reviews = "1 review that scores" if count == 1 else f"{count} reviews that score"
    return f"Get {reviews} {line.said} 1 or 2 of 2 by {deadline}"


def plan_line_met(scores: Mapping[str, object] | None, key: str) -> bool | None:
    """Whether one review scores the plan line of area `key` 1 or 2 of 2 (above `REVIEW_LOW`);
    None when it does not score that line (a story's review, or a line left blank). A goal
    made from the area counts the reviews where it does. Raises KeyError for another key."""
    names = [name for name, area in PLAN_LINE_AREAS.items() if area == key]
    if not names:
        raise KeyError(key)
    score = (scores or {}).get(names[0])
    if not isinstance(score, int) or isinstance(score, bool):
        return None
    return score > REVIEW_LOW


def plan_line_areas(
    reviews: Sequence[ReviewFacts], closed: Mapping[str, dt.date], goal_words: Mapping[str, str]
) -> list[Area]:
    """A plan's reasons and its check, each an area when at least `MIN_AFFECTED` of the newest
    `RECENT_REVIEWS` reviews that scored its line since a goal made from it was reached scored
    it `REVIEW_LOW` (0 of 2). No answer's words count for or against it: reviewers judge it."""
    newest = sorted(reviews, key=lambda r: r.when, reverse=True)
    labels = dict(PLAN_REVIEW_RUBRIC)
    areas = []
    for name, line in PLAN_LINES.items():
        since = closed.get(line.key, dt.date.min)
        scored = [
            (r, score) for r in newest
            if r.when > since and isinstance(score := r.scores.get(name), int)
        ][:RECENT_REVIEWS]  # fmt: skip
        low = [r for r, score in scored if score <= REVIEW_LOW]
        if len(low) < MIN_AFFECTED:
            continue
        areas.append(Area(
            line.key, line.title,
            f"{len(low)} reviews scored {line.said} 0 of 2, of the {len(scored)} that scored "
            f"{line.them}",
            len(low), len(scored), len(low),
            tuple(Evidence("review", r.ref, r.when, r.reviewer, f"scored {name} 0 of 2")
                  for r in low),
            (),  # no trend: every face words a trend as counts of answers judged; these are reviews
            plan_line_goal(line.key, REVIEW_GOAL, goal_words["deadline"]),
            how=f"prepcoach does not read {line.unread}: reviewers judge it, on the line "
            f"“{labels[name]}” of a plan's rubric (a plan is an answer to a question asking what "
            f"you would do). This area shows when {MIN_AFFECTED} or more reviews score that line "
            f"0 of 2, whatever your answers' words, and a goal made from it counts the reviews "
            f"given after it began that score the line 1 or 2 of 2.",
            moves_with="your reviews",
        ))  # fmt: skip
    return areas
