"""Forms speak plainly (issue 12, class 4): a form sent empty, or with one field left out,
says what to fill in, in the user's words, never Django's bare "This field is required.".

Every URL pattern of the access matrix's world (tests/access_world.py) is sent an empty
POST by its owner, Alice; each request is rolled back."""

from __future__ import annotations

import re
from collections.abc import Iterator
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


def _walk(
    tmp_path: Path, settings: Any, data: dict[str, str] | None = None
) -> Iterator[tuple[str, bytes]]:
    """Every URL of the world sent an empty POST (or `data`) by Alice, each rolled back: (url,
    page)."""
    settings.MEDIA_ROOT = tmp_path
    settings.LOGIN_LIMITS = login_limits(free=1_000_000)  # the log-in form is walked too
    world = build_world(tmp_path)
    client = Client()
    client.force_login(world.alice)
    for route, names in routes():
        if route.startswith("api/"):
            continue  # the API's own error format is the API's business
        for url in urls_for(route, names, world, world.tokens["valid"]):
            with transaction.atomic():
                response = client.post(url, data or {})
                body = body_of(response)
                transaction.set_rollback(True)
            if "_auth_user_id" not in client.session:
                client.force_login(world.alice)  # the walk passed by "log out"
            yield url, body


@pytest.mark.django_db
def test_no_form_answers_an_empty_post_with_djangos_bare_words(
    tmp_path: Path, settings: Any
) -> None:
    forms_seen = 0
    bare: list[str] = []
    cut_short: list[str] = []
    for url, body in _walk(tmp_path, settings):
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


@pytest.mark.django_db
def test_no_page_says_a_forms_own_error_twice(
    tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An error of the whole form, of no one box ("Give a title or a link"), was said twice on
    some pages: in the summary at the top and again above the boxes (a review), and once for
    each part on a page that draws its form in parts (a review's criteria, a debrief). Every
    form the walk sends refused is given such an error of its own, and no page may say it
    twice."""
    given: list[str] = []
    full_clean = forms.BaseForm.full_clean

    def with_an_error_of_its_own(form: forms.BaseForm) -> None:
        full_clean(form)
        if form.is_bound and form.errors:  # refused already: a valid form stays valid
            given.append(f"Error {len(given)} of the whole form.")
            form.add_error(None, given[-1])

    monkeypatch.setattr(forms.BaseForm, "full_clean", with_an_error_of_its_own)
    said, twice = 0, []
    # A key no form has: a view that reads an empty POST as no POST (`request.POST or None`)
    # binds its form to it too, and refuses it.
    for url, body in _walk(tmp_path, settings, {"walked": "1"}):
        for error in given:
            times = body.count(error.encode())
            said += times == 1
            if times > 1:
                twice.append(f"{url}: {error!r} {times} times")
        given.clear()
    print(f"{said} errors of a whole form said once")
    assert said >= 20, said  # the walk reached the forms, and they said their errors
    assert twice == [], "\n".join(twice)
