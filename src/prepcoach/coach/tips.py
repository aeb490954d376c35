"""The three things to work on next, chosen by a rule table. Each tip quotes the answer (with
times when it was spoken) and names the rule behind it; no labels about the person."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from prepcoach.coach import relevance as question_rules
from prepcoach.coach.content import ContentAnalysis, Ownership, Part
from prepcoach.coach.delivery import Delivery, DeliverySettings
from prepcoach.coach.feedback import clock
from prepcoach.coach.keywords import TERMS_TO_USE, Coverage
from prepcoach.coach.relevance import NOT_IN_A_PLAN, Relevance
from prepcoach.coach.text import seconds as written_seconds
from prepcoach.coach.tip_types import Evidence as Evidence
from prepcoach.coach.tip_types import Tip as Tip
from prepcoach.coach.weakness_disguise import Disguise
from prepcoach.coach.weakness_steps import Steps
from prepcoach.coach.weakness_tips import disguise_tip, steps_tip


@dataclass(frozen=True, slots=True)
class Facts:
    content: ContentAnalysis
    delivery: Delivery
    keywords: Coverage | None
    settings: DeliverySettings
    relevance: Relevance | None = None
    steps: Steps | None = None  # a weakness question's answer: the steps it says (`read_steps`)
    # A weakness question's answer: whether it names only a strength in disguise (`read_disguise`)
    disguise: Disguise | None = None


# Tips that polish what the answer says: not worth giving first to an answer that does not
# address its question (the verdict's tip leads; these would polish the off-topic content).
POLISH = frozenset(
    {"situation", "task", "result", "action", "quantified", "keywords", "short", "short_point"}
)

# A question that asks what the user WOULD do (`relevance.PLAN_KIND`: the one rule, which the
# areas, the measured figure and the follow-ups use too) gets no tip asking for a situation,
# task or result (`relevance.NOT_IN_A_PLAN`; a new user's good three-step plan got all three);
# an answer may still tell a past story. Where the kind is not sure, the tips are as for any
# question.


def asks_for_plan(relevance: Relevance | None) -> bool:
    return relevance is not None and question_rules.asks_for_plan(relevance.kind)


# Under this many words the part-by-part STAR tips (a task before the actions, a sentence of
# context, how it ended) are not given: one or two sentences are not yet a story to polish.
# Such an answer gets one tip instead, to tell the whole story (`_short`), naming the parts
# the report marks missing.
STORY_WORDS = 25


def off_topic(relevance: Relevance | None) -> bool:
    """The trained verdict says the answer does not address its question."""
    return (
        relevance is not None
        and relevance.probability is not None
        and (relevance.addresses is False)
    )


def relevance_advice(asks: str | None) -> str:
    """The off-topic tip's words, each sentence starting with a capital: with what the question
    asks for when its kind is clear, else without it (a trial saw "Answer the question that was
    asked. say that first, then back it up.": the "say" had followed the dropped clause)."""
    if asks:
        return (
            f"Answer the question that was asked. The question asks for {asks}; say that "
            "first, then back it up."
        )
    return "Answer the question that was asked. Say your answer to it first, then back it up."


def _relevance(f: Facts) -> Tip | None:
    if not off_topic(f.relevance) or f.relevance is None:
        return None
    return Tip(
        "Relevance: prepcoach's check finds the answer does not address the question",
        relevance_advice(f.relevance.asks),
        # The sentence alone: the report puts each piece of evidence in quotes (a trial saw
        # “The answer talks about this instead: “…”” quoted twice and cut mid-word).
        (Evidence(f.relevance.gist),) if f.relevance.gist else (),
        10,
    )


Rule = Callable[[Facts], Tip | None]


def _unsure(part: Part, what: str, advice: str, weight: float) -> Tip:
    """The tip for a part the reader can't tell is there or not (`Part.unsure`): it says so,
    quotes the sentence nearest to it and asks for the part in plain words, weighed below the
    tip for a part surely missing."""
    return Tip(
        f"STAR: prepcoach can't tell whether the answer {what}", advice,
        (Evidence(part.nearest),) if part.nearest else (), weight,
    )  # fmt: skip


def _weakness_steps(f: Facts) -> Tip | None:
    return steps_tip(f.steps, off_topic(f.relevance), f.disguise)


def _weakness_disguise(f: Facts) -> Tip | None:
    return disguise_tip(f.disguise, off_topic(f.relevance))


def _result(f: Facts) -> Tip | None:
    result = f.content.star["result"]
    if result.present or f.content.words < STORY_WORDS:
        return None
    if result.unsure:
        return _unsure(
            result, "says how it ended",
            "If this is how it ended, say it plainly: what changed because of what you did.", 3,
        )  # fmt: skip
    last = f.content.sentences[-1] if f.content.sentences else ""
    return Tip(
        "STAR: the answer never says how it ended",
        "Finish with the result: what changed because of what you did.",
        (Evidence(last),),
        5,
    )


# What each STAR part adds, in the short answer's tip.
ADD = {
    "situation": "the context (where you were, what the problem was)",
    "task": "what you had to do",
    "action": "the steps you took yourself",
    "result": "how it ended",
}


def _short(f: Facts) -> Tip | None:
    """An answer too short for the part-by-part tips (under `STORY_WORDS`) that the report
    marks with parts missing: one tip to tell the whole story, naming those parts and quoting
    the answer. Without it a new user's one-sentence answer showed "✗ task ✗ action ✗ result"
    beside "Nothing else stands out to fix in this answer"."""
    if f.content.words >= STORY_WORDS or f.content.cannot_tell:
        return None
    missing = [
        part
        for part, found in f.content.star.items()
        if not found.present
        and not found.unsure  # not known to be missing
        and not (asks_for_plan(f.relevance) and part in NOT_IN_A_PLAN)
    ]
    if not missing and asks_for_plan(f.relevance):
        return Tip(
            f"A plan of {f.content.words} words",
            "Give the steps you would take, in order, and what each is for.",
            tuple(Evidence(s) for s in f.content.sentences[:2]),
            6,
        )
    if not missing:
        return None
    return Tip(
        f"STAR: {f.content.words} words, with no {_listed(missing, 'or')}",
        f"Tell the whole story: add {_listed([ADD[part] for part in missing], 'and')}.",
        tuple(Evidence(s) for s in f.content.sentences[:2]),
        6,
    )


def _listed(items: list[str], last: str) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {last} {items[-1]}"


def _task(f: Facts) -> Tip | None:
    """A story whose actions (the first quoted, as the report quotes evidence: once) come with
    no word of what the speaker had to do (the report marks
    the task missing; without a tip it would also say nothing stands out: a new user's
    trial). Weighed below every other content and delivery tip but the key terms: many good
    answers leave the task to be read from the situation, and the reader's task is its least
    sure part (held-out .84-.86)."""
    actions = f.content.star["action"]
    if f.content.star["task"].present or not actions.present or f.content.words < STORY_WORDS:
        return None
    return Tip(
        "STAR: the answer never says what you had to do",
        "Before the actions, say in one sentence what was asked of you or what you set out "
        "to achieve.",
        (Evidence(actions.evidence[0]),) if actions.evidence else (),
        1.9,
    )


def _situation(f: Facts) -> Tip | None:
    actions, situation = f.content.star["action"], f.content.star["situation"]
    if situation.present or not actions.present or f.content.words < STORY_WORDS:
        return None
    if situation.unsure:
        return _unsure(
            situation, "sets the scene",
            "If this sets the scene, make it plain: where you were, and what the problem was.",
            1.5,
        )  # fmt: skip
    return Tip(
        "STAR: the answer never sets the scene",
        "Start with a sentence of context: where you were, and what the problem was.",
        (Evidence(f.content.sentences[0]),) if f.content.sentences else (),
        1.7,
    )


def personal_action_missing(own: Ownership, words: int) -> bool | None:
    """The personal-action rule, the one rule behind the report's "Ownership: …" tip ("Say what
    you did yourself", for a plan "Say what you would do yourself") and the improvement area of
    that name (`improvement`): whether an answer of `words` words, whose actions the reader
    counted as `own` (each "I" clause in a sentence it reads as the speaker's own action, each
    "we" clause in one it reads as the team's), says too little of what the speaker did, or
    would do, themselves: no action of their own, or fewer than half as many as the team's
    (`Ownership.personal`). None for an answer under `STORY_WORDS`: too short to be told this
    (`_short` asks for the whole story instead)."""
    if words < STORY_WORDS:
        return None
    return not own.personal


def no_action_found(own: Ownership, plan: bool = False) -> str:
    """How the ownership tip and its area say an answer in which the reader found no action
    at all, neither the speaker's nor the team's; "" when it found one. A new user read
    "Ownership: 0 “we” actions against 0 “I”" as a riddle."""
    if own.i_actions or own.we_actions:
        return ""
    if plan:
        return "no step told as yours (no “I would” found)"
    return "no action told as yours (no “I” action found)"


def _action(f: Facts) -> Tip | None:
    own = f.content.ownership
    if not personal_action_missing(own, f.content.words):
        return None
    quotes = tuple(Evidence(s) for s in f.content.star["action"].evidence[:2])
    counted = f"{own.we_actions} “we” actions against {own.i_actions} “I”"
    return Tip(
        f"Ownership: {no_action_found(own, asks_for_plan(f.relevance)) or counted}",
        # A plan has not happened (`asks_for_plan`, the plan rule): what you would do yourself.
        "Say what you would do yourself: “I would…”, “I would start by…”."
        if asks_for_plan(f.relevance)
        else "Say what you did yourself: “I decided…”, “I built…”.",
        quotes,
        4.5,
    )


def _quantified(f: Facts) -> Tip | None:
    if not f.content.star["result"].present or f.content.quantified_result.present:
        return None
    quotes = tuple(Evidence(s) for s in f.content.star["result"].evidence[:1])
    return Tip(
        "STAR: the result has no number",
        "Put a number on the result: how much, how many, how much faster.",
        quotes,
        3.5,
    )


def _fillers(f: Facts) -> Tip | None:
    rate, limit = f.delivery.fillers_per_min, f.settings.fillers_per_min_high
    if rate is None or rate <= limit:
        return None
    quotes = tuple(Evidence(x.text, x.start) for x in f.delivery.fillers[:4])
    return Tip(
        f"Fillers: {rate:.1f} a minute, above {limit:g}",
        "Pause silently instead of filling: a short silence sounds confident.",
        quotes,
        3 + min(rate - limit, 4) / 2,
    )


def _pace_window(window: tuple[float, float], window_s: float, answer_s: float | None) -> str:
    """The window's own times, "190 words a minute from 1:05 to 1:20": the last window of an
    answer ends with its last words (`Delivery.answer_s`), as `delivery._pace_windows` measures
    it, not with the recording's silence after them."""
    start, wpm = window
    end = start + window_s if answer_s is None else min(start + window_s, answer_s)
    return f"{wpm:g} words a minute from {clock(start)} to {clock(end)}"


def _pace(f: Facts) -> Tip | None:
    d, s = f.delivery, f.settings
    if d.wpm is None or d.pace == "in band":
        return None
    fastest = max(d.pace_over_time, key=lambda w: w[1], default=None)
    slowest = min(d.pace_over_time, key=lambda w: w[1], default=None)
    window = fastest if d.pace == "fast" else slowest
    # A window quoted as evidence must itself be out of the band on the same side; otherwise
    # (the pace is just over the line, spread evenly) the evidence is the whole answer's pace.
    if window and (window[1] <= s.pace_high if d.pace == "fast" else window[1] >= s.pace_low):
        window = None
    evidence = (
        (
            Evidence(
                _pace_window(window, s.window_s, d.answer_s or d.duration_s), window[0], said=False
            ),
        )
        if window
        else (Evidence(f"{d.wpm:g} words a minute over the whole answer", said=False),)
    )
    advice = (
        "Slow down: breathe between points."
        if d.pace == "fast"
        else "Pick up the pace a little: prepare the next point before you stop."
    )
    return Tip(
        f"Pace: {d.wpm:g} words a minute, outside {s.pace_low}–{s.pace_high}", advice, evidence, 3
    )


def _long_pauses(f: Facts) -> Tip | None:
    pauses = f.delivery.long_pauses
    if not pauses:
        return None
    evidence = tuple(
        Evidence(f"{written_seconds(p.length)} s of silence at {clock(p.start)}", p.start, False)
        for p in pauses[:3]
    )
    return Tip(
        f"Pauses: {len(pauses)} of {f.settings.long_pause_s:g} s or more",
        _by_asks(
            f,
            story="Know your story's outline so you never search for the next step.",
            plan="Know your plan's outline (its steps, in order) so you never search for the "
            "next one.",
            point="Know your outline (your point, your reason, an example) so you never search "
            "for what comes next.",
        ),
        evidence,
        2.5,
    )


def _by_asks(f: Facts, story: str, plan: str, point: str) -> str:
    """A tip's words for what the question asks for: a story by its parts, a plan by its steps
    (`asks_for_plan`: a plan was told to "set the scene… end with the result"), and an answer to
    a question asking for neither (`asks_for_neither`: "What motivates you?") by its point,
    what backs it and its fit (`feedback.DIRECT_REVIEW_RUBRIC`)."""
    if asks_for_plan(f.relevance):
        return plan
    return point if asks_for_neither(f.relevance) else story


# How to say more, or less, in the length tips (`_by_asks`).
SAY_MORE = "Say more: set the scene, walk through what you did, and end with the result."
# A short story whose four parts are all there: asking for the parts again read as a contradiction
# beside four ticks (a trial's 56 s answer).
SAY_MORE_WHOLE = (
    "Say more: every part of the story is there, so give more of what you did (how, with whom, "
    "what got in the way) and of what the result meant."
)
TIGHTEN = "Tighten it: one situation, your three key actions, the result."
SAY_MORE_PLAN = "Say more: give the steps you would take, in order, and why each one."
TIGHTEN_PLAN = "Tighten it: your three key steps, and how you would know it worked."
SAY_MORE_POINT = (
    "Say more: make your point, back it with something you did, and tie it to the role."
)
TIGHTEN_POINT = "Tighten it: your point, one thing you did that backs it, and why it fits the role."


def _tighten(f: Facts) -> str:
    return _by_asks(f, TIGHTEN, TIGHTEN_PLAN, TIGHTEN_POINT)


def _length(f: Facts) -> Tip | None:
    d = f.delivery
    if d.duration_s is None:
        return _typed_length(f)
    if d.length_verdict in (None, "in band") or d.length_band is None:
        return None
    low, high = d.length_band
    if d.length_verdict == "short":
        told = all(
            f.content.star[part].present for part in ("situation", "task", "action", "result")
        )
        advice = _by_asks(f, SAY_MORE_WHOLE if told else SAY_MORE, SAY_MORE_PLAN, SAY_MORE_POINT)
    else:
        advice = _tighten(f)
    seconds = d.answer_s if d.answer_s is not None else d.duration_s
    return Tip(f"Length: {seconds:.0f} s, outside {low}–{high} s", advice, (), 2)


def _short_point(f: Facts) -> Tip | None:
    """A typed answer under `STORY_WORDS` words to a question asking for neither a story nor a
    plan (a story's or a plan's short answer has `_short`, a recording `_length`): a trial's
    "Helping patients and learning new things." to "What motivates you?" was told "Nothing
    stands out to fix in this answer"."""
    if f.delivery.duration_s is not None or not asks_for_neither(f.relevance):
        return None
    # Not for words prepcoach cannot read (one word, another language, only fillers: the report
    # says so instead), nor for a weakness question's answer, whose own tips ask for what it
    # lacks (a review: "Say more… back it" beside "Name a real weakness" built up the disguise).
    weakness = f.relevance is not None and f.relevance.kind == "weakness"
    if f.content.cannot_tell or weakness or not 0 < f.content.words < STORY_WORDS:
        return None
    words = f"{f.content.words} word{'s' * (f.content.words != 1)}"
    return Tip(f"Length: {words}, too few to make a point and back it",
               SAY_MORE_POINT, tuple(Evidence(s) for s in f.content.sentences[:2]),
               6)  # fmt: skip


def _typed_length(f: Facts) -> Tip | None:
    """A typed answer has no duration; one too long to say even at the top of the user's pace
    band is said to be (a short one is not judged: typing is terser than talk)."""
    d, band = f.delivery, f.delivery.length_band
    if band is None or not d.words:
        return None
    fastest_s = d.words / f.settings.pace_high * 60
    if fastest_s <= band[1]:
        return None
    return Tip(
        f"Length: {d.words:,} words, about {fastest_s / 60:.0f} min to say, outside "
        f"{band[0]}–{band[1]} s",
        f"Even at {f.settings.pace_high} words a minute this takes {fastest_s / 60:.1f} minutes."
        f" {_tighten(f)}",
        (),
        2,
    )


def _hedges(f: Facts) -> Tip | None:
    hedges = f.content.hedges
    if len(hedges) < 3:
        return None
    # The advice names the user's own hedges, not fixed examples: a trial's answer was told to
    # drop "I guess", which it never said.
    # Lower-case (a hedge said at a sentence's start is capitalised), but "I" stays "I".
    said = list(dict.fromkeys(re.sub(r"\bi\b", "I", h.lower()) for h in hedges))[:2]
    return Tip(
        f"Hedges: {len(hedges)} (“{hedges[0]}”…)",
        "Say it plainly: drop " + " and ".join(f"“{h}”" for h in said) + ".",
        tuple(Evidence(h) for h in hedges[:3]),
        2,
    )


def _monotone(f: Facts) -> Tip | None:
    if not f.delivery.monotone:
        return None
    return Tip(
        f"Voice: pitch varies by {f.delivery.pitch_semitones:g} semitones, "
        f"under {f.settings.monotone_semitones:g}",
        _by_asks(
            f,
            story="Stress the words that matter, and lift your voice at the result.",
            plan="Stress the words that matter, and lift your voice on the step that matters most.",
            point="Stress the words that matter, and lift your voice on the point that matters "
            "most.",
        ),
        (),
        1.5,
    )


def _keywords(f: Facts) -> Tip | None:
    """The job's key terms that bear on the question asked (`keywords.bearing_on`: by meaning,
    at most four) and that the answer does not use; nothing when none bears on it. A trial's
    answer on reproducibility was told to use "Power BI", "R", "Tableau" and "GDPR", and a
    teammate conflict the same, each measured against all 18 of the job's terms. Its weight is
    the lowest of the tips': it leads only where no other tip is given, as on a tester's answer
    measured 5 of 5, where it is kept as the one thing left (the area "Use the job's key terms"
    asks the same of the answers, and the heading counts one thing, not a fault ranked first)."""
    if f.keywords is None:
        return None
    unused = [t for t in f.keywords.bearing if t in f.keywords.missed]
    bearing = len(f.keywords.bearing)
    if bearing - len(unused) >= min(TERMS_TO_USE, bearing):
        return None  # as the improvement area asks: 3 of them, or all when fewer bear
    return Tip(
        f"Job terms: {len(unused)} of the job's {bearing} key "
        f"{'term that bears' if bearing == 1 else 'terms that bear'} on this question unused",
        "Use the job's own words for what this question asks about, where they are true for you.",
        (Evidence(not_said(unused, bearing), said=False),),
        1.5,
    )


def not_said(unused: Sequence[str], bearing: int) -> str:
    """The key-terms tip's evidence: the terms the answer does not say, said to be the job's
    and not said (a tester read "What prepcoach found: “Customer Success”" as a phrase of the
    answer), as a line of its own, not a quotation of the answer (`Evidence.said` False)."""
    quoted = [f"“{t}”" for t in unused]
    terms = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"
    if bearing == 1:
        what = "the job's one term that bears on this question"
    elif len(unused) == 1:
        what = "one of the job's terms that bear on this question"
    else:
        what = "job's terms that bear on this question"
        what = f"{'all' if len(unused) == bearing else len(unused)} of the {what}"
    return f"Not used: {terms}, {what}"


# The tips that ask for a story's parts (a STAR part, a number on its result, what the speaker
# did themselves), by the start of their rule as stored (`Tip.rule`): an answer to a question
# asking for neither a story nor a plan (`relevance.asked_for`) has no such parts to give, so a
# page that judges it by what its question asks (the mock's figures and next steps) leaves them
# out.
STORY_RULES = ("STAR:", "Ownership:")


def asks_for_story_parts(rule: str) -> bool:
    """Whether a tip, by its stored `rule`, asks for a story's parts (`STORY_RULES`)."""
    return rule.startswith(STORY_RULES)


# The short answer's tip (`_short`: "Tell the whole story: add …"), by its stored rule ("STAR:
# 17 words, with no task or action"): never given to the answer of a follow-up, which answers
# one question about a story already told (a trial's "How did you know it worked? What
# changed, in numbers?", answered with two sentences of numbers, was told to tell the whole
# story).
WHOLE_STORY_RULE = re.compile(r"STAR: \d+ words, with no ")


def asks_for_whole_story(rule: str) -> bool:
    """Whether a tip, by its stored `rule`, is the short answer's "Tell the whole story"."""
    return WHOLE_STORY_RULE.match(rule) is not None


# The tips that ask for one part (or a number on the result, or what the speaker did
# themselves), by the start of their stored rule: the answer to a follow-up asking for that
# part keeps them, and no other tip asking for a story's parts (`coach.follow_up_answer`).
PART_TIPS = {
    "situation": ("STAR: the answer never sets the scene",
                  "STAR: prepcoach can't tell whether the answer sets the scene"),
    "result": ("STAR: the answer never says how it ended",
               "STAR: prepcoach can't tell whether the answer says how it ended"),
    "quantified_result": ("STAR: the result has no number",),
    "ownership": ("Ownership:",),
    "action": (),
}  # fmt: skip


# Each rule by name: a report can hold back the rules its recording makes unreliable
# (speech that produced no words, clipped or very quiet audio); see coach.speech.quality.
RULES: dict[str, Rule] = {
    "relevance": _relevance,
    "weakness_steps": _weakness_steps,
    "weakness_disguise": _weakness_disguise,
    "short": _short,
    "result": _result,
    "action": _action,
    "task": _task,
    "situation": _situation,
    "quantified": _quantified,
    "fillers": _fillers,
    "pace": _pace,
    "long_pauses": _long_pauses,
    "length": _length,
    "short_point": _short_point,
    "hedges": _hedges,
    "monotone": _monotone,
    "keywords": _keywords,
}


# The rules whose tips ask for a story's parts (`STORY_RULES`), by name: an answer to a question
# asking for neither a story nor a plan gets none of them ("Finish with the result: what changed
# because of what you did" was the first tip on a good answer to "What motivates you?").
STORY_PART_RULES = frozenset({"short", "result", "action", "task", "situation", "quantified"})


def asks_for_neither(relevance: Relevance | None) -> bool:
    """The question asks for neither a story nor a plan, as the report read it."""
    return relevance is not None and relevance.question_asks == "neither"


def choose_tips(facts: Facts, count: int = 3, withhold: frozenset[str] = frozenset()) -> list[Tip]:
    """The `count` weightiest tips, from every rule not named in withhold. An answer the
    verdict says misses its question gets that tip first and none that polish its content; one
    to a question asking what the user would do gets none asking for a situation, task or
    result (`relevance.PLAN_KIND`); one to a question asking for neither a story nor a plan
    none asking for a story's parts (`STORY_PART_RULES`)."""
    if off_topic(facts.relevance):
        withhold = withhold | POLISH
    if asks_for_plan(facts.relevance):
        withhold = withhold | NOT_IN_A_PLAN | {"quantified"}  # nor a number on a result to come
    if asks_for_neither(facts.relevance):
        withhold = withhold | STORY_PART_RULES
    tips = [
        tip
        for name, rule in RULES.items()
        if name not in withhold and (tip := rule(facts)) is not None
    ]
    return sorted(tips, key=lambda t: -t.weight)[:count]
