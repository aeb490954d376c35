"""The rules that make improvement areas from answers (`improvement.improvement_areas`): each
area's rule in words, what it reads from one stored analysis (`area_readings`), which answers it
judges (a story, a plan, a weakness question, any), and the SMART goal that would close it. A
follow-up's answer is judged on the part it asked for (`ASKED_AREAS`, `asked_reading`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from prepcoach.coach import area_readings as readings
from prepcoach.coach.answer import misses_its_question
from prepcoach.coach.area_types import AnswerFacts
from prepcoach.coach.follow_up_answer import FollowUpAnswer, judge_follow_up
from prepcoach.coach.relevance import NOT_IN_A_PLAN, asked_for, asks_for_plan, stored_kind
from prepcoach.coach.tips import STORY_WORDS

JOB_TERMS = readings.JOB_TERMS  # of the key terms bearing on its question (all, when fewer bear)
STAR_PARTS = ("situation", "task", "action", "result")


@dataclass(frozen=True, slots=True)
class AreaRule:
    key: str
    title: str
    rule: str  # what it checks, with {placeholders} from the thresholds
    read: readings.Rule
    goal: str  # {n} answers, {deadline}
    # Which answers it judges: STAR parts only answers to questions that ask for a story or a
    # plan ("Tell me about a time…", "What would you do if…"); the relevance area every answer
    # the verdict speaks on; the weakness area those read as to a weakness (`relevance.kind`).
    judges: str = "any"  # "story", "no story", "weakness" or "any"
    how: str = ""  # how it decides, in full (`Area.how`), where the rule is kept short
    # Whether it judges an answer to a question asking what the user would do (a plan, by the
    # report's rule: `relevance.asks_for_plan` of the kind the analysis keeps). A plan has no
    # situation, task or result to find, nor a number on a result (`relevance.NOT_IN_A_PLAN`).
    in_a_plan: bool = True
    # Whether it polishes what an answer says (STAR parts, a number, the job's terms): an
    # answer the relevance verdict says does not address its question is not judged by it, as
    # its report gives no such tip (`tips.POLISH`): polish on the wrong story is moot.
    polishes: bool = False
    # Why its reading judges no answer (`read` gives None), in words after "N answers": "typed,
    # or with speech lost"; "{it}" is said "it" of one answer, "they" of more.
    unread: str = "not measured"

    def skips(self, question: str, analysis: Mapping[str, Any]) -> str | None:
        """Why this rule does not judge an answer to `question` whose stored analysis (or its
        evidence) is `analysis` (a key of `NOT_JUDGED`), or None when it judges it."""
        plan = asks_for_plan(stored_kind(analysis))
        if self.judges == "weakness" and stored_kind(analysis) != "weakness":
            return "not weakness"
        # What the question asks for as the report read it (`relevance.asked_for`): a question
        # read as a plan (by its kind) asks for one whatever its words ("What steps would you
        # take?"), and its steps are judged as the report judges them.
        if self.judges not in ("any", "weakness"):
            told = asked_for(question, analysis) != "neither"
            if told != (self.judges == "story"):
                return "no story" if self.judges == "story" else "story"
        if not self.in_a_plan and plan:
            return "plan"
        if self.polishes and misses_its_question(analysis):
            return "off question"
        if self.key == "weakness_steps" and readings.disguised(analysis):
            return "disguised"
        return None

    def judges_answer(self, question: str, analysis: Mapping[str, Any]) -> bool:
        """Whether this rule judges an answer to `question` whose stored analysis (or its
        evidence) is `analysis`."""
        return self.skips(question, analysis) is None

    def reading(
        self, question: str, analysis: Mapping[str, Any], follow: FollowUpAnswer | None = None
    ) -> tuple[str, float | None] | str:
        """The rule's reading of one answer (the detail that shows it held, "" when it did
        not, and a moment), or why it does not judge it: a key of `NOT_JUDGED`, or "unread"
        (`read` gives None). `follow`: the answer's follow-up judgement (`follow_up_answer.
        judge_follow_up`), None for a first answer: one asking for a part is judged on that
        part alone (`asked_reading`), and by no other rule reading what it says; one asking for
        a reflection on the story (`FollowUpAnswer.reflects`) by none that polishes a story.
        Read so where the answer it follows up is not among those judged (`improvement_areas`
        reads the story over both as one where it is)."""
        # One from a list asked in turn is judged on the job's terms as any answer ("How does
        # that fit this role?" is where they matter most: a review), on no part of a story.
        if (
            follow is not None
            and follow.asks_part
            and not (follow.in_turn and self.key == "job_terms")
        ):
            if self.key == ASKED_AREAS.get(follow.part):
                if self.polishes and misses_its_question(analysis):
                    return "off question"  # as any answer: the relevance area counts it
                return asked_reading(follow, analysis) or "unread"
            if self.polishes:
                return (
                    "reflection" if follow.reflects else "aspect" if follow.in_turn else "follow-up"
                )
        return self.skips(question, analysis) or self.read(analysis) or "unread"


# A story told over a first answer and the answers to its follow-ups asking for a part or a
# reflection (`FollowUpAnswer.asks_part`) is one story: the rules reading a story's parts
# (`TOLD_OVER`) judge it once, at its first answer, over all of them (`Stories`), as the
# follow-up's report reads it (a trial's answer with no result stayed evidence for "Say the
# result" though its follow-up's report counted "✓ result"). Where the first answer is not
# among those read, one asking for a part (`follow_up_answer.ASKED`) counts for the area of that
# part alone, judged as its report judges it (`given`: a trial's two sentences of numbers had
# counted as a story with no situation, task or action), and a reflection for none. Rules on the
# delivery and on whether an answer addresses its question judge every answer as any answer.
ASKED_AREAS = {
    "situation": "star_situation",
    "result": "star_result",
    "quantified_result": "quantified",
    "ownership": "personal_action",  # a story's "What did you do yourself?", a plan's too
    "action": "star_action",  # a plan's steps
}


def follow_up_of(answer: AnswerFacts) -> FollowUpAnswer | None:
    """How an answer to a follow-up is judged (`judge_follow_up`), None for a first answer:
    only a real follow-up (`AnswerFacts.follow_up`, the attempt's link) is judged as one, so a
    first question worded as a follow-up ("What was the outcome?") is judged as any answer."""
    return judge_follow_up(answer.question, answer.analysis) if answer.follow_up else None


def asked_reading(
    follow: FollowUpAnswer, analysis: Mapping[str, Any]
) -> tuple[str, float | None] | None:
    """The area reading of the part a follow-up asked for, by its judgement (`given`): None
    where prepcoach can't tell; and for what the speaker did themselves, where the actions
    were not read in full (not heard, the answer could not be read, or withheld), as
    `area_readings.personal_action` leaves them: the evidence keeps no `cannot_tell`, its action
    does."""
    if follow.given is None:
        return None
    if follow.part == "ownership":
        star = analysis.get("star")
        action = star.get("action") if isinstance(star, Mapping) else None
        if not isinstance(action, Mapping) or readings.withheld(analysis, "action"):
            return None
        if action.get("present") is None and "unsure" not in action:
            return None
    if follow.given:
        return "", None
    return f"asked for {follow.asked}: not given", None


SPOKEN = "typed, or with speech lost"  # why a delivery rule reads no figure
RULES = (
    AreaRule("fillers", "Fewer filler words", "more than {fillers} fillers a minute",
             readings.fillers,
             "Keep fillers under {fillers} a minute in {n} recorded answers by {deadline}",
             unread=SPOKEN),
    AreaRule("pace_fast", "Slow down", "faster than {pace_high} words a minute",
             readings.pace(True),
             "Speak at {pace_low} to {pace_high} words a minute in {n} recorded answers by "
             "{deadline}", unread=SPOKEN),
    AreaRule("pace_slow", "Pick up the pace", "slower than {pace_low} words a minute",
             readings.pace(False),
             "Speak at {pace_low} to {pace_high} words a minute in {n} recorded answers by "
             "{deadline}", unread=SPOKEN),
    AreaRule("long_pauses", "Fewer long pauses", "a pause of {long_pause} s or more",
             readings.long_pauses,
             "Record {n} answers with no pause over {long_pause} seconds by {deadline}",
             unread="typed"),
    *(
        AreaRule(f"star_{part}", f"Say the {part}", f"no {part} found by the STAR reader",
                 readings.star_part(part),
                 f"Give the {part} in {{n}} practice answers by {{deadline}}", "story",
                 in_a_plan=part not in NOT_IN_A_PLAN, polishes=True,
                 unread="not read in full (speech lost, or words prepcoach cannot read), or "
                 f"where prepcoach couldn't tell whether {{it}} gave the {part}")
        for part in STAR_PARTS
    ),
    AreaRule("quantified", "Put a number on the result", "a result without a number",
             readings.unquantified,
             "Put a number on the result in {n} practice answers by {deadline}", "story",
             in_a_plan=False, polishes=True,
             unread="with no result to put a number on, not read in full, or where "
             "prepcoach couldn't tell whether {it} gave a result"),
    AreaRule("relevance", "Answer the question that was asked",
             "an answer that does not address its question", readings.talks_past,
             "In your next {n} answers, answer the question that was asked (prepcoach's check "
             "finds each addresses its question) by {deadline}",
             how="prepcoach's relevance check reads each answer against its question and quotes "
             "what the answer talks about instead. An answer where prepcoach couldn't tell "
             "whether it answered the question (too short or too long to judge, not clearly on "
             "or off it, or with speech lost) is not counted either way.",
             unread="where prepcoach couldn't tell whether {it} answered the question (too "
             "short or too long to judge, not clearly on or off it, or with speech lost)"),
    AreaRule("personal_action", "Say what you did yourself",
             "no action of your own (“I…”, or “I would…” in a plan), or fewer than half the "
             "team's (“we…”)", readings.personal_action,
             "Say what you did or would do yourself, with “I”, in {n} practice answers by "
             "{deadline}", "story", polishes=True,
             how="prepcoach's answer reader reads each sentence for its STAR part and for whose "
             "it is: yours (“I”), the team's (“we”) or someone else's. It counts your actions "
             "(each clause with “I” as its subject, “I would…” in a plan, in a sentence it reads "
             "as your own action or the team's) and the team's (each “we” clause in a sentence "
             "it reads as the "
             f"team's). An answer of {STORY_WORDS} words or more counts here when it has no "
             "action of yours, or fewer than half as many as the team's (2 “we” actions need "
             "1 “I”, 4 need 2): the rule behind your report's tip “Say what you did yourself” "
             "(for a plan, “Say what you would do yourself”). A shorter answer is not judged "
             "(its report asks for the whole story instead), nor one whose actions were not "
             "read in full (speech lost, or words prepcoach cannot read).",
             unread=f"under {STORY_WORDS} words, or not read in full (speech lost, or words "
             "prepcoach cannot read)"),
    AreaRule("weakness_steps", "Say what you do about your weakness",
             "an answer to a weakness question that says no step you take on it",
             readings.weakness_steps, "In {n} answers to weakness questions, say a step you take "
             "on the weakness by {deadline}", "weakness", polishes=True,
             how="In an answer about your weakness, prepcoach looks in each sentence for a step "
             "you take on it (a habit, a tool, a rule, a course, feedback you ask for), with a "
             "model trained on labelled answers. An answer counts here when none reads as one; "
             "one where prepcoach can't tell is not counted either way, and one whose weakness "
             "reads as a strength in disguise is left to “Name a real weakness”.",
             unread="where prepcoach couldn't tell whether {it} said a step, with speech lost, "
             "or analysed before prepcoach read the steps (“Analyse again” on an answer’s page "
             "lets it be judged)"),
    AreaRule("weakness_disguise", "Name a real weakness",
             "an answer to a weakness question whose only weakness reads as a strength in "
             "disguise (perfectionism, caring or working too much, with no cost said)",
             readings.weakness_disguise, "In {n} answers to weakness questions, name a real "
             "weakness by {deadline}", "weakness", polishes=True,
             how="In an answer about your weakness, prepcoach reads whether the only weakness "
             "you name is a strength in disguise, with a model trained on labelled answers. "
             "It says so only when it is nearly sure: tested on answers it was not trained on, "
             "it was right 9 of the 10 times it said so, but it missed more than half of the "
             "strengths in disguise there. An answer counts as naming a real weakness only when "
             "the model is as sure of that (right 45 of 50 times in the same test); any other "
             "answer is not counted either way.",
             unread="where prepcoach couldn't tell whether {it} named a real weakness, not read "
             "in full (speech lost, or words prepcoach cannot read), to a follow-up, "
             "or analysed before prepcoach read the weakness (“Analyse again” on an answer’s "
             "page lets it be judged)"),
    AreaRule("job_terms", "Use the job's key terms",
             f"fewer than {JOB_TERMS} of the job's key terms that bear on the question used "
             "(all of them when fewer bear on it)",
             readings.job_terms,
             f"Use {JOB_TERMS} of the job's key terms that bear on each question (all of them "
             f"when fewer bear) in {{n}} practice answers by {{deadline}}",
             polishes=True,
             unread="given without a job, with speech lost, to a question none of the job's "
             "key terms bears on, or analysed before prepcoach read which terms bear on a "
             "question (“Analyse again” on an answer’s page lets it be judged)"),
)  # fmt: skip
