"""coach.debrief: the countdown, when a debrief is owed, and the thank-you note."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prepcoach.coach.debrief import (
    Asked,
    NoteFacts,
    countdown,
    debrief_mail_due,
    debrief_owed,
    draft_thank_you,
    interviewer_names,
    when_words,
)

LONDON = zoneinfo.ZoneInfo("Europe/London")
NOW = dt.datetime(2026, 12, 7, 9, 30, tzinfo=LONDON)  # a Monday


def test_when_words_is_the_users_way_of_saying_it() -> None:
    moment = dt.datetime(2026, 12, 10, 14, 0, tzinfo=LONDON)
    assert when_words(moment, NOW.date()) == "Thu 10 Dec, 14:00"
    assert when_words(moment, dt.date(2025, 1, 1)) == "Thu 10 Dec 2026, 14:00"


def test_countdown_in_words() -> None:
    at = dt.datetime(2026, 12, 10, 14, 0, tzinfo=LONDON)
    assert countdown(at, NOW) == "in 3 days, Thu 10 Dec 14:00"
    assert countdown(NOW + dt.timedelta(minutes=25), NOW) == "in 25 minutes, today 09:55"
    assert countdown(NOW + dt.timedelta(hours=3), NOW) == "in 3 hours, today 12:30"
    tomorrow = dt.datetime(2026, 12, 8, 9, 0, tzinfo=LONDON)
    assert countdown(tomorrow, NOW) == "tomorrow, Tue 8 Dec 09:00"
    assert countdown(NOW + dt.timedelta(days=30), NOW) == "in 4 weeks, Wed 6 Jan 2027 09:30"


def test_a_countdown_for_a_page_that_shows_the_date_leaves_it_off() -> None:
    assert countdown(dt.datetime(2026, 12, 10, 14, 0, tzinfo=NOW.tzinfo), NOW, dated=False) == (
        "in 3 days"
    )
    assert countdown(NOW + dt.timedelta(hours=3), NOW, dated=False) == "in 3 hours"
    assert countdown(NOW + dt.timedelta(days=1), NOW, dated=False) == "tomorrow"


def test_countdown_is_on_the_users_clock_whatever_zone_it_was_stored_in() -> None:
    at_utc = dt.datetime(2026, 12, 10, 14, 0, tzinfo=dt.UTC)
    tokyo = NOW.astimezone(zoneinfo.ZoneInfo("Asia/Tokyo"))
    assert countdown(at_utc, tokyo) == "in 3 days, Thu 10 Dec 23:00"


def test_the_debrief_is_owed_for_a_day_and_mailed_once_after_an_hour() -> None:
    start = NOW
    assert not debrief_owed(start, start - dt.timedelta(minutes=1), written=False)
    assert debrief_owed(start, start + dt.timedelta(hours=23), written=False)
    assert not debrief_owed(start, start + dt.timedelta(hours=23), written=True)
    assert not debrief_owed(start, start + dt.timedelta(hours=24), written=False)
    assert not debrief_mail_due(start, start + dt.timedelta(minutes=30), False, False)
    assert debrief_mail_due(start, start + dt.timedelta(hours=2), False, False)
    assert not debrief_mail_due(start, start + dt.timedelta(hours=2), False, True)
    assert not debrief_mail_due(start, start + dt.timedelta(hours=2), True, False)


def test_names_from_interviewers_as_typed() -> None:
    typed = "Ana Lee, Head of Data\nDr. Raj Okafor (hiring manager)\n\nSam Park - recruiter; Ana"
    assert interviewer_names(typed) == ("Ana", "Dr Okafor", "Sam")
    assert interviewer_names("") == ()


def test_a_note_from_the_job_the_interviewers_and_what_was_discussed() -> None:
    note = draft_thank_you(
        NoteFacts(
            company="Northwind Health", role="Data analyst",
            interviewers="Ana Lee, Head of Data\nRaj Okafor, Analyst",
            day=dt.date(2026, 12, 10), round_name="First round",
            asked=[Asked("Tell me about a time you cleaned messy data?", "well"),
                   Asked("Why Northwind?", "badly")],
            sender="Alice Doe",
        )
    )  # fmt: skip
    assert note.greeting == "Dear Ana and Raj,"
    assert note.subject == "Thank you: Data analyst at Northwind Health"
    assert "on Thursday for the first round interview for the Data analyst role" in note.text
    assert "I enjoyed our conversation about the time I cleaned messy data." in note.text
    assert "Thinking further about why Northwind, I would add: [one sentence" in note.text
    assert "“" not in note.text  # topics, not question texts pasted in quotes
    assert note.to_fill == ("[one sentence you wish you had said]",)
    assert note.text.endswith("Best regards,\nAlice Doe")


def test_a_note_after_a_rejection_asks_for_feedback_and_quotes_nothing() -> None:
    note = draft_thank_you(
        NoteFacts("Acme", "Analyst", asked=[Asked("Why us?", "badly")], outcome="rejected")
    )
    assert note.greeting == "Dear hiring team,"
    assert "letting me know your decision" in note.text
    assert "welcome any feedback" in note.text
    assert "Why us" not in note.text
    assert note.to_fill == ("[your name]",)


texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=400)
outcomes = st.sampled_from(["waiting", "next", "rejected", "offer", "withdrawn"])


@given(
    company=texts, role=texts, interviewers=texts, round_name=texts, sender=texts,
    asked=st.lists(st.builds(Asked, texts, st.sampled_from(["", "well", "partly", "badly"])),
                   max_size=6),
    outcome=outcomes,
)  # fmt: skip
def test_any_input_gives_a_sendable_note(
    company: str, role: str, interviewers: str, round_name: str, sender: str,
    asked: list[Asked], outcome: str,
) -> None:  # fmt: skip
    facts = NoteFacts(company, role, interviewers, dt.date(2026, 12, 10), round_name, asked,
                      outcome, sender)  # fmt: skip
    note = draft_thank_you(facts)
    assert note == draft_thank_you(facts)  # the same facts, the same note
    assert "\n" not in note.subject
    assert "\r" not in note.subject
    assert note.text.startswith(note.greeting)
    for name in note.names:
        assert name in note.greeting
    for place in note.to_fill:
        assert place in note.text
    clean_company = " ".join(company.split())
    assert (clean_company or "[the company]") in note.text
    # Quoted questions are cut short: a pasted essay never becomes the note.
    assert len(note.text) < 2000 + len(company) * 6 + len(role) * 4 + len(sender) + len(
        round_name
    ) + len(interviewers)


@pytest.mark.parametrize(
    ("question", "topic"),
    [("Why do you want to work with us?", "why I want to work with you"),
     ("What motivates you?", "what motivates me"),
     ("Describe your biggest weakness.", "my biggest weakness"),
     ("Can you walk me through your CV?", "my CV"),
     ("How would you handle a difficult stakeholder?", "how I would handle a difficult stakeholder"),
     ("Tell me about yourself", "my background"), ("SQL joins", "SQL joins")],
)  # fmt: skip
def test_the_note_names_each_question_as_a_short_topic(question: str, topic: str) -> None:
    note = draft_thank_you(
        NoteFacts("Acme", "Analyst", asked=[Asked(question, "well"), Asked("Why Acme?", "well")])
    )
    assert f"I enjoyed our conversation about {topic} and why Acme." in note.text


@pytest.mark.parametrize(
    ("interview_format", "keys"),
    [
        ("video", ["eye_contact", "posture", "pace", "hands", "warmth"]),
        ("on-site", ["eye_contact", "posture", "pace", "hands", "warmth"]),
        ("assessment", ["eye_contact", "posture", "pace", "hands", "warmth"]),
        ("other", ["eye_contact", "posture", "pace", "hands", "warmth"]),
        ("phone", ["pace"]),
        ("take-home", []),
    ],
)
def test_the_body_language_check_asks_only_what_the_interviewer_took_in(
    interview_format: str, keys: list[str]
) -> None:
    """A trial's phone debrief asked about eye contact and posture: seen formats are asked
    everything, a phone call only the voice items, a take-home task nothing."""
    from prepcoach.coach.debrief import self_check

    check = self_check(interview_format)
    assert [key for key, _ in check.items] == keys
    if interview_format == "phone":
        assert check.title == "Your voice: did you…"
    elif keys:
        assert check.title == "Body language: did you…"
