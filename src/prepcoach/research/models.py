"""Grow's own part of a job: the sections of its company research. The job itself, its key
facts and its interviews live upstream in `prepcoach.jobs`."""

from __future__ import annotations

RESEARCH_SECTIONS = (
    "mission",
    "strategy",
    "products",
    "culture",
    "news",
    "competitors",
    "people",
    "notes",
)
