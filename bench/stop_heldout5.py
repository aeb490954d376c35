"""Speech for bench_stop and bench_push (issue 15, item 1): the end of a 2-minute answer to its
report.

Written on 2026-12-06 (forty-first session) by a writer who read no streaming code, no
benchmark and no other speech set; committed unread. Held-out: nobody tuning has read it.
"""

from __future__ import annotations

import speech_set as ss  # type: ignore[import-not-found]

# A pipe organ builder on a tight deadline; many short sentences, a few long ones.
SENTENCES: tuple[str, ...] = (
    "This was my third winter working for a small organ building firm in the north of England.",
    "We looked after about forty church organs.",
    (
        "Then in late November a roof gutter failed above a cathedral organ, and water ran down "
        "inside the swell box all weekend before anyone noticed it."
    ),
    "The organ had a live radio broadcast booked for Christmas Eve.",
    "That gave us nineteen days.",
    "My boss was in hospital with a broken ankle.",
    "So the job was mine.",
    "My task was simple to say and hard to do.",
    (
        "I had to get the instrument playable and in tune for one service, without cutting "
        "corners that would cost the cathedral later."
    ),
    "First I went up and looked.",
    "Twelve leather pouches had split.",
    "Two wooden pipes had swollen and cracked.",
    "The wind chest smelled of mould.",
    (
        "I made a list that same night and sorted it into three columns, things that had to be "
        "fixed properly, things that could be safely patched until spring, and things that "
        "could simply wait."
    ),
    (
        "Then I rang a retired voicer I had met at a conference and asked if he would give me "
        "four days."
    ),
    "He said yes.",
    "We split the work.",
    (
        "He rebuilt the pouches at his bench at home while I dried the chest with borrowed "
        "dehumidifiers and fans."
    ),
    "I sent the dean a short update every evening.",
    "Just three lines.",
    "What we did, what was next, and what might go wrong.",
    (
        "That mattered more than I expected, because when we found a third cracked pipe on day "
        "eleven, nobody panicked."
    ),
    "We had already agreed a plan for it.",
    "We finished tuning at two in the morning on the twenty second.",
    "The broadcast went out clean.",
    (
        "In the end the repair came in about eighteen percent under the first estimate, the dean "
        "signed us up for a five year maintenance contract, and I learned that a short honest "
        "update every day is worth more to a worried client than any promise about the finish."
    ),
)

VOICES: tuple[ss.Voice, ...] = (
    ss.Voice("espeak en-gb-x-rp+m8 152", "espeak", "en-gb-x-rp+m8", 152),
    ss.Voice("espeak en-us+klatt3 168", "espeak", "en-us+klatt3", 168),
    ss.Voice("espeak en-gb-scotland+linda 158", "espeak", "en-gb-scotland+linda", 158),
    ss.Voice("espeak en-029+paul 176", "espeak", "en-029+paul", 176),
)

# A seed bank curator after a freezer failure; mostly long sentences with few pauses.
SENTENCES_2: tuple[str, ...] = (
    (
        "I was the assistant curator at a regional seed bank that holds about eleven thousand "
        "samples of wild plants, and almost all of them are stored at minus twenty degrees in two "
        "walk in freezers behind the office."
    ),
    (
        "One Saturday in August the compressor on the older freezer failed during a heatwave, the "
        "alarm went to a phone that had been left in a locked office, and by the time I arrived on "
        "Sunday morning the inside had warmed to about four degrees."
    ),
    (
        "The curator was walking in the mountains with no signal for three more days, so it fell "
        "to me to decide what to save first and how to do it without making the damage any worse."
    ),
    (
        "The obvious move was to carry everything straight into the second freezer, but I knew "
        "that seeds which have taken on moisture can crack or lose their viability if you freeze "
        "them again too fast, so I stopped and checked the humidity readings first."
    ),
    (
        "I split the collection into three groups using our records, with the rare species and "
        "anything from a site that no longer exists at the top, then common species we could "
        "collect again next year, and last the duplicates held by a partner bank abroad."
    ),
    (
        "I called two volunteers and a technician from the university next door, and we spent the "
        "rest of that day moving the most precious samples into a drying room at fifteen percent "
        "humidity before sealing them and putting them into the working freezer."
    ),
    (
        "When we tested germination on forty sample packets over the following two months, thirty "
        "eight of them were within the normal range, and only two common grasses had dropped "
        "badly, both of which we collected again from the wild that autumn."
    ),
    (
        "Afterwards I rewrote the alarm procedure so it calls three people in turn until someone "
        "answers, and what I learned that weekend is that when you are alone with incomplete "
        "information, a clear written order of priorities lets you act quickly without acting "
        "blindly."
    ),
)

VOICES_2: tuple[ss.Voice, ...] = (
    ss.Voice("espeak en-gb-x-gbcwmd+klatt5 145", "espeak", "en-gb-x-gbcwmd+klatt5", 145),
    ss.Voice("espeak en-us-nyc+steph 162", "espeak", "en-us-nyc+steph", 162),
    ss.Voice("espeak en-gb-x-gbclan+benjamin 172", "espeak", "en-gb-x-gbclan+benjamin", 172),
    ss.Voice("espeak en-gb+klatt6 139", "espeak", "en-gb+klatt6", 139),
)
