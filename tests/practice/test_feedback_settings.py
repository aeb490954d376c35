"""The feedback settings page (practice:feedback_settings): every body-language threshold is
Alice's to change beside the speaking ones, shown as she types it with its default and source;
a bad value is refused with what to type, brings back everything she typed and saves nothing;
Bob's settings are his own."""

from __future__ import annotations

import html
import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.body_language import BodyLanguageSettings
from prepcoach.coach.body_language.thresholds import THRESHOLDS
from prepcoach.practice.models import PracticeSettings

URL = reverse("practice:feedback_settings")
SPEAKING = {"pace_low": 130, "pace_high": 160, "fillers_per_min_high": 3, "long_pause_s": 3}


def every_threshold(**typed: object) -> dict[str, object]:
    """The whole form as the page shows it at the defaults, with `typed` changed."""
    shown = {t.name: f"{t.default:g}" for t in THRESHOLDS}
    return {**SPEAKING, **shown, **typed}


def test_every_threshold_is_on_the_page_with_its_value_unit_default_and_source(
    alice_client: Client,
) -> None:
    page = alice_client.get(URL).content.decode()
    words = html.unescape(page)
    for t in THRESHOLDS:
        box = re.search(rf'<input[^>]*name="{t.name}"[^>]*>', page)
        assert box is not None, t.name
        assert f'value="{t.default:g}"' in box.group(0), t.name
        assert f"({t.unit})</label>" in page
        assert f"Default {t.words(t.default)}: {t.source[:40]}" in words
    assert "Gamer &amp; Hecht 2007" in page
    for group in ("Looking toward the camera", "Posture", "The picture itself"):
        assert f"<h3>{group}</h3>" in page


def test_alices_thresholds_are_saved_and_used_for_her_next_reading(
    alice_client: Client, alice: User, bob: User
) -> None:
    answer = alice_client.post(
        URL,
        every_threshold(face_small="25", smile_ratio="50", tiny_height_px="240", look_away_s="3.5"),
    )
    assert answer.status_code == 302
    mine = PracticeSettings.objects.get(user=alice)
    assert mine.body_language_thresholds == {
        "face_small": 0.25,
        "smile_ratio": 0.5,
        "tiny_height_px": 240,
    }
    read_with = mine.body_language_settings()
    assert (read_with.face_small, read_with.smile_ratio) == (0.25, 0.5)
    assert (read_with.tiny_height_px, read_with.look_away_s) == (240, 3.5)
    assert read_with.large_move_deg == BodyLanguageSettings().large_move_deg
    # The page shows her values back as she typed them.
    page = alice_client.get(URL).content.decode()
    assert re.search(r'name="face_small"[^>]*value="25"|value="25"[^>]*name="face_small"', page)
    # Bob's settings are untouched by hers.
    assert not PracticeSettings.objects.filter(user=bob).exists()


@pytest.mark.parametrize(
    ("typed", "field", "says"),
    [
        ({"face_small": "0.15"}, "face_small", "Type a number from 5% to 50% (the default is 15%)"),
        ({"toward_yaw_deg": "120"}, "toward_yaw_deg", "from 5 degrees to 45 degrees"),
        ({"face_small": "45", "face_large": "40"}, "face_large", "must be above the one"),
        (
            {"tiny_height_px": "200.5"},
            "tiny_height_px",
            "Type a whole number from 60 px to 1080 px",
        ),
        ({"frozen_s": "soon"}, "frozen_s", "Type a number from 1s to 60s (the default is 3s)."),
    ],
)
def test_a_bad_value_is_refused_beside_its_box_and_nothing_typed_is_lost(
    alice_client: Client, alice: User, typed: dict[str, str], field: str, says: str
) -> None:
    posted = every_threshold(**typed, pace_low="120", large_move_deg="25")
    answer = alice_client.post(URL, posted)
    assert answer.status_code == 200
    page = answer.content.decode()
    assert "Nothing was saved" in page
    error = re.search(rf'<p class="error" id="id_{field}_error">([^<]*)</p>', page)
    assert error is not None
    assert says in error.group(1)
    for name, value in {**typed, "pace_low": "120", "large_move_deg": "25"}.items():
        assert re.search(rf'name="{name}"[^>]*value="{re.escape(value)}"', page), name
    saved = PracticeSettings.objects.get_or_create(user=alice)[0]
    assert saved.pace_low == 130  # nothing saved, the speaking ones neither
    assert saved.body_language_thresholds == {}


