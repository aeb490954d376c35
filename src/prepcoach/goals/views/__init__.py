"""Plan: goals, their steps and check-ins, the week, the weekly review, calendar and reminders;
one module a page (`plan`, `goal_form`, `goal_page`, `steps`, `week`, `review`, `reminders`),
and what several of them share in `common`."""

# Still importable from here: the goals tests import them from `prepcoach.goals.views`.
from prepcoach.goals.views.common import _when as _when
from prepcoach.goals.views.plan import FINISHED_PAGE as FINISHED_PAGE
