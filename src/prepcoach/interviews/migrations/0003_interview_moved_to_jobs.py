"""The interview is the job's now (`jobs/migrations/0001_initial.py`): the debrief and the
transcript point at `jobs.Interview`, which is the same table; nothing in the database changes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("interviews", "0002_transcript"),
        ("jobs", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name="debrief",
                    name="interview",
                    field=models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name="debrief", to="jobs.interview"),
                ),
                migrations.AlterField(
                    model_name="transcript",
                    name="interview",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="transcripts", to="jobs.interview"),
                ),
                migrations.DeleteModel(name="Interview"),
            ],
        ),
    ]
