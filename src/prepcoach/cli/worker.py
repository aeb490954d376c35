import argparse

from prepcoach.cli import django_setup


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("worker", help="run the background worker")
    parser.add_argument(
        "--interval",
        type=float,
        default=1.0,
        help="seconds to wait between polls when the queue is empty (default: 1)",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="log every task, not only failures"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    django_setup.setup()
    django_setup.check_database()
    from django.core.management import call_command

    verbosity = 2 if args.verbose else 1
    call_command("run_worker", interval=args.interval, startup_delay=False, verbosity=verbosity)
    return 0
