"""Cue words and number patterns: the closed lists prepcoach's first answer reader decided by.

They are features of the reader (`coach.reader`) now, never the decision on their own: a sentence
that matches no list is still read by its meaning and its structure. `NUMBER_RE` is also used by
`coach.stories` for a story's metrics.
"""

from __future__ import annotations

import re

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
