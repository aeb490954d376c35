import argparse

from prepcoach.cli import UserError, django_setup


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("worker", help="run the background worker")
    parser.add_argument(
        "--interval",
        type=float,
        default=1.0,
        help="seconds to wait between polls when the queue is empty (default: 1)",
    )
    parser.add_argument(
        "--analyses",
        type=int,
        default=None,
        help="answers analysed at once (default: WORKER_ANALYSES, one per core)",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="log every task, not only failures"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.analyses is not None and args.analyses < 1:
        raise UserError(f"--analyses {args.analyses}: run at least one analysis at a time.")
    django_setup.setup()
    django_setup.check_database()
    from django.core.management import call_command

    verbosity = 2 if args.verbose else 1
    call_command(
        "run_worker",
        interval=args.interval,
        startup_delay=False,
        verbosity=verbosity,
        analyses=args.analyses,
    )
    return 0
