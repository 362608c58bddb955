"""The Python API: ``events``/``aevents`` over every vendor's clients, the README's example, the import arrows."""

from __future__ import annotations

import ast
import importlib
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import auditpull
from auditpull import AuditEvent
from scripts.demo import Fakes

from .conftest import VENDORS

PACKAGE = Path(auditpull.__file__).parent


def _client_kwargs(fakes: Fakes, vendor: str) -> dict[str, Any]:
    return {"base_url": fakes.urls["voximplant"]} if vendor == "voximplant" else {}


@pytest.mark.parametrize("vendor", VENDORS)
def test_events_and_aevents_give_the_same_normalized_stream(
    fakes: Fakes, vendor: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in fakes.environ().items():
        monkeypatch.setenv(name, value)
    module = importlib.import_module(f"{vendor}_audit")
    until = datetime.now(UTC) + timedelta(seconds=1)
    since = until - timedelta(hours=30)
    with module.Client.from_env(**_client_kwargs(fakes, vendor)) as client:
        synced = list(auditpull.events(client, since, until))
    assert len(synced) == fakes.count(vendor, since, until) >= 10
    assert all(isinstance(ev, AuditEvent) and ev.vendor == vendor for ev in synced)
    assert [ev.time for ev in synced] == sorted(ev.time for ev in synced)
    assert all(since <= ev.time < until and ev.time.tzinfo is not None for ev in synced)

    async def collect() -> list[AuditEvent]:
        async with module.AsyncClient.from_env(**_client_kwargs(fakes, vendor)) as client:
            return [ev async for ev in auditpull.aevents(client, since, until)]

    import asyncio

    assert asyncio.run(collect()) == synced


def test_events_refuse_what_is_not_a_vendor_client() -> None:
    with pytest.raises(TypeError, match="not a client of a vendor SDK"):
        list(auditpull.events(object(), datetime.now(UTC), datetime.now(UTC)))


def test_the_readme_example_runs(
    fakes: Fakes, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (PACKAGE.parent / "README.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", readme, re.S)
    assert blocks
    for name, value in fakes.environ().items():
        monkeypatch.setenv(name, value)
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == fakes.count("zabbix", datetime.now(UTC) - timedelta(days=1), datetime.now(UTC))
    assert all("Admin" in line for line in printed)


def test_auditpull_imports_no_vendor_sdk_and_no_fake() -> None:
    """auditpull reaches a vendor only through its SDK, loaded when asked for (the extras may be missing)."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module)
    assert "audit_core" in found
    assert not {m for m in found if m.split(".")[0].endswith(("_audit", "_audit_api"))}
    assert not {m for m in found if "testing" in m.split(".")}
