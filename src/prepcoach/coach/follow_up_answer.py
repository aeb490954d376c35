"""The answer to an interviewer's follow-up, judged on what the follow-up asked for.

A follow-up asked because the first answer lacked a part (`followups.RULES`, `PLAN_RULES`:
no result, a result without a number, little of what the speaker did, no situation; a plan's
steps or the speaker's own step) asks for that one thing: its answer is judged on whether it
gives it ("Asked for: a result with a number — given: “…”"), and the whole story's parts are
read over the first answer and the follow-up together. It gets no tip asking for the story's
other parts, and no 1-5 measured figure (`answer.measured_rating` weighs all of a story's
parts and a number, which one asked-for part does not tell: a trial's two sentences of
numbers, answering "How did you know it worked? What changed, in numbers?", read "3 of 5 ·
2 of 4 STAR parts" and "Tell the whole story: add what you had to do and how it ended").

A follow-up from a story's list asked in turn (`followups.FIXED`: "What did you learn from
that?", "What would you do differently…?", "Who else was involved…?", "What was the hardest
part for you?") asks for a reflection on the story told (`REFLECTION`), not for a story: its
answer is judged on no STAR part (no tip asking for one, no 1-5 figure weighing them, and no
evidence for the story's areas), and the story's parts are read over the first answer and the
follow-up together, as for a follow-up asking for a part. A trial's two-sentence lesson,
answering "What did you learn from that?", got 3 of 5, "Put a number on the result", "Start
with a sentence of context" and "say … what was asked of you", and counted for "Say the task".
A follow-up from a plan's or a point's list asked in turn (`followups.PLAN_FIXED`: "Who would
you involve, and when?"; `POINT_FIXED`: "How does that fit this role?") asks about one side of
the plan or the point (`ASPECT`), not for the whole of it, and is judged as a reflection is: on
no part, no 1-5 figure, no evidence for the plan's or ownership areas, the plan's steps read
over both answers (a browser check's lesson answering "Who would you involve, and when?" counted
for "Say what you did yourself": "no step told as yours (no “I would” found)").
A follow-up asked again after an answer that missed its question, or whose words no list gives
(`followups.rule_of` None) asks for no part: it is judged as any answer is, but never told to
tell the whole story (`tips.asks_for_whole_story`).

An answer's 1-5 figure comes through `measured_of` (the report, its rating, the feedback page)
or `measured_answer` (calibration, the "went badly" answers reworked and readiness, whose facts
keep an answer's question words and whether it answers a follow-up): one rule, so none of them
gives a follow-up asking for a part the whole story's figure its report withholds.

Pure: it reads stored analyses (`answer.AnswerAnalysis.as_dict`), never Django.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from prepcoach.coach.answer import measured_rating
from prepcoach.coach.content import sentences_of
from prepcoach.coach.followups import FIXED, PLAN_FIXED, POINT_FIXED, rule_of
from prepcoach.coach.relevance import Asks
from prepcoach.coach.tips import PART_TIPS, asks_for_story_parts, asks_for_whole_story

# What each rule asks for: the part its answer is judged on (a stored STAR key, or
# "ownership"), in words, and what to do when the answer does not give it.
ASKED = {
    "no result": ("result", "how it ended",
                  "Answer what was asked: how it ended, what changed because of what you did."),
    "result without a number": (
        "quantified_result", "a result with a number",
        "Answer what was asked: how you knew it worked, with a number: how much, how many, "
        "how much faster."),
    "no personal action": ("ownership", "what you did yourself",
                           "Answer what was asked: what you did yourself: “I decided…”, "
                           "“I built…”."),
    "no situation": ("situation", "the situation",
                     "Answer what was asked: where you were, and what the problem was."),
    "no steps": ("action", "the steps you would take",
                 "Answer what was asked: the steps you would take, in order."),
    "no personal step": ("ownership", "what you would do yourself",
                         "Answer what was asked: what you would do yourself: “I would…”."),
}  # fmt: skip
# A story's list asked in turn (`followups.FIXED`) asks for a reflection on the story, not a
# story: the part it asks for (`FollowUpAnswer.part`) and, by its words, what it asks, in words.
REFLECTION = "reflection"
REFLECTS = dict(
    zip(
        FIXED,
        (
            "what you would do differently",
            "what you learned",
            "who else was involved and how you worked with them",
            "the hardest part for you",
        ),
        strict=True,
    )
)
# A plan's or a point's list asked in turn (`followups.PLAN_FIXED`, `POINT_FIXED`) asks about
# one side of the plan or the point ("Who would you involve, and when?"), not for the whole of
# it: judged as a reflection is, on no part (`ASPECT`), never as a plan of its own (a browser
# check's lesson answering "Who would you involve, and when?" was evidence for "Say what you did
# yourself": "no step told as yours (no “I would” found)").
ASPECT = "aspect"
ASPECTS = dict(
    zip(
        PLAN_FIXED,
        (
            "what you would do first, and why",
            "how you would know your plan was working",
            "what you would do if it did not work",
            "who you would involve, and when",
        ),
        strict=True,
    )
) | dict(
    zip(
        POINT_FIXED,
        (
            "why that matters to you",
            "how that fits this role",
            "what that would look like in your first months here",
            "how that shows in your work",
        ),
        strict=True,
    )
)
# What a list asked in turn asks for, by its rule: the part its answer is judged on, what it
# asks in words by the follow-up's words, and what its answer is not judged as.
IN_TURN = {
    "fixed list": (REFLECTION, REFLECTS, "a reflection on the story",
                   "a reflection on the story, not judged as a story"),
    "plan list": (ASPECT, ASPECTS, "one side of the plan",
                  "one side of the plan, not judged as a whole plan"),
    "point list": (ASPECT, ASPECTS, "more on the point you made",
                   "more on the point you made, not judged as a whole answer"),
}  # fmt: skip
STORY_KEYS = ("situation", "task", "action", "result", "quantified_result")
# Why a part of the whole story is "can't tell" where one answer's analysis was stored without
# its STAR parts (an old analysis, or one never read): never "missing".
UNKEPT = "prepcoach can't tell the first answer's STAR parts: its analysis was stored without them"


@dataclass(frozen=True, slots=True)
class FollowUpAnswer:
    """How the answer to a follow-up is judged. `rule`: the follow-up's (`followups.rule_of`),
    None for words no list gives. `part`: the stored part it asks for ("quantified_result",
    "ownership", …), "" when it asks for none; `asked` the same in words. `given`: whether
    the answer gives it, None where prepcoach can't tell (or it asks for none); `quote` the
    words that give it (or, can't tell, the sentence nearest it). `story`: the whole story's
    STAR parts, in the stored analysis's shape, read over the first answer and this one
    together; None when it asks for no part or the first answer has not been read.
    `first_unkept`: the first answer was read but its analysis keeps no STAR parts (an old
    one): the story's parts it might hold are "can't tell" (`together`), and `story_note`
    says why. A story's list asked in turn asks for a reflection (`part` `REFLECTION`), a
    plan's or a point's for one side of it (`ASPECT`): judged on no STAR part, so `given`
    stays None and no tip asks for what it did not give."""

    rule: str | None
    part: str = ""
    asked: str = ""
    given: bool | None = None
    quote: str = ""
    story: Mapping[str, Mapping[str, Any]] | None = None
    advice: str = ""
    first_unkept: bool = False

    @property
    def story_note(self) -> str:
        """Why some of the whole story's parts are "can't tell", "" when none is for that."""
        if self.story is None or not self.first_unkept:
            return ""
        return f"{UNKEPT} (analyse it again to read them)"

    @property
    def asks_part(self) -> bool:
        """It asks for one part (or, from a story's list, a reflection on the story): judged
        on that alone, never as a story of its own."""
        return bool(self.part)

    @property
    def reflects(self) -> bool:
        """It asks for a reflection on the story (a story's list asked in turn), not a part."""
        return self.part == REFLECTION

    @property
    def in_turn(self) -> bool:
        """From a list asked in turn (a story's, a plan's or a point's): it asks about what
        was told, judged on no part (`given` None), never as a story or a plan of its own."""
        return self.part in (REFLECTION, ASPECT)

    @property
    def words(self) -> str:
        """What the row and the card say: "Asked for: a result with a number — given: “…”"
        ("not given", or prepcoach can't tell); "" when it asks for no part."""
        if not self.part:
            return ""
        if self.in_turn:
            return f"Asked for: {self.asked} — {IN_TURN[self.rule or 'fixed list'][3]}"
        if self.given:
            return f"Asked for: {self.asked} — given: “{self.quote}”"
        if self.given is None:
            return f"Asked for: {self.asked} — prepcoach can't tell whether it is given"
        return f"Asked for: {self.asked} — not given"

    @property
    def unmeasured(self) -> str:
        """Why there is no 1-5 figure, "" when it asks for no part (it is measured as any
        answer is)."""
        if not self.part:
            return ""
        # "No measured figure: …, a result with a number" right after the number given read as
        # "you gave no figure" (a trial): the figure meant is the 1-5 one.
        return f"no 1–5 figure: a follow-up is judged only on what it asked for ({self.asked})"

    def as_dict(self) -> dict[str, Any]:
        """The judgement as the JSON API gives it (`practice.api.FollowUpOut`)."""
        return {
            "rule": self.rule,
            "asks_part": self.asks_part,
            "asked": self.asked,
            "given": self.given,
            "quote": self.quote,
            "words": self.words,
            "unmeasured": self.unmeasured,
            "story": None if self.story is None else {k: dict(v) for k, v in self.story.items()},
            "story_note": self.story_note,
        }

    def tips(self, tips: Sequence[Any], transcript: str = "") -> list[Mapping[str, Any]]:
        """The stored `tips` this answer keeps: never "Tell the whole story"; for a follow-up
        asking for a part, no tip asking for another of the story's parts, and first, when
        the answer does not give it, what was asked ("Answer what was asked: …", quoting how
        the answer starts)."""
        kept = [
            tip
            for tip in tips
            if isinstance(tip, Mapping)
            and not asks_for_whole_story(str(tip.get("rule", "")))
            and not (self.part and _asks_another_part(str(tip.get("rule", "")), self.part))
        ]
        if self.part and self.given is False:
            said = [{"text": s} for s in sentences_of(transcript)[:2]]
            kept.insert(0, {"rule": self.words, "text": self.advice, "evidence": said})
        return kept


def _asks_another_part(rule: str, part: str) -> bool:
    keeps = PART_TIPS.get(part, ())
    if part == "quantified_result":  # a number on the result needs the result
        keeps = keeps + PART_TIPS["result"]
    return asks_for_story_parts(rule) and not rule.startswith(keeps)


def judge_follow_up(
    question: str, analysis: Mapping[str, Any], first: Mapping[str, Any] | None = None
) -> FollowUpAnswer:
    """The answer (`analysis`, stored) to the follow-up `question`, judged on what it asked
    for; `first`: the stored analysis of the answer it follows up, None when not read."""
    rule = rule_of(question)
    if rule in IN_TURN:  # a list asked in turn: about what was told, judged on no part
        part, asks, whole, _ = IN_TURN[rule]
        asked = asks.get(" ".join(question.split()), whole)
        story = together(first, analysis) if first else None
        unkept = bool(first) and not _has_star(first or {})
        return FollowUpAnswer(rule, part, asked, None, "", story, "", unkept)
    if rule not in ASKED:
        return FollowUpAnswer(rule)
    part, asked, advice = ASKED[rule]
    given, quote = _given(analysis, part)
    if not first:
        return FollowUpAnswer(rule, part, asked, given, quote, None, advice)
    story = together(first, analysis)
    return FollowUpAnswer(rule, part, asked, given, quote, story, advice, not _has_star(first))


def measured_of(
    analysis: Mapping[str, Any], asks: Asks | None = None, follow: FollowUpAnswer | None = None
) -> int | None:
    """The answer's 1-5 measured figure (`answer.measured_rating`, `asks` as its), None for
    the answer to a follow-up asking for a part, a reflection on the story or one side of a
    plan or a point (`follow`, its `judge_follow_up`, None for a first answer): the figure
    weighs every part of a story and a number (a plan's steps), which one part asked for, a
    lesson drawn from the story or who the plan would involve does not tell. The
    one rule the report and the feedback page give it by, and the mock's `figures_of` holds."""
    if follow is not None and follow.asks_part:
        return None
    return measured_rating(analysis, asks)


def measured_answer(
    question: str,
    analysis: Mapping[str, Any],
    asks: Asks | None = None,
    *,
    follow_up: bool = False,
) -> int | None:
    """`measured_of` an answer known by its question's words, its stored analysis (or
    evidence, `answer_evidence`) and whether it answers a follow-up (`follow_up`: the
    attempt's `follow_up_to` link), as calibration, the "went badly" goal and readiness know
    it: a follow-up keeps its own words (`Attempt.question_text`), and words asking for a part
    or a reflection (`followups.rule_of`: "How did you know it worked? What changed, in
    numbers?", "What did you learn from that?") are judged
    as the report judges them (`judge_follow_up`), so they give no figure. A first answer is
    measured as any answer is whatever its words: "What was the outcome?" asked first is no
    follow-up (its words alone had left it unmeasured)."""
    return measured_of(analysis, asks, judge_follow_up(question, analysis) if follow_up else None)


def _has_star(analysis: Mapping[str, Any]) -> bool:
    return isinstance(analysis.get("star"), Mapping)


FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|me|my|myself)\b")


