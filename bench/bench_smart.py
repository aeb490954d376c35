"""SMART check quality on the labelled goal sets in tests/data/, and its speed.

Quality: per-criterion agreement with the human labels, beside a baseline that always gives the
commonest label (measured on the same rows in the same run). Every figure names the set it comes
from, when that set was written, and whether it is a development set (rules were written or
changed while looking at it) or held-out (no rule has been). `tests/data/README.md` keeps that
record. The new sets carry each writer's date order (DMY/MDY), which is passed to the check.
Their figures are also printed split by domain: career (interview preparation and the job
search) against the rest (health, fitness, study, finance, home, work).

Speed: milliseconds per goal for the check as it is now, beside the OLD rule-based check of
commit f3a3e3d (its coach modules are copied out of git into a temporary package and imported
from there), measured in the same run on the same goals. Both are timed warm: the old check
after one goal has filled dateparser's caches, the new one after the sentence model has loaded
(its load time is printed apart) and with its per-text embedding cache emptied, so every goal
is embedded afresh. Both figures are the whole `check_goal` call: reading the deadline and the
numbers, the five verdicts, the kind and the rewrite.

`-v` lists the items the check gets wrong, for development sets only: a held-out set's items
are never printed, so that nobody tunes a rule on them.
"""

import datetime as dt
import importlib
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from prepcoach.coach import goal_models
from prepcoach.coach.evaluation import LABEL_DAY, load_labels, measure
from prepcoach.coach.smart import check_goal

OLD_COMMIT = "f3a3e3d"  # the rule-based check before issue 9's models

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
DEVELOPMENT = "development"
HELD_OUT = "held-out"


@dataclass(frozen=True, slots=True)
class LabelSet:
    name: str
    path: Path
    written: str  # when the set was written (git log --follow on the file)
    status: str  # DEVELOPMENT or HELD_OUT
    why: str
    today: dt.date  # the day its labels were given against


SETS = (
    LabelSet(
        "old goals.csv",
        DATA / "goals.csv",
        "2026-11-21",
        DEVELOPMENT,
        "the rules were written against it",
        LABEL_DAY,
    ),
    LabelSet(
        "old goals_heldout.csv",
        DATA / "goals_heldout.csv",
        "2026-11-21",
        DEVELOPMENT,
        "was held-out; rule changes on 2026-11-21 and 2026-11-22 (the completion rule now in "
        "coach/smart_words.py) fixed its measurable misses, so it now counts as development",
        LABEL_DAY,
    ),
    LabelSet(
        "new goals/dev.csv",
        DATA / "goals" / "dev.csv",
        "2026-11-30",
        DEVELOPMENT,
        "written by tests/data/goals/GUIDE.md; rules may be tuned on it",
        dt.date(2026, 11, 30),
    ),
    LabelSet(
        "new goals/heldout.csv",
        DATA / "goals" / "heldout.csv",
        "2026-11-30",
        DEVELOPMENT,
        "was held-out (its aggregate figures read twice for issue 9); the SMART models are "
        "trained on it since 2026-11-30 (second session), so its figures describe fit",
        dt.date(2026, 11, 30),
    ),
    LabelSet(
        "new goals/dev2.csv",
        DATA / "goals" / "dev2.csv",
        "2026-11-30",
        DEVELOPMENT,
        "written by tests/data/goals/GUIDE.md (third session); the SMART models are trained on "
        "it, so its figures describe fit",
        dt.date(2026, 11, 30),
    ),
    LabelSet(
        "new goals/heldout2.csv",
        DATA / "goals" / "heldout2.csv",
        "2026-11-30",
        DEVELOPMENT,
        "was held-out (second session; its aggregate figures read once); the SMART models are "
        "trained on it since the third session, so its figures describe fit",
        dt.date(2026, 11, 30),
    ),
    LabelSet(
        "new goals/heldout3.csv",
        DATA / "goals" / "heldout3.csv",
        "2026-11-30",
        DEVELOPMENT,
        "was held-out (third session; its aggregate figures read once, nothing changed); the "
        "SMART models are trained on it since the fourth session, so its figures describe fit",
        dt.date(2026, 11, 30),
    ),
    LabelSet(
        "new goals/heldout4.csv",
        DATA / "goals" / "heldout4.csv",
        "2026-11-30",
        HELD_OUT,
        "written by tests/data/goals/GUIDE.md (fourth session) by a writer who read nothing "
        "else, before any prepcoach code saw it; nobody tuning opened it",
        dt.date(2026, 11, 30),
    ),
)


def run() -> None:
    for label_set in SETS:
        rows = load_labels(label_set.path)
        report(label_set, rows)
        if any(row.get("domain") for row in rows):
            career = [row for row in rows if row.get("domain") == "career"]
            other = [row for row in rows if row.get("domain") != "career"]
            report(label_set, career, "domain career", brief=True)
            report(label_set, other, "domains other than career", brief=True)
    models()
    timing(SETS[2], load_labels(SETS[2].path))


