"""The dependency rule of docs/architecture.md holds, and the import contract enforcing it bites.

``lint-imports`` (import-linter, configured in pyproject.toml) checks the layers; these tests
run it on the real tree and on copies with a deliberate violation, check that every module
sits in a layer, and check what import-linter cannot see: that the few upward imports happen
only inside the convenience methods the contract declares, and that every other import
inside a function says why it is there.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "mitimeline"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
CONFIG = PYPROJECT["tool"]["importlinter"]
LAYERS = next(c for c in CONFIG["contracts"] if c["id"] == "layers")
CONVENIENCE_METHODS = {"export", "dumps", "gantt", "to_dataframe", "from_dataframe", "_repr_html_",
                       "merge", "claims_dataframe"}
"""The public entry points allowed to import upwards (docs/architecture.md)."""


def lint_imports(cwd: Path, source: Path) -> subprocess.CompletedProcess[str]:
    """Run ``lint-imports`` with ``cwd``'s pyproject.toml on the package found in ``source``."""
    environment = {**os.environ, "PYTHONPATH": str(source)}
    command = [sys.executable, "-c", "from importlinter.cli import lint_imports_command as c; c()",
               "--no-cache"]
    return subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True,
                          timeout=300)


def test_the_tree_keeps_the_import_contract() -> None:
    result = lint_imports(ROOT, ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" not in result.stdout.lower().replace("0 broken", "")


VIOLATIONS = {
    "the core imports a format": (
        "timeline.py", "import mitimeline.default_plugins.json_format\n",
        "- mitimeline.timeline -> mitimeline.default_plugins.json_format"),
    "the chart library reaches up into its plugin": (
        "gantt/layout.py", "import mitimeline.default_plugins.gantt\n",
        "- mitimeline.gantt.layout -> mitimeline.default_plugins.gantt"),
    "a date module imports the model": (
        "when.py", "import mitimeline.model\n",
        "- mitimeline.when -> mitimeline.model"),
    "iCalendar syntax imports the model": (
        "default_plugins/ical/rfc5545/text.py", "import mitimeline.model\n",
        "- mitimeline.default_plugins.ical.rfc5545.text -> mitimeline.model"),
    "the iCalendar reader imports the writer": (
        "default_plugins/ical/read/event.py",
        "import mitimeline.default_plugins.ical.write.calendar\n",
        "- mitimeline.default_plugins.ical.read.event -> "
        "mitimeline.default_plugins.ical.write.calendar"),
    "a built-in plugin imports another": (
        "default_plugins/json_format.py", "import mitimeline.default_plugins.gantt\n",
        "- mitimeline.default_plugins.json_format -> mitimeline.default_plugins.gantt"),
}


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A copy of the package and pyproject.toml, to break on purpose."""
    where = tmp_path_factory.mktemp("contract")
    shutil.copy(ROOT / "pyproject.toml", where / "pyproject.toml")
    shutil.copytree(PACKAGE, where / "src" / "mitimeline",
                    ignore=shutil.ignore_patterns("__pycache__"))
    yield where


@pytest.mark.parametrize("case", sorted(VIOLATIONS))
def test_a_deliberate_violation_makes_lint_imports_fail(case: str, copy: Path) -> None:
    module, line, message = VIOLATIONS[case]
    target = copy / "src" / "mitimeline" / module
    original = target.read_text(encoding="utf-8")
    try:
        target.write_text(original.replace("from __future__ import annotations\n",
                                           f"from __future__ import annotations\n\n{line}", 1),
                          encoding="utf-8")
        result = lint_imports(copy, copy / "src")
    finally:
        target.write_text(original, encoding="utf-8")
    assert result.returncode != 0, result.stdout
    assert message in " ".join(result.stdout.split()), result.stdout


def test_the_unbroken_copy_passes(copy: Path) -> None:
    """So the failures above come from the violations, not from the copying."""
    result = lint_imports(copy, copy / "src")
    assert result.returncode == 0, result.stdout + result.stderr


def module_names() -> list[str]:
    """Every module and sub-package directly inside ``mitimeline`` (``mitimeline.api``)."""
    names = [f"mitimeline.{path.stem}" for path in PACKAGE.glob("*.py") if path.stem != "__init__"]
    names += [f"mitimeline.{path.name}" for path in PACKAGE.iterdir()
              if (path / "__init__.py").is_file()]
    return sorted(names)


def test_every_module_sits_in_a_layer() -> None:
    layered = {name.strip() for layer in LAYERS["layers"]
               for name in layer.replace("|", ":").split(":")}
    missing = [name for name in module_names() if name not in layered]
    assert not missing, f"add these to the layers contract in pyproject.toml: {missing}"


def functions_holding(tree: ast.AST, node: ast.AST) -> list[str]:
    """The names of the functions enclosing ``node``, outermost first."""
    path: list[str] = []

    def visit(current: ast.AST, inside: list[str]) -> bool:
        if current is node:
            path.extend(inside)
            return True
        names = [*inside, current.name] if isinstance(
            current, (ast.FunctionDef, ast.AsyncFunctionDef)) else inside
        return any(visit(child, names) for child in ast.iter_child_nodes(current))

    visit(tree, [])
    return path


def type_checking_lines(tree: ast.AST) -> set[int]:
    """The lines of ``if TYPE_CHECKING:`` blocks (imports for annotations only)."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING"):
            lines.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return lines


def imports_in(path: Path) -> Iterator[tuple[ast.Import | ast.ImportFrom, list[str], str]]:
    """Each import statement of ``path`` (except those only for type checking), the
    functions around it and its module name(s)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = type_checking_lines(tree)
    package = ".".join(("mitimeline", *path.relative_to(PACKAGE).with_suffix("").parts))
    if path.name == "__init__.py":
        package = package.rsplit(".", 1)[0] + ".__init__"
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in typing_only:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node, functions_holding(tree, node), alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level)[0]
                base = f"{parent}.{base}" if base else parent
            for alias in node.names:
                yield node, functions_holding(tree, node), f"{base}.{alias.name}"


def explained(lines: list[str], index: int) -> bool:
    """A comment on the import's line, or above the run of import lines it belongs to."""
    if "#" in lines[index]:
        return True
    while index > 0 and lines[index - 1].strip().startswith(("import ", "from ")):
        index -= 1
        if "#" in lines[index]:
            return True
    return index > 0 and lines[index - 1].strip().startswith("#")


SOURCES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=[str(p.relative_to(PACKAGE)) for p in SOURCES])
def test_imports_inside_functions_say_why(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    unexplained = []
    for node, functions, _ in imports_in(path):
        if not functions:
            continue
        if not explained(lines, node.lineno - 1):
            unexplained.append(f"line {node.lineno}: {lines[node.lineno - 1].strip()}")
    assert not unexplained, (
        f"{path.name}: an import inside a function must say why (an optional heavy dependency, "
        f"a measured import cost, or an upward import the contract declares): {unexplained}")


@pytest.mark.parametrize("rule", LAYERS["ignore_imports"])
def test_upward_imports_happen_only_inside_the_convenience_methods(rule: str) -> None:
    importer, imported = (part.strip() for part in rule.split("->"))
    path = PACKAGE.joinpath(*importer.split(".")[1:]).with_suffix(".py")
    found = [(node.lineno, functions) for node, functions, name in imports_in(path)
             if name == imported or name.startswith(imported + ".")]
    assert found, f"{rule} is declared but {path.name} has no such import: drop the exception"
    for line, functions in found:
        assert functions and functions[-1] in CONVENIENCE_METHODS, (
            f"{path.name} line {line} imports {imported} outside a convenience method")
