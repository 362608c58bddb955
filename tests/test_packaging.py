"""Each built wheel installs into an empty venv outside the repository and type-checks."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from scripts.build import build
from scripts.specs import ROOT, VENDORS

EXAMPLES = {
    "voximplant": """
        from datetime import datetime
        from voximplant_audit import AsyncClient, AuditLogEntry, Client, GeneratedClient
        from voximplant_audit_api.api.subpackage_history import get_audit_log

        def newest(vox: Client, since: datetime, until: datetime) -> AuditLogEntry | None:
            last: AuditLogEntry | None = None
            for entry in vox.iter_audit_log(since, until, cmds=["CreateUser"], page_size=500):
                when: datetime = entry.requested
                last = entry if when.tzinfo else last
            return last

        async def count(vox: AsyncClient, since: datetime, until: datetime) -> int:
            return len([e.audit_log_id async for e in vox.iter_audit_log(since, until)])

        assert callable(get_audit_log.sync)
        generated = GeneratedClient(base_url="https://api.voximplant.com/platform_api", token="")
    """,
    "nlpearl": """
        from datetime import datetime, timedelta
        from nlpearl_audit import AsyncClient, AuditEvent, Client, EventType
        from nlpearl_audit_api.api.account import get_audit_log

        def logins(pearl: Client, since: datetime, until: datetime) -> list[AuditEvent]:
            it = pearl.iter_audit_log(since, until, event_type=EventType.LOGIN_SUCCESSFUL, window=timedelta(hours=6))
            return [ev for ev in it if ev.timestamp.tzinfo is not None]

        async def kinds(pearl: AsyncClient, since: datetime, until: datetime) -> set[EventType]:
            return {ev.event_type async for ev in pearl.iter_audit_log(since, until)}

        pearl = Client(account_id="acc", secret_key="key")
        assert "key" not in repr(pearl) and callable(get_audit_log.sync)
        pearl.close()
    """,
    "zabbix": """
        from datetime import datetime
        from zabbix_audit import AsyncClient, AuditAction, AuditRecord, Client
        from zabbix_audit_api.api.jsonrpc import jsonrpc

        def deletions(zbx: Client, since: datetime, until: datetime) -> list[AuditRecord]:
            found = []
            for rec in zbx.iter_audit_log(since, until, actions=[AuditAction.DELETE], page_size=1000):
                when: datetime = rec.clock
                auditid: str = rec.auditid
                found.append(rec) if when.tzinfo and auditid else None
            return found

        async def versions(zbx: AsyncClient, since: datetime, until: datetime) -> set[str]:
            return {rec.recordsetid async for rec in zbx.iter_audit_log(since, until)}

        zbx = Client("http://127.0.0.1/zabbix", username="Admin", password="s3cret-pw")
        assert "s3cret-pw" not in repr(zbx) and callable(jsonrpc.sync)
    """,
    "navixy": """
        from datetime import datetime
        from navixy_audit import AsyncClient, AuditRecord, Client
        from navixy_audit_api.api.audit import audit_log_list

        def creations(nvx: Client, since: datetime, until: datetime) -> list[int]:
            return [rec.id for rec in nvx.iter_audit_log(since, until, actions=["create"], page_size=500)]

        async def latest(nvx: AsyncClient, since: datetime, until: datetime) -> AuditRecord | None:
            found: AuditRecord | None = None
            async for rec in nvx.iter_audit_log(since, until):
                when: datetime = rec.action_date
                found = rec if when.tzinfo else found
            return found

        nvx = Client(base_url="https://api.eu.navixy.com/v2", api_key="0123456789abcdef0123456789abcdef")
        assert "0123456789abcdef" not in repr(nvx) and callable(audit_log_list.sync)
        nvx.close()
    """,
}


@pytest.fixture(scope="module")
def wheelhouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    build("core", out)
    return out


def run(*cmd: str | Path, cwd: Path) -> str:
    result = subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{' '.join(map(str, cmd))} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.mark.parametrize("vendor", sorted(VENDORS))
def test_wheel_installs_in_an_empty_venv_and_type_checks(vendor: str, wheelhouse: Path, tmp_path: Path) -> None:
    assert not tmp_path.is_relative_to(ROOT)
    build(vendor, wheelhouse)
    wheels = list(wheelhouse.glob(f"{vendor}_audit-*.whl"))
    assert len(wheels) == 1, wheels
    assert list(wheelhouse.glob(f"{vendor}_audit-*.tar.gz")), "no sdist built"
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    run(
        python,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
        "--find-links",
        wheelhouse,
        wheels[0],
        cwd=tmp_path,
    )
    # Imported from the venv, not from the checkout.
    where = run(
        python,
        "-c",
        f"import {vendor}_audit, {vendor}_audit_api, audit_core; "
        f"print({vendor}_audit.__file__); print({vendor}_audit_api.__file__)",
        cwd=tmp_path,
    )
    for line in where.split():
        assert Path(line).is_relative_to(venv), line
    example = tmp_path / "example.py"
    example.write_text(textwrap.dedent(EXAMPLES[vendor]))
    run(python, example, cwd=tmp_path)
    out = run(
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--no-incremental",
        "--python-executable",
        python,
        example,
        cwd=tmp_path,
    )
    assert "Success" in out


AUDITPULL_EXAMPLE = """
    from collections.abc import AsyncIterator, Iterator
    from datetime import datetime
    from typing import Any

    import auditpull
    from auditpull import Actor, AuditEvent, Resource
    from nlpearl_audit import AsyncClient, Client

    def pull(pearl: Client, since: datetime, until: datetime) -> Iterator[dict[str, Any]]:
        for ev in auditpull.events(pearl, since, until):
            who: Actor = ev.actor
            what: Resource = ev.resource
            yield auditpull.to_ocsf(ev) if who.id and what.type else ev.to_dict()

    async def ids(pearl: AsyncClient, since: datetime, until: datetime) -> AsyncIterator[str]:
        async for ev in auditpull.aevents(pearl, since, until):
            yield ev.id

    assert auditpull.OCSF_VERSION == "1.1.0" and isinstance(auditpull.__version__, str)
    assert AuditEvent.__name__ == "AuditEvent"
