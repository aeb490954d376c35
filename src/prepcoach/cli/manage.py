import argparse

from prepcoach.cli import django_setup


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "manage",
        help="run a Django management command (createsuperuser, migrate, shell, ...)",
        add_help=False,
    )
    parser.set_defaults(handler=run, accepts_extra=True)


def run(args: argparse.Namespace) -> int:
    django_setup.setup()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["prepcoach manage", *args.extra])
    return 0
