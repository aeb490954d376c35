from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("ops", "0002_periodicrun")]

    operations = [
        migrations.CreateModel(
            name="SubmittedRequest",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("key", models.CharField(max_length=64, unique=True)),
                ("created_at", models.DateTimeField(db_index=True)),
                ("done", models.BooleanField(default=False)),
                ("status", models.PositiveSmallIntegerField(default=0)),
                ("content_type", models.CharField(blank=True, max_length=200)),
                ("headers", models.JSONField(default=dict)),
                ("body", models.BinaryField(default=b"")),
            ],
        ),
    ]
