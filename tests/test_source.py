"""The package's own source: guards against mistakes no linter catches."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import kg

PACKAGE = Path(kg.__file__).parent


def _top_level_names(tree: ast.Module) -> Counter[str]:
    names: Counter[str] = Counter()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names[node.target.id] += 1
        elif isinstance(node, ast.FunctionDef | ast.ClassDef):
            names[node.name] += 1
    return names


def test_no_module_binds_a_top_level_name_twice():
    # A pattern bound twice silently replaces the first for every rule that
    # reads it (two _TIER_ALONE patterns once did), so each name is bound once.
    twice = {
        f"{path.relative_to(PACKAGE)}:{name}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for name, count in _top_level_names(ast.parse(path.read_text())).items()
        if count > 1 and name != "__all__"
    }
    assert not twice
