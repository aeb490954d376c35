"""When a goal was last reached or dropped, so the plan lists finished goals in that order.
Goals finished before the field existed take their last change's time: the best there is."""

from typing import Any

from django.db import migrations, models
from django.db.models import F


def fill(apps: Any, schema_editor: Any) -> None:
    goal = apps.get_model("goals", "Goal")
    goal.objects.exclude(status="active").update(closed_at=F("updated_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("goals", "0007_goal_area_longer"),
    ]

    operations = [
        migrations.AddField(
            model_name="goal",
            name="closed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
