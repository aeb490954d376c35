"""Key terms of job adverts: precision, recall and F1 against the labelled adverts
(`tests/data/adverts/`, scored by its GUIDE.md rule: normalised forms, each labelled term matched
once, a second match a false positive), recall on core terms, and time per advert.

Baseline measured in the same run: the old extractor (repeated words and two-word phrases), read
from git at f3a3e3d into a temporary module. Both extractors get only the advert's text: the
employer's name has to be found in it. Held-out figures are aggregates only; no advert or
per-advert result is printed.
"""

from __future__ import annotations

import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from prepcoach.coach.keywords import key_terms
from prepcoach.coach.term_forms import TermScore, score_terms
from prepcoach.coach.text import plain_text

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "adverts"
OLD_COMMIT = "f3a3e3d"
SETS = {
    "dev": ("development (2026-11-30; the extractor was trained and tuned on it)", "dev.json"),
    "heldout": (
        "development since 2026-11-30, second session (was held-out; the extractor is now "
        "trained on it too)",
        "heldout.json",
    ),
    "dev2": ("development (2026-11-30, third session; the extractor is trained on it)",
             "dev2.json"),
    "heldout2": (
        "development since 2026-11-30, third session (was held-out and read once; the "
        "extractor is now trained on it too)",
        "heldout2.json",
    ),
    "heldout3": (
        "development since 2026-11-30, fourth session (was held-out and read twice with nothing "
        "changed; the extractor is now trained on it too)",
        "heldout3.json",
    ),
    "dev3": (
        "development (2026-11-30, fourth session; the extractor is trained on it)",
        "dev3.json",
    ),
    "dev4": (
        "development (2026-11-30, fifth session; the extractor is trained on it)",
        "dev4.json",
    ),
    "heldout4": (
        "development since 2026-11-30, sixth session (was held-out and read three times with "
        "nothing changed; the extractor is now trained on it)",
        "heldout4.json",
    ),
    "heldout5": (
        "development since 2026-11-30, sixth session (was held-out and read twice with nothing "
        "changed; the extractor is now trained on it)",
        "heldout5.json",
    ),
    "heldout6": (
        "development since 2026-11-30, sixth session (was held-out and read once with nothing "
        "changed; the extractor is now trained on it)",
        "heldout6.json",
    ),
    "heldout7": (
        "development since 2026-12-01, eighth session (was held-out and read twice with "
        "nothing changed; the extractor is now trained on it)",
        "heldout7.json",
    ),
    "heldout8": (
        "development since 2026-12-01, eighth session (was held-out and read once with "
        "nothing changed; the extractor is now trained on it)",
        "heldout8.json",
    ),
    "heldout9": (
        "development since 2026-12-03, twenty-first session (was held-out and read twice with "
        "nothing changed, its misses read; the extractor is now trained on it)",
        "heldout9.json",
    ),
    "heldout10": (
        "development since 2026-12-03, twenty-first session (was held-out and read twice with "
        "nothing changed, its misses read; the extractor is now trained on it)",
        "heldout10.json",
    ),
    "heldout11": (
        "development since 2026-12-03, twenty-first session (was held-out and read three times "
        "with nothing changed, its misses read; the extractor is now trained on it)",
        "heldout11.json",
    ),
    "heldout12": (
        "development since 2026-12-03, twenty-first session (was held-out and read twice with "
        "nothing changed, its misses read; the extractor is now trained on it)",
        "heldout12.json",
    ),
    "heldout13": (
        "development since 2026-12-03, twenty-first session (was held-out and read once with "
        "nothing changed; the extractor is now trained on it)",
        "heldout13.json",
    ),
    "dev5": (
        "development (2026-12-03, twenty-first session; written for training; the extractor is "
        "trained on it)",
        "dev5.json",
    ),
    "dev6": (
        "development (2026-12-03, twenty-first session; written for training; the extractor is "
        "trained on it)",
        "dev6.json",
    ),
    "dev7": (
        "development (2026-12-03, twenty-second session; written for training; the extractor is "
        "trained on it)",
        "dev7.json",
    ),
    "dev8": (
        "development (2026-12-03, twenty-second session; written for training; the extractor is "
        "trained on it)",
        "dev8.json",
    ),
    "heldout14": (
        "held-out (2026-12-03, twenty-first session; written by the guide by a writer who read "
        "nothing else, never opened while tuning; aggregates only, its aggregates read at least "
        "twice before this run: tests/data/README.md)",
        "heldout14.json",
    ),
    "heldout15": (
        "held-out (2026-12-03, twenty-second session; written blind by the guide in fields new to "
        "every set, before the extractor's next change; never opened while tuning; aggregates "
        "only)",
        "heldout15.json",
    ),
}  # fmt: skip

