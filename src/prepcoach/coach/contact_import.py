"""Reading contacts from a CSV or vCard file for the user's network (`coach.network`).

Every row of a file is either read into a `ContactRecord` or reported with its row and the
reason; nothing here raises on bad input but a file that cannot be read at all
(`ImportRefusedError`). vCard is the simple 2.1/3.0/4.0 subset address books export (FN, N,
EMAIL, TEL, ORG, TITLE, ROLE, NOTE, CATEGORIES), parsed here rather than with a full calendar
library: a contact needs nothing more, and every malformed card must come back as a reason, not
an exception.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import quopri
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from prepcoach.coach.csv_dialect import delimiter_of

MAX_IMPORT_ROWS = 5000  # a whole address book; a bigger file is refused, so nothing is cut short
MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_NAME = 200
MAX_SHORT = 200  # company, role, where met, e-mail, phone
MAX_NOTES = 5000
HEADER_SEARCH_ROWS = 10  # LinkedIn's export has a few lines of notes before its header


class ImportRefusedError(ValueError):
    """The whole file cannot be read; nothing from it is imported."""


@dataclass(frozen=True, slots=True)
class ContactRecord:
    row: int  # the file's row (CSV, header is row 1) or card number (vCard)
    name: str
    email: str = ""
    phone: str = ""
    company: str = ""
    role: str = ""
    where_met: str = ""
    notes: str = ""
    tags: str = ""
    last_contact: dt.date | None = None
    next_follow_up: dt.date | None = None

    @property
    def key(self) -> str:
        """Who this is, for spotting the same person twice: the e-mail, else name and company."""
        return contact_key(self.name, self.email, self.company)


@dataclass(frozen=True, slots=True)
class RowProblem:
    row: int
    message: str
    skipped: bool  # True: this row was not imported; False: imported, with this caveat


@dataclass(frozen=True, slots=True)
class ParsedFile:
    kind: str  # "CSV" or "vCard"
    records: tuple[ContactRecord, ...]
    problems: tuple[RowProblem, ...]
    rows: int  # rows (or cards) seen, so every one is accounted for

    @property
    def skipped(self) -> tuple[RowProblem, ...]:
        return tuple(p for p in self.problems if p.skipped)


@dataclass(frozen=True, slots=True)
class ImportPlan:
    to_import: tuple[ContactRecord, ...]
    problems: tuple[RowProblem, ...]  # every problem, in row order
    rows: int
    kind: str


def contact_key(name: str, email: str, company: str = "") -> str:
    if email.strip():
        return "email:" + email.strip().casefold()
    flat = " ".join(re.findall(r"\w+", name.casefold()))
    return f"name:{flat}|{' '.join(re.findall(r'\w+', company.casefold()))}"


# --- reading a file --------------------------------------------------------------------------


def decode(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark) or UTF-16 with its mark; anything else is
    refused with where it went wrong, rather than read into wrong letters."""
    if not data.strip():
        raise ImportRefusedError("The file is empty: there is nothing to import.")
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportRefusedError(
            f"The file is {len(data) / 1024 / 1024:.1f} MB; prepcoach reads files up to "
            f"{MAX_IMPORT_BYTES // 1024 // 1024} MB. Nothing was imported: split it and try again."
        )
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportRefusedError(
                "The file says it is UTF-16 but is not. Nothing was imported."
            ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ImportRefusedError(
            f"The file is not UTF-8 text (line {line} has the byte 0x{data[error.start]:02X}, "
            "perhaps from a Windows or Mac character set). Nothing was imported. Save it as "
            "UTF-8 (in Excel: “CSV UTF-8”; in Numbers or Google Sheets, CSV is UTF-8 already) "
            "and import it again."
        ) from None
    if "\x00" in text:
        raise ImportRefusedError(
            "This is not a text file (it has NUL bytes). Nothing was imported."
        )
    return text


def parse_file(data: bytes, filename: str = "") -> ParsedFile:
    """A CSV or vCard file by its content (a vCard starts with BEGIN:VCARD). Raises
    ImportRefusedError only for a file that cannot be read at all."""
    text = decode(data)
    if text.lstrip().upper().startswith("BEGIN:VCARD") or filename.lower().endswith(
        (".vcf", ".vcard")
    ):
        return parse_vcard(text)
    return parse_csv(text)


# CSV column names, compared lower-cased with spaces, dashes and underscores removed.
COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("name", "fullname", "displayname", "contact", "contactname"),
    "first": ("firstname", "givenname", "first"),
    "last": ("lastname", "familyname", "surname", "last"),
    "email": ("email", "emailaddress", "mail", "email1", "emailaddress1", "e-mail"),
    "phone": ("phone", "phonenumber", "mobile", "telephone", "tel", "mobilephone"),
    "company": ("company", "organisation", "organization", "employer", "org"),
    "role": ("role", "title", "jobtitle", "position"),
    "where_met": ("wheremet", "metat", "howmet", "source", "where", "event"),
    "notes": ("notes", "note", "comments", "comment"),
    "tags": ("tags", "tag", "categories", "groups", "relationship", "kind", "type"),
    "last_contact": ("lastcontact", "lastcontacted", "connectedon", "lastmet", "contacted"),
    "next_follow_up": ("nextfollowup", "followup", "followupon", "nextcontact", "followupdate"),
}
DATE_FORMATS = ("%Y-%m-%d", "%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y", "%Y/%m/%d")


