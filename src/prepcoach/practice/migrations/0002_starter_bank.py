"""Load the starter question bank written by the team (data/questions.csv and
data/sample_answers.json). Running it again updates the rows; it never duplicates them."""

from django.db import migrations


def load(apps, schema_editor):  # type: ignore[no-untyped-def]
    from prepcoach.practice.bank import load_bank

    load_bank(apps.get_model("practice", "Question"))


class Migration(migrations.Migration):
    dependencies = [("practice", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
