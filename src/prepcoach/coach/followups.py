"""The interviewer's follow-up question: asked about what an answer left out, about the plan
it gives to a question asking what the user would do, or about the point it makes to a question
asking for neither a story nor a plan."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from prepcoach.coach.content import ContentAnalysis
from prepcoach.coach.relevance import asked_for

if TYPE_CHECKING:
    from prepcoach.coach.relevance import Asks

# (rule, question): the first rule an answer breaks decides the follow-up.
RULES = (
    ("no result", "What was the outcome?"),
    ("no personal action", "What did you do yourself?"),
    ("no situation", "Can you set the scene: where were you, and what was going on?"),
    ("result without a number", "How did you know it worked? What changed, in numbers?"),
)
# Asked in turn when the answer lacks nothing, or before it has been read.
FIXED = (
    "What would you do differently if it happened again?",
    "What did you learn from that?",
    "Who else was involved, and how did you work with them?",
    "What was the hardest part for you?",
)


# For a question asking what the user would do (`relevance.asks_for_plan`: the report's rule) the
# answer is a plan: its result has not happened and its scene is the question's, so nothing
# asks how it ended or where they were (a trial's plan was asked "What was the outcome?"). The
# first rule a plan breaks decides; otherwise the plan's own list, in turn.
PLAN_RULES = (
    ("no steps", "What would you actually do? Take me through your first steps."),
    ("no personal step", "What would you do yourself, rather than the team?"),
)
PLAN_FIXED = (
    "What would you do first, and why that first?",
    "How would you know your plan was working?",
    "What would you do if that did not work?",
    "Who would you involve, and when?",
)


# For a question asking for neither a story nor a plan (`relevance.asked_for`: "What motivates
# you?", "Where do you see yourself in five years?") the answer makes a point: it has no story's
# parts to lack, so nothing asks how it ended or what the speaker did (after "What motivates
# you?" every turn asked "What was the outcome?", "your answer did not say how it ended"). Its
# follow-ups probe the point: why it holds, how it fits the role, what it would look like here;
# never "Can you give an example?", which asks for the story the question did not. In turn.
POINT_FIXED = (
    "Why does that matter to you?",
    "How does that fit this role?",
    "What would that look like in your first months here?",
    "How does that show in your work?",
)


# Why the follow-up was asked, in the user's words (the rule's name stays for the records). The
# two ownership rules hold for an answer with no step of its own, whoever else acted (or nobody:
# "the backlog was cleared"), and for one whose own steps are few beside the team's
# (`content.Ownership.personal`): "said what the team did, not what you did" was untrue of an
# answer saying "I drew up a new rota" beside three of the team's, so they say "little".
REASONS = {
    "no result": "your answer did not say how it ended",
    "no personal action": "your answer said little of what you did yourself",
    "no situation": "your answer did not set the scene",
    "result without a number": "your result had no number to show it worked",
    "fixed list": "interviewers often ask it to go deeper into a story",
    "off topic": "prepcoach's check finds your answer did not address the question",
    "no steps": "your answer did not say what you would do",
    "no personal step": "your answer said little of what you would do yourself",
    "plan list": "interviewers often ask it to test a plan",
    "point list": "interviewers often ask it to test the point an answer makes",
}


# What the answer lacks, as the peer interviewer's sheet tags the follow-up it calls for, in
# words a person would say of it (the sheet read "(the answer has result without a number)",
# and "(the answer has no personal step)"). The sheet is the interviewer's: "they" is the one
# who answered. "Says little of" holds for an answer with no step of its own and for one whose
# own steps are few beside the team's (`content.Ownership.personal`).
TAGS = {
    "no result": "the answer has no result",
    "no personal action": "the answer says little of what they did themselves",
    "no situation": "the answer has no situation",
    "result without a number": "the answer's result has no number",
    "off topic": "the answer does not address the question",
    "no steps": "the answer has no steps",
    "no personal step": "the answer says little of what they would do themselves",
}


# The lists asked in turn, not called for by anything the answer lacks, and what interviewers
# ask them for (the interviewer's sheet says it once for all of them).
GENERAL = {
    "fixed list": "to go deeper into a story",
    "plan list": "to test a plan",
    "point list": "to test the point an answer makes",
}


def asked_in_turn(asks: Asks) -> tuple[tuple[str, ...], str]:
    """The list asked in turn for an answer to a question asking for `asks`, and its rule: a
    story's (`FIXED`), a plan's (`PLAN_FIXED`) or a point's (`POINT_FIXED`)."""
    if asks == "plan":
        return PLAN_FIXED, "plan list"
    if asks == "neither":
        return POINT_FIXED, "point list"
    return FIXED, "fixed list"


