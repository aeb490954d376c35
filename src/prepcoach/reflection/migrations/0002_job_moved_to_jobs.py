"""The job moved to `jobs` (`jobs/migrations/0001_initial.py`) with its table's name kept:
this link points at `jobs.Opportunity` now; nothing in the database changes."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("reflection", "0001_initial"),
        ("jobs", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="story",
                    name="opportunities",
                    field=models.ManyToManyField(blank=True, related_name="stories", to="jobs.opportunity"),
                ),
            ],
        ),
    ]
