"""A held-out set for the encoder window (issue 15): written on 2026-12-05 by a writer who had
read no code of coach.speech and no other set's sentences. `bench_window` reads it once the window
rule is fixed; it counts as development data from then on.
"""

from __future__ import annotations

import speech_set as ss  # type: ignore[import-not-found]

# Spoken interview answers, in order: short stories from a cafe, a school, a lab, a council
# office, a building site and a call centre. Lengths are mixed on purpose: about a third are
# very short, a third medium and a third long.
SENTENCES: tuple[str, ...] = (
    # A cafe.
    "Sure, I can start there.",
    "I ran the morning shift at a small cafe near the station for two years.",
    "Every Monday the milk order came in short, and by half past nine we were out of oat "
    "milk with a queue of twenty people at the counter.",
    "So I rang the supplier.",
    "It turned out our order form still said twelve litres, from before we got busy.",
    "I changed it to 40 litres and put a reminder on the fridge door for whoever did the "
    "ordering after me.",
    "That worked.",
    # A school.
    "At the school it was different.",
    "I was a teaching assistant in a class of thirty-two children.",
    "One boy, Sam, would not read aloud, and the teacher thought he simply was not trying.",
    "I sat with him at lunch.",
    "He could read fine, he just could not see the board from the back row, so we moved him "
    "to the front and booked an eye test the same week.",
    "He got glasses in March.",
    # A lab.
    "Then I moved to a lab.",
    "We tested water samples, about 150 a day, using a machine we called the Hach.",
    "One Friday every sample from the river site came back three times higher than usual, and "
    "my manager wanted to warn the council straight away.",
    "I asked for one hour.",
    "I reran five of the samples on the older machine, and they came back normal, so the "
    "problem was the calibration and not the river.",
    "Was I nervous? Yes, a little.",
    "But we did not send a false alarm.",
    # A council office.
    "After that I worked at the council offices in Leeds.",
    "People phoned about parking permits, and the average wait was 18 minutes.",
    "Most callers only wanted to know whether their payment had gone through, and we had no "
    "way to tell them except by checking a spreadsheet by hand.",
    "I built a simple lookup in Excel.",
    "It took a week.",
    "The wait fell by 60 percent, to about seven minutes, and my team leader shared it with "
    "two other departments by the end of the month.",
    # A building site.
    "On the building site I was the site administrator.",
    "The scaffolding firm kept arriving on the wrong day.",
    "I said no.",
    "I told them we would not sign another delivery note until the dates on their system "
    "matched ours, and I sent them our plan every Thursday afternoon.",
    "They were annoyed at first, but it saved us nearly 3,000 pounds in standing time.",
    "Nobody argued after that.",
    # A call centre.
    "My last job was in a call centre for a broadband company.",
    "We took about 90 calls each per shift.",
    "A lot of them were about the same router fault, the lights flashing orange after an "
    "update, and each call took fifteen minutes because we had no script.",
    "I wrote one.",
    "Three steps, on a single page, pinned to every desk in the room.",
    "Calls about that fault dropped to four minutes, and my manager asked me to train the "
    "night team.",
    "So that is what I would bring here, really.",
    "I listen first, then fix the small thing.",
)

VOICES: tuple[ss.Voice, ...] = (
    ss.Voice("espeak en-029+m2 150", "espeak", "en-029+m2", 150),
    ss.Voice("espeak en-gb-x-gbclan+m4 165", "espeak", "en-gb-x-gbclan+m4", 165),
    ss.Voice("espeak en-us+f5 160", "espeak", "en-us+f5", 160),
    ss.Voice("espeak en-gb-scotland+m5 175", "espeak", "en-gb-scotland+m5", 175),
)
