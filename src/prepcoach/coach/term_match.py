"""Whether a text covers a term (a job's key term, a company value, a competency), and the sentence
that shows it: by word form (every content word of the term, in any of its forms, in one sentence,
within a few words of each other, `SLACK`: "managing stakeholders" covers "stakeholder management",
"accounts … the sales manager" no "account management") or by meaning: a sentence, one of its
clauses (`clauses`) or one of its short phrases (`phrases`) whose MiniLM embedding is close
enough to the mean of the term's phrasings ("experience in customer focus", "I did customer
focus", …: `term_vectors`), "I help customers" for "customer focus", "I booked fourteen meetings"
for "appointment setting". The cut (`MEANING_THRESHOLD`, `term_use_model.json`) is chosen on
hand-labelled answers by `scripts/train_term_use.py`. Words the text says were not done are no
evidence either way ("I haven't used Tableau yet", "I don't cannulate myself yet": `denied`).

A job's term that names a thing (`names=True`: a tool, a product, a qualification) is said
only by its name: a word of it that is a name (`is_name`) is matched in its own form, never by
its root, and a term made only of names is never matched by meaning. A trial's answers were
credited with "Looker" for "I've looked after…" and "looking back" (both "look"), as "Docker"
would be for "docking" and "React" for "reacted"; and a tool is not used because a sentence
means something near it ("our BI dashboards" is not "Looker", "the spreadsheet" not "Excel").
A name that is a common English word too (`WORD_TOOLS`: "React", "Excel", "Go", "SEND"; not
"Python" nor "Empathy", said as themselves in any case) is said where the text writes it with
its capitals (`name_keys`), or in lower case where that occurrence sits as a name: never in a
verb's place (after a subject, a modal or an infinitive's "to": "we had to react fast"), and in
a text that writes names with capitals (a speech engine's, most typed ones) only after a word a
name follows ("in react"; one stray "CFO" does not make every lower-case tool a verb); a text
typed all in lower case ("i built it in react") has no capitals to tell by, and the word says
the name anywhere else. Likewise a term whose words are all capitalised and that names a thing
(`proper`: "Microsoft Teams", "Care Certificate"; not a Title-Case skill, "Customer Service") is
not covered by meaning through its words written as ordinary words ("data teams", "care
records"). A term that names a thing is said by meaning only in a sentence that names it, by
a word of the name not inside another name (`_anchor`, `Matcher._names_it`: "a twelve-week
bootcamp" is no "Spring Boot", "Google Forms" no "Google Classroom", "NVQ Level 2" no "NVQ
Level 3 Carpentry"); a word with a capital inside it is a name ("QuickBooks": `CAMEL_RE`); and
a term that gives its initials in brackets is said by either ("Customs Declaration Service
(CDS)": `written_forms`). On the labelled answers these took 5 false alarms of 35 and no match.
Known misses: a sentence sharing one of a term's words is near it by that word alone, so
"our churn model" covers "churn risk" (0.68) and "three customers churned last year" "customer
churn risk" (0.67), as "customer focus" covers "Help customers" and "checklist" "building
checklists", which tests pin. Below `SURE_BY_MEANING` (0.50) a match by meaning is a "can't
tell" (`Covered.unsure`: `keywords.coverage` counts it neither used nor missed, and the faces
say so): "the data left the hospital" for "data quality" (0.45), "We run a fleet of 220
vehicles" for "fleet management" (0.44). On the labelled answers most units sharing a word of
a term were used (85 of 107 pairs), and a cut of their own, or leaving their short phrases out,
lost out of fold (F1 .801 to .774; skipping short phrases that share some but not all of a
term's words, .786 to .770 for no false alarm fewer; a second cut for units sharing some but
not all of a term's words, chosen with the first at the former precision floor, .809 to
.811, and it chose the lower). A term of several
words is not covered through a phrase that is one of its words in effect ("accounts and":
`dangling`); a plural name reads as the word ("Teams" as "team"; a capitalised plural is as
often a skill, "Renewals"); a lower-case text's verb after a noun ("how did the team react")
reads as the name; a term said in its other form by initials is not found ("quarterly business
reviews" for "QBRs"): a match by initials was tried and withdrawn, as ordinary runs of words
spell an acronym by chance ("Customers really mattered" is "CRM", "8 AM" "account
management"); most skills told wholly in other words are still below the cut ("I kept the
three department heads in the loop every Friday" is 0.26 from "stakeholder management"); and a
negation that denies a failure denies what was done ("we never missed a deadline")."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from prepcoach.coach.key_term_candidates import NOMINAL_RE
from prepcoach.coach.term_doer import PersonTest, not_the_speakers, person_test
from prepcoach.coach.term_forms import tokens

# What counts as a name and where a named term may be said (`term_names`), named here too
# for its callers.
from prepcoach.coach.term_keys import IRREGULAR_PAST as IRREGULAR_PAST
from prepcoach.coach.term_keys import TERMS_KEPT as TERMS_KEPT
from prepcoach.coach.term_keys import keyed_words
from prepcoach.coach.term_keys import term_keys as term_keys
from prepcoach.coach.term_keys import term_roots as term_roots
from prepcoach.coach.term_keys import term_words as term_words
from prepcoach.coach.term_keys import word_root as word_root
from prepcoach.coach.term_names import CAMEL_RE as CAMEL_RE
from prepcoach.coach.term_names import INFINITIVE_CUES as INFINITIVE_CUES
from prepcoach.coach.term_names import INFLECTED as INFLECTED
from prepcoach.coach.term_names import MOVE_CUES as MOVE_CUES
from prepcoach.coach.term_names import NAME_PLACE as NAME_PLACE
from prepcoach.coach.term_names import SKILL_HEADS as SKILL_HEADS
from prepcoach.coach.term_names import WORD_ACRONYMS as WORD_ACRONYMS
from prepcoach.coach.term_names import WORD_TOOLS as WORD_TOOLS
from prepcoach.coach.term_names import _name_runs
from prepcoach.coach.term_names import is_name as is_name
from prepcoach.coach.term_names import is_word_name as is_word_name
from prepcoach.coach.term_names import name_key as name_key
from prepcoach.coach.term_names import name_keys as name_keys
from prepcoach.coach.term_names import own_form as own_form
from prepcoach.coach.term_names import proper as proper
from prepcoach.coach.term_names import writes_capitals as writes_capitals

# Clauses and denials (`term_negation`), named here: the trainer's variants replace them in
# this module (`scripts/train_term_use.py`).
from prepcoach.coach.term_negation import clauses, denied

# The text's pieces (`term_units`), named here too for its callers.
from prepcoach.coach.term_units import SENTENCE_RE as SENTENCE_RE
from prepcoach.coach.term_units import SLACK as SLACK
from prepcoach.coach.term_units import Unit as Unit
from prepcoach.coach.term_units import _close_together, _keys, _token_spans
from prepcoach.coach.term_units import _span as _span
from prepcoach.coach.term_units import _word_keys as _word_keys
from prepcoach.coach.term_units import dangling as dangling
from prepcoach.coach.term_units import phrases as phrases
from prepcoach.coach.term_units import sentences as sentences
from prepcoach.coach.term_units import written_forms as written_forms

# A term's phrased vector (`term_vectors`), named here too for its callers; what they patch
# (`PHRASED_KEPT`, `PHRASINGS` in the trainer) is patched there, where it is read.
from prepcoach.coach.term_vectors import PHRASINGS as PHRASINGS
from prepcoach.coach.term_vectors import _term_vectors
from prepcoach.coach.term_vectors import templates as templates
from prepcoach.coach.term_vectors import term_vectors as term_vectors

if TYPE_CHECKING:
    from prepcoach.coach.patterns import Embedder

# The cut on the cosine similarity between a term's phrasings (`term_vectors`) and a unit of
# the text (a sentence, a clause or a short phrase) above which the term is said by meaning:
# chosen by `scripts/train_term_use.py` on the hand-labelled answers of
# `tests/data/term_use/dev.json` (5-fold cross-validation by answer; the figures are in the
# file), loaded once.
MODEL_FILE = Path(__file__).with_name("term_use_model.json")
MEANING_THRESHOLD: float = json.loads(MODEL_FILE.read_text(encoding="utf-8"))["threshold"]
# The cut for a target compared by its bare words' vector, not by its phrasings: a competency
# ("failure", "ethics") or a company value ("Patients first") in a story, which "I did {}" and
# the like do not phrase. Calibrated by the former `scripts/train_key_terms.py` on variant
# sentences of the development adverts' terms (F0.5 .705, precision .841, recall .428); at the
# phrasings' cut a story's "errors fell by 40%" covered "failure".
BARE_THRESHOLD = 0.68
# Below this, a job's term found by meaning is a "can't tell": said perhaps, in other words. On
# the four development sets of `tests/data/term_use/` (dev.json, heldout.json to heldout3.json,
# pooled; the shipped matcher) a term found by meaning was labelled used .565 of the time at a
# similarity of 0.40-0.45 and .674 at 0.45-0.50, against .812 at 0.50 or more (and .918 by its
# words), so "used" there was wrong a third of the time or more: a trial was told "controlled
# drugs" was said by "her prescription was ready". Chosen by a rule written before it was built
# (tests/data/README.md, "Can't tell for a job's term"): the lowest of 0.45-0.60 whose band
# below is right under .70 of the time and whose matches above at least .80.
SURE_BY_MEANING = 0.50


@dataclass(frozen=True, slots=True)
class Covered:
    term: str
    sentence: str  # the text's own sentence that covers the term
    by: str  # "word form" or "meaning"
    similarity: float  # cosine similarity when by meaning; 1.0 by word form
    # The words of `sentence` that cover it, as written: by word form the shortest run holding
    # the term's words ("account manager"), by meaning the phrase or sentence closest to it.
    words: str = ""

    @property
    def unsure(self) -> bool:
        """Found by meaning only below `SURE_BY_MEANING`: prepcoach can't tell."""
        return self.by == "meaning" and self.similarity < SURE_BY_MEANING


