import html

import pytest
from django.test import Client
from django.urls import reverse

from prepcoach.accounts.models import User
from prepcoach.coach.limits import MAX_GOAL_CHARS
from prepcoach.goals import plans
from prepcoach.goals.models import Goal
from tests.goals.conftest import add_step, days

NEW = reverse("goals:new")
CHECK = reverse("goals:smart_check")


def test_plan_without_goals_shows_how_to_start(alice_client: Client) -> None:
    page = alice_client.get(reverse("goals:index")).text
    assert "Set your first goal" in page


def test_the_live_check_explains_each_criterion(alice_client: Client) -> None:
    panel = alice_client.post(CHECK, {"text": "get better at interviews"}, HTTP_HX_REQUEST="true")
    assert panel.status_code == 200
    assert "1 of 5 met" in panel.text
    assert "“get better” says what to improve" in panel.text
    assert "A sharper version" in panel.text
    # The rewrite keeps the user's goal and adds what it lacks; it never swaps in another goal.
    assert (
        'data-rewrite="Do 3 recorded practice sessions to get better at interviews for the Data '
        "analyst role"
    ) in panel.text
    sharper = alice_client.post(CHECK, {"text": "Do 3 recorded mock interviews by Friday"})
    assert 'data-criterion="time_bound"' in sharper.text
    assert "verdict-met" in sharper.text


def test_the_live_check_refuses_a_goal_longer_than_the_box_holds(alice_client: Client) -> None:
    text = "Do 3 mock interviews by Friday. " * 200  # 6,400 characters, the box holds 500
    panel = alice_client.post(CHECK, {"text": text}, HTTP_HX_REQUEST="true")
    # 200: HTMX swaps in no 4xx answer, so a 422 left the panel saying "Type your goal…".
    assert panel.status_code == 200
    assert (
        f"The goal is {len(text):,} characters, over the limit of {MAX_GOAL_CHARS:,}" in panel.text
    )
    assert "checks it here, as you type" not in panel.text
    assert alice_client.post(CHECK, {"text": text}).status_code == 422  # not from the page
    at_limit = alice_client.post(CHECK, {"text": text[:MAX_GOAL_CHARS]}, HTTP_HX_REQUEST="true")
    assert at_limit.status_code == 200


def test_create_fills_kind_date_and_target_from_the_words(
    alice_client: Client, alice: User
) -> None:
    response = alice_client.post(
        NEW, {"text": "Do 3 recorded mock interviews within two weeks", "kind": "auto"}
    )
    goal = Goal.objects.get(user=alice)
    assert response.url == reverse("goals:detail", args=[goal.pk])
    assert goal.kind == "behavioral"
    assert goal.target_date == days(14)
    assert goal.target_value == 3
    assert goal.unit == "recorded mock interviews"


def test_a_goal_none_of_the_four_kinds_fits_is_saved_as_other(
    alice_client: Client, alice: User
) -> None:
    # Issue 9: a health goal used to be filed under the model's default (behavioral).
    alice_client.post(NEW, {"text": "Walk 8,000 steps a day for the next 30 days", "kind": "auto"})
    assert Goal.objects.get(user=alice).kind == "other"
    page = alice_client.get(NEW).text
    assert "Other: none of the four" in page  # and the user can pick it themselves


def test_a_chosen_kind_and_date_win(alice_client: Client, alice: User) -> None:
    alice_client.post(
        NEW,
        {
            "text": "Research 5 facts about Acme",
            "kind": "networking",
            "target_date": days(3).isoformat(),
        },
    )
    goal = Goal.objects.get(user=alice)
    assert (goal.kind, goal.target_date) == ("networking", days(3))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": ""}, "Type the goal first"),
        ({"text": "🎯🎯🎯"}, "Describe the goal in words"),
        # The number as the live check says it ("10,000 characters"), not "10000".
        ({"text": "x" * 10_000}, "The goal is 10,000 characters, over the limit of 500"),
        (
            {"text": "Read 3 papers", "target_date": days(-2).isoformat()},
            "The target date is in the past",
        ),
        ({"text": "Read 3 papers", "target_date": "2027-02-30"}, "That is not a real date"),
    ],
)
def test_bad_input_is_explained_and_the_text_is_kept(
    alice_client: Client, alice: User, data: dict[str, str], message: str
) -> None:
    response = alice_client.post(NEW, {"kind": "auto", **data})
    assert response.status_code == 200
    assert message in response.text
    if data["text"]:
        assert data["text"][:200] in response.text  # nothing typed is lost
    assert not Goal.objects.exists()


