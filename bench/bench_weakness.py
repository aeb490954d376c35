"""Whether an answer to a weakness question says what the speaker does about it
(`coach.weakness_steps`, the report's weakness tip) against the labelled answers of
`tests/data/weakness/` (`GUIDE.md`), beside two baselines measured in the same run: always the
commonest label, and the answer reader's action (the report's STAR "action" found: what said
whether the answer told what the speaker did, before this reader).

Sets:
- `dev.json`: development (2026-12-06, forty-seventh session, written blind by the guide; the
  reader is trained and its cuts chosen on it, so its figures here are a fit; the trainer's
  cross-validated figures are printed from the weights file, recorded when it was trained).
- `heldout.json`: written blind beside it by another writer as held-out; nobody tuning opened
  it; read once (2026-12-06 18:07 UTC, after 9921537: told .700, right of told 1.000), nothing
  tuned after, so development since: the reader is trained on it with `dev2.json`.
- `dev2.json`: development (written to train the reader: steps in the past tense, without "I",
  in run-ons, and answers that come close to a step without one).
- `heldout2.json`: held-out (written blind beside `dev2.json` by another writer; nobody tuning
  opened it; read once, 2026-12-06 18:29 UTC: told .817, right of told .980, the reader trained
  on `dev.json` alone .733 and .977). Only its aggregate figures are printed.

Per set: the share of answers told (steps said or none said; the rest "can't tell"), right of
those told, how often "steps said" and "none said" were right, and the baselines' accuracy on
every answer.

Then, per set, the strength-in-disguise reading (`coach.weakness_disguise`, the report's
disguise tip): how often it says "a strength in disguise", how often it is right when it says
so (false alarms count: calling a real weakness a humblebrag is the costly mistake), and the
share of the answers labelled `named: "strength"` it catches, beside a cue list measured in the
same run (`CUES`: the phrases such answers are known by). `heldout2.json`'s `named` labels were
first read by this bench once, after the reader was committed (forty-eighth session). And how
often it says "a real weakness" (at or below its low cut, what the improvement area counts as
meeting its goal), right when the answer's `named` label is "real".
`heldout3.json` (80 answers, 26 strengths in disguise): written blind in the forty-eighth
session; read once (the disguise reader caught 7 of 26), and the disguise reader is trained on
it and on `heldout2.json` since. `heldout4.json` (80 answers): written blind after that read;
read once (the reader then shipped caught 8 of 25), and trained on since,
with `dev3.json` (120 answers written to train the disguise reader). `heldout5.json` (80
answers): written blind beside `dev3.json`, before any training on it; aggregates only.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "weakness"
SETS = (
    ("dev.json", "DEVELOPMENT (the reader is trained and its cuts chosen on it: a fit)"),
    ("heldout.json", "DEVELOPMENT since its one read (the reader is trained on it: a fit)"),
    ("dev2.json", "DEVELOPMENT (written to train the reader; trained on: a fit)"),
    (
        "heldout2.json",
        "DEVELOPMENT for the disguise reader since its one read (held-out for steps)",
    ),
    ("heldout3.json", "DEVELOPMENT for the disguise reader since its one read (steps: read once)"),
    ("heldout4.json", "DEVELOPMENT for the disguise reader since its one read (steps: read once)"),
    ("dev3.json", "DEVELOPMENT (written to train the disguise reader; steps: never trained on)"),
    ("heldout5.json", "HELD-OUT (written blind, forty-eighth session; aggregates only)"),
)


# The baseline: the stock phrases of a strength in disguise (not the reader; the list a rule
# would start from).
CUES = re.compile(
    r"perfectionist|cares? too much|work(?:s|ed|ing)? too hard|too detail|workaholic|too thorough",
    re.IGNORECASE,
)


def share(n: float, d: float) -> str:
    return f"{n / d:.3f}" if d else "n/a"


def run() -> None:
    from prepcoach.coach import reader, weakness_disguise, weakness_steps
    from prepcoach.coach.content import analyse_content

    if reader.embedder() is None:
        raise SystemExit("bench_weakness needs the MiniLM sentence model (a default dependency)")
    cv = json.loads(weakness_steps.WEIGHTS.read_text(encoding="utf-8"))["cv"]
    for name, status in SETS:
        path = DATA / name
        if not path.exists():
            print(f"weakness steps, {name}: missing")
            continue
        items: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
        told = right = yes = yes_right = no = no_right = action_right = 0
        labels = [bool(item["steps"]) for item in items]
        for item, label in zip(items, labels, strict=True):
            found = weakness_steps.read_steps(reader.sentences_of(str(item["answer"])))
            said = None if found is None else found.said
            if said is not None:
                told += 1
                right += said == label
            if said is True:
                yes, yes_right = yes + 1, yes_right + label
            if said is False:
                no, no_right = no + 1, no_right + (not label)
            action_right += analyse_content(str(item["answer"])).star["action"].present == label
        n = len(items)
        commonest = max(sum(labels), n - sum(labels))
        print(f"weakness steps, {name}: {status}; {n} answers, {sum(labels)} with steps")
        print(
            f"  steps reader: told {share(told, n)} ({told}), right of told {share(right, told)}; "
            f"'steps said' {yes} times, right {share(yes_right, yes)}; 'none said' {no} times, "
            f"right {share(no_right, no)}"
        )
        print(
            f"  baselines on every answer: always the commonest {share(commonest, n)}; the "
            f"answer reader's action found {share(action_right, n)}"
        )
        disguise(items)
        if name == "dev.json":  # the trainer's figure is over every development set
            print(
                f"  recorded when trained (scripts/train_weakness_steps.py, 5-fold by answer, "
                f"cuts chosen without the fold): told {cv['told']:.3f}, right of told "
                f"{cv['right_of_told']:.3f}, AUC {cv['auc']:.3f}, always the commonest "
                f"{cv['commonest']:.3f}"
            )
            saved = json.loads(weakness_disguise.WEIGHTS.read_text(encoding="utf-8"))["cv"]
            print(
                f"  disguise reader recorded when trained (scripts/train_weakness_disguise.py, "
                f"5-fold, cut chosen without the fold): said {saved['said']:.0f} times, right "
                f"{saved['right_of_said']:.3f}, catches {saved['recall']:.3f}, AUC {saved['auc']:.3f}"
            )


def disguise(items: list[dict[str, Any]]) -> None:
    """The strength-in-disguise reading's figures on one set, beside the cue list's."""
    from prepcoach.coach import reader, weakness_disguise

    labels = [item["named"] == "strength" for item in items]
    said, cued, real = [], [], []
    for item in items:
        found = weakness_disguise.read_disguise(reader.sentences_of(str(item["answer"])))
        said.append(found is not None and found.disguised)
        real.append(found is not None and found.real)
        cued.append(CUES.search(str(item["answer"])) is not None)
    strengths = sum(labels)
    for who, told in (("disguise reader", said), ("baseline cue list", cued)):
        right = sum(t and label for t, label in zip(told, labels, strict=True))
        print(
            f"  {who}: 'a strength in disguise' {sum(told)} times, right {share(right, sum(told))}"
            f", catches {share(right, strengths)} of the {strengths} labelled strengths"
        )
    named_real = [item["named"] == "real" for item in items]
    right = sum(r and n for r, n in zip(real, named_real, strict=True))
    print(
        f"  disguise reader: 'a real weakness' {sum(real)} times, right {share(right, sum(real))}"
        f" ({sum(r and s for r, s in zip(real, labels, strict=True))} strengths among them), "
        f"catches {share(right, sum(named_real))} of the {sum(named_real)} labelled real"
    )