@functools.cache
def shared_embedder() -> Embedder | None:
    """The MiniLM model, loaded once per process (None if its packages were removed)."""
    from prepcoach.coach.embeddings import load_embedder

    return load_embedder()


_PERSON_TESTS: dict[int, PersonTest] = {}


def _person_test(embedder: Embedder) -> PersonTest:
    """One `term_doer.person_test` per embedder, so its phrases are read once a process."""
    if id(embedder) not in _PERSON_TESTS:
        _PERSON_TESTS[id(embedder)] = person_test(embedder)
    return _PERSON_TESTS[id(embedder)]


# How much nearer a unit must be to a term's phrasings than to the phrasings without a term
# (`templates`: "experience in", "I did", …) to say the term by meaning: a unit that only
# echoes them came near every term ("My job involved lots of different things" 0.59 from
# "payroll" and above the cut for 12 of 20 terms, "I was responsible for a lot" 0.45 from
# "compliance": a review), where a unit that tells the work is far nearer the term ("I ran the
# weekly payroll for 80 staff" 0.66 against 0.26, "I booked fourteen meetings" 0.45 against
# 0.22 for "appointment setting"). Chosen by a rule written before the run: of 0.10, 0.15 and
# 0.20, the best out-of-fold F1 on the labelled answers (`scripts/train_term_use.py`) whose cut
# credits the review's vague answers with nothing (`tests/coach/test_term_use_model.py`): .780,
# .782, .762, against .791 with no margin (41, 41, 39 and 42 false alarms). The labelled answers
# hold few such sentences, so what it saves is not in those figures. With the trainer's
# precision floor raised to .86 (`scripts/train_term_use.py`), out of fold .787, .777 and .760
# against .788, each fold's cut near 0.45; on all the answers 0.10's cut (0.45) finds F1 .781
# and 0.15's (0.40) .796, so 0.15 stays.
GENERIC_MARGIN = 0.15


