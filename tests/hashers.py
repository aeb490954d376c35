"""The suite's password hasher: Argon2, as prepcoach stores passwords, at a light cost: one
pass over 8 MiB on one lane (see tests/settings.py)."""

from __future__ import annotations

from django.contrib.auth.hashers import Argon2PasswordHasher


class LightArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2id with 1 pass over 8 MiB on 1 lane: under 10 ms a hash where the shipped
    parameters (2 passes over 100 MiB on 8 lanes) take about 0.37 s of one core here. The
    algorithm name and the hash's format are Argon2's, so a hash made either way is checked by
    either; the shipped hasher's own parameters are Django's and tested there."""

    time_cost = 1
    memory_cost = 8 * 1024  # KiB
    parallelism = 1
