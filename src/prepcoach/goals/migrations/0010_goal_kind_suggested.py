"""Whose a goal's kind is: prepcoach's reading of its words, or the user's choice. Every goal
saved before has None: its stored kind may be either (the form and the API wrote both to the same
column), so none is read again."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('goals', '0009_step_planned_on'),
    ]

    operations = [
        migrations.AddField(
            model_name='goal',
            name='kind_suggested',
            field=models.BooleanField(default=None, editable=False, null=True),
        ),
    ]
