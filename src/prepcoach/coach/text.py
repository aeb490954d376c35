"""Small text helpers shared by the core's judgements: words, numbers, quoting."""

from __future__ import annotations

import functools
import re
import threading
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import markdown

WORD_RE = re.compile(r"[A-Za-z][A-Za-z'+#.-]*[A-Za-z+#]|[A-Za-z]")

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "hundred": 100,
    "dozen": 12,
    "a dozen": 12,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "a single": 1,
    "single": 1,
    "once": 1,
    "twice": 2,
}
NUMBER_WORD_PATTERN = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
NUMBER_PATTERN = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+(?:[.,]\d+)?|{NUMBER_WORD_PATTERN})"

# Words that carry no topic: left out when comparing a goal with a role or a job description.
STOPWORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing done down during each few for from
    further get getting got had has have having he her here hers herself him himself his how i
    if in into is it its itself just let me more most my myself no nor not now of off on once
    only or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours
    yourself yourselves also every least less many much per via within without week weeks day
    days month months year years next end today tomorrow better good great really well able make
    sure things stuff lot lots time times least one two three four five six seven eight nine ten
    work working improve improving better want need try trying become keep new start
    """.split()
)

# The commonest function words of the other languages people write in. A goal is short and
# often has no English function word at all ("Learn SQL by Friday"), so a text is taken as
# another language when it has two of these and more of them than English function words: a
# paragraph in German has a few words English shares ("in", "am"), and one was read as a
# specific, measurable goal quoting "40 Prozent reduziert", and as an answer that set the scene.
OTHER_LANGUAGE_WORDS = frozenset(
    """le les du une je veux pour avec avant dans sur est être una para quiero antes der das
    und ich bis mit ein eine nicht het een voor che prima voglio uma até wir von zu habe haben
    mein meinem meine auf que por""".split()
)
# Left out as English words or names too, each of which made an English goal "another
# language" ("Grow MRR 5 per cent per month", "Call Al twice per week", "Met 5 recruiters",
# "Apply to Banco de la Nación and Grupo del Sur", "Visit Las Vegas and Los Angeles"): per,
# al, mi, del, den, im, dem, met, die, con, com, il, di, la, el, los, las, des (review of the
# tester's fixes, twenty-seventh session).


def other_language(said: Sequence[str]) -> bool:
    """Whether lower-case words read as another language than English (`OTHER_LANGUAGE_WORDS`):
    "Quiero aprender SQL antes del viernes" does, "Read Die Zeit and Le Monde by Friday" not."""
    foreign = sum(w in OTHER_LANGUAGE_WORDS and w not in STOPWORDS for w in said)
    english = sum(w in STOPWORDS and w not in OTHER_LANGUAGE_WORDS for w in said)
    return foreign >= 2 and foreign > english


# Fillers: what a text of fillers alone is made of ("um uh like you know so um"), the one list
# for every reading that says a text is "only filler words": an answer's or a story's
# (`reader.cannot_tell`), a goal's (`goal_text.unreadable`), an advert's
# (`keywords.unreadable_advert`). The sounds of hesitation are what the delivery counts as
# fillers wherever they stand (`delivery.SINGLE_FILLERS`); the other words are fillers only
# when nothing else is said.
HESITATIONS = frozenset({"um", "uh", "er", "erm", "hmm", "umm", "uhm", "uhh", "mm", "hm"})
FILLER_WORDS = HESITATIONS | frozenset(
    {"like", "so", "yeah", "well", "okay", "ok", "right", "anyway", "basically", "actually",
     "yes", "no", "oh", "ah"}
)  # fmt: skip
# Fillers of two words, neither of which is one alone: "you know" is, "I know you" is not.
FILLER_PHRASES = (("you", "know"), ("i", "mean"), ("kind", "of"), ("sort", "of"))


def only_fillers(said: Sequence[str]) -> bool:
    """Whether lower-case words are filler words and phrases alone (`FILLER_WORDS`,
    `FILLER_PHRASES`); True for no words, which every caller says apart first."""
    at = 0
    while at < len(said):
        if tuple(said[at : at + 2]) in FILLER_PHRASES:
            at += 2
        elif said[at] in FILLER_WORDS:
            at += 1
        else:
            return False
    return True


@functools.lru_cache(maxsize=16384)
def phrase_pattern(phrase: str, edge: str = r"\w", tail: str = "") -> re.Pattern[str]:
    """`phrase` as a whole phrase, case aside: not inside a longer word (no `edge` character
    either side), optionally followed by `tail` (a regex, e.g. a plural ending). Compiled once
    per phrase: an advert's few hundred phrases would otherwise overflow `re`'s own cache of
    512 and evict every other pattern with it (a fifth of the key-term extractor's time)."""
    return re.compile(rf"(?<!{edge}){re.escape(phrase)}{tail}(?!{edge})", re.IGNORECASE)


def parse_number(token: str) -> float | None:
    """3, 2.5, "five", "a dozen" → their value; anything else → None."""
    token = token.strip().lower()
    if token in NUMBER_WORDS:
        return float(NUMBER_WORDS[token])
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", token):  # 1,000: a thousands separator
        token = token.replace(",", "")
    try:
        return float(token.replace(",", "."))  # 2,5: a decimal comma
    except ValueError:
        return None


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


# A word as an answer's length counts it (`ContentAnalysis.words`): "9", "triage", "it's" as 2.
COUNTED_WORD_RE = re.compile(r"\b\w+\b")


def word_count(text: str) -> int:
    """How many words an answer's content is read from (`ContentAnalysis.words`)."""
    return len(COUNTED_WORD_RE.findall(text))


def stem(word: str) -> str:
    """A crude plural folding, enough to match "interviews" with "interview"."""
    word = word.lower()
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def content_words(text: str) -> set[str]:
    return {stem(w) for w in words(text) if w.lower() not in STOPWORDS and len(w) > 1}


def quote(fragment: str) -> str:
    return f"“{fragment.strip()}”"


# What ends a sentence of its own, a page's "…" (a quote cut short) included.
SENTENCE_ENDS = (".", "!", "?", "…")
CLOSING_MARKS = "\"'”’)]"


def closing_stop(quoted: str) -> str:
    """The full stop a sentence that ends on a quotation of `quoted` still needs after the
    closing quote: none when the quoted words end with their own ("…is here as “We agreed.”",
    never "“We agreed.”."), else "."."""
    bare = quoted.rstrip().rstrip(CLOSING_MARKS).rstrip()
    return "" if bare.endswith(SENTENCE_ENDS) else "."


def before_comma(quoted: str) -> str:
    """`quoted` as it stands in a sentence that goes on after the closing quote with a comma:
    without its own full stop ("“Describe a time you led a team”, 4 of 5"), never "“…team.”,";
    a question or exclamation mark, or a page's "…", kept (`closing_stop` is its pair for a
    sentence that ends on the quotation)."""
    bare = quoted.rstrip()
    return bare[:-1].rstrip() if bare.endswith(".") and not bare.endswith("..") else bare


def quote_all(fragments: Iterable[str], limit: int = 3) -> str:
    unique = list(dict.fromkeys(f.strip() for f in fragments if f.strip()))[:limit]
    return ", ".join(quote(f) for f in unique)


def clip(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


BLOCK_TAG_RE = re.compile(
    r"<\s*/?\s*(?:p|div|br|li|h[1-6]|tr|td|ul|ol|section|article|header|footer)\b[^>]*>", re.I
)


# Every element name HTML knows (WHATWG, with the obsolete ones adverts still carry): only these
# are markup in pasted text. "Optional<User>" or "press <Enter>" are the writer's words and stay.
HTML_ELEMENTS = frozenset(
    """a abbr acronym address area article aside audio b base basefont bdi bdo big blink
    blockquote body br button canvas caption center cite code col colgroup data datalist dd del
    details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form frame
    frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend
    li link main map mark marquee menu meta meter nav nobr noembed noframes noscript object ol
    optgroup option output p param picture plaintext pre progress q rp rt ruby s samp script
    search section select slot small source span strike strong style sub summary sup svg table
    tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr xmp
    math""".split()
)

TAG_RE = re.compile(r"<\s*/?\s*([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*>")
ATTRIBUTE_RE = re.compile(r"\s[a-zA-Z][\w:-]*\s*=")


def markup_tags(text: str) -> list[str]:
    """The HTML elements a text is marked up with, in order, when it is a web page's markup
    rather than words (three tags or more, or two that wrap the whole text, "<b>Learn R</b>",
    which a browser check found saved as a goal; one of them closing an element, and a sixth of
    its characters or more) and reads as a page: it opens with a tag, or its tags carry attributes
    (`class=…`, `href=…`): a job advert pasted as an answer was read as one, its
    "<div class=…><h1>" setting the scene. Tags written about in a sentence ("I replaced <b>
    with <strong> and <i> with <em>, then the </div> soup went away", "Master <table> and
    </div> layouts by June") are no markup."""
    found = [m for m in TAG_RE.finditer(text) if m.group(1).lower() in HTML_ELEMENTS]
    marked = sum(m.end() - m.start() for m in found)
    closing = any(re.match(r"<\s*/", m.group(0)) for m in found)
    wrapped = text.strip().startswith("<") and text.strip().endswith(">")
    if len(found) < (2 if wrapped else 3) or not closing or marked < len(text) / 6:
        return []
    page = text.lstrip().startswith("<") or any(ATTRIBUTE_RE.search(m.group(0)) for m in found)
    return [m.group(1).lower() for m in found] if page else []


def _escape_words_in_brackets(text: str) -> str:
    """`<` that opens no HTML element (nor a comment or doctype) as `&lt;`, so a sanitiser
    keeps it as text."""

    def one(match: re.Match[str]) -> str:
        rest = text[match.end() :]
        tag = re.match(r"/?\s*([a-zA-Z][a-zA-Z0-9-]*)", rest)
        if rest.startswith("!") or (tag and tag.group(1).lower() in HTML_ELEMENTS):
            return "<"
        return "&lt;"

    return re.sub("<", one, text)


def plain_text(text: str) -> str:
    """Text pasted from a web page (a job advert, say) without its HTML: block elements become
    line breaks, scripts and styles go, entities are decoded. Plain text passes unchanged, and
    so do words in angle brackets that are not HTML ("Optional<User>", "press <Enter>")."""
    if "<" not in text or not re.search(r"<\s*[a-zA-Z!/]", text):
        return text.strip()
    import html

    import nh3

    spaced = BLOCK_TAG_RE.sub("\n", _escape_words_in_brackets(text))
    stripped = html.unescape(nh3.clean(spaced, tags=set()))
    lines = (" ".join(line.split()) for line in stripped.splitlines())
    return "\n".join(line for line in lines if line).strip()


ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "code", "pre", "blockquote",
    "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip


_renderers = threading.local()


def _markdown_renderer() -> markdown.Markdown:
    """One Python-Markdown renderer per thread (building one costs more than rendering a
    note; a renderer is not safe to share between threads), reset before each use."""
    md: markdown.Markdown | None = getattr(_renderers, "md", None)
    if md is not None:
        return md
    import markdown
    from markdown.inlinepatterns import HTML_RE, HtmlInlineProcessor
    from markdown.util import AtomicString

    class AllowedHtmlOnly(HtmlInlineProcessor):
        def handleMatch(  # noqa: N802 (Python-Markdown's name)
            self, m: re.Match[str], data: str
        ) -> tuple[str, int, int]:
            tag = re.match(r"</?([a-zA-Z][a-zA-Z0-9-]*)", m.group(0))
            if tag and tag.group(1).lower() in ALLOWED_TAGS:
                stashed: tuple[str, int, int] = super().handleMatch(m, data)
                return stashed
            return AtomicString(m.group(0)), m.start(0), m.end(0)

    md = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")  # a block of raw HTML is read inline, tag by tag
    md.inlinePatterns.register(AllowedHtmlOnly(HTML_RE, md), "html", 90)
    _renderers.md = md
    return md


# A list item: "- ", "* " or "+ " (a space after), or "1. " to "99. ", at most three spaces in.
# "-5 degrees", "e-obs" and "-- said" are no item.
LIST_ITEM_RE = re.compile(r" {0,3}(?:[-*+]|\d{1,2}\.)[ \t]+\S")


def _lists_after_lines(text: str) -> str:
    """`text` with a blank line before a list that starts straight after a paragraph's line.
    Markdown wants one there, and without it reads "- RTT backlog" as more of the paragraph: a
    trial's research note showed its list inline, under a help that says lists work. Only
    what reads as a list: after a line that ends with a colon, or two items or more; a numbered
    one from 1. Hard-wrapped prose stays prose: "Total was\n10. Then we left." lost its 10 to
    a list (a review). Lines inside a list (an item, its continuation) and indented code are
    left as written."""
    lines = text.splitlines()
    out: list[str] = []
    in_list = False
    paragraph = ""  # the paragraph's line before, when the line before is one
    for i, line in enumerate(lines):
        if not line.strip():
            in_list, paragraph = False, ""
        elif LIST_ITEM_RE.match(line):
            if paragraph and _opens_a_list(paragraph, lines[i:]):
                out.append("")
            in_list, paragraph = True, ""
        elif not in_list and not line.startswith(("    ", "\t")):
            paragraph = "" if line.lstrip().startswith(("#", "|", ">")) else line
        out.append(line)
    return "\n".join(out)


def _opens_a_list(before: str, rest: list[str]) -> bool:
    """Whether the item at `rest[0]`, straight after the paragraph line `before`, begins a list
    (`_lists_after_lines`)."""
    first = rest[0].lstrip()
    if first[:1].isdigit() and not re.match(r"1\.", first):
        return False  # "10. Then we left." goes on a sentence, not a list
    items = 0
    for line in rest:
        if LIST_ITEM_RE.match(line):
            items += 1
        elif not line.strip() or not line.startswith((" ", "\t")):
            break
    return before.rstrip().endswith(":") or items >= 2


def markdown_html(text: str) -> str:
    """Markdown a user wrote, as HTML that cannot run code: rendered, then sanitised, links
    kept only for http(s) and opened without handing over the page. Raw HTML outside the
    allow-list is shown as the text it is ("Optional<User>", "<Enter>"), never dropped."""
    import nh3

    md = _markdown_renderer()
    md.reset()
    return nh3.clean(
        md.convert(_lists_after_lines(text)),
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


def seconds(value: float) -> str:
    """A length of time in seconds as every face writes it (a pause on the report's Pauses
    card, in its transcript, in a tip, on the improvement areas page): one decimal, rounded
    half up from the hundredths the analysis keeps (`pauses.longest_s`), so the stored 3.55 and
    the measured 3.5499999… (the same pause, as floats hold it) both read "3.6". A trial saw
    one pause as 3.55 s, 3.6 s and 3.5 s on three pages."""
    from decimal import ROUND_HALF_UP, Decimal

    tenths = Decimal(repr(round(float(value), 2))).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return str(tenths)
