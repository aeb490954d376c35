"""Which of the four kinds of interview-preparation goal a text describes, or none.

knowledge: the industry, the company, the role. skills: communication, technical, problem
solving, leadership. behavioral: answers, body language, presentation. networking: contacts,
events, mentors. None: "run 5k", "save £500", "send 10 applications" are not preparation of
any of the four kinds, and a goal the model is unsure about is "can't tell", not a guess.

The kind is decided by a classifier over the goal's sentence embedding, trained on the
development sets (`goal_models`, `scripts/train_goal_models.py`): a keyword vote called "Build
a small web app with a login page and tests" behavioral. The keyword cues below remain as the
evidence quoted beside the kind (the words of the goal that point to it), and as the fallback
when the sentence model is not installed. The user can always change the kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class GoalKind(StrEnum):
    KNOWLEDGE = "knowledge"
    SKILLS = "skills"
    BEHAVIORAL = "behavioral"
    NETWORKING = "networking"


# Each cue is a regular expression over lower-cased text, with a weight: phrases that only one
# kind uses weigh more than words several kinds share.
CUES: dict[GoalKind, list[tuple[str, float]]] = {
    GoalKind.KNOWLEDGE: [
        (r"research\w*", 2), (r"read\w*", 1), (r"learn (?:about|more about)", 2),
        (r"(?:the )?compan(?:y|ies)'?s?", 1.5), (r"industry", 1.5), (r"mission", 2),
        (r"values", 1.5), (r"strategy", 1.5), (r"products?", 1), (r"competitors?", 2),
        (r"news", 1.5), (r"facts?", 2), (r"annual report", 3), (r"market", 1),
        (r"job description", 2), (r"trends?", 1.5), (r"papers?", 1.5), (r"articles?", 1.5),
        (r"culture", 1.5), (r"earnings", 2), (r"10-k", 2), (r"glassdoor", 2),
        (r"business model", 2),
        (r"study the", 1), (r"understand\w*", 1), (r"podcasts?", 1.5), (r"blog posts?", 1),
        (r"role requirements", 2), (r"leadership team", 2), (r"books?", 1),
        (r"questions to ask", 3), (r"news stor(?:y|ies)", 3), (r"interviewers?", 2),
        (r"know (?:more )?about", 2), (r"the product", 1.5), (r"summari[sz]e", 1),
    ],
    GoalKind.SKILLS: [
        (r"leetcode", 3), (r"coding", 2), (r"code", 1), (r"algorithms?", 2),
        (r"data structures?", 2), (r"system design", 3), (r"sql", 2), (r"python", 2),
        (r"java(?:script)?", 2), (r"excel", 2), (r"case (?:studies|study|interviews?)", 2),
        (r"problems?", 1.5), (r"problem[- ]solving", 2.5), (r"technical", 2), (r"certif\w*", 2),
        (r"courses?", 1.5), (r"tutorials?", 1), (r"skills?", 1), (r"leadership", 1.5),
        (r"communication", 1.5), (r"writing", 1), (r"kata", 2), (r"whiteboard", 2),
        (r"statistics", 2), (r"machine learning", 2), (r"portfolio", 1.5), (r"projects?", 1),
        (r"exercises?", 1.5), (r"practice problems?", 2), (r"hackerrank", 3), (r"typing", 1),
        (r"negotiat\w*", 1.5), (r"take[- ]home", 2), (r"mental math", 2), (r"estimation", 1.5),
        (r"public speaking", 1.5), (r"spanish|french|german|mandarin", 2), (r"tableau", 2),
        (r"exams?", 2), (r"aws|azure|gcp", 2), (r"case interviews?", 3), (r"market[- ]sizing", 3),
        (r"resume|cv", 2), (r"finance", 2), (r"probability", 2), (r"practice book", 2),
        (r"cases", 1.5), (r"dcf|financial model\w*", 2),
    ],
    GoalKind.BEHAVIORAL: [
        (r"star", 3), (r"stories", 2), (r"story", 2), (r"answers?", 2), (r"mock", 2),
        (r"interviews?", 1), (r"body language", 3), (r"eye contact", 3), (r"posture", 3),
        (r"fillers?", 3), (r"filler words?", 3), (r"\bums?\b", 2), (r"pace", 2),
        (r"tell me about yourself", 3), (r"elevator pitch", 3), (r"presentation", 2),
        (r"present\w*", 1), (r"record\w*", 1.5), (r"rehears\w*", 2), (r"confiden\w*", 1.5),
        (r"behaviou?ral", 3), (r"questions?", 1), (r"nervous\w*", 2), (r"smil\w*", 2),
        (r"speak\w*", 1), (r"introduction", 1.5), (r"weakness\w*", 2), (r"strengths?", 1.5),
        (r"camera", 1.5), (r"video", 1), (r"handshake", 2), (r"why (?:this|do you)", 2),
        (r"interview skills", 3), (r"explain\w*", 2), (r"onsite|on-site", 2), (r"feedback", 1),
    ],
    GoalKind.NETWORKING: [
        (r"network\w*", 3), (r"contacts?", 2), (r"reach(?:ing)? out", 3), (r"linkedin", 2.5),
        (r"coffee", 3), (r"informational", 3), (r"mentors?", 3), (r"events?", 2),
        (r"meetups?", 3), (r"alumni", 3), (r"referrals?", 3), (r"connections?", 2.5),
        (r"conferences?", 2), (r"recruiters?", 2), (r"message\w*", 1.5), (r"people", 1.5),
        (r"introductions?", 1), (r"hiring managers?", 1.5), (r"employees", 2),
        (r"career fair", 3), (r"e-?mail\w*", 1), (r"follow[- ]ups?", 1.5), (r"community", 1.5),
        (r"slack", 1), (r"chats?", 1.5), (r"calls?", 1), (r"meet\b", 1.5),
        (r"communit(?:y|ies)", 2), (r"introduce myself", 3), (r"accountability partner", 3),
        (r"check in with", 2), (r"talk to", 2),
    ],
}  # fmt: skip
COMPILED = {
    kind: [(re.compile(rf"\b{pattern}\b", re.IGNORECASE), weight) for pattern, weight in cues]
    for kind, cues in CUES.items()
}


UNSURE_BELOW = 0.45  # the classifier's probability under which the kind is "can't tell"


@dataclass(frozen=True, slots=True)
class KindGuess:
    kind: GoalKind | None  # None: no kind fits, or prepcoach cannot tell
    evidence: tuple[str, ...]  # words of the goal that point to the kind
    confident: bool  # False when the model (or the vote) was unsure
    reason: str = ""  # one sentence for the user, quoting the evidence


def classify_goal(text: str) -> KindGuess:
    """The kind by the trained classifier; by the keyword vote if the model is not installed."""
    from prepcoach.coach.goal_models import predict

    prediction = predict("kind", text, cue_scores(text))
    if prediction is None:
        return vote(text)
    if prediction.label == "none":
        return KindGuess(
            None,
            (),
            confident=prediction.probability >= UNSURE_BELOW,
            reason="None of the four kinds of interview preparation (knowledge, skills, "
            "behavioral, networking) fits it.",
        )
    if prediction.probability < UNSURE_BELOW:
        return KindGuess(
            None,
            (),
            confident=False,
            reason=f"prepcoach cannot tell its kind (it leans to {prediction.label}, "
            f"{prediction.probability:.0%} sure): choose one.",
        )
    kind = GoalKind(prediction.label)
    evidence = _cue_words(text, kind)
    said = f": {', '.join(f'“{w}”' for w in evidence)}" if evidence else " (by its meaning)"
    return KindGuess(kind, evidence, confident=True, reason=f"It reads as {kind.value}{said}.")


def cue_scores(text: str) -> list[float]:
    """The keyword vote's score for each kind (log-scaled), and whether no cue was found: the
    non-embedding inputs of the kind classifier."""
    import math

    scores = [
        sum(weight * len(pattern.findall(text)) for pattern, weight in COMPILED[kind])
        for kind in GoalKind
    ]
    return [math.log1p(score) for score in scores] + [float(not any(scores))]


def _cue_words(text: str, kind: GoalKind) -> tuple[str, ...]:
    found = [m.group(0) for pattern, _ in COMPILED[kind] for m in pattern.finditer(text)]
    return tuple(dict.fromkeys(found))


def vote(text: str) -> KindGuess:
    """The old keyword vote: the fallback without the sentence model, and a baseline."""
    scores: dict[GoalKind, float] = {}
    evidence: dict[GoalKind, list[str]] = {}
    for kind, cues in COMPILED.items():
        for pattern, weight in cues:
            for match in pattern.finditer(text):
                scores[kind] = scores.get(kind, 0) + weight
                evidence.setdefault(kind, []).append(match.group(0))
    if not scores:
        return KindGuess(
            None, (), confident=False, reason="No word in it points to a kind: choose one."
        )
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    best, score = ranked[0]
    tie = len(ranked) > 1 and ranked[1][1] == score
    words = tuple(dict.fromkeys(evidence[best]))
    quoted = ", ".join(f"“{w}”" for w in words)
    return KindGuess(best, words, confident=not tie, reason=f"It reads as {best.value}: {quoted}.")
