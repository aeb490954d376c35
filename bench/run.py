"""Run every benchmark in bench/ and print its ratio against a baseline measured in the same run.

Each benchmark is a module `bench/bench_*.py` with a `run() -> None` function that prints
its own results. Today: `bench_analysis.py` (answer analysis: transcription of known speech,
agreement with labelled transcripts, speed; slow, it runs the speech model), `bench_reading.py`
(the reading of typed answers against the labelled transcripts, development figures) and
`bench_smart.py` (the SMART check's agreement with the labelled goal sets, each figure marked
development or held-out, and its speed).
"""

import importlib.util
import pathlib
import sys


def main() -> int:
    here = pathlib.Path(__file__).parent
    modules = sorted(here.glob("bench_*.py"))
    if not modules:
        print("no benchmarks yet")
        return 0
    for path in modules:
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        print(f"== {path.stem}")
        module.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