def _not_the_name(name: frozenset[str], unit: Unit, caseless: bool) -> bool:
    """Whether a unit says a name of several words (`proper`: "Microsoft Teams") only through
    its words as ordinary words: in a text that writes names with capitals, some of them in
    lower case and not all ("data teams"); in a text with no capitals to tell by, one of them
    alone ("my team met every week" was 0.46 from "Microsoft Teams"), while two still say it
    ("search console" for "Google Search Console")."""
    if caseless:
        return len(name & unit.keys) == 1
    return bool(name & unit.plain) and not name <= unit.keys


def _anchor(words: Sequence[tuple[str, str]]) -> list[frozenset[str]]:
    """What a sentence must hold for a term that names a thing to be said in it by meaning, as
    alternatives, each whole: one of its names' words (`is_name`: "HGV" of "HGV licence", "EMIS"
    of "EMIS Web"; a name written in its parts, "dev tools" for "DevTools", `CAMEL_RE`), or, for
    a name of ordinary words (`proper`: "Spring Boot", "Google Classroom"), one of its words;
    nothing for a skill, a term whose last word is a skill's or a field's even where a name
    qualifies it ("A/B testing", "KPI-driven sales": `SKILL_HEADS`, `NOMINAL_RE`). The guide's
    labellers tick a thing only where the answer names it, in any form, and a sentence that
    names none of it only describes something like it: "after that I did a twelve-week
    bootcamp" came 0.53 from "Spring Boot", "I've got my counterbalance licence" 0.48 from
    "HGV licence", while the named ones ("we use Dynamics" for "Microsoft Dynamics 365",
    "templates on EMIS" for "EMIS Web") hold a word of the name. The sentence, not the unit:
    "my level 5 teaching qualification, the DET" says "Diploma in Education and Training
    (DET)" by its first clause."""
    if proper(words):
        return [frozenset({k}) for _, k in words]
    head = words[-1][0].lower() if words else ""
    if not words or head in SKILL_HEADS or NOMINAL_RE.search(head) is not None:
        return []
    anchors = []
    for word, key in words:
        if key[0] in "=^":
            anchors.append(frozenset({key}))
            parts = CAMEL_PARTS_RE.findall(word)
            if len(parts) > 1:
                anchors.append(frozenset(word_root(p) for p in parts))
    return anchors


