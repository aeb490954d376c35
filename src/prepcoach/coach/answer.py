"""The whole reading of one answer: what it said, how it was said, and three tips. The JSON
it produces is the contract shared by `prepcoach analyze`, the API and the stored analysis."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any, cast

import numpy as np
from numpy.typing import NDArray

from prepcoach.coach import relevance as question_rules
from prepcoach.coach.content import ContentAnalysis, Part, analyse_content
from prepcoach.coach.delivery import Delivery, DeliverySettings, measure
from prepcoach.coach.keywords import Coverage, coverage, key_terms
from prepcoach.coach.reader import NOT_ENGLISH
from prepcoach.coach.relevance import Asks, Relevance, question_relevance, stored_kind
from prepcoach.coach.speech.coverage import SpeechCoverage
from prepcoach.coach.speech.engine import Transcript, Word
from prepcoach.coach.speech.quality import CONTENT_TIPS, RATE_TIPS, AudioQuality
from prepcoach.coach.speech.vad import Span
from prepcoach.coach.tips import STORY_WORDS, Evidence, Facts, Tip, choose_tips
from prepcoach.coach.weakness_disguise import Disguise, read_disguise
from prepcoach.coach.weakness_steps import Steps, read_steps

# 3: coverage of the speech by words (lost stretches re-read, the rest stated), audio quality,
# and the verdicts held back when either makes them unreliable.
# 4: what the question asks for (story, plan or neither: `relevance.question_asks`, by the
# story-question model) is kept, and an answer to a question asking for neither gets no tip
# asking for a story's parts and no measured figure.
# 5: an answer to a question read as a weakness question keeps whether it says a step the
# speaker takes on the weakness (`weakness_steps`), and gets a tip when it says none.
# 6: such an answer also keeps whether the only weakness it names reads as a strength in disguise
# (`weakness_disguise`), with a tip when it does.
# 7: ... and whether it reads as naming a real weakness (`weakness_disguise.real`, what "Name a
# real weakness" counts as meeting its goal); one tip, not two, for a strength in disguise; no
# story check on a weakness answer; a typed answer too short to make a point gets a tip.
ANALYSIS_VERSION = 7
# Below this share of speech with words, rates over the words (pace, fillers a minute) get no
# verdict: the report says what it could not hear instead.
MIN_COVERAGE = 0.95
# A lost stretch this long can hold a clause ("and errors fell by forty percent"): a part, a
# number or a term "not found" could be in it, so those verdicts are not given.
LOST_CLAUSE_S = 1.0


@dataclass(frozen=True)
class AnswerAnalysis:
    transcript: str
    words: tuple[Word, ...] | None
    delivery: Delivery
    content: ContentAnalysis
    keywords: Coverage | None
    relevance: Relevance | None  # does it address the question, quoting the tie (None: no question)
    tips: tuple[Tip, ...]
    engine: str
    settings: DeliverySettings = field(default_factory=DeliverySettings)
    coverage: SpeechCoverage | None = None
    reread: tuple[Span, ...] = ()
    audio: AudioQuality | None = None
    withheld: frozenset[str] = frozenset()  # tip rules (and their verdicts) held back
    # How the recording was transcribed: "streamed" (while it was recorded) or "whole file";
    # None for a typed answer.
    transcription: str | None = None
    # An answer to a question prepcoach names a weakness question: the steps it says it takes
    # on the weakness (`weakness_steps.read_steps`); None for any other question, or unread.
    steps: Steps | None = None
    # The same answers: whether the only weakness named reads as a strength in disguise
    # (`weakness_disguise.read_disguise`); None where `steps` is.
    disguise: Disguise | None = None

    @property
    def fillers_uncounted(self) -> bool:
        """A typed answer that does not read as English has no fillers counted: an English
        filler there is a word of its language (German "um 40 Prozent", by 40 per cent, was
        "Fillers: 1"). A recording's fillers are withheld only as a rate (lost speech), and
        still counted."""
        return self.words is None and "fillers" in self.withheld

    def _verdict(self, found: Part) -> bool | None:
        """A part found is always reported; a part not found is "can't tell" (None) when the
        speech it could be in was not heard or was garbled, or the answer could not be read at
        all (`content.cannot_tell`), or the reader can't tell it is missing (`Part.unsure`)."""
        if found.present:
            return True
        return None if found.unsure or self.withheld & CONTENT_TIPS else False

    @staticmethod
    def _part(found: Part) -> dict[str, object]:
        out: dict[str, object] = {"evidence": list(found.evidence)}
        if found.unsure:  # the sentence nearest to it, quoted where the report can't tell
            out["unsure"] = found.nearest
        return out

    def _quantified(self, c: ContentAnalysis) -> dict[str, object]:
        result, number = c.star["result"], c.quantified_result
        if result.unsure and not number.present:
            # No number found where it can't tell there is a result: can't tell either, quoting
            # the sentence nearest to a result.
            return {"present": None, "evidence": [], "unsure": result.nearest}
        return {"present": self._verdict(number), **self._part(number)}

    def as_dict(self) -> dict[str, object]:
        d, c = self.delivery, self.content
        timed = self.words is not None
        cov, audio = self.coverage, self.audio
        return {
            "version": ANALYSIS_VERSION,
            "engine": self.engine,
            "transcript": self.transcript,
            "words": [{"w": w.w.strip(), "start": w.start, "end": w.end} for w in self.words or ()]
            if timed
            else None,
            "duration_s": d.duration_s,
            "speech_s": d.speech_s,
            "wpm": d.wpm,
            "pace": {
                "verdict": None if "pace" in self.withheld else d.pace,
                "over_time": [list(w) for w in d.pace_over_time],
            }
            if timed
            else None,
            "fillers": {
                # None: not counted (`fillers_uncounted`), never "0" or "1" of another language.
                "count": None if self.fillers_uncounted else len(d.fillers),
                "per_min": d.fillers_per_min,
                "items": [{"text": f.text, "start": f.start} for f in d.fillers],
            },
            "pauses": {
                "count": len(d.pauses),
                "longest_s": round(max((p.length for p in d.pauses), default=0.0), 2),
                "long_count": len(d.long_pauses),
                "items": [{"start": p.start, "end": p.end} for p in d.pauses],
            }
            if timed
            else None,
            "length": {
                "band": list(d.length_band) if d.length_band else None,
                "verdict": d.length_verdict,
                "seconds": d.answer_s,
            },
            # The bands this answer was judged by (the user's own, if they changed them), so
            # the report draws and words them as they were.
            "thresholds": {
                "pace": [self.settings.pace_low, self.settings.pace_high],
                "fillers_per_min_high": self.settings.fillers_per_min_high,
                "pause_s": self.settings.pause_s,
                "long_pause_s": self.settings.long_pause_s,
            },
            "repeats": [{"text": r.text, "start": r.start} for r in d.repeats],
            "restarts": [{"text": r.text, "start": r.start} for r in d.restarts],
            # Why the content could not be read at all (None when it was), and what a very
            # long answer left unread.
            "cannot_tell": c.cannot_tell,
            "note": c.note,
            "star": {
                **{
                    part: {"present": self._verdict(p), **self._part(p)}
                    for part, p in c.star.items()
                },
                "quantified_result": self._quantified(c),
            },
            "ownership": {
                "i": c.ownership.i,
                "we": c.ownership.we,
                "i_actions": c.ownership.i_actions,
                "we_actions": c.ownership.we_actions,
            },
            "hedges": list(c.hedges),
            # A term "not used" may have been said in speech that was lost: not listed then.
            "keywords": {
                "used": list(self.keywords.used),
                # For each used term, what in the answer covers it (`term_match.Covered`: the
                # words, their sentence, by word form or by meaning); an analysis stored before
                # has none, and its report shows the terms alone.
                "evidence": [
                    {"term": c.term, "words": c.words, "sentence": c.sentence, "by": c.by}
                    | ({"similarity": c.similarity} if c.by == "meaning" else {})
                    for c in self.keywords.evidence
                ],
                "missed": [] if "keywords" in self.withheld else list(self.keywords.missed),
                # The terms that bear on the question (`keywords.bearing_on`): the tip's.
                "bearing": list(self.keywords.bearing),
                # Perhaps said in other words (`Covered.unsure`): neither used nor missed, each
                # with the nearest words; an analysis stored before has none.
                "unsure": [
                    {
                        "term": c.term,
                        "words": c.words,
                        "sentence": c.sentence,
                        "similarity": c.similarity,
                    }
                    for c in self.keywords.unsure
                ],
                # Of the missed terms, those whose words it says only as not done by the
                # speaker (`term_not_done.said_not_done`), each with its words, sentence and
                # why: the card quotes them under "Not used". Withheld with the missed ones; an
                # analysis stored before has none, and its card lists the terms alone.
                "not_done": []
                if "keywords" in self.withheld
                else [
                    {"term": n.term, "sentence": n.sentence, "words": n.words, "why": n.why}
                    for n in self.keywords.not_done
                ],
                # Every term it was read against: a report names those the job dropped or
                # added since (`practice.report.terms_since`), speech lost or not.
                "terms": list(self.keywords.terms),
            }
            if self.keywords
            else {"used": [], "missed": [], "bearing": []},
            "relevance": {
                # A verdict could be overturned by speech that was lost, as the check can.
                "addresses": None if self.withheld & CONTENT_TIPS else self.relevance.addresses,
                "score": self.relevance.score,
                "evidence": self.relevance.tie,
                # "it tells a story" could be overturned by speech that was lost.
                "check": None if self.withheld & CONTENT_TIPS else self.relevance.check,
                "reason": self.relevance.reason,
                # Set only by the trained verdict (`coach.relevance_model`): an analysis
                # stored before it has none, and its old yes/no is not shown.
                "probability": self.relevance.probability,
                "gist": self.relevance.gist,
                "asks": self.relevance.asks,
                # The question's kind (`Relevance.kind`): a "would_do" question asks for a
                # plan, not a story (`relevance.PLAN_KIND`, `asks_for_plan`, `measured_rating`).
                "kind": self.relevance.kind,
                # What the question asks for (story, plan or neither), as this report judged
                # it: every page scores the answer by it (`relevance.asked_for`).
                "question_asks": self.relevance.question_asks,
            }
            if self.relevance is not None
            else None,
            "prosody": {
                "pitch_semitones": d.pitch_semitones,
                "loudness_db": d.loudness_db,
                "monotone": None if "monotone" in self.withheld else d.monotone,
            }
            if timed
            else None,
            "coverage": {
                "ratio": cov.ratio,
                "complete": cov.ratio >= MIN_COVERAGE,
                "percent": int(cov.ratio * 100),  # floored: 94.9 % never reads as 95 %
                "speech_s": cov.speech_s,
                "covered_s": cov.covered_s,
                "uncovered": [[span.start, span.end] for span in cov.uncovered],
                "reread": [[span.start, span.end] for span in self.reread],
            }
            if cov is not None
            else None,
            "audio": {
                "channels": audio.channels,
                "clipped_share": audio.clipped_share,
                "level_db": audio.level_db,
                "gain_db": audio.gain_db,
                "warnings": list(audio.warnings),
            }
            if audio is not None
            else None,
            "withheld": sorted(self.withheld),
            "transcription": self.transcription,
            "weakness_steps": None
            if self.steps is None or self.withheld & CONTENT_TIPS
            else {
                "said": self.steps.said,
                "evidence": list(self.steps.evidence),
                "nearest": self.steps.nearest,
                "probability": self.steps.probability,
                "opening": self.steps.opening,
            },
            "weakness_disguise": None
            if self.disguise is None or self.withheld & CONTENT_TIPS
            else {
                "disguised": self.disguise.disguised,
                "probability": self.disguise.probability,
                "evidence": self.disguise.evidence,
                "real": self.disguise.real,
            },
            "tips": [
                {"rule": t.rule, "text": t.text, "evidence": [asdict(e) for e in t.evidence]}
                for t in self.tips
            ],
        }