def test_an_empty_box_goes_back_to_its_default(alice_client: Client, alice: User) -> None:
    alice_client.post(URL, every_threshold(off_centre="30", frozen_s="6"))
    assert PracticeSettings.objects.get(user=alice).body_language_thresholds == {
        "off_centre": 0.3,
        "frozen_s": 6.0,
    }
    alice_client.post(URL, every_threshold(off_centre="", frozen_s="6"))
    assert PracticeSettings.objects.get(user=alice).body_language_thresholds == {"frozen_s": 6.0}


def test_a_stored_value_out_of_range_is_read_as_its_default(alice: User) -> None:
    """An old or hand-edited row never breaks a reading."""
    PracticeSettings.objects.create(
        user=alice, body_language_thresholds={"face_small": 3, "smile_ratio": "wide", "gone": 1}
    )
    assert alice.practice_settings.body_language_settings() == BodyLanguageSettings()


def test_the_page_needs_a_sign_in(client: Client) -> None:
    answer = client.get(URL)
    assert answer.status_code == 302
    assert "/login" in answer["Location"] or "log-in" in answer["Location"]


@pytest.mark.parametrize(
    ("field", "typed", "says"),
    [
        # Django's own checks would say "no more than 6 digits before the decimal point" ...
        ("face_small", "99999999", "Type a number from 5% to 50% (the default is 15%)."),
        ("face_small", "123456789012", "Type a number from 5% to 50% (the default is 15%)."),
        ("tiny_height_px", "1e9", "Type a whole number from 60 px to 1080 px (the default is 160 px)."),
        ("frozen_change", "NaN", "Type a number from 0.01% to 0.05% (the default is 0.03%)."),
        ("calibration_s", "Infinity", "Type a number from 2s to 30s (the default is 5s)."),
        ("smile_ratio", "45,5", "Type a number from 30% to 80% (the default is 45%)."),
        ("look_away_s", "2.25", "from 0.5s to 20s, with at most 1 decimal (the default is 2s)."),
        # ... and for the speaking ones "Ensure this value is less than or equal to 32767".
        ("pace_low", "99999999", "Type a whole number from 60 wpm to 250 wpm (the default is 130 wpm)."),
        ("pace_high", "fast", "Type a whole number from 60 wpm to 300 wpm (the default is 160 wpm)."),
        ("fillers_per_min_high", "99999999", "Type a number from 0 to 30, with at most 1 decimal"),
        ("long_pause_s", "0.5", "Type a number from 1s to 20s, with at most 1 decimal (the default is 3s)."),
    ],
)  # fmt: skip
def test_any_wrong_number_gets_its_thresholds_own_range_message(
    alice_client: Client, field: str, typed: str, says: str
) -> None:
    """Alice types a value no threshold can take: whatever is wrong with it (too long, not a
    number, out of range), the message is the range to type in, never Django's digit counts."""
    page = alice_client.post(URL, every_threshold(**{field: typed})).content.decode()
    error = re.search(rf'<p class="error" id="id_{field}_error">([^<]*)</p>', page)
    assert error is not None, field
    assert html.unescape(error.group(1)) == says or says in html.unescape(error.group(1))
    assert not re.search(r"Ensure|digits|Enter a (whole )?number", page)
    assert re.search(rf'name="{field}"[^>]*value="{re.escape(typed)}"', page)  # kept as typed