# A camel-case name's parts: "DevTools" is "Dev" "Tools", "QuickBooks" "Quick" "Books".
CAMEL_PARTS_RE = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")


class Matcher:
    """One text read once (its sentences, their roots and, lazily, the vectors of each sentence,
    its clauses and its short phrases), asked about many terms."""

    def __init__(
        self, text: str, embedder: Embedder | None = None, threshold: float = MEANING_THRESHOLD
    ) -> None:
        self.sentences = sentences(text)
        said = [tokens(s) for s in self.sentences]
        self.caseless = caseless = not writes_capitals(said)
        # Each word's keys (its root, its own form and the name keys it gives), per sentence,
        # and their union.
        self.words = [
            [
                {_word_keys(w)[0], _word_keys(w)[2], *name_keys(words, i, not caseless)}
                for i, w in enumerate(words)
            ]
            for words in said
        ]
        self.roots = [frozenset().union(*words) for words in self.words]
        # Per sentence, the runs of words written as a name's (`_name_runs`).
        self.name_runs = [_name_runs(words) for words in said]
        self.embedder = embedder
        # Whether a subject after "my" or "our" is a person (`term_doer.person_test`), read
        # only with the sentence model: without it such a subject is not read at all.
        self.person = _person_test(embedder) if embedder is not None else None
        self.threshold = threshold
        self._units: list[Unit] | None = None
        # Each unit's vector, a row of zeros until it is embedded (`_embed`), and whether it is.
        self._vectors: NDArray[np.float64] = np.zeros((0, 0))
        self._embedded: NDArray[np.bool_] = np.zeros(0, dtype=np.bool_)
        self._generic: NDArray[np.float64] = np.zeros(0)  # each unit's nearness to `templates`

    def units(self) -> list[Unit]:
        """Each sentence, each of its clauses (`clauses`) and each of its short phrases
        (`phrases`), once each; their vectors (`_vectors`, in the same order) are made when a
        term asks for them (`_embed`)."""
        if self._units is None:
            units: list[Unit] = []
            for i, sentence in enumerate(self.sentences):
                spans = _token_spans(sentence)
                seen: set[str] = set()
                pieces = [(sentence, False), *((c, False) for c in clauses(sentence))]
                for text, short in [*pieces, *((p, True) for p in phrases(sentence))]:
                    if text in seen:
                        continue
                    seen.add(text)
                    where = (0, len(sentence)) if text is sentence else _span(sentence, spans, text)
                    words = tokens(text)
                    units.append(
                        Unit(
                            i,
                            text,
                            _keys(words),
                            _keys([w for w in words if w[:1].islower()]),
                            short and dangling(text),
                            where is not None and not_done(sentence, *where, self.person),
                        )
                    )
            self._embedded = np.zeros(len(units), dtype=np.bool_)
            self._units = units
        return self._units

    def _embed(self, dangling: bool, extra: Sequence[str] = ()) -> NDArray[np.float64]:
        """Embed the units a term compares with (`_closest`) that are not yet, with `extra` (a
        term's phrasings: `find_terms`), and return `extra`'s vectors: those the reader's memory
        does not keep in one call of the model. Not a unit said as not done (`denied`), nor a
        phrase that is one word in effect unless `dangling` (for a term of one word):
        `_closest` passes over them whatever their vector, and they were a fifth of the words
        of the labelled answers' units."""
        units = self.units()
        wanted = [
            i
            for i, unit in enumerate(units)
            if not (self._embedded[i] or unit.denied or (unit.dangling and not dangling))
        ]
        texts = list(dict.fromkeys([*extra, *(units[i].text for i in wanted)]))
        if not texts:
            return np.zeros((0, 0))
        assert self.embedder is not None
        from prepcoach.coach import reader

        # Through the reader's memory (`reader_inputs.MIDDLE`): at the end of a recorded answer
        # the reader has just embedded its sentences and clauses, many of them this matcher's
        # units too (on the labelled answers, 182 of 1,643 texts, the longest: about a third of
        # the units' tokens), and a text's vector is the same whoever embedded it (bit for bit
        # there, from the reader's model of one thread).
        vectors = reader.embed(texts, self.embedder)
        assert vectors is not None
        row = {t: r for r, t in enumerate(texts)}
        if wanted:
            if len(self._vectors) != len(units):
                self._vectors = np.zeros((len(units), vectors.shape[1]))
            self._vectors[wanted] = vectors[[row[units[i].text] for i in wanted]]
            self._embedded[wanted] = True
            self._generic = self._vectors @ templates(self.embedder)
        return vectors[[row[t] for t in extra]]

    def similarities(
        self,
        term_vector: Sequence[float] | NDArray[np.float64],
        words: Sequence[tuple[str, str]] = (),
    ) -> list[float]:
        """Per sentence, the highest similarity of the term to it or one of its clauses or
        phrases not said as not done (`denied`). With the words of a job's term that is a name
        (`term_words`, `proper`), a unit that says some of them but not all counts only where
        it writes them as the name does, with capitals, or, in a text with no capitals to tell
        by (`writes_capitals`), where it says more than one of them (`_not_the_name`)."""
        return [score for score, _ in self._closest(term_vector, words)]

    def _closest(
        self,
        term_vector: Sequence[float] | NDArray[np.float64],
        words: Sequence[tuple[str, str]] = (),
        several: bool = False,
        margin: float | None = None,
    ) -> list[tuple[float, str]]:
        """Per sentence, the highest similarity (`similarities`) and the unit that has it; for
        a term of `several` words, never through a phrase that is one word (`dangling`); only
        through a unit at least `margin` nearer the term than the phrasings' own words
        (`GENERIC_MARGIN` when None; -2 for none, for a vector not made of phrasings)."""
        margin = GENERIC_MARGIN if margin is None else margin
        best = [(-1.0, s) for s in self.sentences]
        countable = self._countable(words, several)
        units = self.units()
        self._embed(dangling=not several)
        if len(self._vectors) != len(units):  # none embedded: each is passed over below
            return best
        scores = (self._vectors @ np.asarray(term_vector, dtype=np.float64)).tolist()
        generic = self._generic.tolist()
        for unit, similarity, echo, counts in zip(units, scores, generic, countable, strict=True):
            if counts and similarity - echo >= margin and similarity > best[unit.owner][0]:
                best[unit.owner] = (similarity, unit.text)
        return best

    def _countable(self, words: Sequence[tuple[str, str]], several: bool) -> list[bool]:
        """Per unit, whether a term (its `words` when a job's term that names a thing, and
        whether it has `several`) may be said through it whatever its vector (`_closest`):
        not a unit said as not done, a phrase that is one word in effect for a term of
        several, a name's words as ordinary words (`_not_the_name`), nor a unit of a sentence
        that does not name a named term ("a twelve-week bootcamp" is no "Spring Boot":
        `_names_it`)."""
        name = frozenset(k for _, k in words) if proper(words) else None
        anchor = _anchor(words)
        held = [self._names_it(i, anchor, words) for i in range(len(self.sentences))]
        return [
            held[unit.owner]
            and not (unit.denied or (several and unit.dangling))
            and not (name is not None and _not_the_name(name, unit, self.caseless))
            for unit in self.units()
        ]

    def may_cover(self, term: str, names: bool = False) -> bool:
        """Whether `term` is read by meaning (`reads_meaning`) and some unit may say it
        whatever its vector (`_countable`): a named term none of whose sentences names it
        needs no vector, its phrasings' nor the text's (`find_terms`)."""
        if not self.reads_meaning(term, names):
            return False
        several = len(term_roots(term)) > 1
        return any(self._countable(keyed_words(term) if names else (), several))

    def _names_it(
        self, sentence: int, anchor: Sequence[frozenset[str]], words: Sequence[tuple[str, str]]
    ) -> bool:
        """Whether a sentence holds one of a named term's `anchor`s (`_anchor`; any sentence for
        a term with none) in words that are not another name's: a run of words written as a
        name (`_name_runs`) that holds a word not of the term names something else ("Google
        Forms" is no "Google Classroom", "NVQ Level 2" no "NVQ Level 3 Carpentry"), while
        "we use Dynamics" names "Microsoft Dynamics 365"."""
        if not anchor:
            return True
        said = self.words[sentence]
        if not any(a <= self.roots[sentence] for a in anchor):
            return False
        term = frozenset(k for _, k in words)
        other = {
            i
            for run in self.name_runs[sentence]
            if any(not said[i] & term for i in run)
            for i in run
        }
        own: set[str] = set()
        for i, keys in enumerate(said):
            if i not in other:
                own |= keys
        return any(a <= own for a in anchor)

    def find(
        self,
        term: str,
        term_vector: Sequence[float] | NDArray[np.float64] | None = None,
        names: bool = False,
        threshold: float | None = None,
        margin: float | None = None,
    ) -> Covered | None:
        """The first sentence that covers `term` and does not deny it (`denied`), or None;
        `term_vector`: the term's vector (`term_vectors`), made when not given; `names`: the
        term is a job's, whose names are said only by name (the module's docstring);
        `threshold`: the cut for this vector, the matcher's own when None (`BARE_THRESHOLD`
        for a bare term's vector, with no `margin`: -2)."""
        said = self.by_form(term, names)
        if said is not None:
            return said
        return self.by_meaning(term, term_vector, names, threshold, margin)

    def by_meaning(
        self,
        term: str,
        term_vector: Sequence[float] | NDArray[np.float64] | None = None,
        names: bool = False,
        threshold: float | None = None,
        margin: float | None = None,
    ) -> Covered | None:
        """The sentence that covers `term` by meaning (`closest`, at `threshold`: `find`), or
        None."""
        closest = self.closest(term, term_vector, names, margin)
        cut = self.threshold if threshold is None else threshold
        if closest is not None and closest[0] >= cut:
            score, sentence, unit = closest
            return Covered(term, self.sentences[sentence], "meaning", round(score, 3), unit)
        return None

    def by_form(self, term: str, names: bool = False) -> Covered | None:
        """The first sentence that says `term` by its words (`term_keys`) close together and
        does not deny them, or None."""
        for form in written_forms(term, names):
            needed, _ = term_keys(form, names)
            if not needed:
                continue
            for sentence, roots, words in zip(self.sentences, self.roots, self.words, strict=True):
                if needed <= roots and _close_together(needed, words):
                    run = _said_run(sentence, needed, words, self.person)
                    if run is not None:
                        return Covered(term, sentence, "word form", 1.0, run)
        return None

    def reads_meaning(self, term: str, names: bool = False) -> bool:
        """Whether `term` is compared with the text by meaning (`closest`): not without the
        model or a sentence, nor a term said only by name (`term_keys`)."""
        needed, only_names = term_keys(term, names)
        return (
            bool(needed) and self.embedder is not None and bool(self.sentences) and not only_names
        )

    def closest(
        self,
        term: str,
        term_vector: Sequence[float] | NDArray[np.float64] | None = None,
        names: bool = False,
        margin: float | None = None,
    ) -> tuple[float, int, str] | None:
        """The unit nearest `term` by meaning, whatever the threshold: its similarity, its
        sentence's index and its words; None without the model, a sentence, or for a term
        said only by name (`term_keys`). What `find` cuts, and the trainer calibrates."""
        if not self.reads_meaning(term, names):
            return None
        several = len(term_roots(term)) > 1
        if term_vector is None:
            assert self.embedder is not None
            # Its phrasings go to the model with the units it is compared with.
            term_vector = _term_vectors(
                [term], self.embedder, lambda texts: self._embed(not several, texts)
            )[0]
        scores = self._closest(term_vector, keyed_words(term) if names else (), several, margin)
        best = max(range(len(scores)), key=lambda i: scores[i][0])
        return scores[best][0], best, scores[best][1]


