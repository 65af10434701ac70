"""The map of the house: app-level imports follow the order stated at the top of README's Layout section.

A lower app never imports a higher one, so the imports between apps form a directed acyclic graph. The
order is read from README.md, so the README and this test cannot drift apart.
"""

import ast
from collections import defaultdict
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PROJECT = "betrokken"  # the project package (settings, root URLs) sits above every app


def stated_order(readme: str) -> list[str]:
    """The apps in the order of the first arrow line after "## Layout"."""
    layout = readme.split("\n## Layout", 1)[1]
    line = next(line for line in layout.splitlines() if "→" in line)
    return [name.strip(" `") for name in line.split("→")]


def app_imports(app_dir: Path, apps: set[str]) -> dict[tuple[str, str], list[str]]:
    """(importing app, imported app) -> the places, for every non-test, non-migration module of `app_dir`."""
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for path in sorted(app_dir.rglob("*.py")):
        parts = path.relative_to(app_dir).parts
        if "migrations" in parts or "tests" in parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in apps and top != app_dir.name:
                    found[(app_dir.name, top)].append(f"{path.relative_to(app_dir.parent)}:{node.lineno}")
    return found


def cycles(edges: set[tuple[str, str]]) -> list[list[str]]:
    """Every cycle found by a depth-first search (empty when the graph is acyclic)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for source, target in edges:
        graph[source].add(target)
    found: list[list[str]] = []
    state: dict[str, str] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for nxt in sorted(graph[node]):
            if state.get(nxt) == "open":
                found.append([*path[path.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    return found


def test_readme_states_an_order_that_names_every_installed_app() -> None:
    order = stated_order((ROOT / "README.md").read_text(encoding="utf-8"))
    installed = {app for app in settings.INSTALLED_APPS if (ROOT / app).is_dir()}
    assert len(order) == len(set(order)), order
    assert set(order) == installed, (sorted(set(order) - installed), sorted(installed - set(order)))


def test_no_app_imports_an_app_above_it_and_there_is_no_cycle() -> None:
    order = stated_order((ROOT / "README.md").read_text(encoding="utf-8"))
    rank = {app: index for index, app in enumerate(order)}
    found: dict[tuple[str, str], list[str]] = {}
    for app in order:
        found.update(app_imports(ROOT / app, set(order) | {PROJECT}))
    upward = {edge: places for edge, places in found.items() if edge[1] == PROJECT or rank[edge[1]] > rank[edge[0]]}
    assert not upward, "imports against the order in README's Layout section: " + "; ".join(
        f"{source} → {target} at {', '.join(places)}" for (source, target), places in sorted(upward.items())
    )
    assert cycles(set(found)) == []


def test_the_checks_themselves_catch_an_upward_import_and_a_cycle(tmp_path: Path) -> None:
    lower = tmp_path / "lower"
    lower.mkdir()
    (lower / "rules.py").write_text("from higher.views import page\nimport os\n")
    (lower / "migrations").mkdir()
    (lower / "migrations" / "0001.py").write_text("import higher\n")  # migrations do not count
    found = app_imports(lower, {"lower", "higher"})
    assert dict(found) == {("lower", "higher"): ["lower/rules.py:1"]}
    assert cycles({("a", "b"), ("b", "c"), ("c", "a")}) == [["a", "b", "c", "a"]]
    assert cycles({("a", "b"), ("b", "c"), ("a", "c")}) == []
    assert stated_order("# x\n\n## Layout\nSome words.\n`a` → `b` → c\n") == ["a", "b", "c"]