@dataclass(frozen=True, slots=True)
class FollowUp:
    text: str
    rule: str  # why this question: the rule, or "fixed list"

    @property
    def reason(self) -> str:
        """Why it is asked, as the page says it: "your answer did not say how it ended"."""
        return REASONS.get(self.rule, self.rule)

    @property
    def tag(self) -> str:
        """What the answer lacks, as the interviewer's sheet tags the follow-up (`TAGS`): "the
        answer's result has no number"; "" for one from a list asked in turn (`general`)."""
        return "" if self.general else TAGS.get(self.rule, self.rule)

    @property
    def general(self) -> bool:
        """From a list asked in turn (`GENERAL`), not called for by the answer."""
        return self.rule in GENERAL


# How `asked_again` opens, in either form: how `rule_of` knows it again.
PUT_ANOTHER_WAY = "Let me put that another way: could you tell me about "
COME_BACK = "Let me come back to the question: "


def asked_again(question: str, asks: str | None) -> FollowUp:
    """For an answer the relevance verdict says does not address `question`: the question
    again in other words (what it asks for, by its kind, when that is known), never a
    follow-up that takes the answer as given."""
    if asks:
        return FollowUp(f"{PUT_ANOTHER_WAY}{asks}?", "off topic")
    return FollowUp(f"{COME_BACK}{question}", "off topic")


def rule_of(text: str) -> str | None:
    """The rule a follow-up was asked by, from its words as the answer keeps them
    (`question_text`): each text comes from one rule's question (`RULES`, `PLAN_RULES`), one
    list asked in turn (`FIXED`, `PLAN_FIXED`, `POINT_FIXED`) or `asked_again` ("off topic").
    None for a text none of them gives (a follow-up asked before the lists changed): it is
    then judged as any answer is. The rule is read back rather than stored: the words are
    what was asked, and every follow-up already keeps them."""
    said = " ".join(text.split())
    for rule, question in (*RULES, *PLAN_RULES):
        if said == question:
            return rule
    for texts, rule in ((FIXED, "fixed list"), (PLAN_FIXED, "plan list"),
                        (POINT_FIXED, "point list")):  # fmt: skip
        if said in texts:
            return rule
    return "off topic" if said.startswith((PUT_ANOTHER_WAY, COME_BACK)) else None


def asks_of_follow_up(asked_first: Asks, question: str) -> Asks:
    """What a follow-up `question` asks for, asked of an answer to a question asking for
    `asked_first` (`relevance.asked_for`): more of the same ("What was the outcome?" of a story
    is more of the story, and anything asked of a plan asks about the plan:
    `relevance.follow_up_kind`), but a plan wherever its own words ask what the user would do
    (`relevance.asked_for`'s plan model: "What would that look like in your first months
    here?", `POINT_FIXED`'s, asked of a point). A tester's answer to that follow-up, a plan for
    the first months, was judged as an answer asking "for neither a story nor a plan", its
    first question's. The one rule for the worker that analyses the answer
    (`practice.tasks`) and the pages that judge it after (`feedback.subjects.answer_asks`)."""
    if asked_first == "plan" or asked_for(question) == "plan":
        return "plan"
    return asked_first


def follow_up(analysis: ContentAnalysis | None, turn: int = 0, asks: Asks = "story") -> FollowUp:
    """The follow-up for an answer; turn picks from the list asked in turn so it does not
    repeat. `asks`: what the question asks for (`relevance.asked_for`, the one rule every face
    judges the answer by). A plan is asked about the plan, never for a result or a scene a plan
    cannot have; an answer to a question asking for neither a story nor a plan is asked about
    its point (`POINT_FIXED`), never for a story's parts it was not asked for."""
    if asks == "plan":
        return _plan_follow_up(analysis, turn)
    if asks == "neither":
        return FollowUp(POINT_FIXED[turn % len(POINT_FIXED)], "point list")
    # An answer the reader could not read (one word, fillers, another language) lacks nothing
    # it can name: "leadership" was asked "What was the outcome?" because "your answer did not
    # say how it ended". It gets the list asked in turn, as a plan's does.
    if analysis is not None and analysis.words > 0 and not analysis.cannot_tell:
        star = analysis.star  # a part the reader can't tell is missing is not asked for
        broken = {
            "no result": not star["result"].present and not star["result"].unsure,
            "no personal action": not analysis.ownership.personal,
            "no situation": not star["situation"].present and not star["situation"].unsure,
            "result without a number": not analysis.quantified_result.present,
        }
        for rule, question in RULES:
            if broken[rule]:
                return FollowUp(question, rule)
    return FollowUp(FIXED[turn % len(FIXED)], "fixed list")


def _plan_follow_up(analysis: ContentAnalysis | None, turn: int) -> FollowUp:
    if analysis is not None and analysis.words > 0 and not analysis.cannot_tell:
        broken = {
            "no steps": not analysis.star["action"].present and not analysis.star["action"].unsure,
            "no personal step": not analysis.ownership.personal,
        }
        for rule, question in PLAN_RULES:
            if broken[rule]:
                return FollowUp(question, rule)
    return FollowUp(PLAN_FIXED[turn % len(PLAN_FIXED)], "plan list")
