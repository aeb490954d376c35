"""Several web processes for a shared server (`prepcoach serve --processes N`): gunicorn (MIT)
forks N processes, each with its own threads, on the socket serve has already bound, so a
taken port is reported the same way as with the single-process default (waitress).

Every process logs the requests it served with its pid. X-Forwarded-* headers reach the
application untouched (gunicorn is told to trust no one with them): prepcoach.ops.proxy alone
decides whom to believe (PREPCOACH_TRUSTED_PROXIES).
"""

from __future__ import annotations

import socket
from typing import Any

from prepcoach.cli import UserError

ACCESS_LOG_FORMAT = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms pid=%(p)s'


def listening_socket(host: str, port: int) -> socket.socket:
    """The socket every web process accepts on; OSError when the address cannot be had."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.create_server((host, port), family=family, backlog=2048)
    sock.set_inheritable(True)
    return sock


def serve_processes(application: Any, sock: socket.socket, processes: int, threads: int) -> None:
    """Run gunicorn's arbiter with `processes` workers of `threads` threads on `sock`, until a
    signal stops it (SIGINT or SIGTERM: the workers finish what they serve, then exit)."""
    try:
        from gunicorn.app.base import BaseApplication
    except ImportError:
        raise UserError(
            "several web processes need gunicorn: pip install 'prepcoach[shared]' "
            "(or serve with one process, the default)."
        ) from None

    class Web(BaseApplication):
        def load_config(self) -> None:
            for key, value in {
                "bind": [f"fd://{sock.fileno()}"],
                "workers": processes,
                "worker_class": "gthread",
                "threads": threads,
                "accesslog": "-",
                "access_log_format": ACCESS_LOG_FORMAT,
                "forwarded_allow_ips": "",
                # A recording's piece or an export can take a while on a slow link.
                "timeout": 120,
                "graceful_timeout": 20,
                "proc_name": "prepcoach-web",
            }.items():
                self.cfg.set(key, value)

        def load(self) -> Any:
            return application

    Web().run()
