"""Which character separates a CSV file's cells: a spreadsheet set to a European locale
(Excel, LibreOffice, Numbers in German, French, Dutch, …) saves "CSV" with semicolons, some
tools with tabs or bars. Every CSV import reads the file with the separator found here.

The separator is the one under which the importer finds its header row (`is_header`), then
the one that splits the most of the first rows into the same number of cells (more than one);
a comma wins a tie, so an ordinary CSV is read as before.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Callable

CANDIDATES = (",", ";", "\t", "|")
SAMPLE_CHARS = 64 * 1024
SAMPLE_ROWS = 30


def delimiter_of(text: str, is_header: Callable[[list[str]], bool] | None = None) -> str:
    """The separator of a CSV text (its first rows are read), "," when nothing else fits."""
    sample = text[:SAMPLE_CHARS]
    best, best_score = ",", (False, 0, 0)
    for candidate in CANDIDATES:
        counts = Counter[int]()
        header = False
        reader = csv.reader(io.StringIO(sample, newline=""), delimiter=candidate)
        try:
            for number, row in enumerate(reader):
                if number >= SAMPLE_ROWS:
                    break
                if any(cell.strip() for cell in row):
                    counts[len(row)] += 1
                    header = header or (is_header is not None and is_header(row))
        except csv.Error:
            pass  # the sample may end inside a quoted cell: what was read still counts
        width, rows = max(counts.items(), key=lambda item: (item[1], item[0]), default=(0, 0))
        score = (header, rows, width) if width > 1 or header else (False, 0, 0)
        if score > best_score:
            best, best_score = candidate, score
    return best
