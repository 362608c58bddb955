"""The README's example runs, as written, against the fake (configured through the environment)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from zabbix_audit.testing import FakeZabbix, running

README = Path(__file__).resolve().parents[2] / "overlays" / "zabbix" / "README.md"


def python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.DOTALL)


@pytest.mark.parametrize(("version", "mode"), [("6.0.14", "password"), ("7.2.0", "token")])
def test_the_readme_example_runs_against_the_fake(
    version: str, mode: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    [block] = python_blocks()
    now = int(time.time())
    server = FakeZabbix(version=version)
    added = server.add_records(3, clock=now - 3600, name="web")
    server.add_records(2, clock=now - 1800, action="1", name="renamed")  # updates: filtered out
    deleted = server.add_records(1, clock=now - 60, action="2", name="old", details=lambda i: "")
    server.add_records(4, clock=now - 3 * 86400, name="older")  # outside the last day
    with running(server) as (_, url):
        monkeypatch.setenv("ZABBIX_URL", f"{url}/api_jsonrpc.php")
        for name in ("ZABBIX_TOKEN", "ZABBIX_USER", "ZABBIX_PASSWORD"):
            monkeypatch.delenv(name, raising=False)
        if mode == "token":
            monkeypatch.setenv("ZABBIX_TOKEN", server.issue_token())
        else:
            monkeypatch.setenv("ZABBIX_USER", "Admin")
            monkeypatch.setenv("ZABBIX_PASSWORD", "zabbix")
        exec(compile(block, str(README), "exec"), {"__name__": "readme"})
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"Zabbix {version}"
    assert len(out) == 1 + 3 + 1
    assert [line.split()[3] for line in out[1:]] == [r["resourcename"] for r in added + deleted]
    assert all(" Admin ADD " in line for line in out[1:4]) and " Admin DELETE " in out[4]
    assert out[1].endswith(f"'hostgroup.groupid': ['add', '{added[0]['resourceid']}']}}")
    assert out[4].endswith(" None")
    assert server.sessions == {}
