"""The calendar feed's address is stored as its SHA-256 (issue 11, class 8). Every existing
address is hashed in place, so calendars already subscribed to it keep updating."""

import hashlib

from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps


def digest(token: str) -> str:
    # The same digest as accounts.access.link_digest, written out: a migration keeps its code.
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def hash_addresses(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    feed_model = apps.get_model("goals", "CalendarFeed")
    for feed in feed_model.objects.all():
        feed.token_digest = digest(feed.token)
        feed.save(update_fields=["token_digest"])


def forget_addresses(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    """Going back cannot recover an address from its digest: the feeds are removed, and their
    owners make a new address on the calendar page."""
    apps.get_model("goals", "CalendarFeed").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("goals", "0005_goal_area")]

    operations = [
        migrations.AddField(
            model_name="calendarfeed",
            name="token_digest",
            field=models.CharField(max_length=64, null=True),
        ),
        migrations.RunPython(hash_addresses, forget_addresses),
        migrations.RemoveField(model_name="calendarfeed", name="token"),
        migrations.AlterField(
            model_name="calendarfeed",
            name="token_digest",
            field=models.CharField(max_length=64, unique=True),
        ),
    ]
