"""The job and its key facts live in `jobs` now (`jobs/migrations/0001_initial.py`), in the
same tables: research forgets them once every link to them points at `jobs`; nothing in the
database changes."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("research", "0004_opportunity_logistics_opportunity_my_questions"),
        ("jobs", "0001_initial"),
        ("interviews", "0003_interview_moved_to_jobs"),
        ("feedback", "0005_job_moved_to_jobs"),
        ("network", "0002_job_moved_to_jobs"),
        ("practice", "0010_job_moved_to_jobs"),
        ("reflection", "0002_job_moved_to_jobs"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name="Fact"),
                migrations.DeleteModel(name="Opportunity"),
            ],
        ),
    ]
