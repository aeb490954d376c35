"""The rubric an interviewer scores an answer on, and prepcoach's own reading of it."""

from __future__ import annotations

from dataclasses import dataclass

from prepcoach.coach.content import ContentAnalysis

# Each criterion is scored 0 (no), 1 (partly) or 2 (yes).
RUBRIC = (
    ("situation", "Sets the scene: where, when, what was at stake"),
    ("task", "Says what they were responsible for"),
    ("action", "Describes what they did themselves"),
    ("result", "Says how it ended"),
    ("evidence", "Backs the result with a number or a concrete fact"),
)
SCORES = {0: "no", 1: "partly", 2: "yes"}


@dataclass(frozen=True, slots=True)
class Judgement:
    criterion: str
    score: int | None  # of `SCORES`; None where the reader can't tell (`why` says so)
    why: str
    evidence: tuple[str, ...] = ()


def _cannot_tell(criterion: str, what: str, nearest: str) -> Judgement:
    return Judgement(
        criterion, None, f"can't tell whether it {what}", (nearest,) if nearest else ()
    )


@dataclass(frozen=True, slots=True)
class Difference:
    criterion: str
    yours: int
    ours: int
    why: str  # prepcoach's reason, with the words it relied on
    evidence: tuple[str, ...]


def read_answer(analysis: ContentAnalysis) -> list[Judgement]:
    """prepcoach's scores on the rubric, each with its reason and quoted sentences."""
    star, own = analysis.star, analysis.ownership
    judgements = []
    for part in ("situation", "task"):
        found = star[part]
        if found.unsure:
            judgements.append(_cannot_tell(part, f"sets out the {part}", found.nearest))
            continue
        judgements.append(
            Judgement(part, 2 if found.present else 0,
                      f"{_sentences(len(found.evidence))} out the {part}" if found.present
                      else f"no sentence sets out the {part}", found.evidence)
        )  # fmt: skip
    if own.i_actions and own.personal:
        actions = f"{own.i_actions} action{'s' if own.i_actions != 1 else ''}"  # never "(s)"
        action = Judgement("action", 2, f"{actions} in the first person (“I …”)",
                           star["action"].evidence)  # fmt: skip
    elif star["action"].present:
        action = Judgement("action", 1, f"actions are mostly the team's: {own.we_actions} “we” "
                           f"against {own.i_actions} “I”", star["action"].evidence)  # fmt: skip
    elif star["action"].unsure:
        action = _cannot_tell("action", "describes an action", star["action"].nearest)
    else:
        action = Judgement("action", 0, "no action is described")
    judgements.append(action)
    result = star["result"]
    judgements.append(
        _cannot_tell("result", "says how things ended", result.nearest) if result.unsure
        else Judgement("result", 2 if result.present else 0,
                       "it says how things ended" if result.present
                       else "it never says how it ended", result.evidence)
    )  # fmt: skip
    quantified = analysis.quantified_result
    if quantified.present:
        evidence = Judgement("evidence", 2, "the result has a number", quantified.evidence)
    elif result.present:
        evidence = Judgement("evidence", 1, "the result has no number", result.evidence)
    elif result.unsure:
        evidence = _cannot_tell("evidence", "has a result to back", result.nearest)
    else:
        evidence = Judgement("evidence", 0, "there is no result to back")
    judgements.append(evidence)
    return judgements


def _sentences(count: int) -> str:
    return "1 sentence sets" if count == 1 else f"{count} sentences set"


def compare(yours: dict[str, int], ours: list[Judgement]) -> list[Difference]:
    """Where the user's scores and prepcoach's reading differ, largest gap first."""
    differences = [
        Difference(j.criterion, yours[j.criterion], j.score, j.why, j.evidence)
        for j in ours
        if j.score is not None and j.criterion in yours and yours[j.criterion] != j.score
    ]
    return sorted(differences, key=lambda d: -abs(d.yours - d.ours))
