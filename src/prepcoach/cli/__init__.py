"""The `prepcoach` command.

Each subcommand is a module in this package with `register(subparsers)` (one module may add
two: `archive` adds export and import, `backup` adds backup and restore); to add one, write the
module and name it in SUBCOMMANDS. Errors a user can fix
(bad settings, a taken port, an unreachable database) print one line and exit with status 2.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from prepcoach import __version__

SUBCOMMANDS = (
    "serve", "worker", "check", "manage", "smart", "analyze", "reanalyse", "archive", "backup",
)  # fmt: skip


class UserError(Exception):
    """Something the user can fix; its message says what and how."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="prepcoach", description="A local-first interview preparation coach."
    )
    parser.add_argument("--version", action="version", version=f"prepcoach {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in SUBCOMMANDS:
        importlib.import_module(f"prepcoach.cli.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra and not getattr(args, "accepts_extra", False):
        parser.error(f"unrecognised arguments: {' '.join(extra)}")
    args.extra = extra
    try:
        return int(args.handler(args) or 0)
    except UserError as exc:
        print(f"prepcoach: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
