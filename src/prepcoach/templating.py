"""Template filters every page may use (registered as builtins in settings)."""

from collections.abc import Mapping
from typing import Any

from django import forms, template

from prepcoach.coach import amounts

register = template.Library()


@register.filter
def get_item(mapping: Mapping[Any, Any] | None, key: Any) -> Any:
    """{{ priorities|get_item:step.pk }}: look a value up by a key held in a variable."""
    if not mapping:
        return None
    return mapping.get(key)


@register.filter
def split_words(text: str) -> list[str]:
    """{% for part in "situation task action result"|split_words %}"""
    return text.split()


@register.filter
def markdown(text: str) -> str:
    """{{ notes|markdown }}: the user's Markdown, rendered and sanitised (see coach.text)."""
    from django.utils.safestring import mark_safe

    from prepcoach.coach.text import markdown_html

    return mark_safe(markdown_html(text or ""))  # noqa: S308 (sanitised by nh3 just above)


@register.simple_tag(takes_context=True)
def csrf_token(context: template.Context) -> str:
    """{% csrf_token %} as Django writes it, and a submit key new on every page, so that a form
    sent twice is done once (`ops.submit_once`)."""
    import secrets

    from django.template.defaulttags import CsrfTokenNode
    from django.utils.safestring import mark_safe

    from prepcoach.ops.submit_once import FIELD

    csrf = CsrfTokenNode().render(context)
    if not csrf:
        return csrf
    key = secrets.token_hex(16)
    return mark_safe(f'{csrf}<input type="hidden" name="{FIELD}" value="{key}">')  # noqa: S308


@register.simple_tag(takes_context=True)
def unsaid_errors(context: template.Context, form: Any) -> list[str]:
    """`{% unsaid_errors form as errors %}`: the form's errors of no one box (its
    `non_field_errors`) when the page being drawn has not said them yet, and marks them said.
    A refused form's summary (`partials/not_saved.html`) says them, and so does the top of
    each part of a form drawn in parts (`partials/form_fields.html`): a page says them once
    (a review found them said twice under the summary, and three times on a debrief)."""
    if not isinstance(form, forms.BaseForm):
        return []
    # The render's own state, under every include's (each include starts a state of its own).
    state: dict[Any, Any] = context.render_context.dicts[0]
    said: set[int] = state.setdefault("said_errors", set())
    if id(form) in said:
        return []
    said.add(id(form))
    return [str(error) for error in form.non_field_errors()]


@register.filter
def menu_section(request: Any) -> str | None:
    """{% with section=request|menu_section %}: the menu item a page lights (prepcoach/menu.py)."""
    from prepcoach.menu import section_of

    match = getattr(request, "resolver_match", None)
    return section_of(match.view_name) if match else None


@register.filter
def md_text(text: Any) -> str:
    """{{ fact.text|md_text }} in a Markdown file: the user's words shown as typed there."""
    from prepcoach.coach.escape import markdown_text

    return markdown_text("" if text is None else str(text))


@register.filter
def md_source(text: Any) -> str:
    """{{ notes|md_source }} in a Markdown file: the user's Markdown, their raw HTML as text."""
    from prepcoach.coach.escape import markdown_source

    return markdown_source("" if text is None else str(text))


@register.filter
def ago(moment: Any) -> str:
    """{{ when|ago }}: "just now" for under a minute, else Django's "3 hours ago" (never the
    "0 minutes ago" that timesince gives)."""
    import datetime as dt

    from django.utils import timezone
    from django.utils.timesince import timesince

    if not isinstance(moment, dt.datetime):
        return ""
    if timezone.now() - moment < dt.timedelta(minutes=1):
        return "just now"
    return f"{timesince(moment)} ago"


@register.filter
def day(value: Any) -> str:
    """{{ iso|day }}: a date as people write it, "Thu 10 Dec" (with the year when it is not
    this year's), from a date or an ISO string such as a job's interview dates; a string that
    is not a date is shown as it is."""
    import datetime as dt

    from django.utils import timezone

    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return str(value)
    if not isinstance(value, dt.date):
        return "" if value is None else str(value)
    year = "" if value.year == timezone.localdate().year else f" {value.year}"
    return f"{value:%a} {value.day} {value:%b}{year}"


@register.filter
def days(values: Any) -> str:
    """{{ opportunity.interview_days|days }}: "Thu 10 Dec, Fri 11 Dec"."""
    return ", ".join(day(v) for v in values or ())


@register.filter
def hours(value: Any) -> str:
    """{{ step.estimated_hours|hours }}: a number of hours as people say it, "1 h 30 min",
    "2 h", "45 min" (to the minute), never "1.50" beside "1"."""
    from decimal import Decimal, InvalidOperation

    try:
        minutes = int((Decimal(str(value)) * 60).quantize(Decimal(1)))
    except (InvalidOperation, ValueError):
        return "" if value is None else str(value)
    whole, rest = divmod(abs(minutes), 60)
    sign = "-" if minutes < 0 else ""
    if whole and rest:
        return f"{sign}{whole} h {rest} min"
    return f"{sign}{whole} h" if whole else f"{sign}{rest} min"