def test_emoji_and_other_languages_are_kept(alice_client: Client, alice: User) -> None:
    alice_client.post(NEW, {"text": "Préparer 3 entretiens 🚀 avant vendredi", "kind": "auto"})
    assert Goal.objects.get(user=alice).text == "Préparer 3 entretiens 🚀 avant vendredi"


def test_edit_shows_the_saved_kind_and_saves_changes(alice_client: Client, mock_goal: Goal) -> None:
    url = reverse("goals:edit", args=[mock_goal.pk])
    assert 'value="behavioral" selected' in alice_client.get(url).text
    assert mock_goal.target_date is not None
    data = {
        "text": "Contact 4 alumni who work at Acme",
        "kind": "networking",
        "goal_id": mock_goal.pk,
        "target_date": mock_goal.target_date.isoformat(),
    }
    alice_client.post(url, data)
    mock_goal.refresh_from_db()
    assert (mock_goal.text, mock_goal.kind) == ("Contact 4 alumni who work at Acme", "networking")


def test_bob_cannot_see_or_change_alices_goal(client: Client, bob: User, mock_goal: Goal) -> None:
    client.force_login(bob)
    for name in ("goals:detail", "goals:edit"):
        assert client.get(reverse(name, args=[mock_goal.pk])).status_code == 404
    assert (
        client.post(reverse("goals:status", args=[mock_goal.pk]), {"status": "done"}).status_code
        == 404
    )


def test_reach_drop_and_reopen(alice_client: Client, mock_goal: Goal) -> None:
    url = reverse("goals:status", args=[mock_goal.pk])
    done = alice_client.post(url, {"status": "done"}, follow=True)
    assert "Goal reached" in done.text
    mock_goal.refresh_from_db()
    assert mock_goal.completed_on is not None
    alice_client.post(url, {"status": "active"})
    mock_goal.refresh_from_db()
    assert (mock_goal.status, mock_goal.completed_on) == ("active", None)


def test_a_huge_count_is_saved_without_breaking_any_page(alice_client: Client, alice: User) -> None:
    alice_client.post(NEW, {"text": "Solve 1000000 LeetCode problems by Friday", "kind": "auto"})
    goal = Goal.objects.get(user=alice)
    assert goal.target_value is None  # too large to be a plan's target
    for url in (
        reverse("goals:index"),
        reverse("goals:review"),
        reverse("goals:detail", args=[goal.pk]),
        "/api/goals",
    ):
        assert alice_client.get(url).status_code == 200, url


def test_odd_parameters_get_a_page_not_an_error(alice_client: Client, mock_goal: Goal) -> None:
    assert alice_client.post(CHECK, {"text": "x", "goal_id": "abc"}).status_code == 200
    for start in ("0001-01-01", "9999-12-31", "not-a-date"):
        assert alice_client.get(reverse("goals:week"), {"start": start}).status_code == 200


def test_dates_far_outside_a_plan_are_refused(alice_client: Client, alice: User) -> None:
    response = alice_client.post(
        NEW, {"text": "Read 3 papers", "kind": "auto", "target_date": "9999-12-31"}
    )
    assert "Pick a date between 2000 and 2100" in response.text


def test_a_goal_about_a_jobs_key_terms_is_relevant(db: None, client: Client) -> None:
    """Someone with no target role yet, interviewing for a job whose advert names Tableau."""
    from prepcoach.jobs.models import Opportunity
    from tests.conftest import make_user

    carol = make_user("carol@example.com")
    client.force_login(carol)
    text = "Build 3 Tableau dashboards by 2027-01-05"
    before = client.post(CHECK, {"text": text}, HTTP_HX_REQUEST="true").text
    assert "does not know your target role yet" in before
    Opportunity.objects.create(user=carol, company="Acme Health", role="Reporting analyst",
                               job_description="You will build Tableau dashboards and SQL reports.")  # fmt: skip
    after = client.post(CHECK, {"text": text}, HTTP_HX_REQUEST="true").text
    assert "It names a key term of the jobs you are applying for: “Tableau" in after


def test_the_live_check_says_when_it_cannot_tell_the_kind(alice_client: Client) -> None:
    panel = alice_client.post(CHECK, {"text": "save £500 for the Lisbon trip by 1 March"})
    assert "can’t tell" in panel.text


