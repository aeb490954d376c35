from __future__ import annotations

from django import forms

from prepcoach.coach.text import plain_text
from prepcoach.reading.models import DigestSettings, Feed, ReadingItem


class ReadingItemForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = ReadingItem
        fields = ("title", "link", "kind", "status", "takeaways")
        widgets = {"takeaways": forms.Textarea(attrs={"rows": 4})}
        error_messages = {
            "title": {"required": "What is it called?"},
            "link": {"invalid": "That is not a web address: it should start with https://."},
        }

    def clean_title(self) -> str:
        title = plain_text(self.cleaned_data.get("title", ""))
        if not title:  # "<b></b>" is no title either
            raise forms.ValidationError("What is it called?")
        return title


class FeedForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Feed
        fields = ("url",)
        error_messages = {
            "url": {
                "required": "Paste the feed's address.",
                "invalid": "That is not a web address: a feed's address starts with https://.",
            }
        }

    def clean_url(self) -> str:
        url: str = self.cleaned_data["url"].strip()
        if Feed.objects.filter(user=self.instance.user, url=url).exists():
            raise forms.ValidationError("You already follow that feed.")
        return url


class DigestForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = DigestSettings
        fields = ("frequency",)
        labels = {"frequency": "E-mail me a digest of new and saved items"}
