"""`Attempt.stream_started_at`: a streaming step read for a quiet piece marks its pass, so that
if Stop comes during it the analysis waits for it (`practice.streaming.handed_over`)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('practice', '0026_stream_quiet'),
    ]

    operations = [
        migrations.AddField(
            model_name='attempt',
            name='stream_started_at',
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
