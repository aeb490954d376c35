"""The user's words written into other formats stay words there (issue 11, class 4)."""

import icalendar
import markdown
import pytest

from prepcoach.coach.escape import (
    from_spreadsheet_cell,
    ics_html,
    ics_text,
    markdown_source,
    markdown_text,
    spreadsheet_cell,
)
from prepcoach.coach.text import markdown_html, plain_text


@pytest.mark.parametrize(
    "cell", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]
)
def test_a_cell_a_spreadsheet_would_run_is_written_as_text(cell: str) -> None:
    safe = spreadsheet_cell(cell)
    assert safe == "'" + cell
    assert from_spreadsheet_cell(safe) == cell


@pytest.mark.parametrize("cell", ["Tell me about a time", "'quoted' on purpose", "3", ""])
def test_an_ordinary_cell_is_unchanged_both_ways(cell: str) -> None:
    assert spreadsheet_cell(cell) == cell
    assert from_spreadsheet_cell(cell) == cell


def test_markdown_keeps_words_in_angle_brackets_as_text() -> None:
    html = markdown_html("Return an Optional<User>, then press <Enter>. `List<int>` **ok**")
    assert "Optional&lt;User&gt;" in html
    assert "press &lt;Enter&gt;" in html
    assert "<code>List&lt;int&gt;</code>" in html
    assert "<strong>ok</strong>" in html


def test_markdown_escapes_html_it_does_not_allow_and_runs_none() -> None:
    html = markdown_html('<script>alert(1)</script> <img src=x onerror="a()"> <b>kept</b>')
    assert "<script" not in html
    assert "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>kept</b>" in html


def test_a_pasted_advert_loses_its_html_but_not_the_writers_brackets() -> None:
    advert = "<div><p>Return Optional<User> types</p><script>steal()</script><p>Press <Enter></p>"
    assert plain_text(advert) == "Return Optional<User> types\nPress <Enter>"
    assert plain_text("Optional<User>") == "Optional<User>"


@pytest.mark.parametrize(
    "text",
    ["**not bold**", "[link](javascript:x)", "<img src=x onerror=y>", "# not a heading",
     "1. not a list", "- not a list", "> not a quote", "Optional<User> & R&amp;D", "a_b_c"],
)  # fmt: skip
def test_plain_text_in_a_markdown_file_renders_as_typed(text: str) -> None:
    rendered = markdown.markdown(markdown_text(text))
    assert rendered.startswith("<p>")
    assert rendered.endswith("</p>")
    inner = rendered[3:-4]
    assert "<" not in inner.replace("&lt;", "")
    assert markdown_html(markdown_text(text)) == f"<p>{inner}</p>"


def test_users_markdown_in_a_markdown_file_keeps_markdown_and_escapes_html() -> None:
    source = markdown_source("**Bring** <b>ID</b> `Optional<User>` <https://acme.example/x>")
    assert source.startswith("**Bring** &lt;b>ID&lt;/b>")
    assert "`Optional<User>`" in source
    assert "<https://acme.example/x>" in source


def test_calendar_text_keeps_lines_and_loses_control_characters() -> None:
    text = "Line one\r\nEND:VEVENT\rBEGIN:VEVENT\x0b\x00 <b>x</b>"
    assert ics_text(text) == "Line one\nEND:VEVENT\nBEGIN:VEVENT <b>x</b>"
    assert ics_html(text) == "Line one<br>END:VEVENT<br>BEGIN:VEVENT &lt;b&gt;x&lt;/b&gt;"
    event = icalendar.Event()
    event.add("summary", ics_text(text))
    calendar = icalendar.Calendar()
    calendar.add_component(event)
    parsed = icalendar.Calendar.from_ical(calendar.to_ical())
    assert [str(e["summary"]) for e in parsed.walk("VEVENT")] == [ics_text(text)]
