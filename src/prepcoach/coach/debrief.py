"""Real interviews, before and after: the countdown to the next one, when its debrief is owed,
the debrief's checklists, and the thank-you note drafted for the user to send themselves
(prepcoach never sends it)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

# The debrief is owed from the interview's time for a day: memory of the questions fades fast.
DEBRIEF_WINDOW = dt.timedelta(hours=24)
# The reminder mail waits an hour, so it never arrives while the interview is still going on.
MAIL_AFTER = dt.timedelta(hours=1)

# The body-language self-check: each answered yes, no or partly.
BODY_LANGUAGE = (
    ("eye_contact", "I kept eye contact (or looked at the camera)"),
    ("posture", "I sat upright and open, not hunched or crossed"),
    ("pace", "I spoke at a calm pace and paused before answering"),
    ("hands", "My hands were calm; gestures helped, not fidgeted"),
    ("warmth", "I smiled and greeted them warmly"),
)
BODY_ANSWERS = (("yes", "Yes"), ("partly", "Partly"), ("no", "No"))
# The items the interviewer could judge by voice alone (the rest they judge by sight).
VOICE_ITEMS = frozenset({"pace"})
# Interview formats (`jobs.Interview.Format`) by what the interviewer took in of the candidate:
# seen (and heard), heard only, or neither (a take-home task has no interviewer present). A
# format not named here ("other") may have been seen, so it is asked everything.
HEARD_ONLY = frozenset({"phone"})
NOT_PRESENT = frozenset({"take-home"})


@dataclass(frozen=True, slots=True)
class SelfCheck:
    """The body-language self-check a debrief asks: what it is about ("Body language", "Your
    voice") and its items (key, label); no items when the interviewer neither saw nor heard
    the candidate."""

    name: str
    items: tuple[tuple[str, str], ...]

    @property
    def title(self) -> str:
        """The debrief form's heading: "Body language: did you…"."""
        return f"{self.name}: did you…"


def self_check(interview_format: str) -> SelfCheck:
    """What the debrief of an interview of `interview_format` asks of the candidate's body
    language: everything where the interviewer saw them (video, on site, an assessment centre,
    any other format), only the voice items on the phone (a trial's phone debrief asked about
    eye contact and posture), nothing for a take-home task."""
    if interview_format in NOT_PRESENT:
        return SelfCheck("", ())
    if interview_format in HEARD_ONLY:
        voice = tuple(item for item in BODY_LANGUAGE if item[0] in VOICE_ITEMS)
        return SelfCheck("Your voice", voice)
    return SelfCheck("Body language", BODY_LANGUAGE)


# A self-rating from 1 to 5 per competency.
COMPETENCIES = (
    ("communication", "Communication"),
    ("problem_solving", "Problem solving"),
    ("technical", "Technical depth"),
    ("teamwork", "Teamwork"),
    ("motivation", "Motivation and fit"),
)
NOTE_QUOTE_CHARS = 120  # a question quoted in the note is cut at a word past this
NAME_TITLES = {"dr", "dr.", "prof", "prof.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx"}
SPACE_RE = re.compile(r"\s+")
# A question's frame, dropped to leave its topic: "Tell me about a time you…" → "a time you…".
FRAME_RE = re.compile(
    r"^(?:(?:can|could|would) you (?:please )?)?(?:tell me|tell us|talk me through|walk me "
    r"through|walk us through|describe|give (?:me |us )?an example of|share)(?: about)?\s+",
    re.IGNORECASE,
)
# The interviewer's words turned to the writer's: "you" after a preposition or verb-final is "me".
PERSON_RE = re.compile(r"\b(yourself|yours|your|you|us|our)\b(\s+\w+)?", re.IGNORECASE)
OBJECT_BEFORE_RE = re.compile(r"\b(?:to|with|for|at|about|from|of|motivates|makes|drives)\s+$")


def when_words(moment: dt.datetime, today: dt.date | None = None) -> str:
    """A date and time in the user's words: "Thu 10 Dec, 14:00" (with the year when it is not
    this year's). `moment` is already on the user's clock."""
    year = "" if today is None or moment.year == today.year else f" {moment.year}"
    return f"{moment:%a} {moment.day} {moment:%b}{year}, {moment:%H:%M}"


def countdown(starts: dt.datetime, now: dt.datetime, *, dated: bool = True) -> str:
    """How long until an interview, in words, then when: "in 3 days, Thu 10 Dec 14:00",
    "tomorrow, Fri 11 Dec 09:30", "in 2 hours, today 14:00". Both times are aware; the
    answer is on `now`'s clock. `dated=False` leaves the when off ("in 3 days"), for a page
    that already shows it."""
    local = starts.astimezone(now.tzinfo)
    clock = f"{local:%H:%M}"
    days = (local.date() - now.date()).days
    year = "" if local.year == now.year else f" {local.year}"
    date = f"{local:%a} {local.day} {local:%b}{year} {clock}"
    seconds = (local - now).total_seconds()
    if seconds < 0:
        return f"started at {clock}" if days == 0 else f"was {date}"
    if days == 0:
        minutes = int(seconds // 60)
        if minutes < 60:
            ahead = f"in {max(minutes, 1)} minute{'s' * (max(minutes, 1) != 1)}"
        else:
            ahead = f"in {minutes // 60} hour{'s' * (minutes // 60 != 1)}"
        return f"{ahead}, today {clock}" if dated else ahead
    if days == 1:
        ahead = "tomorrow"
    elif days < 14:
        ahead = f"in {days} days"
    else:
        ahead = f"in {days // 7} weeks"
    return f"{ahead}, {date}" if dated else ahead


def debrief_owed(starts: dt.datetime, now: dt.datetime, written: bool) -> bool:
    """The dashboard asks for the debrief from the interview's time for a day, until written."""
    return not written and starts <= now < starts + DEBRIEF_WINDOW


def debrief_mail_due(starts: dt.datetime, now: dt.datetime, written: bool, mailed: bool) -> bool:
    """The reminder mail goes once, an hour after the interview's time and within its day."""
    return not (written or mailed) and starts + MAIL_AFTER <= now < starts + DEBRIEF_WINDOW


@dataclass(frozen=True, slots=True)
class Asked:
    """A question the interviewer asked, and how the answer went ("well", "partly",
    "badly", or "" when not said)."""

    text: str
    went: str = ""


@dataclass(frozen=True, slots=True)
class NoteFacts:
    """What the thank-you note is drafted from."""

    company: str
    role: str
    interviewers: str = ""  # one a line: "Ana Lee, Head of Data"
    day: dt.date | None = None
    round_name: str = ""
    asked: Sequence[Asked] = ()
    outcome: str = "waiting"  # waiting, next, rejected, offer, withdrawn
    sender: str = ""


@dataclass(frozen=True, slots=True)
class ThankYouNote:
    subject: str
    greeting: str
    text: str  # the whole note, greeting and sign-off included
    names: tuple[str, ...]  # whom it addresses
    to_fill: tuple[str, ...]  # bracketed places to complete before sending


def _clean(value: str) -> str:
    return SPACE_RE.sub(" ", value).strip()


def _quote(question: str) -> str:
    text = _clean(question).rstrip("?.! ")
    if len(text) > NOTE_QUOTE_CHARS:
        cut = text[:NOTE_QUOTE_CHARS].rsplit(" ", 1)[0] or text[:NOTE_QUOTE_CHARS]
        text = cut.rstrip(",;:") + "…"
    return text


def _topic(question: str) -> str:
    """A question as a short topic for the note: "Tell me about a time you cleaned messy
    data?" → "the time I cleaned messy data", "Why do you want to work with us?" → "why I
    want to work with you"."""
    text = FRAME_RE.sub("", _quote(question))
    text = re.sub(r"^an? time\b", "the time", text, flags=re.IGNORECASE)
    text = re.sub(r"^yourself$", "my background", text, flags=re.IGNORECASE)
    # "why do you want" → "why you want", "how would you handle" → "how you would handle"
    text = re.sub(r"^(why|how|what|when|where)(?: do| does| did)? (would|will|can|could|should"
                  r"|do|does|did) you\b", r"\1 you \2", text, flags=re.IGNORECASE)  # fmt: skip
    text = re.sub(r" you (?:do|does|did)\b", " you", text)

    def turn(match: re.Match[str]) -> str:
        word, after = match.group(1).lower(), match.group(2) or ""
        if word == "you":
            before = text[: match.start()]
            word = "me" if not after or OBJECT_BEFORE_RE.search(before) else "I"
        else:
            word = {"yourself": "myself", "yours": "mine", "your": "my", "us": "you",
                    "our": "your"}[word]  # fmt: skip
        return word + after

    text = PERSON_RE.sub(turn, text)
    if text[:1].isupper() and not text[1:2].isupper() and not text.startswith("I "):
        text = text[0].lower() + text[1:]
    return text


def interviewer_names(interviewers: str) -> tuple[str, ...]:
    """How to address each interviewer: first names, or "Dr Okafor" when a title is given.
    One a line (or separated by ";"); what follows a comma, dash or bracket is their role."""
    names = []
    for line in re.split(r"[\n;]", interviewers):
        person = re.split(r",| [-–—] |\(| / ", line, maxsplit=1)[0]
        parts = _clean(person).split(" ")
        if not parts or not parts[0]:
            continue
        if parts[0].lower() in NAME_TITLES and len(parts) > 1:
            name = f"{parts[0].rstrip('.')} {parts[-1]}"
        else:
            name = parts[0]
        if name not in names and any(ch.isalpha() for ch in name):
            names.append(name)
    return tuple(names)


def _listed(items: Sequence[str]) -> str:
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def draft_thank_you(facts: NoteFacts) -> ThankYouNote:
    """A short thank-you note from the job, the interviewers and what was discussed."""
    company = _clean(facts.company) or "[the company]"
    role = _clean(facts.role) or "[the role]"
    names = interviewer_names(facts.interviewers)
    greeting = f"Dear {_listed(names)}," if names else "Dear hiring team,"
    round_name = _clean(facts.round_name)
    on_day = f" on {facts.day:%A}" if facts.day else ""
    what = f"the {round_name.lower()} interview" if round_name else "my interview"
    subject = f"Thank you: {role} at {company}"
    paragraphs = []
    if facts.outcome == "rejected":
        paragraphs.append(
            f"Thank you for {what}{on_day} for the {role} role at {company}, and for letting "
            "me know your decision. I enjoyed meeting you and learnt a great deal."
        )
    elif facts.outcome == "withdrawn":
        paragraphs.append(
            f"Thank you for {what}{on_day} for the {role} role at {company}. I have decided "
            "to withdraw my application, and I am grateful for the time you gave me."
        )
    else:
        paragraphs.append(
            f"Thank you for taking the time to meet me{on_day} for {what} for the {role} "
            f"role at {company}."
        )
    asked = [a for a in facts.asked if _clean(a.text)]
    good = [a for a in asked if a.went != "badly"][:2]
    if good and facts.outcome not in ("rejected", "withdrawn"):
        topics = _listed([_topic(a.text) for a in good])
        paragraphs.append(
            f"I enjoyed our conversation about {topics}. It made me even keener to join {company}."
        )
    to_fill: list[str] = []
    weak = next((a for a in asked if a.went == "badly"), None)
    if weak is not None and facts.outcome in ("waiting", "next", ""):
        place = "[one sentence you wish you had said]"
        to_fill.append(place)
        paragraphs.append(f"Thinking further about {_topic(weak.text)}, I would add: {place}")
    if facts.outcome == "offer":
        paragraphs.append("I am delighted by your offer and look forward to talking it through.")
    elif facts.outcome == "next":
        paragraphs.append("I look forward to the next round.")
    elif facts.outcome == "rejected":
        paragraphs.append("If you have a moment, I would welcome any feedback on my interview.")
    elif facts.outcome != "withdrawn":
        paragraphs.append("I look forward to hearing about the next steps.")
    sender = _clean(facts.sender)
    if not sender:
        sender = "[your name]"
        to_fill.append(sender)
    text = "\n\n".join([greeting, *paragraphs, f"Best regards,\n{sender}"])
    return ThankYouNote(subject, greeting, text, names, tuple(to_fill))
