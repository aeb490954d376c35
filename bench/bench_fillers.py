"""Fillers counted in an answer (`coach.delivery.filler_spans`), against labelled sentences
(`tests/data/fillers/`): precision and recall of every filler, and of "like" alone, whose
uses as a verb, a comparison or "for example" are not fillers.

Each text's fillers are matched by kind ("like", "you know", "um"…): the found and the labelled
of one kind in one text agree as often as the smaller count. Baselines measured in the same
run: every "like" a filler, and none. The development set (`dev.json`) is the one rules are
tuned on; `heldout.json` is read for its aggregate figures only.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from prepcoach.coach import delivery

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "fillers"
SETS = (
    ("dev.json", 'development (2026-12-06, forty-fifth session; the "like" rule tuned on it)'),
    (
        "heldout.json",
        "held-out (2026-12-06, written with dev.json; aggregates only, first read after the "
        '"like" rule of 867d2a1; every run since is another read)',
    ),
)

Finder = Callable[[str], list[str]]


@dataclass(frozen=True, slots=True)
class Agreement:
    found: int
    labelled: int
    agreed: int

    @property
    def precision(self) -> float:
        return self.agreed / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.agreed / self.labelled if self.labelled else 1.0

    def __str__(self) -> str:
        return (
            f"P {self.precision:.3f} R {self.recall:.3f} "
            f"({self.agreed} of {self.found} found, of {self.labelled} labelled)"
        )


def shipped(text: str) -> list[str]:
    tokens = delivery.tokens_of(None, text)
    return [" ".join(t.text for t in tokens[i : i + n]) for i, n in delivery.filler_spans(tokens)]


def every_like(text: str) -> list[str]:
    """The baseline that calls every "like" a filler (the other fillers as shipped)."""
    others = [found for found in shipped(text) if found != "like"]
    likes = [t for t in delivery.tokens_of(None, text) if t.text == "like"]
    return others + ["like"] * len(likes)


def no_like(text: str) -> list[str]:
    """The baseline that calls no "like" a filler."""
    return [found for found in shipped(text) if found != "like"]


def agreement(rows: list[dict[str, object]], finder: Finder, only: str | None) -> Agreement:
    found = labelled = agreed = 0
    for row in rows:
        text = str(row["text"])
        fillers = row["fillers"]
        assert isinstance(fillers, list)
        labels = [str(f).lower() for f in fillers]
        want = Counter(f for f in labels if only is None or f == only)
        got = Counter(f for f in finder(text) if only is None or f == only)
        found += sum(got.values())
        labelled += sum(want.values())
        agreed += sum((got & want).values())
    return Agreement(found, labelled, agreed)


def run() -> None:
    for name, status in SETS:
        rows = json.loads((DATA / name).read_text())
        print(f"fillers/{name}: {len(rows)} texts, {status}")
        for label, finder in (("as shipped", shipped), ("every 'like' (baseline)", every_like),
                              ("no 'like' (baseline)", no_like)):  # fmt: skip
            print(
                f"  {label:<24} all fillers {agreement(rows, finder, None)}\n"
                f"  {'':<24} 'like' only  {agreement(rows, finder, 'like')}"
            )


if __name__ == "__main__":
    run()