def not_done(sentence: str, start: int, end: int, person: PersonTest | None = None) -> bool:
    """Whether the words of `sentence` from `start` to `end` are told as not done by the
    speaker: denied (`term_negation.denied`) or told as another person's work or a prospect
    (`term_doer.not_the_speakers`, with the `person` test of a matcher that has the sentence
    model). A term said only so is not used."""
    return denied(sentence, start, end) or not_the_speakers(sentence, start, end, person)


def _said_run(
    sentence: str,
    needed: frozenset[str],
    words: Sequence[set[str]],
    person: PersonTest | None = None,
) -> str | None:
    """The shortest run of `sentence`'s words (`words`: each word's keys) holding every key of
    `needed` close together (`SLACK`) that the sentence does not deny (`denied`), as the
    sentence writes it ("account manager" for "account management"); None when each such run
    is denied ("i haven't used java"). The whole sentence when its words cannot be placed."""
    spans = _token_spans(sentence)
    if len(spans) != len(words):
        return None if not_done(sentence, 0, len(sentence), person) else sentence
    longest = len(words) if len(words) <= len(needed) + SLACK else len(needed) + SLACK
    for start, end in _runs(needed, words):
        if end - start < longest and not not_done(sentence, spans[start][0], spans[end][1], person):
            return sentence[spans[start][0] : spans[end][1]]
    return None