def analyse_answer(
    *,
    text: str = "",
    transcript: Transcript | None = None,
    duration_s: float | None = None,
    spans: list[Span] | None = None,
    samples: NDArray[np.float32] | None = None,
    question: str = "",
    category: str = "behavioral",
    job_description: str = "",
    job_terms: Sequence[str] | None = None,
    settings: DeliverySettings | None = None,
    engine: str = "text",
    audio: AudioQuality | None = None,
    kind: str | None = None,
    asks: Asks | None = None,
    follow_up: bool = False,
) -> AnswerAnalysis:
    """Read an answer from its transcript (with timings) or from typed text (without).
    `kind`: the question's kind when the caller knows it (`relevance.follow_up_kind`: a
    follow-up asked of a plan asks for a plan); None: read from `question`. `asks`: what the
    question asks for when the caller knows it (a follow-up asks for what the question it
    follows up asked for, `relevance.asked_for` of it); None: read from `question`.
    `follow_up`: the question follows up the answer before it (no relevance verdict:
    `relevance.question_relevance`). `job_terms`: the job's key terms as its owner corrected
    them (`jobs.Opportunity.key_terms`), used instead of those read from `job_description`.

    When the transcript's coverage is under MIN_COVERAGE, or the audio is clipped, the verdicts
    that rest on words are held back (named in `withheld`) and figures use the heard speech."""
    settings = settings or DeliverySettings()
    words = transcript.words if transcript else None
    cover = transcript.coverage if transcript else None
    withheld = set(audio.withheld) if audio else set()
    if cover is not None and any(s.length >= LOST_CLAUSE_S for s in cover.uncovered):
        withheld |= CONTENT_TIPS
    if cover is not None and cover.ratio < MIN_COVERAGE:
        withheld |= RATE_TIPS
    said = transcript.text if transcript else text
    content = analyse_content(said)
    if content.cannot_tell:
        # Nothing the content verdicts could rest on (one word, another language, only
        # fillers): they are "can't tell", not "missing", and no content tip is given.
        withheld |= CONTENT_TIPS
    delivery = measure(
        words=words,
        text=said,
        duration_s=duration_s,
        spans=spans,
        samples=samples,
        category=category,
        settings=settings,
        lost=cover.uncovered if cover else (),
    )
    if transcript is None and content.cannot_tell == NOT_ENGLISH:
        # Typed in another language: its "um" is no filler (`AnswerAnalysis.fillers_uncounted`).
        delivery = replace(delivery, fillers=(), fillers_per_min=None)
        withheld.add("fillers")
    if job_terms is None and job_description.strip():
        job_terms = key_terms(job_description)
    keywords = coverage(said, job_terms, question) if job_terms is not None else None
    relevance = (
        question_relevance(question, said, kind=kind, asks=asks, follow_up=follow_up)
        if question.strip()
        else None
    )
    # Lost speech withholds the verdict (as `as_dict` does), so its tip too; what the question
    # asks for does not depend on the answer, and words the delivery tips by it.
    heard = (
        replace(relevance, addresses=None, probability=None, check=None)
        if withheld & CONTENT_TIPS and relevance is not None
        else relevance
    )
    weakness = (
        relevance is not None
        and relevance.kind == "weakness"
        and not content.cannot_tell
        and not follow_up  # a follow-up's answer tells one piece of the answer it follows
    )
    steps = read_steps(content.sentences) if weakness else None
    disguise = read_disguise(content.sentences) if weakness else None
    facts = Facts(content, delivery, keywords, settings, heard, steps, disguise)
    # A follow-up's answer answers one question about a story already told: never "Tell the
    # whole story" (`tips.asks_for_whole_story`; `coach.follow_up_answer` judges it on what
    # its follow-up asked for).
    tips = choose_tips(
        facts, withhold=frozenset(withheld | ({"short", "short_point"} if follow_up else set()))
    )
    if words:
        tips = [_timed(tip, _sentence_starts(words)) for tip in tips]
    return AnswerAnalysis(
        said, words, delivery, content, keywords, relevance, tuple(tips), engine, settings,
        cover, transcript.reread if transcript else (), audio, frozenset(withheld),
        ("streamed" if transcript.streamed else "whole file") if transcript else None, steps,
        disguise,
    )  # fmt: skip