def _column_for(header: str) -> str | None:
    flat = re.sub(r"[\s_\-.]", "", header.strip().lower())
    for column, names in COLUMNS.items():
        if flat in {n.replace("-", "") for n in names}:
            return column
    return None


def read_date(text: str) -> dt.date | None:
    """Dates a spreadsheet or LinkedIn writes unambiguously; "04/05/2025" is not read (the
    day and month could be either), so it is kept in the notes instead of guessed."""
    value = text.strip()
    for fmt in DATE_FORMATS:
        try:
            day = dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
        if 1900 <= day.year <= 2100:
            return day
    return None


def _is_header(row: list[str]) -> bool:
    return bool({"name", "first", "email"} & {_column_for(c) for c in row})


def parse_csv(text: str) -> ParsedFile:
    try:
        rows = list(
            csv.reader(
                io.StringIO(text, newline=""),
                delimiter=delimiter_of(text, is_header=_is_header),
                strict=True,
            )
        )
    except csv.Error as error:
        raise ImportRefusedError(_csv_error(text, error)) from None
    header_at = next(
        (i for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]) if _is_header(row)),
        None,
    )
    if header_at is None:
        raise ImportRefusedError(
            "The first row should name the columns (at least “Name” or “Email”; also "
            "Company, Role, Where met, Notes, Last contact, Next follow-up). Nothing was "
            "imported."
        )
    header = [_column_for(c) for c in rows[header_at]]
    body = [
        (n, r)
        for n, r in enumerate(rows[header_at + 1 :], start=header_at + 2)
        if any(cell.strip() for cell in r)
    ]
    if not body:
        raise ImportRefusedError("The file has column names but no contacts. Nothing was imported.")
    _refuse_if_too_many(len(body), "rows")
    records: list[ContactRecord] = []
    problems: list[RowProblem] = []
    for number, row in body:
        values: dict[str, str] = {}
        extra: list[str] = []
        for index, cell in enumerate(row):
            column = header[index] if index < len(header) else None
            if column is None:
                if cell.strip():
                    label = rows[header_at][index].strip() if index < len(header) else ""
                    extra.append(f"{label}: {cell.strip()}" if label else cell.strip())
            elif cell.strip():
                values[column] = (values.get(column, "") + " " + cell.strip()).strip()
        if "name" not in values and ("first" in values or "last" in values):
            values["name"] = f"{values.get('first', '')} {values.get('last', '')}".strip()
        record, row_problems = _record(number, values, extra)
        problems.extend(row_problems)
        if record is not None:
            records.append(record)
    return ParsedFile("CSV", tuple(records), tuple(problems), len(body))


def _csv_error(text: str, error: csv.Error) -> str:
    reason = str(error)
    if "field larger than field limit" in reason:
        reason = "one cell is longer than 131,072 characters"
    elif "unexpected end of data" in reason or "EOF" in reason:
        reason = 'a quote (") is opened and never closed'
    elif "expected" in reason and "after" in reason:
        reason = 'a quote (") sits in the middle of a cell; quotes inside a cell are doubled'
    return (
        f"The CSV file cannot be read: {reason}. Nothing was imported: fix the file and "
        "import it again."
    )


def _refuse_if_too_many(count: int, what: str) -> None:
    if count > MAX_IMPORT_ROWS:
        raise ImportRefusedError(
            f"The file has {count:,} {what}; prepcoach imports at most {MAX_IMPORT_ROWS:,} at a "
            f"time. Nothing was imported: split the file and import each part."
        )


