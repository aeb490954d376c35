"""The menu lights up the section a page belongs to, by its URL's app: stories and reading are
under Grow, the network under Plan, groups under Improve. Alice visits each."""

import re

import pytest
from django.test import Client
from django.urls import reverse


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
        ("groups:index", "Improve"),
        ("practice:index", "Improve"),
    ],
)
def test_each_page_lights_up_its_menu_item(alice_client: Client, url_name: str, item: str) -> None:
    page = alice_client.get(reverse(url_name)).text
    assert item in current_item(page), url_name
