"""Forms speak plainly (issue 12, class 4): a form sent empty, or with one field left out,
says what to fill in, in the user's words, never Django's bare "This field is required.".

Every URL pattern of the access matrix's world (tests/access_world.py) is sent an empty
POST by its owner, Alice; each request is rolled back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.db import transaction
from django.test import Client

from prepcoach.coach.login_throttle import login_limits
from tests.access_world import body_of, build_world, routes, urls_for

BARE = b"This field is required."


@pytest.mark.django_db
def test_no_form_answers_an_empty_post_with_djangos_bare_words(
    tmp_path: Path, settings: Any
) -> None:
    settings.MEDIA_ROOT = tmp_path
    settings.LOGIN_LIMITS = login_limits(free=1_000_000)  # the log-in form is walked too
    world = build_world(tmp_path)
    client = Client()
    client.force_login(world.alice)
    forms_seen = 0
    bare: list[str] = []
    for route, names in routes():
        if route.startswith("api/"):
            continue  # the API's own error format is the API's business
        for url in urls_for(route, names, world, world.tokens["valid"]):
            with transaction.atomic():
                response = client.post(url, {})
                body = body_of(response)
                transaction.set_rollback(True)
            if "_auth_user_id" not in client.session:
                client.force_login(world.alice)  # the walk passed by "log out"
            forms_seen += b'class="error"' in body
            if BARE in body:
                bare.append(url)
    print(f"{forms_seen} forms answered an empty POST with their own errors")
    assert forms_seen >= 20, forms_seen  # the walk reached the forms
    assert bare == [], "\n".join(bare)
