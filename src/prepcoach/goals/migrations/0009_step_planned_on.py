"""The day the user chose to work on a step (moved on the week); blank for every step before."""

import prepcoach.goals.models
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('goals', '0008_goal_closed_at'),
    ]

    operations = [
        migrations.AddField(
            model_name='step',
            name='planned_on',
            field=models.DateField(blank=True, help_text='Optional: the day you will work on it. Left empty, prepcoach places it.', null=True, validators=[prepcoach.goals.models.validate_plan_date], verbose_name='work on it on'),
        ),
    ]
