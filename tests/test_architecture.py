"""The package's shape: no import cycles, and checking imports none of the document libraries."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import sopdocs

from conftest import instansi_rows, sop_rows, write_workbook

PACKAGE = Path(sopdocs.__file__).parent


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, modules: set[str]) -> set[str]:
    """The sopdocs modules that `path` imports when it runs, anywhere in it (inside functions too),
    relative imports resolved. `from package import name` depends on `package.name` when that is a
    module, else on the package's __init__. Imports under `if TYPE_CHECKING:` never run: skipped."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
    return {m for m in found if m in modules and m != name}


def _runtime_nodes(tree: ast.AST):
    """Every node of `tree` except the bodies of `if TYPE_CHECKING:` blocks."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from (n for child in node.orelse for n in [child, *_runtime_nodes(child)])
            continue
        yield node
        yield from _runtime_nodes(node)


def import_graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(p) for p in paths}
    return {module_name(p): imported_modules(p, modules) for p in paths}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan), each sorted."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_the_graph_sees_relative_and_function_level_imports():
    graph = import_graph()
    assert "sopdocs.pipeline.checking" in graph["sopdocs.pipeline.building"]  # from .checking import ...
    assert "sopdocs.render.book" in graph["sopdocs.books"]  # inside a function
    assert "sopdocs.pdf" in graph["sopdocs.pipeline.building"]  # from ..pdf import, inside a function
    assert "sopdocs.builtin" in graph["sopdocs.plugins"]  # from . import builtin
    assert "sopdocs" not in graph["sopdocs.plugins"]  # ... which is not a use of sopdocs/__init__.py


def test_cycles_are_found():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles():
    found = cycles(import_graph())
    assert found == [], "import cycles: " + "; ".join(" -> ".join(group) for group in found)


DOCUMENT_LIBRARIES = ("docx", "docxtpl", "jinja2")
LOADED = ("print(sorted({m.split('.')[0] for m in sys.modules if m.split('.')[0] in %r}))\n" % (DOCUMENT_LIBRARIES,))


def _loaded_after(script: str, path: Path) -> list[str]:
    """The document libraries loaded after running `script` in a fresh interpreter (so that what
    this test run imported does not count), with sys.argv[1] = the workbook `path`."""
    run = subprocess.run([sys.executable, "-c", script + LOADED, str(path)], capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 0, run.stderr
    return ast.literal_eval(run.stdout.strip().splitlines()[-1])


@pytest.fixture
def workbook(tmp_path):
    return write_workbook(tmp_path / "sop.xlsx", {"Instansi": instansi_rows(), "SOP KTP": sop_rows()})


def test_checking_imports_no_document_library(workbook):
    """Checking stays fast to start: the command line's module and checking a workbook with the
    built-in plugin load neither python-docx nor docxtpl nor Jinja (only building does)."""
    script = ("import sys, sopdocs.cli, sopdocs.pipeline as p\n"
              "from sopdocs.plugins import Plugins\n"
              "[checked] = p.check([sys.argv[1]], plugins=Plugins(entry_points=False))\n"
              "assert checked.ok and checked.doc.sops, list(checked.findings)\n")
    assert _loaded_after(script, workbook) == []


def test_sopdocs_check_imports_no_document_library(workbook):
    """`sopdocs check` as a user runs it, with the installed plugins."""
    script = ("import sys, sopdocs.cli\n"
              "from click.testing import CliRunner\n"
              "run = CliRunner().invoke(sopdocs.cli.main, ['check', sys.argv[1]])\n"
              "assert run.exit_code == 0, run.output\n")
    assert _loaded_after(script, workbook) == []


def test_every_package_is_installed():
    """pyproject lists the packages one by one: a package missing there is missing from a wheel
    (an editable install does not show it)."""
    import tomllib

    listed = set(tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))
                 ["tool"]["setuptools"]["packages"])
    packages = {module_name(init) for init in PACKAGE.rglob("__init__.py")}
    assert packages <= listed
