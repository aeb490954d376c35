"""What happens to a job that steps downstream may follow, without the step that changes it
knowing who listens (Grow changes facts; Plan's facts goal follows them)."""

from __future__ import annotations

from django.dispatch import Signal

# Sent with `opportunity=` after a job's key facts were added or deleted, or their target
# changed (research/views.py, research/fact_views.py); goals/facts.py logs the facts goal.
facts_changed = Signal()
