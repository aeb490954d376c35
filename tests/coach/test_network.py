"""coach.network: reading CSV and vCard files, follow-ups due, and networking goal counts."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prepcoach.coach.contact_import import (
    MAX_IMPORT_ROWS,
    ImportRefusedError,
    ParsedFile,
    parse_csv,
    parse_file,
    parse_vcard,
    plan_import,
    read_date,
)
from prepcoach.coach.network import (
    FollowUp,
    GoalInput,
    NetworkContact,
    NetworkEvent,
    count_for_goal,
    follow_ups_due,
    goal_updates,
    what_counts,
)

TODAY = dt.date(2026, 3, 11)


def accounted_for(parsed: ParsedFile) -> None:
    """Every row is imported or reported as skipped, never both, never neither."""
    imported = {r.row for r in parsed.records}
    skipped = {p.row for p in parsed.skipped}
    assert not imported & skipped
    assert len(imported) == len(parsed.records)  # one record a row
    assert len(imported) + len(skipped) == parsed.rows


cell = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=30)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(cell, min_size=0, max_size=8), min_size=1, max_size=20))
def test_any_csv_with_a_header_is_read_row_by_row_or_refused(rows: list[list[str]]) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["Name", "Email", "Company", "Next follow-up", "Extra"])
    writer.writerows(rows)
    try:
        parsed = parse_file(out.getvalue().encode())
    except ImportRefusedError as refusal:
        refused = str(refusal)
    else:
        refused = ""
    if refused:
        assert "Nothing was imported" in refused or "empty" in refused
        return
    accounted_for(parsed)
    plan = plan_import(parsed, {})
    keys = [r.key for r in plan.to_import]
    assert len(keys) == len(set(keys))  # nobody twice
    left_out = {p.row for p in plan.problems if p.skipped}
    assert {r.row for r in plan.to_import} | left_out == (
        {r.row for r in parsed.records} | {p.row for p in parsed.skipped}
    )


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_are_read_or_refused_never_raised(data: bytes) -> None:
    try:
        parsed = parse_file(data)
    except ImportRefusedError:
        return
    accounted_for(parsed)


vcard_line = st.one_of(
    st.sampled_from(["BEGIN:VCARD", "END:VCARD", "VERSION:3.0", "FN:Ana Lee", "N:Lee;Ana;;;",
                     "EMAIL:ana@example.org", "ORG:NHS;Data", "NOTE:a\\nb\\, c", " folded",
                     "TEL;TYPE=cell:123", "CATEGORIES:alumni,mentor", "item1.EMAIL:x@y.z",
                     "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Caf=C3=A9",
                     "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=nonsense:=FF", ":", ";;:"]),
    cell,
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(vcard_line, max_size=25))
def test_any_vcard_is_read_card_by_card_or_refused(lines: list[str]) -> None:
    text = "BEGIN:VCARD\n" + "\n".join(lines)
    try:
        parsed = parse_vcard(text)
    except ImportRefusedError:
        return
    accounted_for(parsed)


def test_a_vcard_in_quoted_printable_is_decoded() -> None:
    parsed = parse_vcard(
        "BEGIN:VCARD\nVERSION:2.1\nFN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Jos=C3=A9\n"
        "END:VCARD\n"
    )
    assert parsed.records[0].name == "José"


def test_too_many_rows_are_refused_whole() -> None:
    text = "Name\n" + "".join(f"P{n}\n" for n in range(MAX_IMPORT_ROWS + 1))
    with pytest.raises(ImportRefusedError, match="Nothing was imported"):
        parse_csv(text)


def test_very_long_values_are_kept_in_the_notes() -> None:
    parsed = parse_csv("Name,Company\n" + "A" * 300 + ",B" + "c" * 250 + "\n")
    (record,) = parsed.records
    assert len(record.name) == 200
    assert len(record.company) == 200
    assert "A" * 300 in record.notes
    assert "B" + "c" * 250 in record.notes
    assert {p.skipped for p in parsed.problems} == {False}


@pytest.mark.parametrize(
    ("text", "day"),
    [("2026-02-01", dt.date(2026, 2, 1)), ("05 Jan 2026", dt.date(2026, 1, 5)),
     ("1 February 2026", dt.date(2026, 2, 1)), ("Feb 1, 2026", dt.date(2026, 2, 1)),
     ("04/05/2026", None), ("tomorrow", None), ("2026-02-30", None), ("9999-01-01", None)],
)  # fmt: skip
def test_dates_are_read_only_when_unambiguous(text: str, day: dt.date | None) -> None:
    assert read_date(text) == day


def test_follow_ups_overdue_and_due_in_the_window() -> None:
    items = [
        FollowUp(1, "Late", "", TODAY - dt.timedelta(days=1)),
        FollowUp(2, "Today", "", TODAY),
        FollowUp(3, "In six days", "", TODAY + dt.timedelta(days=6)),
        FollowUp(4, "In a week", "", TODAY + dt.timedelta(days=7)),
    ]
    daily = follow_ups_due(items, TODAY)
    assert [f.name for f in daily.overdue] == ["Late"]
    assert [f.name for f in daily.due] == ["Today"]
    weekly = follow_ups_due(items, TODAY, days=7)
    assert [f.name for f in weekly.due] == ["Today", "In six days"]
    assert follow_ups_due([], TODAY).is_empty


@pytest.mark.parametrize(
    ("unit", "counts"),
    [("alumni", ("people", "alumni")), ("alumnae", ("people", "alumni")),
     ("contacts", ("people", None)), ("professionals in my field", ("people", None)),
     ("mentors", ("people", "mentor")), ("industry events", ("events", None)),
     ("meetups", ("events", None)), ("coffee chats", ("touches", None)),
     ("informational interviews", ("touches", None)), ("mock interviews", None),
     ("STAR stories", None), ("facts", None), ("", None)],
)  # fmt: skip
def test_what_a_goal_unit_counts(unit: str, counts: tuple[str, str | None] | None) -> None:
    assert what_counts(unit) == counts


def test_contact_5_alumni_counts_only_alumni_logged_since_the_goal_began() -> None:
    contacts = [
        NetworkContact(1, "Ana", "NHS alumni evening", TODAY, None),
        NetworkContact(2, "Ben", "an alumnus of King's", TODAY, None),
        NetworkContact(3, "Cy", "recruiter at Acme", TODAY, None),
        NetworkContact(4, "Old", "alumni", TODAY - dt.timedelta(days=30), None),
        NetworkContact(5, "Calumnia", "calumny and a columnist", TODAY, None),
    ]
    count = count_for_goal("alumni", TODAY - dt.timedelta(days=2), None, contacts, [], TODAY)
    assert count is not None
    assert count.names == ("Ana", "Ben")  # not "Old" (before the goal), not "calumny"
    assert count.value == 2
    assert "alumni" in count.explanation
    assert "Ana" in count.explanation


def test_only_events_attended_in_the_window_count() -> None:
    events = [
        NetworkEvent(1, "PyData", TODAY - dt.timedelta(days=1)),
        NetworkEvent(2, "Next week's fair", TODAY + dt.timedelta(days=7)),
        NetworkEvent(3, "Last year's", TODAY - dt.timedelta(days=400)),
    ]
    count = count_for_goal("events", TODAY - dt.timedelta(days=10), None, [], events, TODAY)
    assert count is not None
    assert count.names == ("PyData",)


def test_only_goals_whose_count_moved_are_updated() -> None:
    def goal(gid: int, unit: str, current: float, kind: str = "networking") -> GoalInput:
        return GoalInput(gid, "g", unit, kind, TODAY, None, current, 5)

    contacts = [NetworkContact(1, "Ana", "alumni", TODAY, TODAY)]
    updates = goal_updates(
        [goal(1, "alumni", 0), goal(2, "alumni", 1), goal(3, "mock interviews", 0),
         goal(4, "people", 0, kind="skills"), goal(5, "people", 0)],
        contacts, [], TODAY,
    )  # fmt: skip
    assert [(u.goal_id, u.before, u.after) for u in updates] == [(1, 0, 1), (5, 0, 1)]
