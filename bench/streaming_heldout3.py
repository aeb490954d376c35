"""A third held-out set for the streaming tail (issue 15, item 1).

Written on 2026-12-04 by a writer who had read no code of `coach.speech.streaming` and no other
set's sentences, before the session's change to the read-ahead was committed. `bench_streaming`
reads it once that change is committed, and it counts as development data from then on.
"""

from __future__ import annotations

import speech_set as ss  # type: ignore[import-not-found]

# One spoken interview answer, in order: a story from a hospital pharmacy, a story from a
# freight depot, then a short close on how the candidate would work in the new role.
SENTENCES: tuple[str, ...] = (
    "Thank you for asking about that.",
    "I will answer with two short stories.",
    "My first job after college was as an assistant in a hospital pharmacy.",
    "We prepared medicines for the wards, and mornings were always busy.",
    "One winter the night team started leaving orders half finished.",
    "The day team arrived to find boxes on the bench without labels, and nobody was sure which "
    "ward they belonged to.",
    "Nobody had been hurt, but I could see the risk growing.",
    "I asked my supervisor for a week to study the handover.",
    "Each day I came in early and sat with the night staff.",
    "They were not careless at all.",
    "They were being pulled away to urgent requests from the emergency department.",
    "So together we made a simple sheet that stayed with every unfinished order.",
    "It said which ward, which patient, and what was still left to do.",
    "Within a month the unlabelled boxes had stopped appearing.",
    "My second story is from a freight depot, where I coordinated shifts for three years.",
    "Drivers often waited over an hour to unload because the bays were booked on a whiteboard "
    "that nobody trusted.",
    "Have you ever watched twenty lorries queue outside a gate in the rain?",
    "The drivers complained to me every single morning.",
    "I suggested a shared booking calendar that drivers could see on their phones.",
    "Some older staff worried it would make their jobs harder.",
    "I listened to their worries, and I kept the old whiteboard running alongside the calendar for "
    "the first six weeks.",
    "That gave everyone time to trust the new system.",
    "By the end of the season, the average wait was about twenty minutes.",
    "Both stories taught me the same lesson.",
    "Before changing anything, I watch the work closely and ask the people doing it.",
    "In this role, I would spend my first weeks learning how the team works.",
    "Then I would pick one small problem, fix it with the people closest to it, and measure the "
    "result.",
    "That is how I like to work.",
)

# espeak-ng language and variant pairs not used by any other set.
VOICES: tuple[ss.Voice, ...] = (
    ss.Voice("espeak en-gb-x-rp+f3 160", "espeak", "en-gb-x-rp+f3", 160),
    ss.Voice("espeak en-gb-x-gbcwmd+m3 170", "espeak", "en-gb-x-gbcwmd+m3", 170),
    ss.Voice("espeak en-us+f4 150", "espeak", "en-us+f4", 150),
    ss.Voice("espeak en-gb+f2 165", "espeak", "en-gb+f2", 165),
)
