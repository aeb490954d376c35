"""Held-out speech for bench_stop (issue 15, item 1): the end of a 2-minute answer to its report.

Written on 2026-12-05 by a writer who had read no streaming code, no benchmark and no other set's
sentences. Read by bench_stop only after the hand-over rule it checks was committed; from its
first read on it counts as development data.
"""

from __future__ import annotations

import speech_set as ss  # type: ignore[import-not-found]

# A library assistant calms a regular visitor who is upset about a chair in the reading room.
SENTENCES: tuple[str, ...] = (
    "I remember one from my second year at the Riverside branch library.",
    "It was a Saturday morning in late autumn.",
    "We had just opened, and the reading room was already full of students preparing for "
    "exams and a few of our older regulars.",
    "One of those regulars was a man called Walter.",
    "That morning he was upset because someone else was in the chair by the window, which he "
    "thought of as his own, and he told her so.",
    "He raised his voice, and the young woman in the chair looked frightened.",
    "I was nervous, honestly.",
    "My first thought was simple.",
    "How do I calm this down without embarrassing either of them?",
    "So I walked over slowly, kept my voice low, and asked Walter to come to the desk with me "
    "for a moment.",
    "He grumbled, but he came.",
    "At the desk I did not argue about the chair at all.",
    "Instead I asked how his week had been, and it turned out his wife had been in hospital "
    "since Tuesday.",
    "That changed everything.",
    "The chair was never really the problem.",
    "I told him I was sorry to hear that, and I offered him a seat in the quiet study room "
    "upstairs, which looks out over the park.",
    "He took it.",
    "He even thanked me before he left that afternoon.",
    "Then I went back to the young woman, apologised, and made sure she was all right.",
    "Afterwards I spoke with my manager, Helen, about what had happened.",
    "We agreed that the window chairs belong to nobody, but that staff should watch for "
    "regulars who seem out of sorts.",
    "Walter still comes in every Saturday.",
    "What I learned is that anger in a public space is often about something much bigger "
    "than the thing in front of you.",
    "If you slow down and listen first, most conflicts become much smaller.",
    "That is the approach I would bring to this role.",
)

# A summer farm worker moves a dairy herd out of a flooding meadow while the owner is away.
SENTENCES_2: tuple[str, ...] = (
    "This happened on the dairy farm my uncle runs near Ashford, where I worked three summers.",
    "One evening in August, my uncle was away at a machinery sale two hours from "
    "home, and I was left in charge with a younger worker named Tom.",
    "Just after seven, the sky went dark very quickly.",
    "Then the thunder started.",
    "The forecast had said light rain.",
    "About forty cows were still in the low meadow by the river, a field that floods when the "
    "water comes down fast.",
    "I tried calling my uncle twice.",
    "There was no answer.",
    "So what do you do when the person who normally decides is not there?",
    "I had to weigh the options quickly.",
    "Moving the herd in the dark during a storm carried its own risks for the animals and for "
    "us, but leaving them in a field that might flood by midnight felt worse.",
    "I decided we would move them.",
    "Before we went out, I made a simple plan with Tom.",
    "He would open the gate to the upper pasture and block the lane, while I walked behind "
    "the herd with a torch.",
    "If the lightning got close, we would both leave the cows and get inside the barn.",
    "It took us nearly forty minutes.",
    "The cows were nervous, and two broke away, but they followed once the main group was "
    "through the gate.",
    "By ten that night the river had come over the bank and the low meadow was under water.",
    "My uncle finally called back around eleven.",
    "He said he would have made the same call, though I should have checked the forecast "
    "again that afternoon.",
    "He was right about that.",
    "Since then, I always plan for the worst case before I need to.",
    "For me, that night showed that a clear plan matters more than waiting for perfect "
    "information.",
    "I still think about it whenever I face a hard call at work.",
)

# espeak-ng language and variant pairs not used by any other set.
VOICES: tuple[ss.Voice, ...] = (
    ss.Voice("espeak en-us-nyc+m1 150", "espeak", "en-us-nyc+m1", 150),
    ss.Voice("espeak en-029+f3 170", "espeak", "en-029+f3", 170),
    ss.Voice("espeak en-gb-x-gbcwmd+f5 145", "espeak", "en-gb-x-gbcwmd+f5", 145),
    ss.Voice("espeak en+m5 175", "espeak", "en+m5", 175),
)
VOICES_2: tuple[ss.Voice, ...] = (
    ss.Voice("espeak en-gb-x-rp+m2 160", "espeak", "en-gb-x-rp+m2", 160),
    ss.Voice("espeak en-gb-scotland+f1 155", "espeak", "en-gb-scotland+f1", 155),
    ss.Voice("espeak en-us+m7 178", "espeak", "en-us+m7", 178),
    ss.Voice("espeak en-gb-x-gbclan+f2 142", "espeak", "en-gb-x-gbclan+f2", 142),
)
