"""The menu lights up the section a page belongs to (prepcoach/menu.py): stories and reading are
under Grow, the network and partners under Plan, groups, feedback and real interviews under
Improve, a story's feedback under Grow. Alice visits each, then every page of the URL map."""

import re
from pathlib import Path
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from prepcoach.menu import section_of
from tests.access_world import body_of, build_world, routes, urls_for

# Where a page is, by its address, as a person reads it: the first part of the path names the
# section; partners, interviews and the feedback a reviewer leaves have their own.
SECTION_BY_PREFIX = (
    ("/plan/", "Plan"),
    ("/partners/", "Plan"),
    ("/grow/", "Grow"),
    ("/improve/", "Improve"),
    ("/interviews/", "Improve"),
    ("/r/", "Improve"),
    ("/feedback/", "Improve"),
    ("/account/", "Alice Doe"),  # the account menu, by the person's name
    ("/ready/", "Dashboard"),
    ("/", "Dashboard"),
)


def current_item(page: str) -> list[str]:
    return re.findall(r'aria-current="page">([^<]+)</a>', page)


@pytest.mark.parametrize(
    ("url_name", "item"),
    [
        ("reflection:stories", "Grow"),
        ("reflection:story_new", "Grow"),
        ("reading:list", "Grow"),
        ("research:index", "Grow"),
        ("network:index", "Plan"),
        ("goals:index", "Plan"),
        ("partners:index", "Plan"),
        ("interviews:index", "Improve"),
        ("groups:index", "Improve"),
        ("practice:index", "Improve"),
    ],
)
def test_each_page_lights_up_its_menu_item(alice_client: Client, url_name: str, item: str) -> None:
    page = alice_client.get(reverse(url_name)).text
    assert current_item(page) == [item], url_name


def named_patterns() -> list[str]:
    """Every named URL pattern of the app's pages, as "app:name" (the admin and API aside)."""

    def walk(resolver: URLResolver, namespace: str) -> list[str]:
        names: list[str] = []
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                names += walk(entry, entry.namespace or namespace)
            elif isinstance(entry, URLPattern) and entry.name and namespace:
                names.append(f"{namespace}:{entry.name}")
        return names

    return [name for name in walk(get_resolver(), "") if not name.startswith(("admin:", "api"))]


def test_every_url_pattern_has_a_section() -> None:
    names = named_patterns()
    assert len(names) > 100, len(names)  # the walk reached every app
    assert [name for name in names if section_of(name) is None] == []


@pytest.mark.django_db
def test_every_page_lights_the_item_of_its_section(tmp_path: Path, settings: Any) -> None:
    settings.MEDIA_ROOT = tmp_path
    world = build_world(tmp_path)
    alice = Client()
    alice.force_login(world.alice)
    wrong: list[str] = []
    pages = 0
    for route, names in routes():
        for url in urls_for(route, names, world, world.tokens["valid"]):
            with transaction.atomic():
                response = alice.get(url)
                transaction.set_rollback(True)
            page = body_of(response).decode(errors="replace")  # and a recording closed
            if response.status_code != 200 or "text/html" not in response["Content-Type"]:
                continue
            if 'aria-label="Main"' not in page:
                continue  # a fragment (HTMX) or a page without the site's menu (the print card)
            pages += 1
            expected = next(item for prefix, item in SECTION_BY_PREFIX if url.startswith(prefix))
            if current_item(page) != [expected]:
                wrong.append(f"{url}: {current_item(page)}, not {expected}")
    print(f"{pages} pages checked for their menu item")
    assert pages >= 80, pages
    assert wrong == [], "\n".join(wrong)
