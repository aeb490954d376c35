"""The job moved to `jobs` (`jobs/migrations/0001_initial.py`) with its table's name kept:
this link points at `jobs.Opportunity` now; nothing in the database changes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("practice", "0009_question_company_question_interview_round"),
        ("jobs", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="mocksession",
                    name="opportunity",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="mocks", to="jobs.opportunity"),
                ),
            ],
        ),
    ]
