"""Held-out answers for the streaming tail (issue 15, item 1): sentences and voices no rule of
`coach.speech.streaming` was chosen on. Written on 2026-12-03 before the read-ahead
(`streaming.AHEAD_AFTER_S`) was written, and read by `bench_streaming.heldout_rows` only once
it was committed; a figure read from them is reported as their first read in the closing note
of that session, and from then on they are development.

The voices are espeak-ng variants none of the earlier A/B runs used (docs/architecture.md,
"Transcribed while recorded", lists those); the rates are those at which a 1 s pause after
every third sentence comes 12-15 s after the last, the spacing that left 30 s and more to read
at stop (ninth session)."""

from __future__ import annotations

import speech_set as ss  # type: ignore[import-not-found]

SENTENCES: tuple[str, ...] = (
    "When I joined the council's housing team, repair requests were logged in three places.",
    "Tenants rang the call centre, emailed the office, or stopped an officer in the street.",
    "Half the jobs were booked twice and some were never booked at all.",
    "My manager gave me six weeks to bring every request into one list.",
    "I started by sitting with the call handlers for two full days.",
    "I wrote down every question they asked and every screen they opened.",
    "Then I built a single form that asked those questions in the same order.",
    "The plumbers and electricians tried it on their phones before anyone else did.",
    "They asked for a photo button, so we added one in the second week.",
    "By the end of the pilot, double bookings had fallen from sixty a month to four.",
    "Tenants also got a text message with the date of their visit.",
    "Complaints about missed appointments went down by about a third.",
    "A year later I moved to a charity that ran evening classes for adults.",
    "Our volunteers kept leaving after one term, and classes were being cancelled.",
    "I was asked to find out why before the autumn timetable went out.",
    "I phoned twenty former volunteers and asked what had made them stop.",
    "Most said they felt alone in the classroom and never heard back from us.",
    "So I paired each new volunteer with someone who had taught for a year.",
    "I also sent a short note every Friday with one thing that had gone well.",
    "The pairs met for coffee once a month, paid for from the training budget.",
    "That autumn only two of the thirty volunteers left before the end of term.",
    "No class was cancelled for lack of a teacher for the first time in three years.",
    "What I took from both jobs is to listen to the people doing the work first.",
    "The fix was usually smaller than the problem looked from the office.",
    "I would bring the same habit to this role from the first week.",
    "In my first month I would sit with each team before changing anything.",
)

VOICES = (
    ss.Voice("espeak en-gb-scotland+m2 165", "espeak", "en-gb-scotland+m2", 165),
    ss.Voice("espeak en-029+f1 160", "espeak", "en-029+f1", 160),
    ss.Voice("espeak en-us-nyc+m4 170", "espeak", "en-us-nyc+m4", 170),
    ss.Voice("espeak en-gb-x-gbclan+f5 155", "espeak", "en-gb-x-gbclan+f5", 155),
)
