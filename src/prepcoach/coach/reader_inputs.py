"""The answer reader's inputs beyond a sentence's vector: the unit mean token states of MiniLM's
middle layers (`embeddings.READER_LAYERS`), which carry more of a sentence's stance than the
topic-trained last layer, and the memory that keeps them by text.

`reader.embed` gets those states from the same run of the model as the sentence vectors and
keeps them here (`MIDDLE`), so the reader, given only the vectors by its many callers
(relevance, retrospectives, stories), reads the layers without running the model again
(`inputs`); a text it does not hold is embedded when asked for. A reading is the same whether
the states were kept, evicted or never embedded (`tests/coach/test_reader.py`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from prepcoach.coach.embeddings import READER_LAYERS, WIDTH

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from prepcoach.coach.patterns import Embedder

    Matrix = npt.NDArray[np.float64]

INPUT_WIDTH = WIDTH * (1 + len(READER_LAYERS))  # a sentence's vector, then each layer's mean
MIDDLE_MEMORY = 4096  # sentences whose middle-layer states are kept (3 KB each)
MIDDLE_TEXT = 2000  # characters; a longer text's states are not kept (the memory stays small)


def _embedder() -> Embedder | None:
    """The reader's embedder (`reader.embedder`), looked up when a text is missing, so a test
    that replaces the reader's replaces this one too."""
    from prepcoach.coach import reader

    return reader.embedder()


class _MiddleStates:
    """The middle layers' unit mean states (`embeddings.READER_LAYERS`) of the texts embedded
    last, by text. `embed` gets them from the same run of the model as the sentence vectors, so
    the reader, given only those vectors by its many callers (relevance, retrospectives,
    stories), reads the layers without running the model again. A text's states do not depend
    on the texts beside it, so a text's entry is right whoever embedded it."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.states: OrderedDict[str, Any] = OrderedDict()
        self.lock = threading.Lock()  # a worker may read answers on several threads

    def keep(self, texts: Sequence[str], rows: Any) -> None:
        with self.lock:
            for text, row in zip(texts, rows, strict=True):
                if len(text) > MIDDLE_TEXT:
                    continue  # a whole answer or story, never read as one sentence
                self.states[text] = row
                self.states.move_to_end(text)
            while len(self.states) > self.size:
                self.states.popitem(last=False)

    def get(self, texts: Sequence[str], model: Embedder | None) -> Matrix | None:
        """The texts' states (n × 768), embedding those not kept; None when no model gives
        them (an embedder without `embed_layers`, as in some tests)."""
        import numpy as np

        with self.lock:
            found = [self.states.get(t) for t in texts]
        if all(row is not None for row in found):
            return np.array(found, dtype=np.float64).reshape(len(texts), INPUT_WIDTH - WIDTH)
        layered = getattr(model if model is not None else _embedder(), "embed_layers", None)
        if layered is None:
            return None
        missing = list(dict.fromkeys(t for t, row in zip(texts, found, strict=True) if row is None))
        block = np.array(layered(missing), dtype=np.float32)[:, WIDTH:].copy()  # no vectors
        rows = dict(zip(missing, block, strict=True))
        self.keep(missing, list(rows.values()))
        found = [row if row is not None else rows[t] for t, row in zip(texts, found, strict=True)]
        return np.array(found, dtype=np.float64).reshape(len(texts), INPUT_WIDTH - WIDTH)


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