def test_a_goal_of_no_kind_keeps_a_kind_the_model_can_store(
    alice_client: Client, alice: User
) -> None:
    alice_client.post(NEW, {"text": "run 5k without stopping within two weeks", "kind": "auto"})
    goal = Goal.objects.get(user=alice)
    assert goal.kind in Goal.Kind.values  # the model's default: prepcoach did not guess one


@pytest.mark.parametrize(
    "text",
    [
        "um uh like you know so um",
        "Ich habe in meinem letzten Projekt ein Team von fünf Entwicklern geleitet. Am Ende "
        "haben wir die Ladezeit um 40 Prozent reduziert.",
    ],
    ids=["fillers", "German"],
)
def test_a_goal_whose_kind_prepcoach_cannot_tell_is_not_said_to_be_filed_from_its_words(
    alice_client: Client, alice: User, text: str
) -> None:
    """Issue 9's bad input was saved "filed under Other from its words"."""
    response = alice_client.post(NEW, {"text": text, "kind": "auto"}, follow=True)
    assert Goal.objects.filter(user=alice).count() == 1  # saved: nothing is lost
    said = html.unescape(response.text)
    assert "filed under Other: prepcoach can't tell its kind from its words (Edit" in said
    assert "filed under Other from its words" not in said


def test_a_new_goal_lets_prepcoach_suggest_its_kind_and_says_what_it_chose(
    alice_client: Client, alice: User
) -> None:
    page = alice_client.get(NEW).text
    assert '<option value="auto" selected>Suggest it for me</option>' in page
    assert '<option value="other" selected>' not in page
    response = alice_client.post(
        NEW, {"text": "Research 5 facts about Acme's products by Friday", "kind": "auto"},
        follow=True,
    )  # fmt: skip
    goal = Goal.objects.get(user=alice)
    assert goal.kind == "knowledge"
    assert "Goal created, filed under Knowledge from its words (Edit changes it)" in response.text
    # Editing shows the kind it was saved as, and keeping it says nothing more about kinds.
    edit = alice_client.get(reverse("goals:edit", args=[goal.pk])).text
    assert '<option value="knowledge" selected>' in edit
    saved = alice_client.post(
        reverse("goals:edit", args=[goal.pk]), {"text": goal.text, "kind": "knowledge"},
        follow=True,
    )  # fmt: skip
    assert "Goal saved." in saved.text


def test_the_empty_smart_panel_says_its_thing_once(alice_client: Client) -> None:
    for page in (alice_client.get(NEW).text, alice_client.post(CHECK, {"text": "  "}).text):
        assert page.count("checks it here, as you type") == 1
        assert "There is no goal yet" not in page
        assert 'data-criterion="' not in page
        assert "A sharper version" not in page
    typed = alice_client.post(CHECK, {"text": "get better at interviews"}).text
    assert typed.count('data-criterion="') == 5


def test_mark_reached_is_the_main_button_only_at_the_target(
    alice_client: Client, alice: User
) -> None:
    alice_client.post(
        NEW, {"text": "Do 3 recorded mock interviews within two weeks", "kind": "auto"}
    )
    goal = Goal.objects.get(user=alice)
    url = reverse("goals:detail", args=[goal.pk])
    fresh = alice_client.get(url).text
    assert '<button class="button button-secondary" name="status" value="done">' in fresh
    alice_client.post(
        reverse("goals:checkin_add", args=[goal.pk]),
        {"checkin-day": days(0).isoformat(), "checkin-value": "3"},
    )
    reached = alice_client.get(url).text
    assert '<button class="button" name="status" value="done">Mark reached</button>' in reached


def test_use_this_version_on_a_goals_page_opens_its_form_with_it(
    alice_client: Client, alice: User
) -> None:
    import html
    import re

    goal = Goal.objects.create(user=alice, text="get better at interviews", kind=Goal.Kind.OTHER)
    page = alice_client.get(reverse("goals:detail", args=[goal.pk])).text
    rewrite = html.unescape(re.search(r'<p class="rewrite-text">([^<]+)</p>', page)[1])  # type: ignore[index]
    link = re.search(
        r'<a class="button button-secondary" href="([^"]+)">Use this version</a>', page
    )
    assert link is not None  # a link: the page has no goal field a button could fill
    form = alice_client.get(html.unescape(link[1]))
    assert form.context["form"]["text"].value() == rewrite
    # The version's date comes with it, so saving it gives the goal that date too.
    import datetime as dt

    day = dt.date.fromisoformat(re.search(r"target_date=([0-9-]+)", link[1])[1])  # type: ignore[index]
    assert rewrite.endswith(f"by {day.day} {day:%B %Y}")
    assert form.context["form"]["target_date"].value() == day.isoformat()
    assert Goal.objects.get(pk=goal.pk).text == "get better at interviews"  # nothing saved yet
    # Without the sharper version the form shows the goal as saved.
    plain = alice_client.get(reverse("goals:edit", args=[goal.pk]))
    assert plain.context["form"]["text"].value() == "get better at interviews"


