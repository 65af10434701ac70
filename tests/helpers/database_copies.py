"""A copy of a database (a backup restored, an old release's file upgraded) read by a process of its own.

The process knows only the copy's DATABASE_URL, as a server started on it would: nothing of the test's own
connection or caches can leak into what it reads. It reads tests/fixtures/upgrade_figures.py's figures.
"""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from django.conf import settings

READ_FIGURES = """
import json, sys
import django
django.setup()
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from tests.fixtures.upgrade_figures import figures
executor = MigrationExecutor(connection)
unapplied = [str(migration) for migration, _ in executor.migration_plan(executor.loader.graph.leaf_nodes())]
print(json.dumps({"unapplied": unapplied, "figures": figures(sys.argv[1])}))
"""


def run_against(database_url: str, var_dir: Path, *arguments: str) -> str:
    """`python <arguments>` in the project directory against `database_url`; returns what it printed."""
    env = {**os.environ, "DATABASE_URL": database_url, "BETROKKEN_VAR_DIR": str(var_dir)}
    done = subprocess.run(
        [sys.executable, *arguments],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return done.stdout


def figures_of(database_url: str, var_dir: Path, round_title: str) -> tuple[list[str], dict[str, Any]]:
    """The migrations not yet applied to the copy, and its figures of the round called `round_title`."""
    read = json.loads(run_against(database_url, var_dir, "-c", READ_FIGURES, round_title))
    return read["unapplied"], read["figures"]
