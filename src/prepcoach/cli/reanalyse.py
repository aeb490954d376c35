"""`prepcoach reanalyse`: queue answers of one user for analysis again (after the speech model
or the engine changed, or to retry the failed ones), through the same queue and per-person limit
as the pages: what cannot be queued now stays saved, and each refusal is said once."""

from __future__ import annotations

import argparse

from prepcoach.cli import UserError, django_setup


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "reanalyse", help="queue a user's answers for analysis again (a worker reads them)"
    )
    parser.add_argument("--email", required=True, help="whose answers")
    parser.add_argument("ids", nargs="*", type=int, metavar="ID", help="answers (default: failed)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    django_setup.setup()
    django_setup.check_database()
    from prepcoach.accounts.models import User
    from prepcoach.practice.models import Attempt
    from prepcoach.practice.tasks import analyse_again

    user = User.objects.filter(email__iexact=args.email.strip()).first()
    if user is None:
        raise UserError(f"no account has the e-mail {args.email!r}.")
    answers = Attempt.objects.filter(user=user).order_by("created_at")
    answers = answers.filter(pk__in=args.ids) if args.ids else answers.filter(status="failed")
    chosen = list(answers)
    if missing := sorted(set(args.ids) - {a.pk for a in chosen}):
        raise UserError(f"{user.email} has no answer {', '.join(map(str, missing))}.")
    queued, refused = 0, dict[str, list[int]]()
    for attempt in chosen:
        outcome = analyse_again(attempt)
        if outcome.queued:
            queued += 1
        else:
            refused.setdefault(outcome.message, []).append(attempt.pk)
    print(f"Queued {queued} of {len(chosen)} answers of {user.email} for analysis.")
    for message, ids in refused.items():
        print(f"Not queued ({', '.join(map(str, ids))}): {message}")
    return 1 if refused else 0
