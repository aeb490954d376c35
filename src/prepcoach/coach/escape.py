"""The user's words written into another format so that they stay words there: a CSV cell a
spreadsheet would run as a formula, Markdown and HTML in a Markdown file, control characters in
an iCalendar file. Every export goes through these; nothing the user wrote is dropped.
"""

from __future__ import annotations

import html
import re

# A spreadsheet (Excel, LibreOffice, Google Sheets) reads a cell starting with one of these as a
# formula (or, for tab and CR, strips them and reads what follows).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> str:
    """A CSV cell that a spreadsheet shows as text: one that would start a formula gets a
    leading apostrophe (the spreadsheets' own "this is text" mark, not shown in the cell)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def from_spreadsheet_cell(text: str) -> str:
    """The inverse for importing a file we exported: the apostrophe `spreadsheet_cell` added
    is taken off again, and only where it added one."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text


# Markdown punctuation anywhere in a line (backslash-escaped), at its start (a heading, a list,
# a quote), and HTML (`<` and an entity's `&`, written as entities, which every Markdown reads).
MARKDOWN_SPECIAL_RE = re.compile(r"[\\`*_\[\]]")
LINE_START_RE = re.compile(r"^(?:[#+\-=>]|\d+(?=[.)]))")
HTML_START_RE = re.compile(r"<|&(?=#?\w+;)")


def markdown_text(text: str) -> str:
    """One line of the user's plain text (a title, a fact) inside a Markdown document: shown as
    typed, never as emphasis, a link, a heading, a list or HTML. Line breaks become spaces."""
    flat = " ".join(str(text).split())
    escaped = MARKDOWN_SPECIAL_RE.sub(lambda m: "\\" + m.group(0), flat)
    escaped = LINE_START_RE.sub(_escape_line_start, escaped)
    return HTML_START_RE.sub(lambda m: "&lt;" if m.group(0) == "<" else "&amp;", escaped)


def _escape_line_start(match: re.Match[str]) -> str:
    mark = match.group(0)
    return mark + "\\" if mark.isdigit() else "\\" + mark


AUTOLINK_RE = re.compile(r"<(?!(?:https?://|mailto:)[^\s<>]*>)")
CODE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,}).*?^ {0,3}\1[ \t]*$|(`+).+?\2", re.M | re.S)


def markdown_source(text: str) -> str:
    """The user's own Markdown (logistics, notes) inside a Markdown document: its Markdown is
    kept, its raw HTML becomes text (as `text.markdown_html` shows it on the page), so a viewer
    renders no markup the user did not write as Markdown. Code, where `<` is already text, and
    autolinks (`<https://…>`) are left as they are."""
    parts: list[str] = []
    done = 0
    for code in CODE_RE.finditer(text):
        parts += [AUTOLINK_RE.sub("&lt;", text[done : code.start()]), code.group(0)]
        done = code.end()
    parts.append(AUTOLINK_RE.sub("&lt;", text[done:]))
    return "".join(parts)


CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def ics_text(text: str) -> str:
    """The user's text for an iCalendar TEXT value: line breaks kept (the library escapes them),
    other control characters, which RFC 5545 forbids and which break some calendars, removed."""
    return CONTROL_RE.sub("", str(text).replace("\r\n", "\n").replace("\r", "\n"))


def ics_html(text: str) -> str:
    """The same text as HTML for calendars that show a description as HTML (`X-ALT-DESC`): every
    character escaped, line breaks as <br>, so the user's markup shows as they typed it."""
    return "<br>".join(html.escape(line) for line in ics_text(text).split("\n"))
