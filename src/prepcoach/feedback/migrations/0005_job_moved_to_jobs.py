"""The job moved to `jobs` (`jobs/migrations/0001_initial.py`) with its table's name kept:
this link points at `jobs.Opportunity` now; nothing in the database changes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("feedback", "0004_pins_outlive_answers"),
        ("jobs", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="interviewerreply",
                    name="opportunity",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="interviewer_replies", to="jobs.opportunity"),
                ),
            ],
        ),
    ]
