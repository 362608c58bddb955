"""The packages export lazily (PEP 562) for start-up time: every exported name still resolves, and
importing a package and building a client imports none of what only a pull needs.

No time is asserted (issue 10: nothing in `make test` asserts a time); what a cold start imports is.
"""

from __future__ import annotations

import ast
import importlib
import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from audit_core import AsyncClientOptions, ClientOptions
from audit_core._config import OPTION_NAMES

PACKAGES = ["audit_core", "voximplant_audit", "nlpearl_audit", "zabbix_audit", "navixy_audit"]
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", PACKAGES)
def test_every_name_in_all_resolves_in_a_fresh_interpreter(name: str) -> None:
    # A fresh interpreter: in this one, other tests have imported every module already.
    code = f"""
import {name} as pkg
missing = [n for n in pkg.__all__ if not hasattr(pkg, n)]
assert not missing, missing
assert set(pkg.__all__) <= set(dir(pkg)), set(pkg.__all__) - set(dir(pkg))
assert len(set(pkg.__all__)) == len(pkg.__all__), "a name is listed twice"
namespace = {{}}
exec("from {name} import *", namespace)
assert set(pkg.__all__) <= set(namespace), set(pkg.__all__) - set(namespace)
try:
    pkg.no_such_name
except AttributeError as exc:
    assert "no_such_name" in str(exc)
else:
    raise AssertionError("an unknown name resolved")
"""
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


@pytest.mark.parametrize("name", PACKAGES)
def test_lazy_names_are_exported_and_typed(name: str) -> None:
    """Each lazy name is in ``__all__``, and imported under ``if TYPE_CHECKING:`` from the same place."""
    package = importlib.import_module(name)
    table: dict[str, str] = package._LAZY
    assert set(table) <= set(package.__all__)
    source = Path(package.__file__ or "").read_text(encoding="utf-8")
    typed: dict[str, str] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom)
                module = "." * statement.level + (statement.module or "")
                for alias in statement.names:
                    typed[alias.asname or alias.name] = module if alias.asname is None else f"{module}:{alias.name}"
    assert typed == table
    for export, where in table.items():
        module, _, attribute = where.partition(":")
        assert getattr(package, export) is getattr(importlib.import_module(module, name), attribute or export)


#: What only a pull needs, never imported by ``import <vendor>_audit`` plus a client's construction.
HEAVY = ["asyncio", "attrs", "jwt", "cryptography", "httpcore", "dateutil"]

CONSTRUCT = {
    "voximplant_audit": "voximplant_audit.Client(json.load(open(CREDENTIALS)), base_url='https://127.0.0.1:9/p')",
    "nlpearl_audit": "nlpearl_audit.Client(account_id='a', secret_key='s')",
    "zabbix_audit": "zabbix_audit.Client('https://zabbix.example.com', token='0' * 64)",
}


@pytest.mark.parametrize("name", sorted(CONSTRUCT))
def test_importing_and_building_a_client_imports_nothing_heavy(name: str, tmp_path: Path) -> None:
    from voximplant_audit.testing import make_account

    credentials = tmp_path / "credentials.json"
    credentials.write_text(json.dumps(make_account().credentials()), encoding="utf-8")
    code = f"""
import json, sys
CREDENTIALS = {str(credentials)!r}
import {name}
client = {CONSTRUCT[name]}
vendor = {name.removesuffix("_audit")!r}
loaded = sorted(
    m for m in sys.modules
    if m.split(".")[0] in {HEAVY!r} or m.startswith(vendor + "_audit_api.") or m.startswith("audit_core._async")
    or m.startswith({name!r} + "._async") or m in ({name!r} + "._models", {name!r} + "._paging")
)
print(json.dumps(loaded))
"""
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, capture_output=True, text=True)
    assert json.loads(done.stdout) == []


def test_the_option_names_checked_are_the_typed_options() -> None:
    assert frozenset(AsyncClientOptions.__annotations__) == OPTION_NAMES
    assert frozenset(ClientOptions.__annotations__) == OPTION_NAMES


def test_nlpearl_default_window_is_the_packages() -> None:
    import inspect

    import nlpearl_audit

    for client in (nlpearl_audit.Client, nlpearl_audit.AsyncClient):
        window = inspect.signature(client.iter_audit_log).parameters["window"].default
        assert window == nlpearl_audit.DEFAULT_WINDOW == timedelta(days=1)
