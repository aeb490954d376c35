"""The reader's can't-tell band (`reader_unsure_band.UNSURE_FROM`) against no band, on a
labelled set (`bench_reader.py`)."""

from __future__ import annotations

from typing import Any

from prepcoach.coach import reader, reader_unsure_band


def band_rows(answers: list[dict[str, Any]]) -> dict[str, tuple[float, ...]]:
    """The can't-tell band (`reader_unsure_band.UNSURE_FROM`) against no band, per banded part, on the
    answer level as the report says it (action: any owner's). Per part: the share of answers
    read right without the band; with it, the share given a verdict and the share of those
    right; how often "absent" was right (its precision: the band exists to make it
    trustworthy) without and with the band, and how many "absent" verdicts the band leaves."""
    cases: dict[str, list[tuple[bool, bool, bool]]] = {
        part: [] for part in reader_unsure_band.UNSURE_FROM
    }
    for answer in answers:
        sentences = answer["sentences"]
        found = reader.read_text(" ".join(x["text"] for x in sentences)).presence
        for part, seen in cases.items():
            p = found.get(part)
            truth = any(x["part"] == part for x in sentences)
            seen.append((bool(p and p.present), truth, bool(p and p.unsure)))

    def share(flags: list[bool]) -> float:
        return sum(flags) / len(flags) if flags else float("nan")

    return {
        part: (
            share([said == truth for said, truth, _ in seen]),
            share([not unsure for _, _, unsure in seen]),
            share([said == truth for said, truth, unsure in seen if not unsure]),
            share([not truth for said, truth, _ in seen if not said]),
            share([not truth for said, truth, unsure in seen if not said and not unsure]),
            float(sum(not said and not unsure for said, _, unsure in seen)),
        )
        for part, seen in cases.items()
    }


# Columns: right without the band; told, and right of those told, with it; "absent" right
# without and with it; "absent" verdicts with it.
BAND_HEADS = ("right", "told", "told ok", "abs ok", "abs ok b", "abs n")
