"""Look for secrets everywhere the application keeps data: every column of every table, and every
session decoded (a session row holds signed, encoded data a plain text search would miss)."""

from django.contrib.sessions.models import Session
from django.db import connection


def places_holding(secrets: set[str]) -> list[str]:
    """Where any of `secrets` is kept, as "table: value" (empty when it is nowhere)."""
    found: list[str] = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - names from the schema
            for row in cursor.fetchall():
                found += [f"{table}: {value}" for value in row if any(s in str(value) for s in secrets)]
    for session in Session.objects.all():
        decoded = str(session.get_decoded())
        found += [f"session: {decoded}" for s in secrets if s in decoded]
    return found
