"""coach.interview_transcript: turns, who is who, and question → answer pairs from a transcript
in plain text, WebVTT or SRT (the files in tests/data/transcripts/), and every bad input refused
with a message."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prepcoach.coach.interview_transcript import (
    MAX_WORDS,
    InterviewTranscript,
    TranscriptError,
    parse_transcript,
)

DATA = Path(__file__).parents[1] / "data" / "transcripts"


def read(name: str, user: str = "") -> InterviewTranscript:
    return parse_transcript((DATA / name).read_text(encoding="utf-8"), user)


def refused(text: str) -> TranscriptError:
    with pytest.raises(TranscriptError) as caught:
        parse_transcript(text)
    return caught.value


def test_plain_text_with_names_and_colons() -> None:
    found = read("plain.txt")
    assert found.format == "text"
    assert [t.speaker for t in found.turns] == ["Priya Shah", "Alex Morgan"] * 4
    assert found.turns[1].text.endswith("billing team at a hospital trust.")
    assert "Result: the audit found nothing to correct." in found.turns[3].text
    assert (found.user, found.sure, found.interviewers) == ("Alex Morgan", "clear", ("Priya Shah",))
    assert "Priya Shah asks in 3 of 4 turns" in found.why
    assert [p.question for p in found.pairs] == [
        "Tell me about yourself.",
        "Tell me about a time you improved a process. What was the outcome?",
        "Why do you want to work with us?",
    ]
    assert found.pairs[1].answer.startswith("Our monthly reports were always late")
    assert found.pairs[1].asked.startswith("Great.")
    assert found.duration_s is None


def test_otter_headings_carry_the_start_times() -> None:
    found = read("otter.txt")
    assert [(t.speaker, t.start) for t in found.turns] == [
        ("Jordan Blake", 2), ("Alex Morgan", 7), ("Jordan Blake", 21), ("Alex Morgan", 26),
    ]  # fmt: skip
    assert found.user == "Alex Morgan"
    assert found.pairs[0].question == "Why are you leaving your current job?"
    assert found.pairs[0].asked.startswith("So let's start.")
    assert found.duration_s == 24
    assert found.length == "under a minute"
    assert [p.at for p in found.pairs] == ["0:02", "0:21"]
    assert read("plain.txt").length == ""
    assert read("plain.txt").pairs[0].at == ""


def test_webvtt_voice_tags_a_panel_and_joined_cues() -> None:
    found = read("teams.vtt")
    assert found.format == "vtt"
    assert found.format_name == "WebVTT captions"
    assert [t.speaker for t in found.turns] == [
        "Sam Lee",
        "Alex Morgan",
        "Dana Cruz",
        "Alex Morgan",
    ]
    assert (found.turns[1].start, found.turns[1].end) == (9.8, 30.0)
    assert found.user == "Alex Morgan"
    assert set(found.interviewers) == {"Sam Lee", "Dana Cruz"}
    first = found.pairs[0]
    assert first.question == "Tell me about a time you disagreed with your manager."
    assert first.asked.startswith("Hello Alex")
    assert (first.start, first.end) == (1.2, 30.0)
    assert found.pairs[1].asked_by == ("Dana Cruz",)


def test_srt_names_in_the_cue_and_an_unnamed_cue_goes_on() -> None:
    found = read("zoom.srt")
    assert found.format == "srt"
    assert found.turns[1].text == (
        "I have spent three years building reports in SQL, and I want to work closer to the "
        "people who use them."
    )
    assert (found.user, found.sure) == ("Alex", "clear")
    assert "Interviewer is named as the interviewer" in found.why
    assert [p.question for p in found.pairs] == [
        "What made you apply for this role?", "Walk me through your biggest project.",
    ]  # fmt: skip


def test_long_timings_read_in_hours_and_minutes() -> None:
    found = parse_transcript(
        "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nAna: Why us?\n\n"
        "01:02:05.000 --> 01:05:00.000\nMe: Because of your work on clinics.\n"
    )
    assert found.length == "1 h 05 min"
    assert found.pairs[0].at == "0:01"


def test_dashes_and_bracketed_names_with_clock_times() -> None:
    found = parse_transcript(
        "[Ann] 10:02:33\nInterviewer - What do you know about us?\n"
        "Me - You build software for clinics.\nInterviewer – And why data?\n"
        "Me – I like finding out what is true."
    )
    assert [t.speaker for t in found.turns] == ["Interviewer", "Me", "Interviewer", "Me"]
    assert found.user == "Me"
    assert len(found.pairs) == 2


def test_the_name_the_user_gives_decides_even_by_first_name() -> None:
    found = read("teams.vtt", user="alex")
    assert (found.user, found.sure) == ("Alex Morgan", "given")
    other = read("teams.vtt").as_user("Dana Cruz")
    assert (other.user, other.sure) == ("Dana Cruz", "given")
    assert other.why == "You said you are Dana Cruz."
    assert [p.asked_by for p in other.pairs] == [("Sam Lee", "Alex Morgan")]
    assert read("teams.vtt").as_user("Sam Lee").pairs == ()
    assert read("teams.vtt").as_user("Nobody").user == "Alex Morgan"


def test_a_name_not_in_it_is_said_and_the_guess_is_made() -> None:
    found = read("plain.txt", user="Chris")
    assert found.why.startswith("No speaker is called “Chris”.")
    assert found.user == "Alex Morgan"


def test_when_both_ask_and_answer_alike_it_says_it_cannot_tell() -> None:
    found = parse_transcript(
        "Kim: How are you? I am fine thanks.\nLee: Good. How was the trip? It was long.\n"
        "Kim: Did you find us easily? The map helped.\nLee: What is next? Lunch, I think."
    )
    assert (found.user, found.sure, found.pairs) == (None, "unsure", ())
    assert "Say which one you are" in found.why
    assert [s.name for s in found.speakers] == ["Kim", "Lee"]


@pytest.mark.parametrize(
    ("text", "kind", "words"),
    [
        ("", "empty", "The transcript is empty"),
        ("  \n\ufeff ", "empty", "The transcript is empty"),
        ("<html><body><div><p>Alex: hello</p></div></body></html>", "html", "web page (HTML)"),
        ("%PDF-1.7 binary", "unknown", "not text"),
        ('{"speaker": "Alex", "text": "hi"}', "unknown", "data (JSON)"),
        ("1\n00:00:01,000 --> 00:00:02,000\nHello there.\n", "no_names", "captions have no speaker names"),
        ("hello there\nhow are you\nfine thanks", "no_names", "No speaker names found"),
        ("Alex: one thing.\nAlex: another thing.", "one_speaker", "Only one speaker is named (Alex)"),
        ("Anna: Cuéntame de un proyecto difícil que hayas liderado en tu último trabajo.\n"
         "Luis: En mi último trabajo lideré la migración de los datos de la empresa hacia la "
         "nube y reduje los costes un cuarenta por ciento.", "language", "does not read as English"),
    ],
)  # fmt: skip
def test_bad_input_is_refused_with_a_message(text: str, kind: str, words: str) -> None:
    error = refused(text)
    assert error.kind == kind
    assert words in str(error)


def test_two_hours_is_refused_naming_the_cap() -> None:
    with pytest.raises(TranscriptError) as caught:
        read("two-hours.vtt")
    assert caught.value.kind == "too_long"
    assert "runs 2 h 00 min" in str(caught.value)
    assert "up to 90 minutes" in str(caught.value)


def test_too_many_words_without_timings_is_refused_naming_the_cap() -> None:
    turn = "Ask: Why? " + "word " * 400 + "\nMe: " + "answer " * 400 + "\n"
    error = refused(turn * (MAX_WORDS // 800 + 1))
    assert error.kind == "too_long"
    assert f"up to {MAX_WORDS:,}" in str(error)
    assert "characters" in str(refused("Ask: a\n" * 60_000))


def attempt(text: str, user: str = "") -> InterviewTranscript | TranscriptError:
    try:
        return parse_transcript(text, user)
    except TranscriptError as error:
        return error


def monotone(found: InterviewTranscript) -> None:
    starts = [t.start for t in found.turns if t.start is not None]
    assert starts == sorted(starts)
    for turn in found.turns:
        assert turn.speaker
        assert turn.text
        if turn.end is not None:
            assert turn.start is not None
            assert turn.end >= turn.start
    if found.duration_s is not None:
        assert found.duration_s >= 0


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_is_read_or_refused_never_crashes(text: str) -> None:
    found = attempt(text)
    if isinstance(found, TranscriptError):
        assert str(found)
    else:
        monotone(found)


LINE = st.tuples(
    st.sampled_from(["Alex", "Sam Lee", "Interviewer", "", "[Dana]", "Me"]),
    st.sampled_from([":", " -", ""]),
    st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\r"), max_size=40),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(LINE, max_size=30), st.text(max_size=10))
def test_lines_that_look_like_turns_never_crash(
    lines: list[tuple[str, str, str]], user: str
) -> None:
    text = "\n".join(f"{name}{sep} {said}" for name, sep, said in lines)
    found = attempt(text, user)
    if isinstance(found, TranscriptError):
        return
    monotone(found)
    for pair in found.pairs:
        assert 0 < len(pair.question) <= 300
        assert pair.answer


def stamp(seconds: float, sep: str) -> str:
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole // 60 % 60:02d}:{whole % 60:02d}{sep}{int(seconds % 1 * 1000):03d}"


CUE = st.tuples(
    st.floats(0, 5000, allow_nan=False), st.floats(-20, 60, allow_nan=False),
    st.sampled_from(["Alex", "Sam", "Dana"]), st.booleans(),
    st.text(alphabet="abc def?.", min_size=1, max_size=30),
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(CUE, max_size=25), st.booleans())
def test_cue_times_come_out_in_order_whatever_order_they_came_in(
    cues: list[tuple[float, float, str, bool, str]], vtt: bool
) -> None:
    sep = "." if vtt else ","
    blocks = [
        f"{i + 1}\n{stamp(start, sep)} --> {stamp(max(0, start + length), sep)}\n"
        + (f"<v {name}>{said}" if tagged and vtt else f"{name}: {said}")
        for i, (start, length, name, tagged, said) in enumerate(cues)
    ]
    text = ("WEBVTT\n\n" if vtt else "") + "\n\n".join(blocks)
    found = attempt(text)
    if isinstance(found, TranscriptError):
        assert found.kind in {"empty", "no_names", "one_speaker", "too_long", "language"}
        return
    assert found.format == ("vtt" if vtt else "srt")
    monotone(found)
    assert all(a.speaker != b.speaker for a, b in zip(found.turns, found.turns[1:], strict=False))


@pytest.mark.parametrize(
    "written",
    ["9" * 400 + ":00:00.000", "99999999999999999999:00:00.000", "1000:00:00.000",
     "00:75:00.000", "00:00:60.000", "00:000:01.000", "00:00:01.1234"],
)  # fmt: skip
def test_a_cue_time_no_recording_has_is_refused_naming_it(written: str) -> None:
    text = (
        f"00:00:01.000 --> {written}\nKim: Why do you want this?\n\n"
        "00:00:03.000 --> 00:00:04.000\nAl: I like it a lot.\n"
    )
    error = refused(text)
    assert error.kind == "bad_time"
    assert "is not a time prepcoach can read" in str(error)
    assert written[:20] in str(error)


DIGITS = st.text(alphabet="0123456789", min_size=1, max_size=30) | st.text(
    alphabet="0123456789", min_size=100, max_size=500
)
TIME = st.tuples(st.none() | DIGITS, DIGITS, DIGITS, st.none() | DIGITS, st.sampled_from(".,:"))


def written(time: tuple[str | None, str, str, str | None, str]) -> str:
    hours, minutes, seconds, fraction, sep = time
    return (
        (f"{hours}:" if hours is not None else "")
        + f"{minutes}:{seconds}"
        + (f"{sep}{fraction}" if fraction is not None else "")
    )


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(TIME, TIME), min_size=1, max_size=6), st.sampled_from(["vtt", "srt", "text"])
)
def test_any_digits_in_a_time_are_read_or_refused_never_crash(
    times: list[tuple[tuple[str | None, str, str, str | None, str], ...]], kind: str
) -> None:
    if kind == "text":  # "[00:01:02] Kim: …" and "Kim (0:42): …"
        text = "\n".join(
            f"[{written(start)}] Kim: Why is that so?\nAl ({written(end)}): Because it is."
            for start, end in times
        )
    else:
        text = ("WEBVTT\n\n" if kind == "vtt" else "") + "\n\n".join(
            f"{written(start)} --> {written(end)}\n{('Kim', 'Al')[i % 2]}: Why is that so?"
            for i, (start, end) in enumerate(times)
        )
    found = attempt(text)
    if isinstance(found, TranscriptError):
        assert found.kind in {"bad_time", "one_speaker", "too_long", "no_names"}
        assert str(found)
        return
    monotone(found)
    assert found.duration_s is None or found.duration_s <= 90 * 60


PROJECT_ANSWER = (
    "I led the move of our billing reports to a new warehouse, planned it with finance, and "
    "we closed the month two days sooner."
)


def test_the_pleasantries_that_open_the_call_are_not_questions() -> None:
    found = parse_transcript(
        "Kim Lee: Hello Al, how are you today?\nAl: Fine, thanks, and you?\n"
        "Kim Lee: Good, thanks. How was the weekend?\nAl: Quiet, thanks.\n"
        f"Kim Lee: Tell me about a project you led.\nAl: {PROJECT_ANSWER}\n"
        "Kim Lee: How are you feeling about it now?\nAl: Good.\n",
        "Al",
    )
    assert [p.question for p in found.pairs] == [
        "Tell me about a project you led.",
        "How are you feeling about it now?",
    ]


def test_a_short_answer_to_a_question_with_content_at_the_start_is_kept() -> None:
    found = parse_transcript(
        "Kim: Which database did your team migrate to?\nAl: PostgreSQL, last spring.\n"
        f"Kim: Tell me about a project you led.\nAl: {PROJECT_ANSWER}\n",
        "Al",
    )
    assert [p.question for p in found.pairs] == [
        "Which database did your team migrate to?",
        "Tell me about a project you led.",
    ]


def test_names_are_one_whatever_their_case_and_spaces() -> None:
    found = parse_transcript(
        "Kim\u00a0Lee: Tell me about a project you led.\n"
        f"Al\u200b: {PROJECT_ANSWER}\n"
        "kim  lee: And what would you change?\n"
        "AL: I would plan the data checks earlier, with finance, before the first close.\n",
        "al",
    )
    assert [s.name for s in found.speakers] == ["Kim Lee", "Al"]
    assert [t.speaker for t in found.turns] == ["Kim Lee", "Al", "Kim Lee", "Al"]
    assert [p.question for p in found.pairs] == [
        "Tell me about a project you led.",
        "And what would you change?",
    ]


def test_lines_before_the_first_name_are_said_when_one_speaker_is_named() -> None:
    error = refused("Why do you want this role?\nWhat did you do last?\nAl: I built reports.")
    assert error.kind == "one_speaker"
    assert "The 2 lines before Al's first turn name no speaker" in str(error)
    assert "name no speaker" not in str(refused("Al: one thing.\nAl: another thing."))


def test_a_clock_time_in_a_plain_transcript_is_shown_as_the_time_of_day() -> None:
    found = parse_transcript(
        f"[10:02:33] Kim: Tell me about a project you led.\n[10:02:40] Al: {PROJECT_ANSWER}\n",
        "Al",
    )
    assert found.of_day
    assert found.pairs[0].at == "10:02 in the day"
    otter = parse_transcript(
        f"[00:01:02] Kim: Tell me about a project you led.\n[00:01:09] Al: {PROJECT_ANSWER}\n",
        "Al",
    )
    assert (otter.of_day, otter.pairs[0].at) == (False, "1:02")


@pytest.mark.parametrize("time", ["99:99:99", "0:75", "10:02:60"])
def test_an_impossible_time_in_a_plain_transcript_is_refused(time: str) -> None:
    error = refused(f"Kim ({time}): Why do you want this?\nAl (0:01): Because I like it.")
    assert error.kind == "bad_time"
    assert f"“{time}” is not a time" in str(error)
