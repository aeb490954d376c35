"""Settings for the test suite: the real settings, in a throwaway home folder.

DATABASE_URL passes through, so `DATABASE_URL=postgresql://... make test` runs the same suite
on PostgreSQL. Tasks run in-process (Django's immediate backend) unless a test asks for the
database backend and a real worker (tests/ops/test_worker_process.py).
"""

import os
import tempfile

# Never the developer's own data folder: a fresh one for every run.
os.environ["PREPCOACH_HOME"] = tempfile.mkdtemp(prefix="prepcoach-test-")

from prepcoach.settings import *  # noqa: F403

TASKS = {
    "default": {
        "BACKEND": "django.tasks.backends.immediate.ImmediateBackend",
        "QUEUES": TASK_QUEUES,  # noqa: F405
    }
}
# The feed tests serve their feeds from 127.0.0.1; one test turns this off again.
FEEDS_ALLOW_PRIVATE_ADDRESSES = True

# Passwords are hashed with Argon2 as in production, at a light cost (tests/hashers.py): the
# shipped cost took 0.37 s of one core a hash, and the suite logs in and changes passwords
# hundreds of times.
PASSWORD_HASHERS = ["tests.hashers.LightArgon2PasswordHasher", *PASSWORD_HASHERS]  # noqa: F405
