"""The interviewer's follow-up question: asked about what an answer left out."""

from __future__ import annotations

from dataclasses import dataclass

from prepcoach.coach.content import ContentAnalysis

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


# Why the follow-up was asked, in the user's words (the rule's name stays for the records).
REASONS = {
    "no result": "your answer did not say how it ended",
    "no personal action": "your answer said what the team did, not what you did yourself",
    "no situation": "your answer did not set the scene",
    "result without a number": "your result had no number to show it worked",
    "fixed list": "interviewers often ask it to go deeper into a story",
    "off topic": "prepcoach's check finds your answer did not address the question",
}


@dataclass(frozen=True, slots=True)
class FollowUp:
    text: str
    rule: str  # why this question: the rule, or "fixed list"

    @property
    def reason(self) -> str:
        """Why it is asked, as the page says it: "your answer did not say how it ended"."""
        return REASONS.get(self.rule, self.rule)


def asked_again(question: str, asks: str | None) -> FollowUp:
    """For an answer the relevance verdict says does not address `question`: the question
    again in other words (what it asks for, by its kind, when that is known), never a
    follow-up that takes the answer as given."""
    if asks:
        return FollowUp(
            f"Let me put that another way: could you tell me about {asks}?", "off topic"
        )
    return FollowUp(f"Let me come back to the question: {question}", "off topic")


def follow_up(analysis: ContentAnalysis | None, turn: int = 0) -> FollowUp:
    """The follow-up for an answer; turn picks from the fixed list so it does not repeat."""
    if analysis is not None and analysis.words > 0:
        broken = {
            "no result": not analysis.star["result"].present,
            "no personal action": not analysis.ownership.personal,
            "no situation": not analysis.star["situation"].present,
            "result without a number": not analysis.quantified_result.present,
        }
        for rule, question in RULES:
            if broken[rule]:
                return FollowUp(question, rule)
    return FollowUp(FIXED[turn % len(FIXED)], "fixed list")
