# ThrottleBucket now belongs to respondents; its table stays where it is (state only).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("surveys", "0002_tallies"), ("respondents", "0001_initial")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="ThrottleBucket")],
            database_operations=[],
        ),
    ]
