"""`Attempt.stream_quiet`: the browser says when the speaker went quiet, so a streaming step
reads the answer's last words before Stop (`practice.streaming`)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('practice', '0025_withhold_untrained_relevance'),
    ]

    operations = [
        migrations.AddField(
            model_name='attempt',
            name='stream_quiet',
            field=models.PositiveIntegerField(blank=True, null=True),
        ),
    ]