Extractor = Callable[[str], list[str]]


def old_extractor() -> Extractor:
    source = subprocess.run(
        ["git", "show", f"{OLD_COMMIT}:src/prepcoach/coach/keywords.py"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    folder = Path(tempfile.mkdtemp(prefix="old_keywords_"))
    path = folder / "old_keywords.py"
    path.write_text(source)
    spec = importlib.util.spec_from_file_location("old_keywords", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["old_keywords"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    extract: Extractor = module.key_terms
    return extract


def measure(
    extract: Extractor, adverts: Sequence[dict[str, object]]
) -> tuple[TermScore, list[float], list[float]]:
    """The score, and each advert's wall time and this process's CPU time (ms): on a shared
    machine the wall time includes waiting for a core, the CPU time does not."""
    total = TermScore(0, 0, 0, 0, 0)
    times = []
    cpu = []
    for advert in adverts:
        start = time.perf_counter()
        started = time.process_time()
        # Callers clean pasted HTML first (Opportunity does); the extractor does too.
        terms = extract(plain_text(str(advert["text"])))
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - started) * 1000)
        labels = advert["key_terms"]
        assert isinstance(labels, list)
        total += score_terms(terms, labels)
    return total, times, cpu


# A second person's blind labels of the same adverts: how far two careful labellers agree says
# how high a figure an extractor can reach against one of them.
SECOND_LABELS = {"heldout6": "heldout6_second.json"}


def agreement(first: Sequence[dict[str, object]], second: Sequence[dict[str, object]]) -> TermScore:
    """The second labeller's terms scored against the first's by the extractor's own rule
    (each of the second's terms given once, as its canonical form)."""
    total = TermScore(0, 0, 0, 0, 0)
    by_id = {str(advert["id"]): advert for advert in second}
    for advert in first:
        other = by_id[str(advert["id"])]["key_terms"]
        labels = advert["key_terms"]
        assert isinstance(other, list)
        assert isinstance(labels, list)
        total += score_terms([str(label["term"]) for label in other], labels)
    return total


def line(name: str, s: TermScore) -> str:
    return (
        f"  {name:<14} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  core recall "
        f"{s.core_recall:.3f}  ({s.true_positives} right of {s.extracted} given, {s.gold} labelled)"
    )


def run(
    sets: Sequence[str] = (
        "dev",
        "heldout",
        "dev2",
        "heldout2",
        "heldout3",
        "dev3",
        "dev4",
        "heldout4",
        "heldout5",
        "heldout6",
        "heldout7",
        "heldout8",
        "heldout9",
        "heldout10",
        "heldout11",
        "heldout12",
        "heldout13",
        "dev5",
        "dev6",
        "dev7",
        "dev8",
        "heldout14",
        "heldout15",
    ),
) -> None:
    old = old_extractor()
    key_terms("warm-up: load the model once, as a server process would. Python and SQL.")
    for name in sets:
        status, file = SETS[name]
        adverts = json.loads((DATA / file).read_text())
        new_score, new_times, new_cpu = measure(lambda t: key_terms(t), adverts)
        old_score, old_times, _ = measure(old, adverts)
        print(f"{file}: {len(adverts)} adverts, {status}")
        print(line("new extractor", new_score))
        print(line("old (baseline)", old_score))
        print(
            f"  time per advert: new median {statistics.median(new_times):.0f} ms, max "
            f"{max(new_times):.0f} ms (CPU median {statistics.median(new_cpu):.0f} ms, max "
            f"{max(new_cpu):.0f} ms); old median {statistics.median(old_times):.1f} ms, max "
            f"{max(old_times):.1f} ms"
        )
        if name in SECOND_LABELS:
            second = json.loads((DATA / SECOND_LABELS[name]).read_text())
            print(line("two labellers", agreement(adverts, second)))
            print(
                "  (agreement between two labellers: the second person's blind labels of the "
                "same adverts scored as an extractor against the first's)"
            )


if __name__ == "__main__":
    run(sys.argv[1:] or ("dev",))
