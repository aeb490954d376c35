"""The starter question bank that ships with prepcoach, and CSV import/export of questions.

The bank lives in `data/questions.csv` (questions) and `data/sample_answers.json` (good and
weak sample answers for role reversal), written by the team. A data migration loads it; loading
again updates the rows in place and never duplicates them.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from prepcoach.coach.csv_dialect import delimiter_of
from prepcoach.coach.escape import from_spreadsheet_cell, spreadsheet_cell

DATA = Path(__file__).resolve().parent / "data"
COLUMNS = ("text", "category", "competency", "field", "seniority", "difficulty")
OPTIONAL_COLUMNS = ("source",)
CATEGORIES = ("behavioral", "situational", "role-specific", "motivation")
SENIORITIES = ("any", "junior", "mid", "senior", "lead")
FIELDS = [
    ("general", "General"),
    ("software-engineering", "Software engineering"),
    ("data", "Data"),
    ("product", "Product"),
    ("design", "Design"),
    ("marketing", "Marketing"),
    ("sales", "Sales"),
    ("finance", "Finance"),
    ("nursing", "Nursing"),
    ("teaching", "Teaching"),
    ("project-management", "Project management"),
]
FIELD_VALUES = tuple(value for value, _ in FIELDS)
MAX_IMPORT_ROWS = 2000
MAX_IMPORT_BYTES = 1024 * 1024


def starter_rows() -> list[dict[str, Any]]:
    """Every starter question, with its sample answers when the team wrote some."""
    with (DATA / "questions.csv").open(newline="", encoding="utf-8") as handle:
        rows: dict[str, dict[str, Any]] = {
            r["text"].strip().lower(): dict(r) for r in csv.DictReader(handle)
        }
    samples_path = DATA / "sample_answers.json"
    if samples_path.exists():
        for sample in json.loads(samples_path.read_text(encoding="utf-8")):
            row = rows.setdefault(sample["text"].strip().lower(), {k: sample[k] for k in COLUMNS})
            row["sample_good"] = sample["good_answer"]
            row["sample_weak"] = sample["weak_answer"]
    return list(rows.values())


def load_bank(question_model: Any) -> int:
    """Create or update the starter bank (owner None), never adding a question a user already
    has as their own; returns how many rows it holds."""
    for row in starter_rows():
        defaults = {
            "category": row["category"],
            "competency": row["competency"],
            "field": row["field"],
            "seniority": row["seniority"],
            "difficulty": int(row["difficulty"]),
            "sample_good": row.get("sample_good", ""),
            "sample_weak": row.get("sample_weak", ""),
        }
        existing = question_model.objects.filter(
            owner__isnull=True, text__iexact=row["text"]
        ).first()
        if existing:
            for key, value in defaults.items():
                setattr(existing, key, value)
            existing.save()
        elif not question_model.objects.filter(text__iexact=row["text"]).exists():
            # A text a user already has as their own is not added to the bank beside it: their
            # bank would list it twice (practice/migrations/0020_starter_introductions.py).
            question_model.objects.create(owner=None, text=row["text"], **defaults)
    return int(question_model.objects.filter(owner__isnull=True).count())


@dataclass
class ImportResult:
    rows: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def parse_import(raw: bytes) -> ImportResult:
    """Read an uploaded questions CSV. Any problem is reported by line; a file with problems
    imports nothing, so a half-imported bank never happens."""
    result = ImportResult()
    if not raw.strip():
        result.errors.append("The file is empty: export your questions first to see the format.")
        return result
    if len(raw) > MAX_IMPORT_BYTES:
        result.errors.append(f"The file is over {MAX_IMPORT_BYTES // 1024} KB: split it in parts.")
        return result
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        result.errors.append(
            f"The file is not UTF-8 text (byte {error.start} cannot be read): save it as "
            "“CSV UTF-8” and try again."
        )
        return result
    # A European spreadsheet's CSV is separated by semicolons: read it by what it uses.
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter_of(text, is_header=_names_text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        result.errors.append(
            f"Missing column{'s' * (len(missing) > 1)}: {', '.join(missing)}. The first line must "
            f"name the columns {', '.join(COLUMNS)} (and optionally source)."
        )
        return result
    try:
        for count, raw_row in enumerate(reader, start=1):
            if count > MAX_IMPORT_ROWS:
                result.errors.append(f"More than {MAX_IMPORT_ROWS} questions: split the file.")
                break
            _check_row(raw_row, reader.line_num, result)
    except csv.Error as error:
        result.errors.append(
            f"Line {reader.line_num}: the CSV cannot be read ({error}); a quote is probably "
            "not closed."
        )
    if not result.rows and not result.errors:
        result.errors.append("The file has a header but no questions.")
    return result


def _names_text(row: list[str]) -> bool:
    return "text" in {cell.strip() for cell in row}


def _check_row(raw_row: dict[str, str | None], line: int, result: ImportResult) -> None:
    row = {k.strip(): from_spreadsheet_cell((v or "").strip()) for k, v in raw_row.items() if k}
    if not any(row.values()):
        return
    problems = _row_problems(row)
    if problems:
        result.errors.append(f"Line {line}: {'; '.join(problems)}.")
    else:
        result.rows.append(row)


def _row_problems(row: dict[str, str]) -> list[str]:
    problems = []
    if not row.get("text"):
        problems.append("the question is empty")
    elif len(row["text"]) > 300:
        problems.append("the question is over 300 characters")
    if row.get("category") not in CATEGORIES:
        problems.append(f"category must be one of {', '.join(CATEGORIES)}")
    if row.get("seniority", "any") not in SENIORITIES:
        problems.append(f"seniority must be one of {', '.join(SENIORITIES)}")
    if row.get("difficulty", "2") not in {"1", "2", "3"}:
        problems.append("difficulty must be 1, 2 or 3")
    if (row.get("field") or "general") not in FIELD_VALUES:
        problems.append(f"field must be one of {', '.join(FIELD_VALUES)}")
    if len(row.get("competency", "")) > 40:
        problems.append("the competency is over 40 characters")
    return problems


def export_rows(questions: Any) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*COLUMNS, *OPTIONAL_COLUMNS])
    for q in questions:
        cells = [q.text, q.category, q.competency, q.field, q.seniority, q.difficulty, q.source]
        writer.writerow([spreadsheet_cell(cell) for cell in cells])
    return out.getvalue()
