"""Data migration tests: go back to a migration, make rows with the models of then, go forward again."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.state import StateApps

Target = list[tuple[str, str]]


def migrate_to(target: Target) -> StateApps:
    """Migrates the test database to `target` and returns the models as they are there."""
    executor = MigrationExecutor(connection)
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def migrate_to_latest() -> None:
    """Back to the newest state, for the tests that follow (a fresh executor: the graph has changed)."""
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