"""


def test_auditpull_installs_from_its_wheel_with_an_extra_and_its_console_script_runs(
    wheelhouse: Path, tmp_path: Path
) -> None:
    import json
    import os
    from datetime import UTC, datetime, timedelta

    from nlpearl_audit.testing import NLPearlFake

    build("nlpearl", wheelhouse)
    build("auditpull", wheelhouse)
    wheels = list(wheelhouse.glob("auditpull-*.whl"))
    assert len(wheels) == 1 and list(wheelhouse.glob("auditpull-*.tar.gz")), wheels
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    pip = (python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--find-links", wheelhouse)
    run(*pip, f"{wheels[0]}[nlpearl]", cwd=tmp_path)
    where = run(python, "-c", "import auditpull, nlpearl_audit; print(auditpull.__file__)", cwd=tmp_path)
    assert Path(where.strip()).is_relative_to(venv)
    script = venv / "bin" / "auditpull"
    assert "auditpull" in run(script, "--version", cwd=tmp_path)
    fake = NLPearlFake(account_id="pkg-account", secret_key="pkg-secret-Zz9")
    now = datetime.now(UTC)
    for i in range(5):
        fake.add(now - timedelta(hours=i + 1), 2, user={"id": f"u{i}", "name": "n", "type": 1})
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NLPEARL_", "ZABBIX_", "NAVIXY_", "VOXIMPLANT_"))}
    with fake.running() as url:
        env.update(NLPEARL_ACCOUNT_ID=fake.account_id, NLPEARL_SECRET_KEY=fake.secret_key, NLPEARL_BASE_URL=url)
        args = (script, "export", "--since", "1d", "--output", "out.jsonl", "--state", "out.state", "--format", "ocsf")
        result = subprocess.run(
            [str(a) for a in args], cwd=tmp_path, env=env, capture_output=True, text=True, check=False
        )
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert len(records) == 5 and {r["class_uid"] for r in records} == {3002}
    assert "pkg-secret-Zz9" not in result.stderr
    example = tmp_path / "example.py"
    example.write_text(textwrap.dedent(AUDITPULL_EXAMPLE))
    run(python, example, cwd=tmp_path)
    out = run(
        sys.executable,
        "-m",
        "mypy",
        "--strict",
        "--no-incremental",
        "--python-executable",
        python,
        example,
        cwd=tmp_path,
    )
    assert "Success" in out
