"""What `prepcoach serve` (cli/serve.py) and the worker it starts (ops' `run_worker`) agree on.

Here, below both, so the worker command does not import a CLI module; free of Django, so the
CLI can import it without starting anything.
"""

from __future__ import annotations

# Set on the worker serve starts: if serve dies without stopping it (killed hard), the worker
# stops too instead of living on as an orphan.
EXIT_WITH_PARENT = "PREPCOACH_WORKER_EXIT_WITH_PARENT"
