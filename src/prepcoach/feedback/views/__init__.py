"""Feedback from people, one module per face: `owner` (ask for feedback on an answer, a mock
interview or a story, and read it), `reviewer` (the page behind a link) and `stop` (the
one-click end of the "feedback arrived" mail). Who may see what: `accounts.access`."""