def _runs(needed: frozenset[str], words: Sequence[set[str]]) -> list[tuple[int, int]]:
    """From each word, the shortest run (first and last word) holding every key of `needed`;
    the shortest first, then the earliest."""
    runs: list[tuple[int, int]] = []
    for start in range(len(words)):
        held: set[str] = set()
        for end in range(start, len(words)):
            held |= words[end] & needed
            if held == needed:
                runs.append((start, end))
                break
    return sorted(runs, key=lambda run: (run[1] - run[0], run[0]))


def find_terms(
    text: str, terms: Sequence[str], embedder: Embedder | None = None, names: bool = True
) -> list[Covered | None]:
    """For each term (a job's, whose names are said only by name unless `names` is False), the
    sentence of `text` that covers it, or None."""
    matcher = Matcher(text, embedder)
    found = [matcher.by_form(t, names) for t in terms]
    # Only the terms not said by their words are read by meaning (`Matcher.reads_meaning`), and
    # their phrasings not kept (`term_vectors`) go to the model in one call with the answer's
    # units they are compared with (`Matcher._embed`): the model was nearly all of the time
    # (bench/bench_term_use.py), and a term said by its words or only by name, a third of the
    # labelled answers' terms, needs no vector.
    # Nor a term no unit may say whatever its vector (`Matcher.may_cover`: a named term none of
    # whose sentences names it, 109 of the 1,249 read on the labelled answers): its phrasings
    # went to the model for a reading that could only find nothing.
    asked = [
        t for t, c in zip(terms, found, strict=True) if c is None and matcher.may_cover(t, names)
    ]
    vectors: dict[str, NDArray[np.float64]] = {}
    if asked:
        assert embedder is not None
        one_word = any(len(term_roots(t)) <= 1 for t in asked)
        embed = functools.partial(matcher._embed, one_word)
        vectors = dict(zip(asked, _term_vectors(asked, embedder, embed), strict=True))
        embed()  # the units, when every phrasing was kept (nothing when they went with them)
    return [
        c if c is not None or t not in vectors else matcher.by_meaning(t, vectors[t], names)
        for t, c in zip(terms, found, strict=True)
    ]
