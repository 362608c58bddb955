"""The README's examples run, as written, against the fake (configured through the environment)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from navixy_audit.testing import NavixyFake
from tests.navixy.conftest import API_KEY, LOGIN, PASSWORD

README = Path(__file__).resolve().parents[2] / "overlays" / "navixy" / "README.md"


def python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.DOTALL)


def test_the_readme_has_python_examples() -> None:
    blocks = python_blocks()
    assert len(blocks) == 3
    assert "iter_audit_log" in blocks[0] and "cursor" in blocks[1] and "AsyncClient" in blocks[2]


@pytest.mark.parametrize("mode", ["api_key", "login"])
def test_the_readme_examples_run_against_the_fake(
    fake: NavixyFake, url: str, mode: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    now = datetime.now(UTC)
    created = fake.add(now - timedelta(hours=2), action="create", payload={"name": "Decimal number"})
    deleted = fake.add(now - timedelta(hours=1), action="delete")
    updated = fake.add(now - timedelta(minutes=30), action="update")
    fake.add(now - timedelta(days=2), action="create")  # outside the last day
    monkeypatch.setenv("NAVIXY_URL", url)
    if mode == "api_key":
        monkeypatch.setenv("NAVIXY_API_KEY", API_KEY)
    else:
        monkeypatch.setenv("NAVIXY_LOGIN", LOGIN)
        monkeypatch.setenv("NAVIXY_PASSWORD", PASSWORD)
    namespace: dict[str, object] = {"__name__": "readme"}
    for block in python_blocks():
        exec(compile(block, str(README), "exec"), namespace)
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{created.id} created custom_field ") and out[0].endswith("{'name': 'Decimal number'}")
    assert out[1].startswith(f"{deleted.id} delete custom_field ")
    assert len(out) == 2 + 3 + 3
    assert out[2:5] == [f"stored {r.id}" for r in (created, deleted, updated)]
    assert [line.split()[1] for line in out[5:]] == [str(r.id) for r in (created, deleted, updated)]
