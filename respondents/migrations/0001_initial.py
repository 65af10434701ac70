# The throttle's table moved here from surveys; the database keeps the same table (state only).

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [("surveys", "0002_tallies")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ThrottleBucket",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("scope", models.CharField(max_length=20)),
                        ("key", models.CharField(max_length=64)),
                        ("window_start", models.DateTimeField()),
                        ("count", models.PositiveIntegerField(default=0)),
                    ],
                    options={
                        "db_table": "surveys_throttlebucket",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("scope", "key", "window_start"), name="one_bucket_per_window"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
