"""Every form's errors in plain words (issue 12, class 4), and its text boxes never cutting a
paste short (`PlainWordsBoundField.as_widget`).

Django answers a field left empty with "This field is required.", which does not say which
field or what to put in it. `FORM_RENDERER` in the settings is `PlainWordsRenderer`, whose bound
fields put a sentence that names the field and what it wants in that message's place, for
every form of every app (Django's own log-in and password forms included). A form that words
its own "required" message keeps it.
"""

from __future__ import annotations

import copy
from decimal import Decimal
from typing import Any

from django import forms
from django.forms.renderers import DjangoTemplates
from django.forms.utils import ErrorList
from django.utils.safestring import SafeString

BARE_REQUIRED = str(forms.Field.default_error_messages["required"])


def required_words(field: forms.Field, label: str) -> str:
    """What to say when a field is left empty, by what the field holds."""
    widget = field.widget
    if isinstance(field, forms.DateField) or getattr(widget, "input_type", "") == "date":
        return f"Pick a date for “{label}”."
    if isinstance(field, forms.DecimalField | forms.IntegerField | forms.FloatField):
        return f"Type a number for “{label}”, e.g. 1."
    if isinstance(widget, forms.CheckboxInput):
        return f"Tick “{label}” to go on."
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return f"Choose at least one for “{label}”."
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        return f"Choose one for “{label}”."
    if isinstance(field, forms.FileField):
        return f"Choose a file for “{label}”."
    return f"Fill in “{label}”: it cannot be left empty."


class PlainNumberInput(forms.NumberInput):
    """A number box showing a whole number as "5" and a fraction as "1.5", never "5.00"."""

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, Decimal) and value.is_finite():
            return f"{value.normalize():f}"
        return super().format_value(value)  # type: ignore[no-any-return]


class TypedNumberInput(forms.TextInput):
    """A number box the browser sends as typed: `type="text"` with a number keypad
    (`inputmode`). A browser sends a malformed `type="number"` ("4e", "1e") as empty, which a
    form with an optional number reads as "the default" and a refused form shows as an empty
    box; as text the server sees "4e", refuses it with the box's own message, and shows it back.
    """

    input_type = "text"

    def __init__(self, attrs: dict[str, Any] | None = None, *, whole: bool = False) -> None:
        attrs = {"inputmode": "numeric" if whole else "decimal", **(attrs or {})}
        super().__init__(attrs)

    def format_value(self, value: Any) -> str | None:
        if isinstance(value, Decimal) and value.is_finite():
            return f"{value.normalize():f}"
        return super().format_value(value)  # type: ignore[no-any-return]


class PlainWordsBoundField(forms.BoundField):
    @property
    def errors(self) -> ErrorList:
        errors: ErrorList = super().errors
        if BARE_REQUIRED not in errors:
            return errors
        label = str(self.label or self.name.replace("_", " ").capitalize()).strip().rstrip(":")
        plain = required_words(self.field, label)
        words: list[str | Exception] = [
            plain if str(e) == BARE_REQUIRED else str(e) for e in errors
        ]
        return self.form.error_class(words, renderer=self.form.renderer)

    def as_widget(
        self, widget: forms.Widget | None = None, attrs: dict[str, Any] | None = None,
        only_initial: bool = False,
    ) -> SafeString:  # fmt: skip
        """A text box is drawn without `maxlength`, which Django sets from a field's
        `max_length`: a browser cuts a longer paste to it without a word (a tester's 10,000
        pasted words were saved cut mid-word), where the field's own check refuses it with its
        count and shows everything typed back."""
        widget = widget or self.field.widget
        if isinstance(widget, forms.Textarea) and "maxlength" in widget.attrs:
            widget = copy.copy(widget)
            widget.attrs = {k: v for k, v in widget.attrs.items() if k != "maxlength"}
        return super().as_widget(widget, attrs, only_initial)


class PlainWordsRenderer(DjangoTemplates):
    bound_field_class = PlainWordsBoundField
