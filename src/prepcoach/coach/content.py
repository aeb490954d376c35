"""What an answer says, read from its words: STAR parts, a quantified result, "I" against "we",
hedges. Works on typed answers and on transcripts alike.

Each finding keeps the sentences it rests on, so a page can quote them back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A sentence ends at . ! or ? followed by a space or the end, or at a line break: "2.5" and
# "99.9%" stay inside their sentence, so a result with a decimal still counts as a number.
SENTENCE_RE = re.compile(r"[^\n]+?(?:[.!?]+(?=\s|$)|(?=\n)|$)")

SITUATION_RE = re.compile(
    r"\b(?:when i was|while i was|at my (?:last|previous|old|first)|in my (?:last|previous|"
    r"first|current|old) (?:role|job|team|position|company)|i was working|i worked (?:as|at|on)|"
    r"we (?:had|were)|there was|there were|our (?:team|company|client|clinic|school|ward)|"
    r"a few (?:years|months) ago|last (?:year|month|summer|spring|autumn|winter)|"
    r"in (?:19|20)\d\d|the (?:company|project|team|client) (?:was|had)|back when|"
    r"during my|at the time|in a previous (?:job|role)|while working|"
    r"(?:as|at) (?:a|an) [\w-]+(?: [\w-]+){0,3}|i was (?:a|an|the) [\w-]+|"
    r"[\w-]+ (?:years?|months?) ago|"
    r"in my (?:first|second|third|final) (?:year|month|week|job|role))\b",
    re.IGNORECASE,
)
TASK_RE = re.compile(
    r"\b(?:my (?:job|role|task|responsibility|goal|aim) was|i was (?:responsible|asked|"
    r"tasked|in charge|supposed|expected)|i (?:needed|had) to|the (?:goal|aim|task|challenge) "
    r"was|i was given|it was (?:up to me|my job)|i owned|we needed to|our goal was|"
    r"asked me to|my part was|it wasn't my job|(?:took|take|taking) (?:it on|ownership|"
    r"responsibility|charge|the lead)|set myself|i wanted to|i offered to|i volunteered to)\b",
    re.IGNORECASE,
)
ACTION_VERBS = (
    r"(?:built|wrote|led|set up|met|called|spoke|talked|created|decided|organi[sz]ed|proposed|"
    r"ran|designed|analy[sz]ed|asked|listened|suggested|introduced|changed|rewrote|tested|"
    r"reviewed|coached|trained|mentored|negotiated|presented|shared|started|launched|moved|"
    r"reached out|broke|split|prioriti[sz]ed|scheduled|documented|automated|fixed|found|"
    r"pulled|mapped|drafted|escalated|arranged|gathered|interviewed|measured|tracked|"
    r"sat down|went|took|made|gave|brought|explained|agreed|volunteered|stepped in|"
    r"focused|identified|researched|compared|checked|replaced|cut|added|hired|delegated|"
    r"paired|planned|prepared|practi[sc]ed|persuaded|convinced|offered|invited|apologi[sz]ed|"
    r"followed up|wrote up|kept|used|helped|worked|handled|managed|implemented|developed|"
    r"redesigned|raised|flagged|pushed|reorgani[sz]ed|streamlined|simplified)"
)
I_ACTION_RE = re.compile(
    rf"\bI\s+(?:then\s+|also\s+|first\s+|quickly\s+)?{ACTION_VERBS}\b", re.IGNORECASE
)
WE_ACTION_RE = re.compile(
    rf"\bwe\s+(?:then\s+|also\s+|all\s+|first\s+)?{ACTION_VERBS}\b", re.IGNORECASE
)
RESULT_RE = re.compile(
    r"\b(?:as a result|in the end|eventually|ultimately|which (?:led|meant|resulted)|"
    r"resulted in|the (?:result|outcome) was|this (?:led|meant|cut|reduced|increased|saved|"
    r"helped)|that (?:led|meant|cut|reduced|increased|saved|helped)|we (?:cut|reduced|"
    r"increased|saved|grew|doubled|halved|shipped|launched|hit|met|exceeded|won|delivered|"
    r"finished)|(?:it|they|the team|sales|costs|errors|complaints|scores) (?:went|dropped|"
    r"rose|fell|improved|doubled|halved)|by the end|afterwards|since then|got promoted|"
    r"was adopted|we managed to|i managed to|succeeded|on time|under budget|"
    r"(?:went|dropped|fell|fallen|rose|risen|grew|grown|climbed|improved|increased|decreased|"
    r"shrank|came down|went up|went down|gone down|gone up|jumped) (?:from|to|by)|"
    r"has since|have since|now (?:runs?|uses?|is|are|"
    r"has|have)|(?:signed|agreed|adopted|approved|renewed|won|passed)\b.{0,40}\b(?:contract|"
    r"deal|plan|proposal|change|checklist|process|it)|"
    r"ended up|turned out|was (?:fixed|settled|resolved|solved|approved|accepted|renewed|"
    r"signed|adopted|praised|promoted)|were (?:fixed|settled|resolved|approved|accepted)|"
    r"recovered|decided to (?:stay|keep|renew|sign|go ahead)|went (?:really |very )?smoothly|"
    r"(?:gave|offered) me (?:a|the) (?:commendation|promotion|award|job|role|contract|shift)|"
    r"we caught it|got (?:through|back)|handed it over|hit (?:the|our) (?:target|deadline)|"
    r"made (?:the|our) (?:deadline|target)|was (?:a|the) (?:success|hit))\b",
    re.IGNORECASE,
)
NUMBER_RE = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:%|percent|per cent|hours?|days?|weeks?|months?|minutes?|"
    r"people|users|customers|patients|students|points?|k\b|x\b|times)|[$£€]\s?\d|"
    r"\b\d+(?:[.,]\d+)?\s*(?:thousand|million|k)\b|"
    r"\bfrom (?:about |around )?\d[\d.,]*\b.{0,40}?\bto \d|"
    r"\b(?:doubled|halved|tripled)\b|"
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|hundred|a hundred|a thousand|a dozen|half an?)\s+(?:%|percent|"
    r"hours?|days?|weeks?|months?|minutes?|people|users|customers|patients|students|points?|"
    r"times)\b",
    re.IGNORECASE,
)
CHANGE_RE = re.compile(
    r"\b(?:cut|reduced|increased|saved|grew|raised|dropped|fell|rose|improved|went|came|"
    r"ended|finished|delivered|won|got|reached|doubled|halved|shrank|climbed|jumped|lost|"
    r"gained|sold|signed|scrapped|avoided|fallen|risen|grown|passed|dropped)\b",
    re.IGNORECASE,
)
I_RE = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|me|my|myself)\b")
WE_RE = re.compile(r"\b(?:we|we're|we've|we'd|us|our|ourselves)\b", re.IGNORECASE)
HEDGE_RE = re.compile(
    r"\b(?:i guess|kind of|sort of|maybe|perhaps|i think|i suppose|probably|a bit|basically|"
    r"more or less|somewhat|i don't know|you know|stuff|things like that|and so on|etc)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Part:
    present: bool
    evidence: tuple[str, ...] = ()  # the sentences that carry it


@dataclass(frozen=True, slots=True)
class Ownership:
    i: int  # first-person singular words
    we: int  # first-person plural words
    i_actions: int  # "I decided", "I wrote": actions the speaker took
    we_actions: int

    @property
    def personal(self) -> bool:
        """The speaker says what they did themselves, not only what the team did."""
        return self.i_actions > 0 and self.i_actions >= self.we_actions / 2


@dataclass(frozen=True, slots=True)
class ContentAnalysis:
    words: int
    star: dict[str, Part]  # situation, task, action, result
    quantified_result: Part
    ownership: Ownership
    hedges: tuple[str, ...]
    sentences: tuple[str, ...] = field(default=())

    @property
    def star_complete(self) -> int:
        """How many of the four STAR parts are present (0 to 4)."""
        return sum(part.present for part in self.star.values())


def sentences_of(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_RE.findall(text) if re.search(r"\w", s)]


def analyse_content(text: str) -> ContentAnalysis:
    """Read an answer's content. Empty text gives an analysis with nothing present."""
    sentences = sentences_of(text)
    situation = [s for s in sentences[:4] if SITUATION_RE.search(s)]
    task = [s for s in sentences if TASK_RE.search(s)]
    action = [s for s in sentences if I_ACTION_RE.search(s) or WE_ACTION_RE.search(s)]
    result = [s for s in sentences if RESULT_RE.search(s)]
    # A number late in the answer, said with a verb of change, is usually its result.
    tail = sentences[len(sentences) * 2 // 3 :] if len(sentences) >= 3 else sentences[-1:]
    result += [s for s in tail if NUMBER_RE.search(s) and CHANGE_RE.search(s) and s not in result]
    quantified = [s for s in result if NUMBER_RE.search(s)]
    ownership = Ownership(
        i=len(I_RE.findall(text)),
        we=len(WE_RE.findall(text)),
        i_actions=len(I_ACTION_RE.findall(text)),
        we_actions=len(WE_ACTION_RE.findall(text)),
    )
    return ContentAnalysis(
        words=len(re.findall(r"\b\w+\b", text)),
        star={
            "situation": Part(bool(situation), tuple(situation)),
            "task": Part(bool(task), tuple(task)),
            "action": Part(bool(action), tuple(action)),
            "result": Part(bool(result), tuple(result)),
        },
        quantified_result=Part(bool(quantified), tuple(quantified)),
        ownership=ownership,
        hedges=tuple(m.group(0) for m in HEDGE_RE.finditer(text)),
        sentences=tuple(sentences),
    )
