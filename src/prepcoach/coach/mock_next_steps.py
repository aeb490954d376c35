"""The next things to practise at the end of a mock (`next_steps`): the improvement rules
(`coach.improvement`) over this mock's answers, led by "answer the question that was asked" when
the relevance verdict says an answer missed it, then the tips its answers share (less those an
area already says, `SAME_ADVICE`), then the questions left unanswered. A part a follow-up of the
same mock asked for and got (`mock_given_when_asked`) is credited where a step asks for it of
the answer it followed up (`_credited`): the step says it came only when asked and quotes the
follow-up's words, never "Put a number on the result" as if no number was ever given."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence

from prepcoach.coach.area_types import AnswerFacts
from prepcoach.coach.follow_up_answer import FollowUpAnswer, judge_follow_up
from prepcoach.coach.improvement import RULES, improvement_areas
from prepcoach.coach.mock_answers import MockAnswer, asks_of
from prepcoach.coach.mock_figures import tips_of, verdict_of
from prepcoach.coach.mock_given_when_asked import GivenWhenAsked, given_when_asked
from prepcoach.coach.text import closing_stop

NEXT_STEPS = 3  # things to practise named at the end

# Tips (by the start of their rule) that say what an area of the same answers already says:
# the area is named, the tip left out, so the summary gives each piece of advice once.
SAME_ADVICE = {
    "job_terms": "Job terms", "relevance": "Relevance", "fillers": "Fillers",
    "star_result": "STAR: the answer never says how it ended",
    "quantified": "STAR: the result has no number",
    "star_situation": "STAR: the answer never sets the scene",
    "star_task": "STAR: the answer never says what you had to do",
    "personal_action": "Ownership:",  # the area and the tip say the same: said once
    "weakness_steps": "Weakness: no sentence of the answer reads as a step",
    "weakness_disguise": "Weakness: the weakness you name reads as a strength in disguise",
}  # fmt: skip


TITLES = {rule.key: rule.title for rule in RULES}
# A tip's rule (by its start, `SAME_ADVICE`) to the area of the same part.
TIP_AREAS = {start: key for key, start in SAME_ADVICE.items()}


def _tip_area(rule: str) -> str | None:
    return next((key for start, key in TIP_AREAS.items() if rule.startswith(start)), None)


def _credited(area: str, given: GivenWhenAsked) -> str:
    """The step for a part every answer lacking it gave when a follow-up asked: "Put a number on
    the result before you are asked: a result with a number came only when a follow-up asked
    for it (“…”)"."""
    return f"{TITLES.get(area, given.asked)} before you are asked: {given.said()}"


def next_steps(
    answers: Sequence[MockAnswer], unanswered: Sequence[tuple[int, str, bool]], today: dt.date
) -> tuple[str, ...]:
    # The answer to a follow-up is judged as the areas page judges it (`improvement`,
    # `AnswerFacts.follow_up`): one asking for a part counts for that part and for its delivery
    # (fillers, pace), never for the story's other parts, which are the first answer's. It had
    # been left out altogether, its fillers and pace with it. Its link to the answer it follows
    # up (`follows`) makes the two one story, read once at the first answer, as the areas page
    # reads them (`improvement.Stories`): a mock had said "Say the result … in 4 of the 4
    # answers" of two stories, each followed by "What was the outcome?".
    judged = {a.ref: _judged(a) for a in answers}
    facts = [
        AnswerFacts(
            a.ref,
            a.when or today,
            a.question,
            a.analysis,
            follow_up=a.follow_up,
            follows=a.follows if a.follow_up else None,
        )
        for a in answers
        if a.analysis and isinstance(a.analysis.get("star"), Mapping)
    ]
    missed = [a for a in answers if a.analysis and verdict_of(a.analysis)[0] == "does not address"]
    steps, covered = [], set()
    if missed:  # what was asked comes first: polish on an answer to another question is moot
        said = " and ".join(f"“{a.question}”" for a in missed[:2])
        more = f" (and {len(missed) - 2} more)" if len(missed) > 2 else ""
        steps.append(
            "Answer the question that was asked: prepcoach's check finds your answer"
            f"{'s' * (len(missed) > 1)} to {said}{more} "
            f"{'do not address them' if len(missed) > 1 else 'does not address it'}"
        )
        covered.add("Relevance")
    # A part a follow-up asked for and got: the answers it followed up gave it when asked. The
    # step on that part says so with the follow-up's words (all of its answers were followed
    # up so), or adds it (some were not); a trial's mock ended on "Put a number on the result"
    # after "What changed, in numbers?" was answered with one.
    given = given_when_asked(answers, judged)
    for area in improvement_areas(facts, [], today):
        if area.key == "relevance" and missed:
            continue
        step = f"{area.title}: {area.rule}"
        if (credit := given.get(area.key)) is not None:
            held = {e.ref for e in area.evidence if e.source == "answer"}
            if held and held <= credit.answers:
                step = _credited(area.key, credit)
            elif asked_of := held & credit.answers:
                step += f"; for {len(asked_of)} of them, {credit.said()}"
        steps.append(step)
        covered.add(SAME_ADVICE.get(area.key, area.key))
    # An answer to a question asking for neither a story nor a plan gives no tip asking for a
    # story's parts (`figures_of`): "Finish with the result" was a step from "Where do you see
    # yourself in five years?".
    # A follow-up's are those its judgement keeps (`tips_of`): never "Tell the whole story".
    tips: Counter[str] = Counter()  # each tip, by the answers it is for
    rescued: Counter[str] = Counter()  # of them, those that gave its part when a follow-up asked
    part_of: dict[str, str] = {}  # such a tip's area
    for a in answers:
        for found in tips_of(a.analysis, asks_of(a), judged[a.ref]) if a.analysis else ():
            text, rule = str(found.get("text", "")), str(found.get("rule", ""))
            if not text or rule.startswith(tuple(covered)):
                continue
            tips[text] += 1
            key = _tip_area(rule)
            if key in given and a.ref in given[key].answers:
                rescued[text] += 1
                part_of[text] = key
    for text, count in tips.most_common():
        step = text
        if rescued[text] == count:  # every answer it is for gave its part when asked
            step = _credited(part_of[text], given[part_of[text]])
        elif rescued[text]:  # some of the answers it is for, as an area's step says it
            step = f"{text.rstrip('.')}; for {rescued[text]} of them, {given[part_of[text]].said()}"
        if step not in steps:
            steps.append(step)
    # The question last, whole, in its quotation marks: "…you led.”: you left it" read as
    # stray punctuation to a new user.
    # A question whose answers all failed is to answer again, said so: it was never named.
    steps += [
        f"Answer again the question whose answer could not be read: “{question}”"
        f"{closing_stop(question)}"
        if again
        else f"Answer the question you left unanswered: “{question}”{closing_stop(question)}"
        for _, question, again in unanswered
    ]
    return tuple(_as_sentence(step) for step in steps[:NEXT_STEPS])


def _judged(answer: MockAnswer) -> FollowUpAnswer | None:
    if not answer.follow_up or not answer.analysis:
        return None
    return judge_follow_up(answer.question, answer.analysis, answer.first)


def _as_sentence(step: str) -> str:
    """A step ends as a sentence does (a trial saw some with a full stop and some without):
    with its own closing punctuation, or a full stop."""
    step = step.strip()
    return step if step.endswith((".", "!", "?", ".”", "?”", "!”")) else f"{step}."
