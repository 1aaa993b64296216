"""Which copy of sopdocs a benchmark measures: the installed one, or another given with --sopdocs.

An editable install (`pip install -e .`) answers every `import sopdocs` through its own import
hook, ahead of PYTHONPATH, so a benchmark cannot be pointed at another copy by the path alone.

    python benchmarks/copies.py DIR ARGS...   runs `sopdocs ARGS...` from the copy in DIR
"""
from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path


def add_copy_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sopdocs", metavar="DIR",
                        help="measure the copy of sopdocs in DIR (a checkout or work tree with a change to try, "
                             "or a folder holding an installed sopdocs package) instead of the installed one")


def use_sopdocs_from(folder: str) -> None:
    """Import sopdocs from `folder` instead of the installed copy. The editable install's import
    hook for sopdocs is removed (not the plugins' hooks: the installed plugins still load), and
    the sopdocs modules already imported are forgotten. In a checkout the Word templates and the
    guide sit beside the package (`templates_docx/`, `docs/`), where an install puts them inside
    it: the package then finds them there too."""
    root = Path(folder).resolve()
    package = root / "sopdocs"
    if not (package / "__init__.py").is_file():
        raise SystemExit(f"--sopdocs {folder}: no sopdocs package in that folder")
    sys.meta_path[:] = [f for f in sys.meta_path if not _imports_sopdocs(f)]
    for name in [m for m in sys.modules if m == "sopdocs" or m.startswith("sopdocs.")]:
        del sys.modules[name]
    places = [str(package)] + ([] if (package / "templates_docx").is_dir() else [str(root)])
    spec = importlib.util.spec_from_file_location("sopdocs", package / "__init__.py",
                                                  submodule_search_locations=places)
    sys.modules["sopdocs"] = module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)


def _imports_sopdocs(finder) -> bool:
    """Whether `finder` is the editable install's import hook for the sopdocs package."""
    module = sys.modules.get(getattr(finder, "__module__", ""))
    return "__editable__" in getattr(module, "__name__", "") and "sopdocs" in getattr(module, "MAPPING", {})


if __name__ == "__main__":
    use_sopdocs_from(sys.argv[1])
    from sopdocs.cli import main

    main(args=sys.argv[2:], prog_name="sopdocs")