def test_whose_kind_it_is_is_kept_and_an_edit_leaving_the_kind_changes_nothing(
    alice_client: Client, alice: User, mock_goal: Goal
) -> None:
    """A saved goal's kind was prepcoach's reading or the user's choice, and the two could not
    be told apart (a review: old goals keep a kind read by the model before it changed). Now
    it is recorded: only a kind read from the words may be read again, never the user's."""
    text = "Research 5 facts about Acme's products by Friday"
    alice_client.post(NEW, {"text": text, "kind": "auto"})
    read = Goal.objects.get(user=alice, text=text)
    assert (read.kind, read.kind_suggested) == ("knowledge", True)
    alice_client.post(NEW, {"text": "Read 3 papers on churn", "kind": "networking"})
    chosen = Goal.objects.get(user=alice, text="Read 3 papers on churn")
    assert (chosen.kind, chosen.kind_suggested) == ("networking", False)

    def edit(goal: Goal, kind: str) -> Goal:
        data = {"text": goal.text, "kind": kind, "goal_id": goal.pk}
        if goal.target_date is not None:
            data["target_date"] = goal.target_date.isoformat()
        alice_client.post(reverse("goals:edit", args=[goal.pk]), data)
        goal.refresh_from_db()
        return goal

    assert edit(read, "knowledge").kind_suggested is True  # left as it was shown
    assert edit(read, "skills").kind_suggested is False  # changed: the user's now
    assert edit(read, "auto").kind_suggested is True  # asked for again
    # A goal saved before it was recorded: its kind could be either, and stays unknown.
    assert mock_goal.kind_suggested is None
    assert edit(mock_goal, "behavioral").kind_suggested is None
    assert edit(mock_goal, "networking").kind_suggested is False


def test_a_split_keeps_the_users_kind_theirs_and_a_read_one_unknown(
    alice_client: Client, mock_goal: Goal
) -> None:
    from prepcoach.goals.models import Step

    for kind_suggested in (False, True):
        Goal.objects.filter(pk=mock_goal.pk).update(kind_suggested=kind_suggested)
        step = Step.objects.create(goal=mock_goal, title="Book a mock", due_date=days(5))
        alice_client.post(
            reverse("goals:split", args=[mock_goal.pk]),
            {"text": f"Book mocks {kind_suggested}", "steps": [str(step.pk)]},
        )
        part = Goal.objects.get(text=f"Book mocks {kind_suggested}")
        assert part.kind == mock_goal.kind
        assert part.kind_suggested is (False if kind_suggested is False else None)


def test_the_live_check_counts_only_the_hours_other_goals_leave(
    alice_client: Client, alice: User, mock_goal: Goal
) -> None:
    """A browser check: a new goal was told "you have 7.5 h before 11 December" while another
    goal's steps took 5.5 h of those days."""
    alice.profile.weekly_hours = [2] * 7
    alice.profile.save(update_fields=["weekly_hours"])
    text = f"Write 3 STAR stories by {days(4):%-d %B %Y}"
    free = alice_client.post(CHECK, {"text": text}).text
    assert "you have 10 h by" in free  # five days of 2 h
    add_step(mock_goal, "Six hours of mocks", 3, hours=6)
    booked = alice_client.post(CHECK, {"text": text}).text
    assert "you have 4 h by" in booked


def test_the_live_check_books_the_hours_the_week_plan_books(alice: User, mock_goal: Goal) -> None:
    """The live check makes the plan from the same rows as `plan_for`, kept while the steps do
    not change: what it books is what the plan's pages show."""
    add_step(mock_goal, "Two hours of mocks", 2, hours=2)
    done = add_step(mock_goal, "Done today", 5, hours=1)
    done.done_on = days(0)
    done.save(update_fields=["done_on"])
    for _ in range(2):  # made, then kept
        context = plans.smart_context(alice, None, days(0))
        assert context.booked == plans._booked(plans.plan_for(alice, days(0)))
        assert context.booked  # both steps' hours are on the week


