"""The layers of docs/architecture.md hold: each first-party package sits in one layer, and no
module imports from a layer above its own (at module level or inside a function)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Lowest first. A package may import from its own layer's packages only if they share the
# package, and from every layer below.
LAYERS = [
    {"common"},
    {"accounts", "backups"},
    {"regions"},
    {"meetings"},
    {"readers"},
    {"public", "notifications"},
    {"bureau"},
]
NOT_APPLICATION = {"tests", "bench"}


def first_party() -> set[str]:
    return {
        path.parent.name
        for path in ROOT.glob("*/__init__.py")
        if path.parent.name not in NOT_APPLICATION
    }


def imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names & first_party()


def test_every_package_has_its_layer():
    placed = set().union(*LAYERS)
    assert first_party() - placed == set(), "add the new package to LAYERS and the docs"


@pytest.mark.parametrize("package", sorted(set().union(*LAYERS)))
def test_no_module_imports_from_a_layer_above_or_beside_it(package):
    level = next(i for i, layer in enumerate(LAYERS) if package in layer)
    allowed = {package}.union(*LAYERS[:level])
    offenders = {
        str(path.relative_to(ROOT)): sorted(imported(path) - allowed)
        for path in (ROOT / package).rglob("*.py")
        if imported(path) - allowed
    }
    assert offenders == {}
