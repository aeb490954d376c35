"""Answers written for the relevance tests: one on point and one to a neighbouring question."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.typing import NDArray

from prepcoach.coach import question_kinds, relevance_model

SKILLS = "Which skills do you hope to develop?"
HOPES = (
    "The main one is negotiation. So far I have only watched senior colleagues negotiate with "
    "suppliers, and I would like to lead those conversations myself, so I have asked my manager "
    "whether I can shadow the next two renewals and then run one with her support. I also want "
    "to get better at public speaking: I still read from my notes when I present our team's "
    "results to the board, and I would like to be able to talk through the numbers and handle "
    "questions without a script. Longer term I hope to develop the people skills to manage a "
    "small team."
)
WEAKNESS = "What is your greatest weakness?"
STRENGTHS = (
    "I'd say I'm incredibly detail-oriented. I'm the person in the team who always spots the "
    "transposed numbers in the reconciliations, and my manager trusts me with the VAT returns "
    "because I just don't make mistakes. I'm also really good at building relationships with "
    "the budget holders, and they come to me with questions now. So I think accuracy and "
    "relationships are my strongest points."
)

# A well-told story with a number (all four STAR parts and a result with a number), given to a
# question that asks for no story: the relevance verdict says it does not address it.
FINANCE = "Why do you want to work in finance?"
HOCKEY = (
    "In my second year at university I was made captain of the hockey club. We had lost most of "
    "our matches the season before, and my task was to get the team winning again. I organised "
    "extra practices on Sunday mornings and asked a coach from the town club to help with "
    "tactics. I made sure every player got time on the pitch, not just the strongest ones. We "
    "won 8 of our 10 matches and finished second in the league."
)
# What `analyse_answer(text=HOCKEY, question=FINANCE)` stores as its relevance (a run of the
# shipped model), kept as stored so tests of what reads it do not move with the model.
HOCKEY_FOR_FINANCE = {
    "addresses": False,
    "score": 0.173,
    "evidence": "In my second year at university I was made captain of the hockey club.",
    "check": True,
    "reason": (
        "it does not address the question: the question asks for your reasons for wanting this "
        "role, employer or career, and the answer talks about this"
    ),
    "probability": 0.113,
    "gist": "In my second year at university I was made captain of the hockey club.",
    "asks": "your reasons for wanting this role, employer or career",
}

# A good three-step plan to a question asking what the user would do, and a story with its four
# STAR parts and a number to a question asking for one: the tests of the plan rule, one for every
# face (`relevance.plan_asked`), set them side by side.
PLAN_QUESTION = (
    "What would you do if a teammate repeatedly missed commitments that your own work depended on?"
)
PLAN = (
    "First I would talk to my teammate in private and ask what is getting in the way, because "
    "there may be a reason I cannot see. Then I would agree with them on smaller deadlines we "
    "can both check each week. If the deadlines still slipped, I would raise it with our "
    "manager and suggest moving the work that blocks me."
)
BACKLOG = "Tell me about a time you fixed a backlog."
BACKLOG_STORY = (
    "Last spring our support queue doubled after a product launch. I was asked to bring the "
    "waiting times back down. I rewrote the triage rules and trained two new starters. "
    "Within a month the average wait fell from 9 hours to 2 hours."
)

# A question asking for neither a story nor a plan, and a fitting answer with no story in it.
FIVE_YEARS = "Where do you see yourself in five years?"
AMBITION = (
    "In five years I would like to be leading a small product team. I want to get better at "
    "research with customers and at turning it into a roadmap people believe in. I also hope to "
    "mentor newer colleagues, because I learned most from the people who took time with me."
)

# BACKLOG_STORY told with "we" throughout: the report's tip is "Say what you did yourself".
WE_BACKLOG_STORY = (
    "Last spring our support queue doubled after a product launch. We were asked to bring the "
    "waiting times back down. We rewrote the triage rules and we trained two new starters. "
    "Within a month the average wait fell from 9 hours to 2 hours."
)
# Another story told with "we" throughout.
WE_WARD_STORY = (
    "Our ward kept losing track of discharge letters last winter. We needed to get them out on "
    "time. We set up a shared checklist and we ran a short huddle every morning. After six weeks "
    "every letter went out the same day."
)

# A good STAR story with a number, as a new user's trial told one: its report read "Nearest the
# question: “The practice manager also became one of our reference customers.” — prepcoach can't
# tell whether it addresses the question: the quoted sentence is its closest and still far from
# what was asked" beside "the measures 5", and, told to "Walk me through your CV", a warning box
# "Check that this answers the question". Far from both questions by closeness in meaning; the
# verdict says "can't tell" to both.
CV = "Walk me through your CV."
INITIATIVE = "Tell me about a time you took the initiative."
CLINIC = (
    "Last year a small dental practice was about to cancel our booking software because "
    "appointments kept getting double-booked. My task was to keep them as a customer. I visited "
    "the practice, watched how the receptionists used the calendar and found that two screens "
    "were showing different time zones. I fixed the setting, trained the staff and called the "
    "manager every week for a month. They renewed for two more years and double bookings "
    "stopped completely. The practice manager also became one of our reference customers."
)


def name_kinds_as_before_successes(patch: pytest.MonkeyPatch) -> None:
    """Make prepcoach name a question's kind as it did before it named successes (before the
    thirtieth session), for tests of what was stored then: the likeliest of the verdict's own
    kinds by their prototypes (`relevance_model.question_kinds`), named only when at least
    `relevance_model.TYPE_SURE` sure. A success question was then read as a failure one."""

    def likeliest(
        question: str, vector: NDArray[np.float64], model: object = None
    ) -> tuple[str, float]:
        centroids = relevance_model.prototype_centroids()
        assert centroids is not None
        kinds = relevance_model.question_kinds(vector, centroids)
        best = int(kinds.argmax())
        sure = float(kinds[best]) >= relevance_model.TYPE_SURE
        # Below the prototypes' own cut nothing was named: below any cut the model has.
        return relevance_model.TYPE_NAMES[best], float(kinds[best]) if sure else -1.0

    patch.setattr(question_kinds, "likeliest_kind", likeliest)
