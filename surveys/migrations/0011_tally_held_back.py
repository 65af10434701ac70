from collections import defaultdict

from django.db import migrations, models

MIN_CHUNK = 5  # surveys.tallies.MIN_CHUNK when this was written
POOL = "*"


def mark_held_back(apps, schema_editor):
    """Mark, on existing tallies, the chunks whose 1–4 scale answers to an item were held back (as surveys.tallies
    now does at release), so that old rounds say "hidden" rather than "no answers"."""
    SurveyResponse = apps.get_model("surveys", "SurveyResponse")
    SurveyAnswer = apps.get_model("surveys", "SurveyAnswer")
    AnswerTally = apps.get_model("surveys", "AnswerTally")
    chunks = defaultdict(list)
    released = SurveyResponse.objects.filter(status="submitted").exclude(release="").exclude(chunk=None)
    for response in released.only(
        "pk", "round_id", "audience", "group_label", "home_language", "language", "release", "chunk"
    ):
        chunks[response.chunk].append(response)
    for chunk in chunks.values():
        first = chunk[0]
        if first.release == "pool":
            group, home_language, language = POOL, POOL, POOL
        else:
            languages = {response.language for response in chunk}
            group, home_language = first.group_label, first.home_language
            language = first.language if len(languages) == 1 else POOL
        on_scale = defaultdict(int)
        answers = SurveyAnswer.objects.filter(response_id__in=[response.pk for response in chunk], value__isnull=False)
        for item_id in answers.values_list("item_id", flat=True):
            on_scale[item_id] += 1
        held_back = [item_id for item_id, count in on_scale.items() if count < MIN_CHUNK]
        AnswerTally.objects.filter(
            round_id=first.round_id,
            audience=first.audience,
            group_label=group,
            home_language=home_language,
            language=language,
            item_id__in=held_back,
        ).update(held_back=models.F("held_back") + 1)


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0010_tallies_by_language_answered_in"),
    ]

    operations = [
        migrations.AddField(
            model_name="answertally",
            name="held_back",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.RunPython(mark_held_back, migrations.RunPython.noop),
    ]
