"""What each improvement area's rule reads from one stored analysis (`improvement.RULES`): None
when it cannot judge it (not measured, or withheld because speech was lost), else the detail
that shows the rule held ("" when it did not) and the figure behind it. Split from
`improvement`, which ranks the areas over many answers, reviews and debriefs."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from prepcoach.coach.answer_evidence import answer_words
from prepcoach.coach.content import Ownership
from prepcoach.coach.feedback import clock
from prepcoach.coach.keywords import TERMS_TO_USE
from prepcoach.coach.relevance import asks_for_plan, stored_kind
from prepcoach.coach.text import seconds as written_seconds
from prepcoach.coach.tips import no_action_found, personal_action_missing

JOB_TERMS = TERMS_TO_USE  # of the key terms bearing on its question (all, when fewer bear)


# A rule reads one analysis: None when it cannot judge it (not measured, or withheld because
# speech was lost), else the detail that shows it held ("" when it did not).
Rule = Callable[[Mapping[str, Any]], tuple[str, float | None] | None]


def withheld(analysis: Mapping[str, Any], name: str) -> bool:
    return name in (analysis.get("withheld") or ())


def thresholds(analysis: Mapping[str, Any]) -> Mapping[str, Any]:
    found = analysis.get("thresholds")
    return found if isinstance(found, Mapping) else {}


def fillers(analysis: Mapping[str, Any]) -> tuple[str, float | None] | None:
    fillers = analysis.get("fillers")
    if not isinstance(fillers, Mapping) or not isinstance(fillers.get("per_min"), (int, float)):
        return None
    if withheld(analysis, "fillers"):
        return None
    high = float(thresholds(analysis).get("fillers_per_min_high", 3.0))
    if fillers["per_min"] <= high:
        return "", None
    timed = [i for i in fillers.get("items", []) if isinstance(i.get("start"), (int, float))]
    said = ", ".join(f"“{i['text']}” at {clock(i['start'])}" for i in timed[:3])
    first = timed[0]["start"] if timed else None
    return f"{fillers['per_min']:.1f} fillers a minute" + (f": {said}" if said else ""), first


def pace(fast: bool) -> Rule:
    def rule(analysis: Mapping[str, Any]) -> tuple[str, float | None] | None:
        wpm = analysis.get("wpm")
        if not isinstance(wpm, (int, float)) or withheld(analysis, "pace"):
            return None
        low, high = thresholds(analysis).get("pace", (130, 160))
        held = wpm > high if fast else wpm < low
        return (f"{wpm:.0f} words a minute", None) if held else ("", None)

    return rule


def long_pauses(analysis: Mapping[str, Any]) -> tuple[str, float | None] | None:
    pauses = analysis.get("pauses")
    if not isinstance(pauses, Mapping):
        return None
    count = int(pauses.get("long_count", 0))
    if not count:
        return "", None
    longest = written_seconds(float(pauses.get("longest_s", 0.0)))
    limit = float(thresholds(analysis).get("long_pause_s", 3.0))
    starts = [
        p["start"] for p in pauses.get("items", [])
        if isinstance(p.get("start"), (int, float)) and p["end"] - p["start"] >= limit
    ]  # fmt: skip
    at = starts[0] if starts else None
    where = f", the first at {clock(at)}" if at is not None else ""
    plural = "s" * (count != 1)
    return (
        f"{count} pause{plural} of {limit:g} s or more (longest {longest} s){where}",
        at,
    )


def star_part(part: str) -> Rule:
    def rule(analysis: Mapping[str, Any]) -> tuple[str, float | None] | None:
        star = analysis.get("star")
        if not isinstance(star, Mapping) or part not in star:
            return None
        present = star[part].get("present")
        if present is None:  # not heard: unknown, not missing
            return None
        return ("", None) if present else (f"no {part} found", None)

    return rule


def unquantified(analysis: Mapping[str, Any]) -> tuple[str, float | None] | None:
    star = analysis.get("star")
    if not isinstance(star, Mapping) or "quantified_result" not in star:
        return None
    result, number = star["result"].get("present"), star["quantified_result"].get("present")
    if not result or number is None:
        return None  # no result at all is its own area
    if number:
        return "", None
    said = (star["result"].get("evidence") or [""])[0]
    return (f"result without a number: “{said}”" if said else "result without a number"), None


def talks_past(analysis: Mapping[str, Any]) -> tuple[str, float | None] | None:
    relevance = analysis.get("relevance")
    if not isinstance(relevance, Mapping):
        return None
    if relevance.get("addresses") is True:
        return "", None  # an answer the verdict says addresses its question is never evidence
    if relevance.get("probability") is not None and relevance.get("addresses") is False:
        # The trained verdict (`coach.relevance_model`) decides where it speaks.
        return f"does not address the question: “{relevance.get('gist') or ''}”", None
    # The verdict can't tell (or the analysis predates it): the answer is not judged. An area
    # becomes a goal, and a goal resting on a guess would send the user after a fault that may
    # not be there: an on-point "Why should we hire you?" backed by a story would count. The
    # report still shows the story check beside "can't tell".
    return None


def weakness_steps(analysis: Mapping[str, Any]) -> tuple[str, float | None] | None:
    """An answer to a question its report named a weakness question that says no step the
    speaker takes on the weakness (its stored `weakness_steps`, `coach.weakness_steps`): a
    trial's strength in disguise was told "Nothing stands out in your last answers". Not
    judged where it was not read (another kind of question, an analysis from before it was
    read, speech lost) or where prepcoach can't tell."""
    found = analysis.get("weakness_steps")
    if not isinstance(found, Mapping) or found.get("said") is None:
        return None
    if found["said"]:
        return "", None
    opening = str(found.get("opening") or "")
    quoted = f": “{opening}”" if opening else ""
    return f"no sentence reads as a step you take on the weakness{quoted}", None