def _record(
    number: int, values: Mapping[str, str], extra: Sequence[str]
) -> tuple[ContactRecord | None, list[RowProblem]]:
    problems: list[RowProblem] = []
    name = " ".join(values.get("name", "").split())
    email = values.get("email", "").strip()
    if not name and email:
        name = email.split("@")[0]
        problems.append(RowProblem(number, f"no name: “{name}” taken from the e-mail", False))
    if not name:
        return None, [RowProblem(number, "no name or e-mail: not imported", True)]
    if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        problems.append(
            RowProblem(
                number, f"“{_clip(email)}” is not an e-mail address: kept in the notes", False
            )
        )
        extra = [*extra, f"E-mail as written: {email}"]
        email = ""
    notes = [values.get("notes", "")]
    dates: dict[str, dt.date | None] = {}
    for column, label in (("last_contact", "last contact"), ("next_follow_up", "next follow-up")):
        written = values.get(column, "")
        dates[column] = read_date(written) if written else None
        if written and dates[column] is None:
            problems.append(
                RowProblem(
                    number,
                    f"the {label} date “{_clip(written)}” could not "
                    "be read (write it as 2025-05-31): kept in the notes",
                    False,
                )
            )
            notes.append(f"{label.capitalize()}: {written}")
    shorts = {c: values.get(c, "").strip() for c in ("phone", "company", "role", "where_met")}
    for column, text in shorts.items():
        if len(text) > MAX_SHORT:
            problems.append(
                RowProblem(
                    number,
                    f"the {column.replace('_', ' ')} is longer than "
                    f"{MAX_SHORT} characters: kept whole in the notes",
                    False,
                )
            )
            notes.append(f"{column.replace('_', ' ').capitalize()}: {text}")
            shorts[column] = text[: MAX_SHORT - 1] + "…"
    if len(name) > MAX_NAME:
        problems.append(
            RowProblem(
                number,
                f"the name is longer than {MAX_NAME} characters: "
                "shortened, and kept whole in the notes",
                False,
            )
        )
        notes.append(f"Name: {name}")
        name = name[: MAX_NAME - 1] + "…"
    if len(email) > MAX_SHORT:
        problems.append(RowProblem(number, "the e-mail is too long: kept in the notes", False))
        notes.append(f"E-mail: {email}")
        email = ""
    all_notes = "\n".join(n for n in [*notes, *extra] if n.strip())
    if len(all_notes) > MAX_NOTES:
        problems.append(
            RowProblem(
                number,
                f"the notes are longer than {MAX_NOTES:,} characters: only the start is kept",
                False,
            )
        )
        all_notes = all_notes[: MAX_NOTES - 1] + "…"
    record = ContactRecord(
        row=number,
        name=name,
        email=email,
        phone=shorts["phone"],
        company=shorts["company"],
        role=shorts["role"],
        where_met=shorts["where_met"],
        notes=all_notes,
        tags=values.get("tags", "")[:MAX_SHORT],
        last_contact=dates["last_contact"],
        next_follow_up=dates["next_follow_up"],
    )
    return record, problems


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


VCARD_LINE_RE = re.compile(
    r"^(?:[\w-]+\.)?(?P<name>[A-Za-z][\w-]*)(?P<params>(?:;[^:]*)?):(?P<value>.*)$"
)


