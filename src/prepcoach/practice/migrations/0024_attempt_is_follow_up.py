"""`Attempt.is_follow_up`: an answer to a follow-up stays one when the answer it follows up is
deleted (its `follow_up_to` link is then null). Every answer linked to one today is marked."""

from typing import Any

from django.db import migrations, models


def mark(apps: Any, schema_editor: Any) -> None:
    attempts = apps.get_model("practice", "Attempt")
    using = schema_editor.connection.alias
    attempts.objects.using(using).filter(follow_up_to__isnull=False).update(is_follow_up=True)


class Migration(migrations.Migration):
    dependencies = [
        ("practice", "0023_attempt_job"),
    ]

    operations = [
        migrations.AddField(
            model_name="attempt",
            name="is_follow_up",
            field=models.BooleanField(default=False, db_default=False),
        ),
        migrations.RunPython(mark, migrations.RunPython.noop, elidable=True),
    ]