def weakness_disguise(analysis: Mapping[str, Any]) -> tuple[str, float | None] | None:
    """An answer to a weakness question whose only weakness reads as a strength in disguise
    (its stored `weakness_disguise`, `coach.weakness_disguise`), quoting the sentence that shows
    it most; one read as naming a real weakness (`real`) meets it. Not judged between the two
    (a review: silence had counted as a real weakness in a goal, where the reader is silent on
    about half the strengths in disguise and on answers naming none), nor where it was not read
    (another kind of question, an analysis from before it was read, speech lost)."""
    found = analysis.get("weakness_disguise")
    if not isinstance(found, Mapping) or not isinstance(found.get("disguised"), bool):
        return None
    if not found["disguised"]:
        return ("", None) if found.get("real") is True else None
    quoted = f": “{found['evidence']}”" if found.get("evidence") else ""
    return f"the weakness named reads as a strength in disguise{quoted}", None


def disguised(analysis: Mapping[str, Any]) -> bool:
    """Whether an answer's stored reading says its only weakness is a strength in disguise:
    "Name a real weakness" counts it, and "Say what you do about your weakness" leaves it to
    that area, as its report gives the one tip (`weakness_tips.steps_tip`)."""
    found = analysis.get("weakness_disguise")
    return isinstance(found, Mapping) and found.get("disguised") is True


def job_terms(analysis: Mapping[str, Any]) -> tuple[str, float | None] | None:
    """An answer is measured on the job's key terms that bear on its question (`keywords.
    bearing_on`, stored as `keywords.bearing`), as its report's tip is: a trial's answer on
    reproducibility, and a teammate conflict, were each counted against all 18 of a data
    analyst's terms and told "not said: Power BI, R, Tableau, GDPR". No term bearing on the
    question (or an analysis from before `bearing` was kept): the answer is not judged, since
    nothing says which of the job's words it should have used."""
    keywords = analysis.get("keywords")
    if not isinstance(keywords, Mapping) or not any(
        keywords.get(k) for k in ("used", "missed", "unsure")
    ):
        return None  # answered without a job
    if withheld(analysis, "keywords"):
        return None  # a term "not said" may have been said in speech that was lost
    bearing = [str(t) for t in keywords.get("bearing") or []]
    if not bearing:
        return None
    used = set(keywords.get("used") or [])
    # A term prepcoach can't tell was said (`Covered.unsure`) is no more missed than used: the
    # report's tip counts it neither way, and so does the area.
    unsure = {str(u.get("term")) for u in keywords.get("unsure") or [] if isinstance(u, Mapping)}
    missed = [t for t in bearing if t not in used and t not in unsure]
    if len(bearing) - len(missed) >= min(JOB_TERMS, len(bearing)):
        return "", None
    terms = "key term bearing" if len(bearing) == 1 else "key terms bearing"
    said = f"{sum(t in used for t in bearing)} of the {len(bearing)} {terms} on it used"
    perhaps = sum(t in unsure for t in bearing)
    if perhaps:
        said += f", {perhaps} perhaps in other words (prepcoach can't tell)"
    return f"{said}; not used: {', '.join(missed)}", None


def ownership(analysis: Mapping[str, Any]) -> Ownership | None:
    """The reader's count of the answer's "I" and "we" actions, as its analysis stores it."""
    found = analysis.get("ownership")
    if not isinstance(found, Mapping):
        return None
    counts = [found.get(k) for k in ("i", "we", "i_actions", "we_actions")]
    ints = [c for c in counts if isinstance(c, int) and not isinstance(c, bool)]
    return Ownership(*ints) if len(ints) == len(counts) else None


def personal_action(analysis: Mapping[str, Any]) -> tuple[str, float | None] | None:
    """The report's personal-action tip rule (`tips.personal_action_missing`, "Say what you
    did yourself") on a stored analysis or its evidence. Not judged where the report gives no
    such tip whatever the counts: the actions not read in full (speech lost, or words the
    reader cannot read: the tip is withheld, `withheld` names "action"), or an answer too
    short for it."""
    star = analysis.get("star")
    action = star.get("action") if isinstance(star, Mapping) else None
    # Not heard is not judged; an action the reader can't tell about (`unsure`) still gets the
    # report's ownership tip, so it is judged as that tip is.
    if not isinstance(action, Mapping) or (
        action.get("present") is None and "unsure" not in action
    ):
        return None
    if withheld(analysis, "action"):
        return None
    own, words = ownership(analysis), answer_words(analysis)
    if own is None or words is None:
        return None
    missing = personal_action_missing(own, words)
    if missing is None:
        return None
    if not missing:
        return "", None
    plan = asks_for_plan(stored_kind(analysis))
    if plan:  # as the tip words it: what you would do
        counted = f"{own.we_actions} “we would” against {own.i_actions} “I would”"
    else:
        plural = "s" * (own.we_actions != 1)
        counted = f"{own.we_actions} “we” action{plural} against {own.i_actions} “I”"
    # No action at all is said so, as the tip says it (`tips.no_action_found`).
    said = no_action_found(own, plan) or counted
    quoted = (action.get("evidence") or [""])[0]
    return (f"{said}: “{quoted}”" if quoted else said), None
