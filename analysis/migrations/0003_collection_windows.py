"""Each voice of a round gets its own collection window; existing rounds keep working.

An open round gets three open windows with its dates; a closed round three windows closed when it closed.
"""

from django.db import migrations, models
from django.utils import timezone

VOICES = ("team", "parents", "pupils")


def windows_for_existing_rounds(apps, schema_editor):
    Round = apps.get_model("analysis", "Round")
    CollectionWindow = apps.get_model("analysis", "CollectionWindow")
    windows = []
    for round_ in Round.objects.all().iterator():
        closed_at = (round_.closed_at or timezone.now()) if round_.status == "closed" else None
        windows += [
            CollectionWindow(
                school_id=round_.school_id,
                round_id=round_.pk,
                voice=voice,
                opens_on=round_.starts_on,
                closes_on=round_.ends_on,
                closed_at=closed_at,
            )
            for voice in VOICES
        ]
    CollectionWindow.objects.bulk_create(windows, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("analysis", "0002_previous_round"),
        ("schools", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="CollectionWindow",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "voice",
                    models.CharField(
                        choices=[
                            ("team", "the team's reflection"),
                            ("parents", "the parents' voice"),
                            ("pupils", "the pupils' voice"),
                        ],
                        max_length=10,
                    ),
                ),
                ("opens_on", models.DateField(verbose_name="start date")),
                ("closes_on", models.DateField(verbose_name="end date")),
                ("closed_at", models.DateTimeField(blank=True, null=True)),
                (
                    "round",
                    models.ForeignKey(
                        on_delete=models.deletion.CASCADE, related_name="windows", to="analysis.round"
                    ),
                ),
                (
                    "school",
                    models.ForeignKey(on_delete=models.deletion.CASCADE, related_name="+", to="schools.school"),
                ),
            ],
            options={
                "constraints": [models.UniqueConstraint(fields=("round", "voice"), name="one_window_per_voice")],
            },
        ),
        migrations.RunPython(windows_for_existing_rounds, migrations.RunPython.noop),
    ]
