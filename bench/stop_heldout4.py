"""Speech for bench_stop and bench_push (issue 15, item 1): the end of a 2-minute answer to its
report.

Written on 2026-12-05 (thirty-ninth session) by a writer who had read no streaming code and no
benchmark (of other sets' sentences, only the first lines of `speech_set.py` passed before it).
Committed unread (5fdf7e6), then read end to end by `bench_push.heldout("stop_heldout4")`,
first with Stop 0.88-1.04 s after each last word (the bench then counted the clip's 1.5 s
trailing silence as speech; 20:00-20:16 UTC), then with the fixed timing, 0.26-0.32 s after
(20:36-20:52 UTC; docs/architecture.md): development data since its first read.
"""

from __future__ import annotations

import speech_set as ss  # type: ignore[import-not-found]

# A zoo diet-kitchen coordinator on cutting fresh-food waste; mixed-length, run-on spoken sentences.
SENTENCES: tuple[str, ...] = (
    (
        "So about three years ago I was working as the food preparation coordinator at Harwood "
        "Wildlife Park, which is a mid-sized zoo outside Norwich."
    ),
    "I ran the diet kitchen.",
    (
        "That meant around 40 species, eleven keepers coming in and out, and a walk-in fridge that "
        "was always, always full."
    ),
    "The problem was waste.",
    (
        "We were throwing away roughly 30 percent of the fresh produce we bought every week, and "
        "the finance team had flagged it twice."
    ),
    (
        "My manager asked me to bring that down without cutting anything the animals actually "
        "needed, and she gave me until the end of the summer season."
    ),
    "So the first thing I did was stop guessing.",
    (
        "For two weeks I weighed every bin before it went out, and I wrote down what was in it and "
        "which section it came from."
    ),
    (
        "It turned out most of the waste was from the primate house and the aviary, because their "
        "diet sheets had been written years ago and nobody had updated them when the groups got "
        "smaller."
    ),
    (
        "I sat down with the head keepers for those two sections, and we went through every sheet "
        "line by line."
    ),
    (
        "We changed the quantities, and we moved the delivery from once a week to twice a week, so "
        "the fruit was fresher when it got used."
    ),
    "I also put a simple whiteboard on the fridge door showing what had to be used first.",
    "Was it popular?",
    "Not at first, honestly, the keepers thought it was more paperwork.",
    "But after a month they could see the fridge was easier to work in.",
    (
        "By September the waste was down to about 12 percent, and we were saving just over four "
        "hundred pounds a month."
    ),
    (
        "The vet team also said the animals were eating more of what they were given, which was "
        "really the point."
    ),
    "And the whiteboard is still there.",
)

VOICES: tuple[ss.Voice, ...] = (
    ss.Voice("espeak en-gb+f2 155", "espeak", "en-gb+f2", 155),
    ss.Voice("espeak en-us+m3 170", "espeak", "en-us+m3", 170),
    ss.Voice("espeak en-gb-scotland 145", "espeak", "en-gb-scotland", 145),
    ss.Voice("espeak en-029+f4 160", "espeak", "en-029+f4", 160),
)

# A port pilot-booking coordinator on cutting ships' waits at anchor; long one-breath sentences.
SENTENCES_2: tuple[str, ...] = (
    (
        "In my last role I was the senior coordinator on the pilot booking desk at the Port of "
        "Felixstowe, where every large ship has to take a licensed pilot on board before it can "
        "berth."
    ),
    (
        "The situation started in the winter of 2022, when three pilots were off long term and the "
        "ships kept arriving at the same rate, so waiting times at anchor were creeping past six "
        "hours."
    ),
    (
        "The shipping lines were ringing the desk several times a day, and my director asked me to "
        "cut those delays within two months without asking the remaining pilots to work unsafe "
        "hours."
    ),
    (
        "I pulled a full year of booking records out of our scheduling system and lined them up "
        "against the tide tables, because I suspected the problem was not how many pilots we had "
        "but when they worked."
    ),
    (
        "Almost half of the long waits happened around the early morning high tide, when several "
        "container ships all wanted to come in together while the pilots were still rostered on a "
        "fixed pattern."
    ),
    (
        "So I sat down with the pilots and their union representative and we built a roster that "
        "followed the tides instead of the clock, with shifts starting earlier on busy days and "
        "later on quiet ones."
    ),
    (
        "I also agreed with the three biggest shipping lines that they would confirm arrival times "
        "twelve hours ahead instead of four, which gave us enough notice to plan the boarding "
        "order properly."
    ),
    (
        "We ran the new roster for six weeks before making it permanent, and I met the pilots "
        "every Friday to change anything that was not working for them."
    ),
    (
        "By the end of the trial the average wait at anchor had dropped from over six hours to "
        "just under two, and no pilot had gone over the legal limit on working time."
    ),
)

VOICES_2: tuple[ss.Voice, ...] = (
    ss.Voice("espeak en-gb-x-rp+m5 180", "espeak", "en-gb-x-rp+m5", 180),
    ss.Voice("espeak en-us-nyc+f3 140", "espeak", "en-us-nyc+f3", 140),
    ss.Voice("espeak en-gb-x-gbcwmd+klatt 165", "espeak", "en-gb-x-gbcwmd+klatt", 165),
    ss.Voice("espeak en-gb-x-gbclan+f5 150", "espeak", "en-gb-x-gbclan+f5", 150),
)
