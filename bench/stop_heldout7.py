"""Speech for bench_stop and bench_push (issue 15, item 1): the end of a 2-minute answer to its
report.

Written on 2026-12-06 (forty-third session) by a writer who read no streaming code, no
benchmark and no other speech set's sentences; committed unread. Held-out: nobody tuning has
read it.
"""

from __future__ import annotations

import speech_set as ss  # type: ignore[import-not-found]

# A coastal radio operator alone on a night watch; mixed sentence lengths, ending on two long
# sentences with no commas.
SENTENCES: tuple[str, ...] = (
    "For six years I was a coastal radio operator on the west coast of Scotland.",
    "We kept watch on the distress channels for about two hundred miles of sea.",
    "Most nights were quiet.",
    "One night in February was not.",
    (
        "Just after two in the morning a fishing boat called us with a flooded engine room and "
        "five crew on board."
    ),
    "At the same moment my only colleague on shift was taken ill.",
    "So I was alone on the desk.",
    (
        "My job was to keep that crew talking, find out exactly where they were, and get help "
        "moving without losing track of other traffic."
    ),
    "I started with the position.",
    "The skipper was reading numbers off a damaged screen, and two of them did not match.",
    "I asked him what lights he could see instead.",
    "He described the flash pattern of a lighthouse I knew well.",
    "That gave me a fix within a mile.",
    "Um, I passed it to the coastguard, and the lifeboat launched eleven minutes later.",
    "Then I asked a cargo ship four miles away to turn and stand by.",
    "I kept a written log of every call with the time beside it.",
    "Every five minutes I spoke to the skipper, even with nothing new to say.",
    "The lifeboat reached them at ten to three.",
    "All five were taken off safely.",
    "Afterwards I turned my log into a short guide for working a distress call alone.",
    (
        "The station now trains every new operator with that guide and we have added a rule "
        "that nobody works a night shift without a second person who can take over the desk "
        "within a few minutes if something goes wrong"
    ),
    (
        "What I learned that night is that in a real emergency the most useful thing I can do "
        "is stay calm and keep the people at the other end of the radio talking to me until "
        "the help they need has actually arrived"
    ),
)

VOICES: tuple[ss.Voice, ...] = (
    ss.Voice("espeak en-gb-x-rp+f2 148", "espeak", "en-gb-x-rp+f2", 148),
    ss.Voice("espeak en-us-nyc+m2 171", "espeak", "en-us-nyc+m2", 171),
    ss.Voice("espeak en-gb-x-gbclan+f4 137", "espeak", "en-gb-x-gbclan+f4", 137),
    ss.Voice("espeak en-029+m7 160", "espeak", "en-029+m7", 160),
)

# An offshore wind-farm technician who stopped a climb; nervous, run-on sentences joined by
# "and", "so" and "which", numbers said in words, ending long.
SENTENCES_2: tuple[str, ...] = (
    (
        "Um, so, this was about three years ago when I was a technician on an offshore wind "
        "farm about twenty miles out, and I'd only been there maybe eight months at that point."
    ),
    (
        "There were four of us on the boat that day and the job was to change a faulty sensor "
        "at the top of a turbine, which meant climbing about ninety metres inside the tower, so "
        "it was a normal job really."
    ),
    (
        "And, uh, the forecast said the wind would pick up after lunch, so our supervisor "
        "wanted all three turbines done before we went back, which I understood because the "
        "boat costs a lot of money every day."
    ),
    (
        "So we did the first two and then on the third one I got to the top and I noticed the "
        "anchor point for my harness had a crack in the weld, which was quite small but it was "
        "definitely there."
    ),
    (
        "And I was nervous because I was the newest person on the team and I didn't want to be "
        "the one who slowed everything down, so I sort of stood there for a minute."
    ),
    (
        "But in the end I radioed down and said I was stopping the job, and the supervisor "
        "was, um, not very happy at first, and he asked me twice if I was sure, and I said yes."
    ),
    (
        "So we came down and we reported it and when the engineers checked the other turbines "
        "they found the same crack on six more anchor points, which was, uh, quite a shock."
    ),
    (
        "And what I took from it is that it's fine to feel nervous about speaking up but it's "
        "still my job to say it out loud because the next person on that anchor could have "
        "been my friend and I'd rather lose half a day than lose a colleague"
    ),
)

VOICES_2: tuple[ss.Voice, ...] = (
    ss.Voice("espeak en-gb-scotland+m3 154", "espeak", "en-gb-scotland+m3", 154),
    ss.Voice("espeak en-us+f5 143", "espeak", "en-us+f5", 143),
    ss.Voice("espeak en-gb+klatt2 178", "espeak", "en-gb+klatt2", 178),
    ss.Voice("espeak en-gb-x-gbcwmd+m6 166", "espeak", "en-gb-x-gbcwmd+m6", 166),
)
