"""Improve: the question bank, answers and recordings, drills, mock interviews, role reversal."""
