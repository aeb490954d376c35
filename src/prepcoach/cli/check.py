import argparse

from prepcoach.cli import django_setup


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("check", help="run Django's system checks")
    parser.add_argument("--deploy", action="store_true", help="also run the deployment checks")
    parser.add_argument(
        "--fail-level",
        default="ERROR",
        choices=["CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG"],
        help="exit non-zero at this level or above (default: ERROR)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    django_setup.setup()
    from django.core.management import call_command
    from django.core.management.base import SystemCheckError

    try:
        call_command("check", deploy=args.deploy, fail_level=args.fail_level)
    except SystemCheckError as exc:
        print(exc)
        return 1
    return 0
