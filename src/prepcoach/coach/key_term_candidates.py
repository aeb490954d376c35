"""Candidate key terms of a job advert, found from its structure, with the features the key-term
classifier scores them by.

An advert is read line by line: headings name sections (what you will do, what you need, nice to
have, benefits, about us), bullets are items, and each line is cut into chunks at punctuation and
function words. A candidate is a run of 1-5 words inside a chunk that neither starts nor ends
with a joining word ("of", "and"); contractions ("we're", "you'll") are single tokens that break
chunks, never words. The employer's name, from the advert's own wording or given by the caller,
is never a candidate."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass, field

from prepcoach.coach.key_term_verbs import title_activities, verb_phrases
from prepcoach.coach.term_forms import TOKEN_RE, scoring_form

# Closed-class words (articles, pronouns, auxiliaries, prepositions, conjunctions): a chunk
# breaks at them. A structural list, not a vocabulary of skills.
FUNCTION_WORDS = frozenset(
    """a an the this that these those it its they them their we us our you your i me my he she
    his her who whom whose which what when where why how is are was were be been being am
    do does did done have has had having will would shall should can could may might must
    to from by for with without within at on in into against toward towards onto over
    under about above across after before between through during per via as than then so
    such if or nor but also both either each every all any some no not only just very more
    most less least other own up out off down while until because since though although
    whether there here etc e.g i.e eg ie plus via like including include includes included
    using use used able well new strong good great excellent solid proven key ideally
    preferably ideal essential desirable required""".split()
) | frozenset(
    # The frame a requirement is written in ("React skills", "knowledge of GDPR"): the thing
    # asked for is what it frames, not the frame.
    """skill skills experience knowledge ability abilities expertise understanding proficiency
    familiarity background""".split()
)
JOINERS = frozenset({"of", "and", "&"})
# A word right after a subject or a modal is a verb ("we need", "you will build", "you'll
# write"); the advert's own grammar marks its verbs, and they break chunks everywhere in it.
SUBJECTS = frozenset(
    "i you we they he she will would can must should shall may might".split()
)  # may sit inside a term ("bills of quantities")
CUES = re.compile(
    r"\b(?:experience (?:with|in|of|using)|knowledge of|proficien\w* (?:in|with)|familiar\w* "
    r"with|skills? in|understanding of|expertise in|such as|including|e\.g\.|certified in|"
    r"background in|qualified in|trained in|fluent in|confident (?:with|in|using)|hands-on)\s*$",
    re.I,
)
DETERMINER_RE = re.compile(r"\b(?:the|a|an|our|your|their|its|this|these|those)\s+$", re.I)
# The ending of a noun for a person or an agent ("manager", "analyst", "assistant").
PERSON_RE = re.compile(r"(?:er|or|ist|ant|ian|ee)s?$")
BULLET_RE = re.compile(r"^\s*(?:[-*•·▪◦–—●■►➢→✓✔]|\d{1,2}[.)])\s+")
SECTION_WORDS: dict[str, tuple[str, ...]] = {
    "nice": ("nice to have", "bonus", "desirable", "plus", "ideally", "preferred", "would be"),
    "need": ("need", "require", "looking for", "you have", "you bring", "skills", "experience",
             "qualification", "essential", "must", "about you", "who you are", "person spec",
             "you'll have", "you will have", "what we want", "criteria", "competenc"),
    "do": ("do", "work on", "responsib", "day to day", "day-to-day", "duties", "the role",
           "you'll be", "you will be", "what you'll", "your role", "key tasks", "main tasks"),
    "perk": ("get", "offer", "benefit", "perks", "package", "why join", "salary", "reward",
             "in return", "pay"),
    "about": ("about us", "who we are", "about the company", "our story", "equal", "diversity"),
}  # fmt: skip
SECTIONS = ("need", "nice", "do", "perk", "about", "none")
COMPANY_PATTERNS = (
    r"(?:^|(?i:\bat|\bjoin|\babout|\bwhy|\bwith)[ \t]+)({name})(?=[\s,.!?'’]|$)",
    r"({name})[ \t]+(?:is|are|was|has|have|makes|builds|helps|provides|offers|runs|serves|"
    r"employs|operates|values|prohibits)\b",
    r"({name})['’]s\b",
)
NAME = r"(?:The[ \t]+)?[A-Z][\w&.-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w&.-]*){0,4}"
# Compiled once: the re module's cache of 512 patterns is emptied by the patterns made for each
# advert (its names, its terms), and these took milliseconds to compile again each time.
COMPANY_RES = tuple(re.compile(pattern.format(name=NAME), re.M) for pattern in COMPANY_PATTERNS)


@dataclass
class Candidate:
    key: str  # scoring form
    words: tuple[str, ...]  # lower-cased tokens
    surfaces: Counter[str] = field(default_factory=Counter)
    count: int = 0
    first_line: int = 10**6
    whole_chunk: int = 0
    chunk_start: int = 0
    chunk_end: int = 0
    bullet: int = 0
    cue: int = 0
    inner_capital: int = 0
    sections: Counter[str] = field(default_factory=Counter)
    title: int = 0
    determiner: int = 0  # "the marketing manager", "our office": a thing or person, not a skill
    whole_line: int = 0  # the phrase is all its line says (a list item, however it was pasted)
    short_line: int = 0
    derived: int = 0  # read from a verb ("handle complaints" → "complaint handling")
    from_title: int = 0  # the field the job title names ("Product Designer" → "product design")
    bridged: int = 0  # a small word inside ("permit to work", "working at height")
    lines: set[int] = field(default_factory=set)

    @property
    def n_words(self) -> int:
        return len(self.words)


@dataclass(frozen=True)
class Advert:
    lines: tuple[str, ...]
    candidates: tuple[Candidate, ...]
    company: tuple[str, ...]  # the employer's names, lower case
    capitalised: frozenset[str]  # words written with a capital inside a sentence
    # Words the advert uses as verbs with an object ("manage the rota", "keep our PMS"):
    # a phrase that starts with one is an action, not the name of a skill.
    transitive: frozenset[str] = frozenset()
    title: str = ""  # the advertised job title, as written


def company_names(text: str, given: str = "") -> tuple[str, ...]:
    """The employer as the advert names it: the capitalised name it repeats as a subject
    ("Tillwright is …", "join Tillwright", "Tillwright's …"), plus any name the caller gives."""
    names: dict[str, set[str]] = {}
    counts: Counter[str] = Counter()
    for pattern in COMPANY_RES:
        for match in pattern.finditer(text):
            name = re.sub(r"^The\s+", "", match.group(1)).strip(" .")
            first = name.split()[0] if name.split() else ""
            if len(first) > 1 and first.lower() not in FUNCTION_WORDS:
                counts[first] += 1
                names.setdefault(first, set()).add(name)
    out = [given.strip().lower()] if given.strip() else []
    repeated = [
        f
        for f, c in counts.items()
        if c >= 2 and len(re.findall(rf"(?<!\w){re.escape(f)}(?!\w)", text)) >= 3
    ]
    if repeated:
        first = max(repeated, key=lambda f: (counts[f], len(f)))
        out += sorted(n.lower() for n in names[first])
        out += [first.lower()] if len(first) > 3 else []
    for name in list(out):
        # "Harlow & Finch Ltd" is also "Harlow & Finch".
        out.append(re.split(r"\s+(?:ltd|llp|plc|inc|b\.v\.|gmbh|pvt)\b", name)[0].strip())
        # "Harlow & Finch" is written with a mark the tokens skip: each side is the name too.
        # Only "&" or "+": "Health and Safety Executive" is not an employer called "Health".
        out += [side.strip() for side in re.split(r"\s+[&+]\s+", name) if side != name]
    return tuple(dict.fromkeys(n for n in out if n))


def _heading_re(words: tuple[str, ...]) -> re.Pattern[str]:
    """A heading's words, each from a word's start ("responsib" is "responsibilities"); a
    short word only whole, so "do" is not the "do" of "London" nor "pay" of "payroll"."""
    return re.compile(
        "|".join(rf"(?<!\w){re.escape(w)}" + (r"(?!\w)" if len(w) <= 3 else "") for w in words)
    )


SECTION_RES = {name: _heading_re(words) for name, words in SECTION_WORDS.items()}


def _section(line: str, current: str) -> str:
    plain = line.strip().rstrip(":").lower().replace("’", "'")
    if len(plain.split()) > 9 or BULLET_RE.match(line) or plain.endswith((".", "!")):
        return current
    for name in ("about", "nice", "perk", "need", "do"):
        if SECTION_RES[name].search(plain):
            return name
    return current


def verbs_of(text: str) -> frozenset[str]:
    found: set[str] = set()
    words = [t.replace("’", "'") for t in TOKEN_RE.findall(text)]
    for before, word in itertools.pairwise(words):
        before = before.lower()
        subject = before in SUBJECTS or before.endswith(("'ll", "'d"))
        if subject and word.islower() and word.isalpha() and word not in FUNCTION_WORDS:
            found.add(word)
    return frozenset(found)


def _inside_name(token: str, previous: str, gap: str, following: str) -> bool:
    """A function word inside a capitalised name is part of it ("After Effects", "Seeing the
    Big Picture"): followed by a capitalised word, and either capitalised itself where no
    sentence starts, or lower case right after a capitalised word."""
    if not following[:1].isupper() or not previous:
        return False
    if token[:1].isupper():
        return not re.search(r"[.!?:]", gap)
    return previous[:1].isupper() and gap.strip() == ""


OBJECT_RE = re.compile(
    r"\b([A-Za-z]{3,})\s+(?:the|a|an|our|your|their|its|all|any|every|each|new|them|it|"
    r"this|these|those)\b",
    re.IGNORECASE,
)


def transitive_verbs(text: str) -> frozenset[str]:
    """Lower-case words the advert writes right before a determiner or a pronoun object."""
    return frozenset(
        m.group(1).lower()
        for m in OBJECT_RE.finditer(text)
        if m.group(1).lower() not in FUNCTION_WORDS
    )


# "it's", "that's": a word and "is", not a possessive.
IS_CONTRACTED = frozenset("it that what there here let who he she where how everyone".split())


def _possessive(lower: str) -> bool:
    """A noun's possessive ("driver's licence", "Natasha's Law") is part of a term; a
    contraction ("we're", "you'll", "it's") is not."""
    match = re.fullmatch(r"([a-z0-9]+)'s", lower)
    return match is not None and match.group(1) not in IS_CONTRACTED | FUNCTION_WORDS


def _noun_here(current: list[str], next_gap: str | None, following: str) -> bool:
    """A word the advert uses as a verb elsewhere ("you will review …") is a noun where it ends
    a phrase after another word, with no object after it: "code review", "stock count"."""
    if not current:
        return False
    continues = (
        next_gap is not None
        and next_gap.strip(" -") == ""
        and next_gap.count(" ") <= 2
        and following.lower().replace("’", "'") not in FUNCTION_WORDS | JOINERS
    )
    return not continues


def _chunks(line: str, verbs: frozenset[str] = frozenset()) -> list[tuple[list[str], int]]:
    """Runs of tokens with no punctuation or function word between them, each with the
    character offset where it starts."""
    chunks: list[tuple[list[str], int]] = []
    current: list[str] = []
    start = 0
    last_end = 0
    matches = list(TOKEN_RE.finditer(line))
    for index, match in enumerate(matches):
        token = match.group()
        gap = line[last_end : match.start()]
        last_end = match.end()
        broken = bool(current) and (gap.strip(" -") != "" or gap.count(" ") > 2)
        lower = token.lower().replace("’", "'")
        following = matches[index + 1].group() if index + 1 < len(matches) else ""
        next_gap = (
            line[match.end() : matches[index + 1].start()] if index + 1 < len(matches) else None
        )
        previous = matches[index - 1].group() if index else ""
        is_break = (
            (lower in FUNCTION_WORDS and not _inside_name(token, previous, gap, following))
            or (lower in verbs and not _noun_here(current, next_gap, following))
            or ("'" in lower and not _possessive(lower))
            or (
                bool(re.fullmatch(r"[\d.,+%]+[km]?", lower))
                and not (current and current[-1][:1].isupper())
            )
        )
        if broken:
            chunks.append((current, start))
            current = []
        if is_break:
            if current:
                chunks.append((current, start))
            current = []
            continue
        if not current:
            start = match.start()
        current.append(token)
    if current:
        chunks.append((current, start))
    return chunks


# The small words a named practice can hold inside it: "permit to work", "working at height",
# "assessment for learning", "infrastructure as code", "cooking over fire" (of the prepositions
# tried, these gave a labelled term for the fewest phrases that were not one).
BRIDGES = frozenset("to at for as over".split())
BRIDGE_GAP_RE = re.compile(r"\s+(\w+)\s+")


def _bridged(
    line: str, chunks: list[tuple[list[str], int]], max_words: int
) -> list[tuple[list[str], int]]:
    """Phrases across one small word between two chunks of a line (only spaces around it):
    up to two last words of the first chunk, the small word and the first word of the second."""
    out: list[tuple[list[str], int]] = []
    for (left, start), (right, right_start) in itertools.pairwise(chunks):
        ends = list(TOKEN_RE.finditer(line, start))
        if len(ends) < len(left):
            continue
        end = ends[len(left) - 1].end()
        gap = BRIDGE_GAP_RE.fullmatch(line[end:right_start])
        if gap is None or gap.group(1).lower() not in BRIDGES:
            continue
        # Up to two words before the small word and one after it: "first aid at work".
        for k in range(1, min(len(left), 2, max_words - 2) + 1):
            words = [*left[-k:], gap.group(1), right[0]]
            out.append((words, ends[len(left) - k].start()))
    return out


def _without_names(chunk: list[str], names: tuple[str, ...]) -> list[list[str]]:
    """The chunk's pieces around the employer's name ("Brightwell Analytics" leaves neither
    "Brightwell" nor "Analytics")."""
    lowered = [t.lower() for t in chunk]
    cut = [False] * len(chunk)
    for name in names:
        words = TOKEN_RE.findall(name)
        n = len(words)
        for i in range(len(chunk) - n + 1):
            if lowered[i : i + n] == words:
                cut[i : i + n] = [True] * n
    pieces: list[list[str]] = [[]]
    for token, gone in zip(chunk, cut, strict=True):
        if gone:
            pieces.append([])
        else:
            pieces[-1].append(token)
    return [p for p in pieces if p]


def title_words(lines: tuple[str, ...], verbs: frozenset[str]) -> list[str]:
    """The advertised job title: the first run of words of the first line."""
    if not lines:
        return []
    first = lines[0]
    # "Reporting analyst: you will own…", "Data Analyst – London": the title before the mark.
    head = re.split(r":|\s[–—-]\s|\|", first, maxsplit=1)[0]
    if head != first and len(TOKEN_RE.findall(head)) <= 6:
        first = head
    elif len(TOKEN_RE.findall(first)) > 12:
        return []
    chunks = _chunks(BULLET_RE.sub("", first), verbs)
    return list(chunks[0][0]) if chunks else []


def job_titles(lines: tuple[str, ...], verbs: frozenset[str]) -> frozenset[str]:
    """The advertised job title (the first run of words of the first line) and its endings:
    "Senior Data Analyst" → "senior data analyst", "data analyst", "analyst". A title is not a
    key term, here or anywhere else in the advert."""
    words = [w.lower() for w in title_words(lines, verbs)]
    return frozenset(title_form(" ".join(words[i:])) for i in range(len(words)))


def title_form(phrase: str) -> str:
    """The form a phrase is compared with the job title by: the scoring form without folding
    "-ing", since the field is not the person ("data engineering" is a term beside the title
    "Data Engineer", whose scoring forms are the same)."""
    return " ".join(scoring_form(w) if not w.endswith("ing") else w for w in phrase.lower().split())


# "HTML/CSS", "Agile/Scrum": two names joined by a slash are two candidates (a slash between
# short pieces stays: "A/B testing", "CI/CD", "S/4HANA", "24/7").
SLASH_RE = re.compile(r"(?<=[A-Za-z0-9]{3})/(?=[A-Za-z0-9]{3})(?<=[A-Za-z][A-Za-z0-9]{2}/)")
# "health & safety" is "health and safety"; a capitalised name keeps its mark ("Harlow & Finch").
AMPERSAND_RE = re.compile(r"(?<=[a-z]) & (?=[a-z])")


def _split_line(line: str) -> str:
    return AMPERSAND_RE.sub(" and ", SLASH_RE.sub(" / ", line))


def read_advert(text: str, company: str = "", max_words: int = 5) -> Advert:
    lines = tuple(_split_line(line.strip()) for line in text.splitlines() if line.strip())
    names = company_names(text, company)
    # A phrase with one of the employer's names as whole words in it, one pattern for all of
    # them made once per advert (it was made again for each phrase); none matches no phrase.
    naming = re.compile("|".join(rf"(?:^|\s){re.escape(n)}(?:\s|$)" for n in names) or "(?!)")
    capitalised: set[str] = set()
    for line in lines:
        for sentence in re.split(r"(?<=[.!?:])\s+", BULLET_RE.sub("", line)):
            for token in TOKEN_RE.findall(sentence)[1:]:
                if token[:1].isupper():
                    capitalised.add(token.lower())
    found: dict[str, Candidate] = {}
    verbs = verbs_of(text)
    transitive = transitive_verbs(text)
    known = verbs | transitive
    titles = job_titles(lines, verbs)
    section = "none"
    for number, line in enumerate(lines):
        section = _section(line, section)
        bullet = bool(BULLET_RE.match(line))
        line_chunks = _chunks(line, verbs)
        short = len(TOKEN_RE.findall(line)) <= 5
        for whole, offset in line_chunks:
            for chunk in _without_names(whole, names):
                lowered = [t.lower() for t in chunk]
                before = line[:offset]
                cue = bool(CUES.search(before))
                determined = bool(DETERMINER_RE.search(before))
                for i in range(len(chunk)):
                    for j in range(i + 1, min(len(chunk), i + max_words) + 1):
                        span = lowered[i:j]
                        if span[0] in JOINERS or span[-1] in JOINERS:
                            continue
                        # A name's own function word ("After Effects") never ends a phrase,
                        # and starts one only as its capitalised first word.
                        if span[-1] in FUNCTION_WORDS or (
                            span[0] in FUNCTION_WORDS and (j - i == 1 or chunk[i].islower())
                        ):
                            continue
                        phrase = " ".join(span)
                        if naming.search(phrase):
                            continue
                        key = scoring_form(phrase)
                        if title_form(phrase) in titles:
                            continue
                        cand = found.get(key)
                        if cand is None:
                            cand = found[key] = Candidate(key, tuple(span))
                        cand.count += 1
                        cand.surfaces[" ".join(chunk[i:j])] += 1
                        cand.first_line = min(cand.first_line, number)
                        cand.whole_chunk += i == 0 and j == len(chunk)
                        cand.chunk_start += i == 0
                        cand.chunk_end += j == len(chunk)
                        cand.bullet += bullet
                        cand.cue += cue and i == 0
                        cand.determiner += determined and i == 0
                        cand.inner_capital += any(t[:1].isupper() for t in chunk[i:j])
                        cand.sections[section] += 1
                        cand.title += number == 0
                        cand.whole_line += len(line_chunks) == 1 and i == 0 and j == len(chunk)
                        cand.short_line += short
                        cand.lines.add(number)
        for span, offset in _bridged(line, line_chunks, max_words):
            lowered = [t.lower() for t in span]
            phrase = " ".join(lowered)
            key = scoring_form(phrase)
            if (
                lowered[0] in JOINERS | FUNCTION_WORDS
                or lowered[-1] in JOINERS | FUNCTION_WORDS
                or title_form(phrase) in titles
                or naming.search(phrase)
            ):
                continue
            cand = found.get(key)
            if cand is None:
                cand = found[key] = Candidate(key, tuple(lowered))
            cand.count += 1
            cand.bridged += 1
            cand.surfaces[" ".join(span)] += 1
            cand.first_line = min(cand.first_line, number)
            cand.bullet += bullet
            cand.cue += bool(CUES.search(line[:offset]))
            cand.inner_capital += any(t[:1].isupper() for t in span)
            cand.sections[section] += 1
            cand.title += number == 0
            cand.short_line += short
            cand.lines.add(number)
        duties = section == "do" and number > 0
        for phrase in verb_phrases(
            BULLET_RE.sub("", line), bullet, duties, FUNCTION_WORDS, SUBJECTS,
            frozenset(capitalised), known,
        ):  # fmt: skip
            key = scoring_form(phrase)
            if title_form(phrase) in titles or naming.search(phrase.lower()):
                continue
            cand = found.get(key)
            if cand is None:
                cand = found[key] = Candidate(key, tuple(phrase.lower().split()))
            cand.count += 1
            cand.derived += 1
            cand.surfaces[phrase] += 1
            cand.first_line = min(cand.first_line, number)
            cand.bullet += bullet
            cand.sections[section] += 1
            cand.title += number == 0
            cand.short_line += short
            cand.lines.add(number)
    for phrase in title_activities(title_words(lines, verbs)):
        key = scoring_form(phrase)
        if title_form(phrase) in titles:
            continue
        cand = found.get(key)
        if cand is None:
            cand = found[key] = Candidate(key, tuple(phrase.lower().split()))
        cand.count += 1
        cand.from_title += 1
        cand.surfaces[phrase] += 1
        cand.first_line = 0
        cand.sections["none"] += 1
        cand.lines.add(0)
    return Advert(
        lines,
        _outside_names(found, capitalised),
        names,
        frozenset(capitalised),
        transitive,
        " ".join(title_words(lines, verbs)),
    )


def _outside_names(found: dict[str, Candidate], capitalised: set[str]) -> tuple[Candidate, ...]:
    """The candidates less the pieces of a capitalised name that the advert never writes
    outside it: "Effects" of "After Effects", "Pro" of "Premiere Pro"."""
    inside: set[str] = set()
    for candidate in found.values():
        if candidate.n_words < 2 or not all(
            all(w[:1].isupper() or not w.isalpha() for w in s.split()) for s in candidate.surfaces
        ):
            continue
        # A name's first word is capitalised inside a sentence too ("in After Effects"); one
        # capitalised only where a line starts ("Basic Python", "Fluent English") is no name.
        if candidate.words[0] not in capitalised:
            continue
        for i in range(candidate.n_words):
            for j in range(i + 1, candidate.n_words + 1):
                if j - i == candidate.n_words:
                    continue
                key = scoring_form(" ".join(candidate.words[i:j]))
                piece = found.get(key)
                if piece is not None and piece.count <= candidate.count:
                    inside.add(key)
    return tuple(c for c in found.values() if c.key not in inside)


def display(candidate: Candidate, advert: Advert) -> str:
    """The advert's own spelling, with capitals only where the advert uses them mid-sentence."""
    surface = max(candidate.surfaces.items(), key=lambda kv: (kv[1], kv[0]))[0]
    if len(surface.split()) > 1 and all(w[:1].isupper() for w in surface.split()[1:]):
        return surface  # a name, capitals and all: "Adobe Creative Suite"
    return " ".join(
        w if (w.lower() in advert.capitalised or not w[:1].isupper() or w.isupper()) else w.lower()
        for w in surface.split()
    )


# The endings of a noun naming an activity or a field: "handling", "management", "analysis".
NOMINAL_RE = re.compile(r"(?:ing|ment|ion|ance|ence|ysis|ics|ogy|ship|ure|ery)s?$")

FEATURE_NAMES = (
    "log_count", "n_words", "one_word", "lines", "whole_chunk", "chunk_start", "chunk_end",
    "bullet", "cue", "capital", "acronym", "symbol", "first_ing", "last_ing", "joiner",
    "position", "title", "long_word", "short_word", "first_ed", "number", "nominal_head",
    "whole_line", "short_line", "one_nominal", "one_capital", "one_lower_plain", "determiner",
    "person_head", "adverb", "first_transitive", "derived",
    "from_title", "bridged",
    *(f"section_{s}" for s in SECTIONS),
)  # fmt: skip


def features(candidate: Candidate, advert: Advert) -> list[float]:
    c = candidate
    total = max(c.count, 1)
    words = c.words
    surface = max(c.surfaces.items(), key=lambda kv: kv[1])[0].split()
    return [
        math.log1p(c.count),
        float(c.n_words),
        float(c.n_words == 1),
        math.log1p(len(c.lines)),
        c.whole_chunk / total,
        c.chunk_start / total,
        c.chunk_end / total,
        c.bullet / total,
        float(c.cue > 0),
        float(any(w.lower() in advert.capitalised for w in surface)),
        float(any(len(w) > 1 and w.isupper() for w in surface)),
        float(any(re.search(r"[./+#&\d]", w) for w in words)),
        float(words[0].endswith("ing") and c.n_words > 1),
        float(words[-1].endswith("ing")),
        float(any(w in JOINERS for w in words)),
        c.first_line / max(len(advert.lines), 1),
        c.title / total,
        float(max(len(w) for w in words) >= 9),
        float(min(len(w) for w in words) <= 2),
        float(words[0].endswith("ed") and c.n_words > 1),
        float(any(re.fullmatch(r"[\d.,:%+£$€-]+", w) is not None for w in words)),
        float(NOMINAL_RE.search(words[-1]) is not None),
        c.whole_line / total,
        c.short_line / total,
        float(c.n_words == 1 and NOMINAL_RE.search(words[0]) is not None),
        float(c.n_words == 1 and any(w.lower() in advert.capitalised for w in surface)),
        float(c.n_words == 1 and surface[0].islower() and NOMINAL_RE.search(words[0]) is None),
        c.determiner / total,
        float(surface[-1].islower() and PERSON_RE.search(words[-1]) is not None),
        # "payments accurately", "summarise complex": a manner word is not part of a name for
        # a skill, which is a noun phrase.
        float(any(len(w) > 4 and w.endswith("ly") for w in words)),
        float(words[0] in advert.transitive and c.n_words > 1),
        c.derived / total,
        c.from_title / total,
        c.bridged / total,
        *(c.sections[s] / total for s in SECTIONS),
    ]
