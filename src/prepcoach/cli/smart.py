"""`prepcoach smart "TEXT"`: the SMART check on the command line. Needs no database."""

import argparse
import datetime as dt
import json
import textwrap

from prepcoach.cli import UserError


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("smart", help="check a goal against the SMART criteria")
    parser.add_argument("text", help="the goal, in quotes")
    parser.add_argument("--today", help="the date to read “by Friday” from (YYYY-MM-DD)")
    parser.add_argument("--tz", default="UTC", help="time zone for today (default: UTC)")
    parser.add_argument("--role", default="", help="your target role, for the relevance check")
    parser.add_argument("--industry", default="", help="your industry, for the relevance check")
    parser.add_argument(
        "--date-order",
        choices=("DMY", "MDY"),
        type=str.upper,
        help="how you write dates in numbers: DMY (04/12 = 4 December) or MDY (12/31 = "
        "31 December); without it, a date that reads both ways is questioned",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import zoneinfo

    from prepcoach.coach.smart import SmartContext, check_goal

    today = None
    if args.today:
        try:
            today = dt.date.fromisoformat(args.today)
        except ValueError:
            raise UserError(f"--today {args.today!r} is not a date: use YYYY-MM-DD.") from None
    try:
        zoneinfo.ZoneInfo(args.tz)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise UserError(f"--tz {args.tz!r} is not a time zone, e.g. Europe/Paris.") from None
    context = SmartContext(
        target_role=args.role, industry=args.industry, date_order=args.date_order
    )
    result = check_goal(args.text, today=today, tz=args.tz, context=context)
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return 0
    marks = {"met": "✓", "missing": "✗", "unsure": "?"}
    width = 72
    kind = result.kind.value if result.kind else "can't tell"
    print(f"{result.met_count} of 5 SMART criteria met · kind: {kind}")
    if result.kind is None and result.kind_reason:
        print(" " * 14 + result.kind_reason)
    for name, criterion in result.criteria.items():
        label = name.replace("_", "-")
        print(f"{marks[criterion.verdict.value]} {label:<11} {criterion.verdict.value}")
        for line in textwrap.wrap(criterion.reason, width - 14):
            print(" " * 14 + line)
        for line in textwrap.wrap(f"Fix: {criterion.fix}", width - 14) if criterion.fix else []:
            print(" " * 14 + line)
    if result.deadline:
        print(f"deadline: {result.deadline.isoformat()}")
    for note in result.notes:
        print(f"note: {note}")
    if result.offers_rewrite:
        print("\nA sharper version:")
        print(textwrap.fill(result.rewrite, width, initial_indent="  ", subsequent_indent="  "))
    return 0