HTML_GOAL = "<b>Learn R</b><script>alert(1)</script><i>by June</i>"


def test_html_is_refused_on_create_and_edit_and_what_was_typed_is_kept(
    alice_client: Client, alice: User, mock_goal: Goal
) -> None:
    created = alice_client.post(NEW, {"kind": "auto", "text": HTML_GOAL})
    assert created.status_code == 200
    assert "is a web page&#x27;s HTML markup, not a goal" in created.text
    assert html.escape(HTML_GOAL) in created.text  # kept in the box, escaped
    assert not Goal.objects.filter(text__contains="<b>").exists()
    url = reverse("goals:edit", args=[mock_goal.pk])
    edited = alice_client.post(url, {"kind": "auto", "text": HTML_GOAL, "goal_id": mock_goal.pk})
    assert "HTML markup, not a goal" in edited.text
    mock_goal.refresh_from_db()
    assert mock_goal.text == "Do 3 recorded mock interviews before my onsite"


def test_the_api_refuses_html_as_a_goal(alice_client: Client, alice: User) -> None:
    response = alice_client.post("/api/goals", {"text": HTML_GOAL}, content_type="application/json")
    assert response.status_code == 422
    assert "HTML markup, not a goal" in response.json()["detail"]
    assert not Goal.objects.exists()


def test_tags_written_about_in_a_goal_are_words(alice_client: Client, alice: User) -> None:
    alice_client.post(NEW, {"kind": "auto", "text": "Master <table> and </div> layouts by June"})
    assert Goal.objects.get(user=alice).text == "Master <table> and </div> layouts by June"


def test_the_form_counts_a_long_goal_as_the_live_check_does(alice_client: Client) -> None:
    text = "Do 3 mock interviews by Friday.\r\n" * 20 + " "  # what the box sends
    live = alice_client.post(CHECK, {"text": text}, HTTP_HX_REQUEST="true").text
    saved = alice_client.post(NEW, {"kind": "auto", "text": text}).text
    assert "641 characters" in live
    assert "The goal is 641 characters, over the limit of 500" in saved  # as the panel says


def test_the_new_goal_box_is_focused_and_offers_undo_and_ctrl_enter(
    alice_client: Client, mock_goal: Goal
) -> None:
    page = alice_client.get(NEW).text
    box = page[page.index("<textarea") : page.index("</textarea>")]
    assert " autofocus" in box
    assert 'id="goal-undo"' in page
    assert 'role="status"' in page
    assert "Ctrl+Enter saves it" in page
    # Editing an old goal lands on the page, not in the box.
    edit = alice_client.get(reverse("goals:edit", args=[mock_goal.pk])).text
    assert " autofocus" not in edit[edit.index("<textarea") : edit.index("</textarea>")]


def test_a_goal_in_another_language_is_said_once_with_no_score_or_rewrite(
    alice_client: Client,
) -> None:
    """A trial's French goal read "0 of 5 met", the same sentence five times, and an English
    rewrite appended "by 3 January 2027" to "d'ici fin janvier"."""
    text = "Améliorer mon SQL d'ici fin janvier, 3 heures par semaine"
    panel = alice_client.post(CHECK, {"text": text}, HTTP_HX_REQUEST="true").text
    assert "of 5 met" not in panel
    assert panel.count("does not read as English") == 1
    assert "A sharper version" not in panel
    assert "can’t tell" in panel


def test_a_goal_in_two_tags_is_refused(alice_client: Client, alice: User) -> None:
    """A browser check: "<b>Learn R</b>" (two tags, where the markup check wanted three) was
    saved as a goal, and the sharper version kept its tags."""
    page = alice_client.post(NEW, {"kind": "auto", "text": "<b>Learn R</b>"}).text
    assert "web page&#x27;s HTML markup" in page or "web page's HTML markup" in page
    assert not Goal.objects.filter(user=alice).exists()


def test_a_kind_it_cannot_tell_is_said_as_a_sentence(alice_client: Client) -> None:
    """A browser check read "Kind: can't tell None of the four kinds … fits it." as one run."""
    panel = alice_client.post(
        CHECK, {"text": "do 20 min of yoga every morning for the next 30 days"}
    ).text
    assert '<strong data-kind="">can’t tell</strong>. <span class="kind-reason">None of' in panel