def _key(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9']+", text.lower()))


def _sentence_starts(words: tuple[Word, ...]) -> dict[str, float]:
    """When each sentence of a transcript began, so a tip can point to its moment."""
    starts: dict[str, float] = {}
    current: list[Word] = []
    for word in words:
        current.append(word)
        if re.search(r"[.!?]$", word.w.strip()):
            # The first time a sentence is said is the moment a tip points to.
            starts.setdefault(_key("".join(w.w for w in current)), current[0].start)
            current = []
    if current:
        starts.setdefault(_key("".join(w.w for w in current)), current[0].start)
    return starts


def _timed(tip: Tip, starts: dict[str, float]) -> Tip:
    evidence = tuple(
        e
        if e.start is not None or not e.said  # a figure's time is its own, never a sentence's
        else Evidence(
            e.text, starts.get(_key(e.text.removeprefix("It ends: ")))
        )  # the prefix: older tips
        for e in tip.evidence
    )
    return replace(tip, evidence=evidence)


# The most an answer can measure when the relevance verdict says it does not address its
# question. STAR parts, a number and delivery say how well a story was told, not whether it was
# the story asked for: an answer that misses its question has failed at the first thing it is
# for, however well it is told, so its figure sits below the scale's middle, 3, which elsewhere
# means "good enough" (a reworked "went badly" question counts at 3 or better,
# `improvement_sources.GOOD_ENOUGH`; the mock's "went best"). A cap rather than counting the
# content as 0: with content at 0 perfect delivery would still make 3. The figure below the cap
# is kept (1 for an answer that also misses its parts and bands), and "can't tell" changes
# nothing: the figure must not rest on a guess, as an area must not (`improvement`).
OFF_QUESTION_MOST = 2


def misses_its_question(data: Mapping[str, object]) -> bool:
    """Whether a stored analysis's relevance verdict says the answer does not address its
    question: the trained verdict where it speaks (`probability` set, `addresses` false), as
    the report shows "Answers the question: no". False for "can't tell" (speech lost included:
    its verdict is stored as null), no question, and a verdict from before the trained one."""
    found = data.get("relevance")
    return (
        isinstance(found, Mapping)
        and found.get("probability") is not None
        and found.get("addresses") is False
    )


def asks_for_plan(data: Mapping[str, object]) -> bool:
    """Whether a stored analysis's question was read as asking what the user would do: the one
    plan rule (`relevance.asks_for_plan`) on the kind the analysis keeps (`relevance.kind`: the
    plan-question model's reading, or a follow-up's of a plan). False where no plan was read,
    there is no question, or the analysis is from before the kind was stored."""
    return question_rules.asks_for_plan(stored_kind(data))


def measured_rating(data: Mapping[str, object], asks: Asks | None = None) -> int | None:
    """A 1–5 figure from a stored analysis, to set beside the user's own rating: STAR parts and
    a numbered result (60 %), and delivery within its bands (40 %), at most `OFF_QUESTION_MOST`
    when the relevance verdict says the answer does not address its question. None for old
    analyses, and for an answer to a question asking for neither a story nor a plan. `asks`:
    what the question asks for (`relevance.asked_for`, which a page that knows the question
    passes: an analysis from before `relevance.question_asks` was kept is read again there) or,
    None, as the report read it (`relevance.question_asks`, else a plan by the kind it keeps):
    a plan is measured by its steps, a story by its STAR parts."""
    star = data.get("star")
    if not isinstance(star, dict) or "situation" not in star:
        return None
    asks = _measured_as(data, asks)
    if asks == "neither":
        # Its content is a point, its support and its fit (`feedback.DIRECT_REVIEW_RUBRIC`),
        # which nothing here measures: STAR parts held every good answer to "What motivates
        # you?" at 1 of 5. No figure rather than a wrong one.
        return None
    if _not_heard(star):
        return None  # part of the answer was not heard: no figure rather than a wrong one
    withheld = set(data.get("withheld") or ())  # type: ignore[call-overload]

    def content_with(unsure_as: bool) -> float:
        """The content share, a part the reader can't tell about (`Part.unsure`) counted as
        `unsure_as`."""

        def present(part: str) -> bool:
            found = star[part]["present"]
            return unsure_as if found is None else bool(found)

        # What it asks for decides how it is measured, as it decides how every face scores it;
        # an analysis that keeps no reading is measured by the kind it keeps.
        if _as_plan(data, asks):
            # A question read sure as asking what the user WOULD do asks for a plan: its
            # situation is the question's, its task is what the question asks, and its result
            # has not happened, so a good plan has no situation, task or (numbered) result to
            # find. Its content is its actions alone; counting the other four as missing held
            # every good plan to at most 2 parts of 5 (a new user's three-step plan measured
            # low). An answer that tells a past story instead is read by its actions too.
            # A plan of a line is not a full plan ("I would ask my manager." measured 5): its
            # content grows with its actions' words up to a story's (`tips.STORY_WORDS`).
            steps = star["action"].get("evidence") or [star["action"].get("unsure") or ""]
            said = sum(len(str(sentence).split()) for sentence in steps)
            return float(present("action")) * min(1.0, said / STORY_WORDS)
        parts = sum(present(p) for p in ("situation", "task", "action", "result"))
        # A number is never in doubt: found or not (it is "can't tell" only because the result
        # is), so it counts as found only where it was.
        return (parts + bool(star["quantified_result"]["present"])) / 5

    checks: list[bool] = []
    pace = data.get("pace")
    if isinstance(pace, dict) and pace.get("verdict"):
        checks.append(pace["verdict"] == "in band")
    fillers = data.get("fillers")
    if (
        isinstance(fillers, dict)
        and fillers.get("per_min") is not None
        and "fillers" not in withheld
    ):
        limit = thresholds(data)["fillers_per_min_high"]
        checks.append(float(fillers["per_min"]) <= limit)
    pauses = data.get("pauses")
    if isinstance(pauses, dict):
        checks.append(pauses.get("long_count", 0) == 0)
    length = data.get("length")
    if isinstance(length, dict) and length.get("verdict"):
        checks.append(length["verdict"] == "in band")
    figures = set()
    for unsure_as in (False, True):
        content = content_with(unsure_as)
        delivery = sum(checks) / len(checks) if checks else content
        figure = 1 + round(4 * (0.6 * content + 0.4 * delivery))
        figures.add(min(figure, OFF_QUESTION_MOST) if misses_its_question(data) else figure)
    # Where the reader can't tell whether a part is there, the figure stands only if it is the
    # same either way; else none, rather than a guess.
    return figures.pop() if len(figures) == 1 else None


def _measured_as(data: Mapping[str, object], asks: Asks | None) -> Asks | None:
    """What `measured_rating` measures a stored analysis as: `asks` where a page passes it,
    else as the report read it (`relevance.question_asks`); None: by the kind it keeps."""
    found = data.get("relevance")
    if asks is None and isinstance(found, Mapping):
        return cast("Asks | None", found.get("question_asks"))
    return asks


def _as_plan(data: Mapping[str, object], asks: Asks | None) -> bool:
    """Whether `measured_rating` measures it as a plan (by its actions alone)."""
    return asks == "plan" if asks is not None else asks_for_plan(data)


# What `measured_rating` weighs of the STAR card: the four parts and a number in the result.
MEASURED_PARTS = ("situation", "task", "action", "result", "quantified_result")


def _not_heard(star: Mapping[str, Any]) -> bool:
    """Whether a part `measured_rating` weighs was lost with the speech (or the answer could
    not be read at all: `content.cannot_tell`): `present` None with no sentence the reader can't
    tell about (`unsure`), which marks "can't tell" instead."""
    return any(star[p]["present"] is None and "unsure" not in star[p] for p in MEASURED_PARTS)


def unmeasured_for(data: Mapping[str, object], asks: Asks | None = None) -> tuple[str, ...]:
    """The STAR parts the reader can't tell about (`Part.unsure`) for which `measured_rating`
    gives no figure (read found, the answer would measure other than read missing), in STAR
    order, so a page says that rather than "nothing measured". () when it gives a figure, or
    gives none for another reason (an analysis from before STAR was kept, a question asking for
    neither a story nor a plan, part of the answer not heard). `asks` as `measured_rating`'s;
    a plan is measured by its action alone, so only its action can be the reason."""
    star = data.get("star")
    if not isinstance(star, dict) or "situation" not in star:
        return ()
    if measured_rating(data, asks) is not None:
        return ()
    asks = _measured_as(data, asks)
    if asks == "neither" or _not_heard(star):
        return ()
    parts = ("action",) if _as_plan(data, asks) else ("situation", "task", "action", "result")
    return tuple(p for p in parts if star[p]["present"] is None and "unsure" in star[p])


def thresholds(data: Mapping[str, Any]) -> dict[str, Any]:
    """The bands a stored analysis was judged by; the defaults for analyses saved before
    they were recorded."""
    default = DeliverySettings()
    stored = data.get("thresholds") or {}
    return {
        "pace": tuple(stored.get("pace") or (default.pace_low, default.pace_high)),
        "fillers_per_min_high": float(
            stored.get("fillers_per_min_high", default.fillers_per_min_high)
        ),
        "pause_s": float(stored.get("pause_s", default.pause_s)),
        "long_pause_s": float(stored.get("long_pause_s", default.long_pause_s)),
    }
