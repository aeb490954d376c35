"""A user's newest answers are read in order from an index on (user, status, newest first),
which also serves every lookup the (user, status) index it replaces served: the areas on every
dashboard view sorted all of a user's analysed answers to keep the newest 50 (issue 15, item 5).
The new index is made before the old one goes, so lookups always have one."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("practice", "0016_fill_attempt_evidence"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="attempt",
            index=models.Index(
                fields=["user", "status", "-created_at"], name="practice_at_user_id_596f96_idx"
            ),
        ),
        migrations.RemoveIndex(model_name="attempt", name="practice_at_user_id_c0e1e4_idx"),
    ]
