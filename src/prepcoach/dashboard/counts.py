"""How many rows several querysets hold, asked in one query: the dashboard's figures (active
goals, jobs, STAR stories, answers) each cost a round trip and a compiled query of their own."""

from __future__ import annotations

from typing import Any

from django.db.models import IntegerField, QuerySet, Subquery

from prepcoach.accounts.models import User


class _Counted(Subquery):
    template = "(SELECT COUNT(*) FROM (%(subquery)s) counted)"
    output_field = IntegerField()


def counts_of(user: User, **querysets: QuerySet[Any]) -> dict[str, int]:
    """Each queryset's number of rows, by its name, in one query (read beside `user`'s row,
    which a signed-in user always has). The querysets decide what is counted: pass them
    already limited to the user's own rows (`accounts.access.owned_by`)."""
    names = list(querysets)
    # Named apart from the user's own fields and relations (a user has "goals").
    counted = {
        f"counted_{name}": _Counted(qs.order_by().values("pk")) for name, qs in querysets.items()
    }
    row = User.objects.filter(pk=user.pk).annotate(**counted).values_list(*counted).first()
    return dict(zip(names, row or (0,) * len(names), strict=True))
