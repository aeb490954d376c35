"""Forms speak plainly (issue 12, class 4): a form sent empty, or with one field left out,
says what to fill in, in the user's words, never Django's bare "This field is required.".

Every URL pattern of the access matrix's world (tests/access_world.py) is sent an empty
POST by its owner, Alice; each request is rolled back."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django import forms
from django.db import transaction
from django.test import Client

from prepcoach.coach.login_throttle import login_limits
from prepcoach.form_words import PlainWordsRenderer
from tests.access_world import body_of, build_world, routes, urls_for

BARE = b"This field is required."
CUT_SHORT = re.compile(rb"<textarea[^>]*maxlength", re.I)


def test_a_text_box_never_carries_maxlength_a_line_box_still_does() -> None:
    class Note(forms.Form):
        body = forms.CharField(max_length=10, widget=forms.Textarea)
        name = forms.CharField(max_length=10)

    html = str(Note(renderer=PlainWordsRenderer()))
    assert "maxlength" not in re.search(r"<textarea[^>]*>", html)[0]  # type: ignore[index]
    assert 'maxlength="10"' in re.search(r'<input[^>]*name="name"[^>]*>', html)[0]  # type: ignore[index]
    assert Note({"body": "x" * 11, "name": "Sam"}, renderer=PlainWordsRenderer()).errors["body"]


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
    cut_short: list[str] = []
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
            if CUT_SHORT.search(body):
                cut_short.append(url)
    print(f"{forms_seen} forms answered an empty POST with their own errors")
    assert forms_seen >= 20, forms_seen  # the walk reached the forms
    assert bare == [], "\n".join(bare)
    # No text box a browser would cut a paste short in (`form_words.PlainWordsBoundField`).
    assert cut_short == [], "\n".join(cut_short)
