"""The young person as a party of their own, and the citizen's insight report (issue 20).

No new table: the young person is a ``Foresatt`` row with ``party = "ungdom"``, and a
citizen's insight report is an ``InsightReport`` row naming their link. ``bts_delete_case``
(0009's text) already deletes both by case: the guardians' rows with their links and
invitations, and every insight report of the case. The new foreign key from a report to a
link is deferred (as Django's are on PostgreSQL), so the function's order of deletes (links
before reports) still holds when the transaction commits: the function is left as it is.
"""


import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('minside', '0001_initial'),
        ('stafettlogg', '0009_access_log_citizen'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='foresatt',
            name='party',
            field=models.CharField(choices=[('foresatt', 'Guardian'), ('ungdom', 'The young person')], default='foresatt', max_length=10),
        ),
        migrations.AddField(
            model_name='insightreport',
            name='citizen',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='insight_reports', to='minside.kobling'),
        ),
        migrations.AddField(
            model_name='insightreport',
            name='language',
            field=models.CharField(default='nb', max_length=8),
        ),
        migrations.AddField(
            model_name='samtykkeforesporsel',
            name='child_basis',
            field=models.CharField(blank=True, choices=[('', 'The child does not consent on its own'), ('helse16', 'Health matters, from 16'), ('barnevern15', 'Party in child welfare, from 15'), ('annet', 'Other legal basis')], default='', max_length=12, verbose_name="the child's own consent"),
        ),
        migrations.AlterField(
            model_name='insightreport',
            name='requested_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddConstraint(
            model_name='foresatt',
            constraint=models.UniqueConstraint(condition=models.Q(('party', 'ungdom')), fields=('stafettlogg',), name='one_young_person_per_case'),
        ),
    ]
