"""The tips for an answer to a weakness question (`relevance.kind` "weakness"): no step taken on
the weakness (`weakness_steps`), and a strength in disguise named as the weakness
(`weakness_disguise`). A trial's "I care too much about getting things right … I never miss a
deadline" was told "Nothing stands out to fix in this answer". Neither tip is given to an answer
the relevance verdict says misses its question (`off`): its own tip leads."""

from __future__ import annotations

from prepcoach.coach.tip_types import Evidence, Tip
from prepcoach.coach.weakness_disguise import Disguise
from prepcoach.coach.weakness_steps import Steps

WEAKNESS_ADVICE = (
    "Say the steps you take on your weakness (a habit, a tool, feedback you ask for) and what "
    "has changed since."
)
DISGUISE_RULE = "Weakness: the weakness you name reads as a strength in disguise"
DISGUISE_QUOTED = "the sentence that shows it most is quoted"
DISGUISE_ADVICE = (
    "Name a real weakness, one that has cost you something at work, and the step you take on "
    "it: interviewers hear a strength dressed up as a weakness as a way round the question."
)


def steps_tip(found: Steps | None, off: bool, disguise: Disguise | None = None) -> Tip | None:
    """No step taken on the weakness (weight 6), or prepcoach can't tell (weight 3). None for
    an answer whose weakness reads as a strength in disguise: its tip asks for a real weakness
    and the step taken on it (a page check read the two tips, in either order, as one said
    twice)."""
    if found is None or found.said or off or (disguise is not None and disguise.disguised):
        return None
    if found.said is None:
        rule = "prepcoach can't tell whether the answer says a step you take on it (the sentence"
        return Tip(f"Weakness: {rule} most like one is quoted)", WEAKNESS_ADVICE,
                   (Evidence(found.nearest),), 3)  # fmt: skip
    # No sentence reads as a step: the one nearest is no evidence (a page check read a 7 %
    # "closest" praise sentence as nearly a step); the answer's opening, where its weakness is
    # named, is.
    rule = "Weakness: no sentence of the answer reads as a step you take on it (its opening is"
    return Tip(f"{rule} quoted)", WEAKNESS_ADVICE, (Evidence(found.opening),), 6)


def disguise_tip(found: Disguise | None, off: bool) -> Tip | None:
    """The only weakness named reads as a strength in disguise (weight 6, in place of the steps
    tip), quoting the sentence that shows it most. Nothing when the reader does not say so: that
    is no verdict that the weakness is real, so there is no "can't tell" tip to give."""
    if found is None or not found.disguised or off:
        return None
    return Tip(f"{DISGUISE_RULE}; {DISGUISE_QUOTED}", DISGUISE_ADVICE,
               (Evidence(found.evidence),), 6)  # fmt: skip