@register.filter
def clock(value: Any) -> str:
    """{{ e.start|clock }}: a moment in a recording as m:ss (h:mm:ss past an hour), as the
    measured evidence beside it writes it (`coach.feedback.clock`): a tip's "65.3 s" beside
    "3.6 s of silence at 1:05" read as two lengths."""
    from prepcoach.coach.feedback import clock as written

    if value is None or value == "":
        return ""
    return written(float(value))


@register.filter
def seconds(value: Any) -> str:
    """{{ report.pauses.longest_s|seconds }} s: a length in seconds as every face writes it,
    one decimal rounded half up (`coach.text.seconds`)."""
    from prepcoach.coach.text import seconds as written

    if value is None or value == "":
        return ""
    return written(float(value))


@register.filter
def kind_name(code: Any) -> str:
    """A goal kind's name for people ("Knowledge"), never its code ("knowledge")."""
    from prepcoach.goals.models import Goal

    labels = dict(Goal.Kind.choices)
    label = str(labels.get(str(code), str(code).capitalize()))
    return label.split(":")[0]


@register.filter
def amount(value: Any, unit: Any) -> str:
    """ "1 mock interview", "2 mock interviews": a number and a goal's unit, said right."""
    if value is None or value == "":
        return ""
    return amounts.amount(value, str(unit or ""))


@register.filter
def before_comma(quoted: Any) -> str:
    """“{{ q|before_comma }}”, …: a quotation that a comma follows, without its own full stop
    (`coach.text.before_comma`): never "“…team.”,"."""
    from prepcoach.coach.text import before_comma as trimmed

    return trimmed("" if quoted is None else str(quoted))


@register.filter
def closing_stop(quoted: Any) -> str:
    """“{{ q }}”{{ q|closing_stop }}: the full stop after a quotation that ends a sentence,
    none when the quoted words end with their own (`coach.text.closing_stop`)."""
    from prepcoach.coach.text import closing_stop as stop

    return stop("" if quoted is None else str(quoted))


@register.filter
def comes_near(score: Any) -> bool:
    """{% if relevance.score|comes_near %}: a sentence at this cosine to its question comes
    near it in meaning (`coach.relevance.comes_near`), so "can't tell" may quote it as the
    sentence closest to the question; a far one ties nothing and is not offered."""
    from prepcoach.coach.relevance import comes_near as near

    return near(score)


@register.filter
def tips_unread(analysis: Any) -> str:
    """{% with unread=attempt.analysis|tips_unread %}: why an answer's report and its short
    report in the mock say "Analyse again" for tips a migration could not make again, in place
    of "Nothing stands out" (`coach.stored_relevance.tips_unread`); "" for any other answer."""
    from prepcoach.coach.stored_relevance import tips_unread as unread

    return unread(analysis)


@register.filter
def cant_tell_said(report: Any) -> str:
    """{{ report|cant_tell_said }}: how a stored analysis's "can't tell" is said after
    "Answers the question: " (`coach.relevance.cant_tell_said`, which the mock says too)."""
    from prepcoach.coach.relevance import cant_tell_said as said

    found = report.get("relevance") if isinstance(report, dict) else None
    withheld = report.get("withheld") if isinstance(report, dict) else None
    return said(found if isinstance(found, dict) else {}, withheld or ())


@register.filter
def both_ends(text: Any, length: int = 80) -> str:
    """{{ covered.words|both_ends:80 }}: words quoted as evidence, cut in the middle where too long,
    so that both ends stay, where a term's words sit (a run found by word form begins and ends
    with them): cut at the end, a trial's quote of "pivot tables" stopped at "…control ac…"."""
    said = str(text or "")
    if len(said) <= length:
        return said
    half = max((length - 3) // 2, 1)
    return f"{said[:half].rstrip()} … {said[-half:].lstrip()}"


# How far `around` moves a cut to fall between words: a "word" longer than this is cut inside.
SNAP = 20


@register.filter
def around(sentence: Any, words: Any, length: int = 160) -> str:
    """{{ c.sentence|around:c.words }}: a sentence quoted as the place of some of its words, cut
    to `length` (160) characters around them, with "…" where cut, so the words are always in
    the quote (a trial's long sentence, cut at its end, hid the "BrightPay" it was quoted for).
    Words not in the sentence: its start."""
    said, part = str(sentence or ""), str(words or "")
    if len(said) <= length:
        return said
    at = said.find(part) if part else -1
    if at < 0:
        return said[: length - 1].rstrip() + "…"
    room = max(length - len(part) - 3, 0)
    start = max(0, min(at - room // 2, len(said) - (length - 3)))
    if start == 0:  # the words are near its start: cut at its end, as `truncatechars` does
        return said[: length - 1].rstrip() + "…"
    end = min(len(said), start + length - 3)  # room for a closing stop taken in below
    # Cut between words, never inside one (a screenshot check: "…ay run", "bec…"), keeping
    # the words quoted for; a sentence's own last stop is no cut.
    space = said.find(" ", start, min(at, start + SNAP))
    start = space + 1 if space >= 0 else start
    if end < len(said):
        space = said.rfind(" ", max(at + len(part), end - SNAP), end)
        end = space if space >= 0 else end
    if len(said) - end <= 2 and not said[end:].strip(".!?)\"'”’ "):
        end = len(said)
    tail = "…" if end < len(said) else ""
    return "…" + said[start:end].strip() + tail
