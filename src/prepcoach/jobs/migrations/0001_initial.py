"""The job (Opportunity), its key facts (Fact) and its interviews (Interview) move from
`research` and `interviews` into `jobs`, upstream of Plan, Grow and Improve (issue 13, "the
house"). Only Django's idea of where they live changes: the tables keep their names
(`db_table`), so no row moves, and the foreign keys other apps hold on them stay as they are in
the database; `0001` also renames their content types, so drill cards of a fact and admin
permissions keep pointing at them."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MOVED = (("research", "opportunity"), ("research", "fact"), ("interviews", "interview"))


def relabel(apps, old_to_new):
    content_types = apps.get_model("contenttypes", "ContentType").objects
    for old_app, new_app, model in old_to_new:
        old = content_types.filter(app_label=old_app, model=model)
        if not old.exists():
            continue  # a fresh database: the new one is made after migrating
        # One made under the new name already (nothing refers to it but its own permissions)
        # gives way to the old one, which the drill cards and permissions point at.
        content_types.filter(app_label=new_app, model=model).delete()
        old.update(app_label=new_app)


def forwards(apps, schema_editor):
    relabel(apps, [(app, "jobs", model) for app, model in MOVED])


def backwards(apps, schema_editor):
    relabel(apps, [("jobs", app, model) for app, model in MOVED])


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("goals", "0006_calendar_feed_token_digest"),
        ("research", "0004_opportunity_logistics_opportunity_my_questions"),
        ("interviews", "0002_transcript"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='Opportunity',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('company', models.CharField(max_length=120)),
                        ('role', models.CharField(max_length=120)),
                        ('link', models.URLField(blank=True, max_length=500)),
                        ('job_description', models.TextField(blank=True, help_text='Paste the advert; HTML copied by mistake is reduced to its text.')),
                        ('values', models.TextField(blank=True, help_text='One per line, as the company states them.', verbose_name='company values')),
                        ('stage', models.CharField(choices=[('interested', 'Interested'), ('applied', 'Applied'), ('interviewing', 'Interviewing'), ('offer', 'Offer'), ('closed', 'Closed')], default='interested', max_length=12)),
                        ('interview_dates', models.JSONField(blank=True, default=list)),
                        ('mission', models.TextField(blank=True)),
                        ('strategy', models.TextField(blank=True)),
                        ('products', models.TextField(blank=True)),
                        ('culture', models.TextField(blank=True, verbose_name='culture and values')),
                        ('news', models.TextField(blank=True, verbose_name='recent news')),
                        ('competitors', models.TextField(blank=True)),
                        ('people', models.TextField(blank=True, verbose_name='people met')),
                        ('notes', models.TextField(blank=True)),
                        ('my_questions', models.TextField(blank=True, help_text='One per line.', verbose_name='my questions for the interviewer')),
                        ('logistics', models.TextField(blank=True, help_text='Where, when, who, format, what to bring.')),
                        ('fact_target', models.PositiveSmallIntegerField(default=5, verbose_name='key facts to collect')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('facts_goal', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='goals.goal')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='opportunities', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'research_opportunity',
                        'ordering': ['stage', '-updated_at'],
                    },
                ),
                migrations.CreateModel(
                    name='Fact',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('text', models.CharField(max_length=500, verbose_name='fact')),
                        ('source', models.CharField(help_text='A link, or where you read or heard it.', max_length=500)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('opportunity', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='facts', to='jobs.opportunity')),
                    ],
                    options={
                        'db_table': 'research_fact',
                        'ordering': ['created_at'],
                    },
                ),
                migrations.CreateModel(
                    name='Interview',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('starts_at', models.DateTimeField()),
                        ('round_name', models.CharField(help_text='e.g. “phone screen”, “first round”, “final round”.', max_length=80, verbose_name='round')),
                        ('format', models.CharField(choices=[('phone', 'Phone'), ('video', 'Video call'), ('on-site', 'On site'), ('take-home', 'Take-home task'), ('assessment', 'Assessment centre'), ('other', 'Other')], default='video', max_length=12)),
                        ('interviewers', models.TextField(blank=True, help_text='One a line, with their role: “Ana Lee, Head of Data”.', max_length=5000)),
                        ('debrief_mailed_at', models.DateTimeField(blank=True, null=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='interviews', to=settings.AUTH_USER_MODEL)),
                        ('opportunity', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='interviews', to='jobs.opportunity')),
                    ],
                    options={
                        'db_table': 'interviews_interview',
                        'ordering': ['starts_at', 'pk'],
                        'indexes': [models.Index(fields=['user', 'starts_at'], name='interviews__user_id_997448_idx')],
                    },
                ),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
