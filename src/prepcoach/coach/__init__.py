"""The pure core: every judgement prepcoach makes, as plain functions returning dataclasses.

Nothing in this package may import Django (tests/coach/test_purity.py enforces it), so the web
pages, the JSON API, the CLI and background tasks all call the same code and agree.
"""