def models() -> None:
    """The development sets above are the models' training data, so their figures are fit,
    not estimates: the cross-validated figures the training script measured are."""
    development = [s for s in SETS if s.status == DEVELOPMENT]
    goals = sum(len(load_labels(s.path)) for s in development)
    print(
        f"trained models (coach/goal_weights.py): the {len(development)} development sets above "
        "are their training data, so their figures above are in-sample; 5-fold "
        f"cross-validation on those {goals} development goals, measured by "
        "scripts/train_goal_models.py:"
    )
    for name, model in goal_models.shipped().items():
        print(
            f"  {name:<11} cross-validated {model['cv_accuracy']:.3f}; the old cue-list rules "
            f"{model['rules_accuracy']:.3f} on the same goals; inputs {model['inputs']}, "
            f"l2 {model['l2']:g}"
        )


def report(
    label_set: LabelSet, rows: list[dict[str, str]], part: str = "", brief: bool = False
) -> None:
    result = measure(rows, today=label_set.today)
    source = f"[{label_set.name}, {label_set.status}, written {label_set.written}]"
    print(
        f"{source}{' ' + part + ':' if part else ''} {result.total} labelled goals, "
        f"labels as of {label_set.today.isoformat()}"
    )
    if not brief:
        print(f"  {label_set.status}: {label_set.why}")
    print(f"  {'criterion':<12} {'rows':>5} {'agreement':>9} {'baseline':>9} {'ratio':>6}  set")
    for criterion, value in result.agreement.items():
        base = result.majority_baseline[criterion]
        ratio = f"{value / base:>6.2f}" if base else f"{'-':>6}"
        print(
            f"  {criterion:<12} {result.counted[criterion]:>5} {value:>9.3f} {base:>9.3f} "
            f"{ratio}  {label_set.name} ({label_set.status}, {label_set.written})"
        )
    if brief:
        return
    kindless = result.counted["kind"] - result.counted["kind_of_four"]
    if kindless:
        print(
            f"  kind counts all {result.counted['kind']} goals, {kindless} labelled none (no "
            "kind fits; the check can answer none); kind_of_four only the "
            f"{result.counted['kind_of_four']} labelled with one of the four kinds"
        )
    orders = Counter(row.get("date_order", "") for row in rows if row.get("date_order"))
    if orders:
        listed = ", ".join(f"{count} {order}" for order, count in sorted(orders.items()))
        print(
            f"  {sum(orders.values())} goals carry the writer's date order ({listed}), "
            "passed to the check as SmartContext.date_order"
        )
    if "-v" not in sys.argv:
        return
    if label_set.status == HELD_OUT:
        print(f"  (per-item misses are not shown for a held-out set: {len(result.misses)} in all)")
        return
    for miss in result.misses:
        print(f"    {miss.criterion}: expected {miss.expected}, got {miss.got}: {miss.text}")


def old_check() -> Callable[..., object]:
    """check_goal as it was at OLD_COMMIT, from a temporary copy of that commit's core."""
    folder = Path(tempfile.mkdtemp(prefix="prepcoach-old-"))
    package = folder / "prepcoach_old" / "coach"
    package.mkdir(parents=True)
    (folder / "prepcoach_old" / "__init__.py").write_text("")
    root = Path(__file__).resolve().parent.parent
    names = subprocess.run(
        ["git", "ls-tree", "--name-only", OLD_COMMIT, "src/prepcoach/coach/"],
        cwd=root, capture_output=True, text=True, check=True,
    ).stdout.split()  # fmt: skip
    for name in names:
        if not name.endswith(".py"):
            continue
        source = subprocess.run(
            ["git", "show", f"{OLD_COMMIT}:{name}"],
            cwd=root, capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        source = source.replace("prepcoach.coach", "prepcoach_old.coach")
        (package / Path(name).name).write_text(source)
    sys.path.insert(0, str(folder))
    module = importlib.import_module("prepcoach_old.coach.smart")
    check: Callable[..., object] = module.check_goal
    return check


def timing(label_set: LabelSet, rows: list[dict[str, str]]) -> None:
    texts = [row["text"] for row in rows]
    today = label_set.today
    old = old_check()
    old(texts[0], today)  # warm the date parser's caches once, as a running server would
    start = time.perf_counter()
    for text in texts:
        old(text, today)
    old_ms = (time.perf_counter() - start) / len(texts) * 1000
    goal_models.embedder.cache_clear()
    start = time.perf_counter()
    goal_models.embedder()
    load_s = time.perf_counter() - start
    check_goal(texts[0], today)
    goal_models.embed.cache_clear()  # every goal is embedded afresh, as a new text would be
    start = time.perf_counter()
    for text in texts:
        check_goal(text, today)
    new_ms = (time.perf_counter() - start) / len(texts) * 1000
    print(
        f"speed on {label_set.name} ({len(texts)} goals, {label_set.status}): "
        f"{new_ms:.2f} ms per goal now (aim: at most 20 ms); the old rule-based check of "
        f"{OLD_COMMIT} {old_ms:.2f} ms per goal in the same run; the sentence model loads once "
        f"per process in {load_s:.2f} s"
    )


if __name__ == "__main__":
    run()
