"""Rebuild the reader's shipped weights (src/prepcoach/coach/reader_weights.npz) from
the development answer sets (`reader_training.DEVELOPMENT`: tests/data/answers/dev.json,
dev2.json, dev3.json and heldout.json to heldout6.json, 561 answers): cross-validates the
candidates, keeps the best, writes the file (about 7 minutes on one core).

    .venv/bin/python scripts/train_reader.py

Deterministic: the same data and embeddings give the same weights."""

import os
import sys

for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(name, "1")

from prepcoach.coach.reader_training import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
