"""Speech for bench_stop and bench_push (issue 15, item 1): the end of a 2-minute answer to its
report.

Written on 2026-12-06 (forty-second session) by a writer who read no streaming code, no
benchmark and no other speech set; committed unread. Held-out: nobody tuning has read it.
"""

from __future__ import annotations

import speech_set as ss  # type: ignore[import-not-found]

# An avalanche forecaster; short and medium sentences, ending on two long comma-free sentences.
SENTENCES: tuple[str, ...] = (
    "Sure, I can talk about a hard call.",
    "I was the lead avalanche forecaster at Copper Basin ski area.",
    "It was late February, three winters ago.",
    "We had ninety centimeters of new snow in four days.",
    "Then a strong southwest wind loaded the ridge.",
    "I had to decide if the upper bowls could open that Saturday.",
    "About four thousand skiers were coming, and the owners wanted the bowls open.",
    "There was also a buried layer of surface hoar from January.",
    "That layer worried me most.",
    "At five thirty our patrollers threw eleven hand charges.",
    "Only two released, and both slides were small.",
    "I did not trust that.",
    "I skied to the Hourglass with my partner Dana and dug a pit.",
    "We ran three column tests on the hoar layer.",
    "All three cracks ran across the full column.",
    "I called the general manager at eight fifteen.",
    "He was not happy, and I understood why.",
    "I showed him the pit photos and offered a plan.",
    "We opened the lower bowl and the tree runs, and kept the three steepest faces closed.",
    "Eight patrollers guarded the rope lines all day.",
    "On Sunday afternoon, a natural avalanche ran down the Hourglass.",
    "It was two meters deep and two hundred meters wide.",
    (
        "Nobody was on that slope because the rope stayed up all weekend and every one of "
        "our patrollers held the line even when skiers argued with them and tried to "
        "duck under the closure at the top of the lift."
    ),
    (
        "After that season the general manager asked me to write the pit testing into our "
        "opening checklist and I trained six new forecasters on it so the decision to "
        "open a bowl now rests on data and not on how many tickets were sold."
    ),
)

VOICES: tuple[ss.Voice, ...] = (
    ss.Voice("espeak en-us+m1 150", "espeak", "en-us+m1", 150),
    ss.Voice("espeak en-gb-x-gbcwmd+f1 140", "espeak", "en-gb-x-gbcwmd+f1", 140),
    ss.Voice("espeak en-029+m4 165", "espeak", "en-029+m4", 165),
    ss.Voice("espeak en-gb-scotland+f3 175", "espeak", "en-gb-scotland+f3", 175),
)

# A nervous cheese affineur; long run-on sentences joined with and, so and which, ending long.
SENTENCES_2: tuple[str, ...] = (
    (
        "Okay so this one is from when I was the head affineur at Hollow Creek Creamery "
        "in Vermont, which means I ran the aging cave and we had about nine thousand "
        "wheels of cheese down there"
    ),
    (
        "And in the middle of a heat wave in July the main chiller failed on a Friday "
        "night, so the temperature started climbing from ten degrees toward sixteen and "
        "the humidity dropped really fast"
    ),
    (
        "So my task was to save as much cheese as I could, because the compressor part "
        "would not arrive until Tuesday and we had about four hundred thousand dollars of "
        "cheese on the shelves"
    ),
    (
        "And first I called my two cave assistants Marisol and Tobias and we moved the "
        "youngest wheels, which were the soft bloomy rind ones, into the cooler in the "
        "packing room because those would spoil first"
    ),
    (
        "Then I borrowed a refrigerated trailer from the dairy farm down the road, which "
        "took a lot of phone calls at midnight, and we loaded two thousand of the alpine "
        "wheels into it and ran it off a generator"
    ),
    (
        "And for the big cheddars that had to stay I hung wet linen sheets across the "
        "racks and set up six box fans so the water would evaporate and cool the air a "
        "little, which sounds silly but it worked"
    ),
    (
        "So I checked the cave every two hours all weekend and turned every wheel by "
        "hand, and when the part came on Tuesday the cave had never gone above fourteen "
        "degrees and we lost only about sixty wheels"
    ),
    (
        "And afterwards I wrote a backup plan with the farm so the trailer is on call "
        "every summer and the owners bought a second chiller, so now if one fails the "
        "other takes over and nobody has to sleep next to the cheese"
    ),
)

VOICES_2: tuple[ss.Voice, ...] = (
    ss.Voice("espeak en-gb-x-rp+m4 145", "espeak", "en-gb-x-rp+m4", 145),
    ss.Voice("espeak en-us-nyc+f5 160", "espeak", "en-us-nyc+f5", 160),
    ss.Voice("espeak en-gb-x-gbclan+klatt3 180", "espeak", "en-gb-x-gbclan+klatt3", 180),
    ss.Voice("espeak en-gb+m1 155", "espeak", "en-gb+m1", 155),
)
