"""Each answer keeps the small part of its analysis that improvement areas read
(`coach.answer_evidence`), written with the analysis from now on; 0016 fills it for the answers
analysed before. Backwards, the column goes and nothing else changes."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("practice", "0014_attempt_stream"),
    ]

    operations = [
        migrations.AddField(
            model_name="attempt",
            name="evidence",
            field=models.JSONField(blank=True, editable=False, null=True),
        ),
    ]
