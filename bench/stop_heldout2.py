"""Held-out speech for bench_stop (issue 15, item 1): the end of a 2-minute answer to its report.

Written on 2026-12-05 (thirty-eighth session) by a writer who had read no streaming code, no
benchmark and no other set's sentences. Read first, with the code as it stood at its commit,
by `bench_stop.py heldout2` (in process) and `bench_push.heldout()` (end to end, real Chromium):
the fresh figure for the 2 s aim. From its first read on it counts as development data.
"""

from __future__ import annotations

import speech_set as ss  # type: ignore[import-not-found]

# a veterinary nurse in a small practice, on a chocolate poisoning during a full Saturday list
SENTENCES: tuple[str, ...] = (
    "So this was at a mixed practice in Shrewsbury, where I had been a veterinary nurse for "
    "about three years.",
    "On a Saturday morning we were down to one vet, Dr. Okafor, and two nurses, with six "
    "spays and a dental already on the list.",
    "Around ten a family rushed in with a Labrador called Biscuit who had eaten most of a bar "
    "of dark chocolate.",
    "He was shaking.",
    "My task was to get him stable quickly without letting the rest of the list fall apart, "
    "because those owners had all been told to collect by four.",
    "I weighed him and worked out the dose, roughly 200 grams of dark chocolate for a 31 kilo "
    "dog, which is well into the range where you act.",
    "I flagged it to Dr. Okafor between patients, she agreed to induce vomiting, and I set up "
    "the fluids and the monitoring sheet while she scrubbed out.",
    "Then I asked my colleague Priya to cover recovery, and I rang the next three owners to "
    "push their slots back by forty minutes.",
    "Nobody complained.",
    "Biscuit brought up almost all of it, and I checked his heart rate every fifteen minutes "
    "for the next four hours.",
    "It stayed under 120.",
    "We finished the last spay at twenty past three, so every animal went home on time.",
    "Afterwards I wrote a one-page dosing sheet for the front desk, so the receptionists "
    "could ask the right questions on the phone.",
    "What I took from it is that in an emergency the clinical part is often the easy bit, and "
    "what really matters is talking to people early, handing jobs over clearly, and not "
    "carrying everything in your own head.",
    "And I think that is what I would bring here too, being the person who keeps the whole "
    "list moving calmly while the urgent case gets what it needs, even when the day goes "
    "nothing like the plan on the whiteboard, which, to be honest, is most Saturdays.",
)
VOICES: tuple[ss.Voice, ...] = (
    ss.Voice("espeak en-us-nyc+f4 150", "espeak", "en-us-nyc+f4", 150),
    ss.Voice("espeak en-gb-x-gbclan+m3 165", "espeak", "en-gb-x-gbclan+m3", 165),
    ss.Voice("espeak en-029+klatt2 140", "espeak", "en-029+klatt2", 140),
    ss.Voice("espeak en-gb-scotland+f2 175", "espeak", "en-gb-scotland+f2", 175),
)
# a junior civil engineer on a culvert job, on catching a level error a week before a closure
SENTENCES_2: tuple[str, ...] = (
    "In my second year as a graduate engineer I was working on a culvert replacement under a "
    "B road near Dumfries, for a contractor called Hallam and Reid.",
    "We had to swap an old stone culvert for a concrete box section, with the road closed for "
    "just nine days.",
    "A week before the closure, I was checking the drawings against the survey, and I noticed "
    "the downstream invert was 150 millimetres higher than the design said.",
    "That is a lot.",
    "Built that way, water would have backed up and the field upstream would have flooded the "
    "first time it rained properly.",
    "So my job was to be sure I was right, and then to raise it without causing panic.",
    "I went back out with the surveyor, Tom, and we re-shot the levels at both ends.",
    "I was right.",
    "An old benchmark had been moved when a fence was replaced, and the designers had used "
    "the wrong value.",
    "I wrote a short note with both sets of levels, a sketch and a proposed fix, and took it "
    "to my site manager, Gillian, that same afternoon.",
    "She phoned the designer, they agreed to lower the apron, and the revised drawing came "
    "two days later.",
    "We reopened the road on day eight, one day early, and the culvert has been through two "
    "winters without a problem.",
    "What I learned is to check the assumptions under the numbers, and to speak up early with "
    "evidence, even as the most junior person in the cabin.",
    "Since then I always ask where a benchmark came from and when it was last checked, and "
    "people are usually glad I asked, even if it means an awkward phone call on a Friday "
    "afternoon, which is a lot better than an awkward phone call from a farmer whose field is "
    "under water in the middle of November.",
)
VOICES_2: tuple[ss.Voice, ...] = (
    ss.Voice("espeak en-gb-x-gbcwmd+m6 170", "espeak", "en-gb-x-gbcwmd+m6", 170),
    ss.Voice("espeak en-gb-x-rp+f5 145", "espeak", "en-gb-x-rp+f5", 145),
    ss.Voice("espeak en-us+m7 160", "espeak", "en-us+m7", 160),
    ss.Voice("espeak en-gb+klatt4 180", "espeak", "en-gb+klatt4", 180),
)
