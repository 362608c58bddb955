"""The arrows run one way: vendor overlay -> audit_core and its own generated client; never sideways."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from scripts.specs import ROOT, VENDORS

OVERLAYS = ROOT / "overlays"
PACKAGES = {f"{v}_audit" for v in VENDORS} | {f"{v}_audit_api" for v in VENDORS}


def imported_packages(package_dir: Path) -> set[str]:
    found: set[str] = set()
    for path in package_dir.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found


def test_the_common_overlay_knows_no_vendor() -> None:
    imports = imported_packages(OVERLAYS / "core" / "audit_core")
    assert imports, "no imports found: the check would prove nothing"
    assert not imports & PACKAGES


@pytest.mark.parametrize("vendor", sorted(VENDORS))
def test_a_vendor_overlay_uses_only_the_core_and_its_own_client(vendor: str) -> None:
    imports = imported_packages(OVERLAYS / vendor / f"{vendor}_audit")
    assert {"audit_core", f"{vendor}_audit_api"} <= imports
    assert not imports & (PACKAGES - {f"{vendor}_audit", f"{vendor}_audit_api"})


def test_nothing_outside_tests_imports_tests() -> None:
    for top in ("overlays", "scripts"):
        assert "tests" not in imported_packages(ROOT / top), f"{top}/ imports tests/"


@pytest.mark.parametrize("vendor", sorted(VENDORS))
def test_the_client_code_never_imports_the_fake(vendor: str) -> None:
    package = OVERLAYS / vendor / f"{vendor}_audit"
    for path in package.rglob("*.py"):
        if path.name == "testing.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                module = node.module or ""
                assert "testing" not in module.split("."), f"{path} imports {module}"


def test_auditpull_sits_on_top_and_nothing_imports_it() -> None:
    imports = imported_packages(OVERLAYS / "auditpull" / "auditpull")
    assert "audit_core" in imports
    # it reaches the vendors through their public packages only, never their generated clients
    assert not imports & {f"{v}_audit_api" for v in VENDORS}
    for top in ("core", *VENDORS):
        assert "auditpull" not in imported_packages(OVERLAYS / top), f"overlays/{top} imports auditpull"
