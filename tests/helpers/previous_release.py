"""Put a previous release's SQLite database into an empty PostgreSQL database at that release's schema.

    DATABASE_URL=postgres://…/empty python -m tests.helpers.previous_release old.sqlite3

The old release's schema is made by today's migration files up to the migrations the old file records as
applied (migrations never change once released; the script fails if those names differ), and its rows are
copied with the models of that state, all in one transaction (PostgreSQL checks foreign keys at commit).
Then `manage.py migrate` upgrades it as it would a database that release had made on PostgreSQL.
"""

import os
import sqlite3
import sys


def main(old_file: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "betrokken.settings")
    from django.conf import settings

    settings.DATABASES["previous"] = {"ENGINE": "django.db.backends.sqlite3", "NAME": old_file}
    import django

    django.setup()
    from django.core.management.color import no_style
    from django.db import connection, transaction
    from django.db.migrations.executor import MigrationExecutor
    from django.db.migrations.recorder import MigrationRecorder

    with sqlite3.connect(old_file) as old:
        applied = set(old.execute("SELECT app, name FROM django_migrations").fetchall())
    targets = [(app, max(name for other, name in applied if other == app)) for app in sorted({a for a, _ in applied})]
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    now_applied = set(MigrationRecorder(connection).applied_migrations())
    if now_applied != applied:
        raise SystemExit(f"Today's migrations differ from the old release's: {sorted(now_applied ^ applied)}")

    models = [
        model
        for model in executor.loader.project_state(targets).apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]
    with transaction.atomic():
        for model in models:
            rows = list(model._base_manager.using("previous").all())
            model._base_manager.using("default").bulk_create(rows, batch_size=500)
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
    for model in models:
        copied, kept = model._base_manager.using("default").count(), model._base_manager.using("previous").count()
        if copied != kept:
            raise SystemExit(f"{model._meta.label}: {copied} rows copied of {kept}")
    print(f"{len(models)} tables, {sum(model._base_manager.count() for model in models)} rows")


if __name__ == "__main__":
    main(sys.argv[1])
