"""The answer reader's inputs beyond a sentence's vector: the unit mean token states of MiniLM's
middle layers (`embeddings.READER_LAYERS`), which carry more of a sentence's stance than the
topic-trained last layer, and the memory that keeps each text's run of the model by text.

`reader.embed` runs the model once for a text and keeps the whole row (the sentence vector and
those states) here (`MIDDLE`): the same text asked for again, by `embed` or by the reader given
only the vectors by its many callers (relevance, retrospectives, stories, `inputs`), is read
from the memory, not embedded again. A reading is the same whether the row was kept, evicted or
never embedded (`tests/coach/test_reader.py`).
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from prepcoach.coach.embeddings import READER_LAYERS, WIDTH

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from prepcoach.coach.patterns import Embedder

    Matrix = npt.NDArray[np.float64]

INPUT_WIDTH = WIDTH * (1 + len(READER_LAYERS))  # a sentence's vector, then each layer's mean
MIDDLE_MEMORY = 4096  # texts whose rows are kept (4.5 KB each: 1,152 float32)
# Characters: a longer text (a whole answer, a long question) is kept under the SHA-256 of its
# words, not the words, so a few long texts cannot grow the memory. It used to be left out
# (only sentences were thought to be read alone), so a question over 2,000 characters was
# embedded twice on every read: once by `embed`, once more for its layers (`inputs`).
MIDDLE_TEXT = 2000


def _embedder() -> Embedder | None:
    """The reader's embedder (`reader.embedder`), looked up when a text is missing, so a test
    that replaces the reader's replaces this one too."""
    from prepcoach.coach import reader

    return reader.embedder()


def _key(text: str) -> str | bytes:
    if len(text) <= MIDDLE_TEXT:
        return text
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


class _MiddleStates:
    """Each text's row from one run of the model (`embed_layers`: its unit sentence vector,
    then the middle layers' unit mean states, `embeddings.READER_LAYERS`), for the texts
    embedded last, by text (`_key`). A text's row does not depend on the texts beside it, so a
    text's entry is right whoever embedded it, and a text is embedded once while it is kept."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.states: OrderedDict[str | bytes, Any] = OrderedDict()
        self.lock = threading.Lock()  # a worker may read answers on several threads

    def keep(self, texts: Sequence[str], rows: Any) -> None:
        """Keep each text's row (`INPUT_WIDTH` wide), a copy of it: no kept row holds a view of
        a whole batch."""
        import numpy as np

        with self.lock:
            for text, row in zip(texts, rows, strict=True):
                key = _key(text)
                self.states[key] = np.array(row, dtype=np.float32)
                self.states.move_to_end(key)
            while len(self.states) > self.size:
                self.states.popitem(last=False)

    def rows(
        self, texts: Sequence[str], layered: Callable[[list[str]], Any]
    ) -> npt.NDArray[np.float32]:
        """The texts' rows (n × `INPUT_WIDTH`, float32), those not kept embedded by `layered`
        (an `embed_layers`) in one call, each once, and kept."""
        import numpy as np

        with self.lock:
            found = [self.states.get(_key(t)) for t in texts]
            for t, row in zip(texts, found, strict=True):
                if row is not None:
                    self.states.move_to_end(_key(t))
        missing = list(dict.fromkeys(t for t, row in zip(texts, found, strict=True) if row is None))
        if missing:
            block = np.array(layered(missing), dtype=np.float32)
            made = dict(zip(missing, block, strict=True))
            self.keep(missing, block)
            pairs = zip(texts, found, strict=True)
            found = [row if row is not None else made[t] for t, row in pairs]
        if not found:
            return np.zeros((0, INPUT_WIDTH), dtype=np.float32)
        return np.array(found, dtype=np.float32).reshape(len(texts), INPUT_WIDTH)

    def get(self, texts: Sequence[str], model: Embedder | None) -> Matrix | None:
        """The texts' middle states (n × 768), embedding those not kept; None when no model gives
        them (an embedder without `embed_layers`, as in some tests) and some are not kept."""
        import numpy as np

        with self.lock:
            found = [self.states.get(_key(t)) for t in texts]
        if all(row is not None for row in found):
            rows = np.array(found, dtype=np.float64).reshape(len(texts), INPUT_WIDTH)
            return rows[:, WIDTH:]
        layered = getattr(model if model is not None else _embedder(), "embed_layers", None)
        if layered is None:
            return None
        return self.rows(texts, layered)[:, WIDTH:].astype(np.float64)


MIDDLE = _MiddleStates(MIDDLE_MEMORY)


def inputs(
    sentences: Sequence[str], vectors: Matrix | None, model: Embedder | None = None
) -> Matrix | None:
    """The reader's inputs for `sentences` (n × `INPUT_WIDTH`): their unit vectors (n × 384,
    `reader.embed`) followed by their middle layers' states. `vectors` already that wide are
    returned as they are; None without vectors, or when no model gives the middle layers (the
    reader then reads by structure alone)."""
    import numpy as np

    if vectors is None or vectors.shape[1] == INPUT_WIDTH:
        return vectors
    middle = MIDDLE.get(sentences, model)
    if middle is None:
        return None
    return np.hstack([vectors, middle])