def test_the_banner_lists_each_wrong_box_with_a_link_to_it_and_takes_the_focus(
    alice_client: Client,
) -> None:
    """Alice changed three of the 25 boxes wrongly: the banner at the top names each by its
    label, in the page's order, each a link to its box, and is where the focus lands."""
    assert "Nothing was saved" not in alice_client.get(URL).content.decode()
    typed = {"frozen_s": "0", "pace_low": "10", "face_small": "99999999"}
    page = alice_client.post(URL, every_threshold(**typed)).content.decode()
    banner = re.search(r'<div class="form-errors error-summary"([^>]*)>(.*?)</div>', page, re.S)
    assert banner is not None
    attributes, inside = banner.groups()
    assert 'role="alert"' in attributes
    assert 'tabindex="-1"' in attributes
    assert "autofocus" in attributes  # the browser moves the focus to it as the page opens
    assert "Nothing was saved" in inside
    links = re.findall(r'<li><a href="#([^"]+)">([^<]+)</a>: ([^<]+)</li>', inside)
    assert [(target, html.unescape(label)) for target, label, _ in links] == [
        ("id_pace_low", "Slowest good pace (wpm)"),
        ("id_face_small", "Far from the camera: a face under (%)"),
        ("id_frozen_s", "Frozen for at least (s)"),
    ]
    assert "from 1s to 60s" in links[2][2]
    for target, _, _ in links:
        assert f'id="{target}"' in page  # each link leads to a box on the page
    assert page.count("autofocus") == 1  # nothing else takes the focus from it


def test_a_pace_band_the_wrong_way_round_is_listed_in_the_banner_too(
    alice_client: Client,
) -> None:
    page = alice_client.post(URL, every_threshold(pace_low="170", pace_high="150")).content
    banner = re.search(r'class="form-errors error-summary".*?</div>', page.decode(), re.S)
    assert banner is not None
    assert re.search(
        r'<a href="#id_pace_low">The slowest good pace must be below the fastest.</a>',
        banner.group(0),
    )


@pytest.mark.parametrize(
    ("field", "says"),
    [
        ("look_away_s", "Type a number from 0.5s to 20s"),
        ("face_small", "Type a number from 5% to 50%"),
        ("pace_low", "Type a whole number from 60 wpm to 250 wpm"),
        ("long_pause_s", "Type a number from 1s to 20s"),
    ],
)
def test_a_malformed_number_like_4e_is_refused_on_its_box_and_never_read_as_the_default(
    alice_client: Client, alice: User, field: str, says: str
) -> None:
    """Alice had changed her thresholds, then types "4e" in one box: every box is a text box
    (with a number keypad), so the browser sends "4e" as typed rather than as empty; it is
    refused on its own box, nothing is saved (her earlier value stays), and "4e" comes back."""
    alice_client.post(URL, every_threshold(look_away_s="3", face_small="20", long_pause_s="4"))
    before = PracticeSettings.objects.get(user=alice)
    page = alice_client.get(URL).content.decode()
    for name in [*SPEAKING, *(t.name for t in THRESHOLDS)]:
        box = re.search(rf'<input[^>]*name="{name}"[^>]*>', page)
        assert box is not None, name
        assert 'type="text"' in box.group(0), name
        assert re.search(r'inputmode="(decimal|numeric)"', box.group(0)), name
    earlier = {"look_away_s": "3", "face_small": "20", "long_pause_s": "4"}
    answer = alice_client.post(URL, every_threshold(**{**earlier, field: "4e"}))
    assert answer.status_code == 200
    page = answer.content.decode()
    assert "Nothing was saved" in page
    error = re.search(rf'<p class="error" id="id_{field}_error">([^<]*)</p>', page)
    assert error is not None
    assert says in html.unescape(error.group(1))
    assert re.search(rf'name="{field}"[^>]*value="4e"', page)
    after = PracticeSettings.objects.get(user=alice)
    assert after.look_away_s == before.look_away_s == Decimal("3")
    assert after.long_pause_s == before.long_pause_s
    assert after.body_language_thresholds == before.body_language_thresholds == {"face_small": 0.2}