def _unescape(value: str) -> str:
    return re.sub(r"\\([nN,;:\\])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _split(value: str, sep: str) -> list[str]:
    return [_unescape(p) for p in re.split(rf"(?<!\\){re.escape(sep)}", value)]


def parse_vcard(text: str) -> ParsedFile:
    # Unfold: a line that starts with a space or tab continues the one before (RFC 6350 3.2).
    lines: list[tuple[int, str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw[:1] in {" ", "\t"} and lines:
            lines[-1] = (lines[-1][0], lines[-1][1] + raw[1:])
        elif raw.strip():
            lines.append((number, raw))
    cards: list[tuple[int, list[str]]] = []
    problems: list[RowProblem] = []
    current: list[str] | None = None
    started = 0
    for number, line in lines:
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD":
            if current is not None:
                problems.append(
                    RowProblem(
                        len(cards) + 1,
                        f"the card starting on line {started} has no END:VCARD: not imported",
                        True,
                    )
                )
                cards.append((started, []))
            current, started = [], number
        elif upper == "END:VCARD":
            if current is None:
                continue
            cards.append((started, current))
            current = None
        elif current is not None:
            current.append(line)
        elif not problems or problems[-1].row != 0:
            problems.append(
                RowProblem(
                    0,
                    f"line {number} is outside any card (BEGIN:VCARD … END:VCARD): ignored",
                    False,
                )
            )
    if current is not None:
        problems.append(
            RowProblem(
                len(cards) + 1,
                f"the card starting on line {started} has "
                "no END:VCARD (the file may be cut short): not imported",
                True,
            )
        )
        cards.append((started, []))
    if not cards:
        raise ImportRefusedError(
            "No contact cards found (a vCard file has BEGIN:VCARD … END:VCARD). Nothing was "
            "imported."
        )
    _refuse_if_too_many(len(cards), "cards")
    records: list[ContactRecord] = []
    broken = {p.row for p in problems if p.skipped}
    for index, (_started, card) in enumerate(cards, start=1):
        if index in broken:
            continue
        values: dict[str, str] = {}
        for line in card:
            match = VCARD_LINE_RE.match(line)
            if match is None:
                continue
            prop, params = match.group("name").upper(), match.group("params").upper()
            value = match.group("value")
            if "QUOTED-PRINTABLE" in params:
                charset = re.search(r"CHARSET=([\w-]+)", params)
                try:
                    value = quopri.decodestring(value.encode("latin-1", "replace")).decode(
                        charset.group(1) if charset else "utf-8", "replace"
                    )
                except LookupError:
                    value = quopri.decodestring(value.encode("latin-1", "replace")).decode(
                        "utf-8", "replace"
                    )
            _vcard_value(prop, value, values)
        if "name" not in values and ("first" in values or "last" in values):
            values["name"] = f"{values.get('first', '')} {values.get('last', '')}".strip()
        record, row_problems = _record(index, values, [])
        problems.extend(row_problems)
        if record is not None:
            records.append(record)
    problems.sort(key=lambda p: p.row)
    return ParsedFile("vCard", tuple(records), tuple(problems), len(cards))


def _vcard_value(prop: str, value: str, values: dict[str, str]) -> None:
    def put(column: str, text: str, joiner: str = "") -> None:
        text = text.strip()
        if not text:
            return
        if column in values and joiner:
            values[column] += joiner + text
        elif column not in values:
            values[column] = text

    if prop == "FN":
        put("name", _unescape(value))
    elif prop == "N":
        parts = [*_split(value, ";"), "", ""]
        put("last", parts[0])
        put("first", " ".join(p for p in (parts[1], parts[2]) if p.strip()))
    elif prop == "EMAIL":
        put("email", _unescape(value).removeprefix("mailto:"))
    elif prop == "TEL":
        put("phone", _unescape(value).removeprefix("tel:"))
    elif prop == "ORG":
        put("company", " – ".join(p for p in _split(value, ";") if p.strip()))
    elif prop in {"TITLE", "ROLE"}:
        put("role", _unescape(value), ", ")
    elif prop == "NOTE":
        put("notes", _unescape(value), "\n")
    elif prop == "CATEGORIES":
        put("tags", ", ".join(p.strip() for p in _split(value, ",") if p.strip()), ", ")


def plan_import(parsed: ParsedFile, existing: Mapping[str, str]) -> ImportPlan:
    """Which records to add: one per person (within the file and against the user's own
    contacts, `existing` key → name); each one left out is reported with its row."""
    seen: dict[str, int] = {}
    keep: list[ContactRecord] = []
    problems = list(parsed.problems)
    for record in parsed.records:
        key = record.key
        if key in existing:
            problems.append(
                RowProblem(
                    record.row,
                    f"{record.name} is already in your contacts (as {existing[key]}): skipped",
                    True,
                )
            )
        elif key in seen:
            problems.append(
                RowProblem(
                    record.row,
                    f"{record.name} appears again (first on "
                    f"{_where(parsed.kind, seen[key])}): skipped",
                    True,
                )
            )
        else:
            seen[key] = record.row
            keep.append(record)
    problems.sort(key=lambda p: (p.row, not p.skipped))
    return ImportPlan(tuple(keep), tuple(problems), parsed.rows, parsed.kind)


def _where(kind: str, row: int) -> str:
    return f"card {row}" if kind == "vCard" else f"row {row}"


def describe_row(kind: str, row: int) -> str:
    """“Row 4” or “Card 2” (row 0: the file as a whole)."""
    return "The file" if row == 0 else _where(kind, row).capitalize()