def _given(analysis: Mapping[str, Any], part: str) -> tuple[bool | None, str]:
    star = analysis.get("star")
    star = star if isinstance(star, Mapping) else {}
    if part == "ownership":
        own, action = analysis.get("ownership"), star.get("action") or {}
        if analysis.get("cannot_tell") or not isinstance(own, Mapping):
            return None, ""
        mine, team = int(own.get("i_actions") or 0), int(own.get("we_actions") or 0)
        given = mine > 0 and mine >= team / 2  # `content.Ownership.personal`
        # The quote is an action said with "I": a "we" sentence is no evidence of what the
        # speaker did themselves (a reviewer saw "We agreed a new rota as a team…" quoted).
        mine_said = [str(e) for e in action.get("evidence") or [] if FIRST_PERSON.search(str(e))]
        return given, mine_said[0] if given and mine_said else ""
    found = star.get(part)
    if not isinstance(found, Mapping):
        return None, ""
    evidence = found.get("evidence") or []
    if found.get("present"):
        return True, str(evidence[0]) if evidence else ""
    if found.get("present") is None:
        return None, str(found.get("unsure") or "")
    return False, ""


def together(first: Mapping[str, Any], then: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The STAR parts of a story told over two answers (the first and its follow-up's), in
    the stored shape: a part found in either is found; one neither has is missing, or "can't
    tell" / not heard (`present` None) where either can't tell. An analysis stored without
    STAR parts (`star` missing: an old one) tells nothing of any part: one the other answer
    does not hold is "can't tell" (`present` None, `unsure` "": no sentence comes near it),
    never missing."""
    unkept = not (_has_star(first) and _has_star(then))
    parts: dict[str, dict[str, Any]] = {}
    for key in STORY_KEYS:
        both = [
            found
            for analysis in (first, then)
            if isinstance(star := analysis.get("star"), Mapping)
            and isinstance(found := star.get(key), Mapping)
        ]
        evidence = [str(s) for found in both for s in found.get("evidence") or []]
        if any(found.get("present") for found in both):
            parts[key] = {"present": True, "evidence": evidence}
        elif unknown := [found for found in both if found.get("present") is None]:
            unsure = next((f["unsure"] for f in unknown if "unsure" in f), None)
            # "Not heard" (no `unsure`) in either leaves the part unread, as each page reads it.
            lost = any("unsure" not in f for f in unknown)
            parts[key] = {"present": None, "evidence": evidence}
            if unsure is not None and not lost:
                parts[key]["unsure"] = unsure
        elif unkept:
            parts[key] = {"present": None, "evidence": evidence, "unsure": ""}
        else:
            parts[key] = {"present": False, "evidence": evidence}
    return parts


def told_over(first: Mapping[str, Any], then: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """A first answer's stored analysis (or evidence) with its story read over it and the
    answers to its follow-ups `then` (oldest first) together (`together`, folded): its own
    figures, relevance, words and whose actions they are kept, its STAR parts the whole
    story's. A follow-up adds only what it tells: one that cannot be read (`cannot_tell`: too
    short, not English) adds nothing, and a part it did not hear (`present` None without
    `unsure`) stays as the first answer tells it, missing or not. How the improvement areas
    read a story told over a first answer and its follow-ups; the follow-up's report reads
    its own answer's "not heard" as "can't tell" (`FollowUpAnswer.story`). Four stories with
    no result, each followed by "What was the outcome?" answered "Not sure.", had given no
    "Say the result": each reply's parts, not heard, had made the first answer's "missing"
    "can't tell"."""
    told = dict(first)
    for analysis in then:
        if not analysis.get("cannot_tell"):
            told["star"] = together(told, _heard(analysis))
    return told


def _heard(analysis: Mapping[str, Any]) -> Mapping[str, Any]:
    """`analysis` without the STAR parts it did not hear (`present` None without `unsure`)."""
    star = analysis.get("star")
    if not isinstance(star, Mapping):
        return analysis
    heard = {
        key: found
        for key, found in star.items()
        if not (
            isinstance(found, Mapping) and found.get("present") is None and "unsure" not in found
        )
    }
    return {**analysis, "star": heard}
