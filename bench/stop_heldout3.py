"""Held-out speech for bench_stop (issue 15, item 1): the end of a 2-minute answer to its report.

Written on 2026-12-05 (thirty-eighth session) by a writer who had read no streaming code, no
benchmark and no other set's sentences. Read first end to end by `bench_push.heldout(
"stop_heldout3")` once its "on screen" was found at the frame drawn (thirty-eighth session,
docs/architecture.md); development data since.
"""

from __future__ import annotations

import speech_set as ss  # type: ignore[import-not-found]

# a brewery quality lab technician on catching a bad batch before it shipped (short sentences)
SENTENCES: tuple[str, ...] = (
    "I worked in the quality lab at Harrow Lane Brewery for just over three years.",
    "Most days were routine.",
    "You test the gravity, you test the pH, you taste it, and you write it all down.",
    "But one Tuesday in March, something felt off.",
    "Batch 412 of our pale ale came back with a slightly high reading for diacetyl.",
    "That's the compound that makes beer taste like butter popcorn.",
    "It wasn't far over the limit.",
    "Maybe two parts per billion.",
    "The brewer on shift, a guy called Dennis, wanted to package it anyway.",
    "He had a lorry booked for Thursday and forty pubs waiting on kegs.",
    "I understood that.",
    "Still, I didn't want to sign it off.",
    "So I ran the test again, on a fresh sample, from a different port on the tank.",
    "Same result.",
    "Then I went back through the fermentation log.",
    "The temperature had dropped by four degrees overnight, two days earlier.",
    "Nobody had flagged it, because the alarm band was set far too wide.",
    "That explained everything.",
    "The yeast had gone to sleep before it had finished cleaning up after itself.",
    "I went to Dennis with both printouts and the log, not just my opinion.",
    "I suggested we warm the tank back up and give it a forty-eight hour rest.",
    "He wasn't happy.",
    "But he looked at the numbers, and he agreed.",
    "We rang the logistics team together and moved the lorry to Saturday.",
    "On Friday morning the reading was well inside the spec.",
    "It tasted clean, too, which matters more to the people actually drinking it.",
    "Afterwards I asked our engineer, Kath, to tighten the alarm band to one degree.",
    "We haven't had a repeat since.",
    "What I took from it is pretty simple.",
    "Bring evidence, not worry, and people will usually listen.",
    "That's the habit I'd bring with me here.",
)
VOICES: tuple[ss.Voice, ...] = (
    ss.Voice("espeak en-us+f3 150", "espeak", "en-us+f3", 150),
    ss.Voice("espeak en-gb-scotland+m4 170", "espeak", "en-gb-scotland+m4", 170),
    ss.Voice("espeak en-029+f2 140", "espeak", "en-029+f2", 140),
    ss.Voice("espeak en-gb-x-gbcwmd+m6 180", "espeak", "en-gb-x-gbcwmd+m6", 180),
)
# a touring stage manager on a lead actress losing her voice before curtain (long sentences)
SENTENCES_2: tuple[str, ...] = (
    "For five years I've stage managed touring theatre, shows that play a different venue every"
    " week, so much of my job is making sure that whatever goes wrong never reaches the audience.",
    "The example I'd give is from a run of The Winter's Tale in Inverness, in the autumn of"
    " 2024, when about twenty minutes before the half our lead actress, Priya Nair, lost her"
    " voice almost completely after a cold she'd been fighting all week.",
    "We did have an understudy, but she was covering three roles, she'd only had one proper"
    " rehearsal in the part, and her costume was still in a hamper in the van, because nobody"
    " expected to need it.",
    "My first step was to get the facts rather than react, so I sat down with Priya and the"
    " company manager, and we agreed quickly that going on wasn't safe for her voice.",
    "After that it was really a matter of splitting the problem up, so I sent my deputy, Tom, to"
    " get the costume steamed and fitted, asked the director to talk the understudy through the"
    " blocking changes in the green room, and went to the house manager myself to agree a"
    " fifteen minute delay.",
    "I also rewrote two cues in the second act, because the understudy is shorter and our"
    " lighting would have left her face in shadow, which matters when someone is already nervous.",
    "We went up at seven forty-five instead of seven thirty, I made a short announcement from the"
    " stage, and the understudy was honestly brilliant, with the biggest applause of the tour.",
    "It worked.",
    "What I'm proudest of isn't the fix on the night, it's that the next week I put together a"
    " swing kit for every understudy, with a costume, a script and a one-page note of cue"
    " changes, so nobody has to dig through a hamper again.",
    "That's how I like to work, calm in the moment, and then making sure the same problem is"
    " smaller next time.",
)
VOICES_2: tuple[ss.Voice, ...] = (
    ss.Voice("espeak en-gb-x-rp+f4 160", "espeak", "en-gb-x-rp+f4", 160),
    ss.Voice("espeak en-us-nyc+m3 145", "espeak", "en-us-nyc+m3", 145),
    ss.Voice("espeak en-gb-x-gbclan+f1 175", "espeak", "en-gb-x-gbclan+f1", 175),
    ss.Voice("espeak en-gb+m7 135", "espeak", "en-gb+m7", 135),
)
