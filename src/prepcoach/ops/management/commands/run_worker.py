"""`prepcoach worker`: django-tasks-db's worker, plus a heartbeat for /healthz."""

import atexit
import contextlib
import logging
import os
import signal
import socket
import threading
from typing import Any

from django.db import DatabaseError
from django_tasks_db.compat import TASKS_LOGGER
from django_tasks_db.management.commands import db_worker

from prepcoach.cli.serve import EXIT_WITH_PARENT
from prepcoach.ops.heartbeat import HeartbeatThread, forget


def watch_parent(parent_pid: int) -> None:
    while os.getppid() == parent_pid:
        threading.Event().wait(2)
    os.kill(os.getpid(), signal.SIGTERM)


class Command(db_worker.Command):
    help = "Run the background worker (tasks from the database) with a heartbeat for /healthz."

    def configure_logging(self, verbosity: int) -> None:
        super().configure_logging(verbosity)
        if verbosity == 1:
            # Periodic tasks run every few seconds: say only what failed, unless asked (-v 2).
            logging.getLogger(TASKS_LOGGER).setLevel(logging.WARNING)
            logging.getLogger("django_tasks_db").setLevel(logging.WARNING)

    def handle(self, *args: Any, **options: Any) -> None:
        # hostname-pid is unique across a pool of worker machines and readable in /healthz.
        worker_id = f"{socket.gethostname()[:40]}-{os.getpid()}"
        options["worker_id"] = worker_id
        options["reload"] = False  # a reloader forks a child whose pid the heartbeat would miss
        heartbeat = HeartbeatThread(worker_id)
        heartbeat.start()
        if os.environ.get(EXIT_WITH_PARENT):
            threading.Thread(target=watch_parent, args=(os.getppid(),), daemon=True).start()

        def goodbye() -> None:
            # A second signal while saying goodbye must not turn a clean exit into a traceback.
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            heartbeat.stop()
            with contextlib.suppress(DatabaseError):
                forget(worker_id)

        atexit.register(goodbye)
        super().handle(*args, **options)
