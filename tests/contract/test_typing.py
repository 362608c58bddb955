"""The contract holds for mypy too: enum fields are their enums, options are typed keywords."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from scripts.specs import ROOT

USER_SCRIPT = """
from datetime import datetime, timezone

import navixy_audit
import nlpearl_audit
import voximplant_audit
import zabbix_audit

T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)


def names(pearl: nlpearl_audit.Client, zbx: zabbix_audit.Client, nvx: navixy_audit.Client) -> list[str]:
    out: list[str] = []
    for event in pearl.iter_audit_log(T0, T0):
        out.append(event.event_type.name)
        if event.user is not None and event.user.type is not None:
            out.append(event.user.type.name)
        code: int = event.event_type.value
    for record in zbx.iter_audit_log(T0, T0):
        out += [record.action.name, record.resourcetype.name]
        number: int = record.action.value
    for entry in nvx.iter_audit_log(T0, T0):
        out += [entry.action.name, entry.entry_category.name]
        text: str = entry.action.value
    return out


async def tokens(vox: voximplant_audit.AsyncClient, zbx: zabbix_audit.AsyncClient) -> list[str]:
    vpager = vox.iter_audit_log(T0, T0)
    zpager = zbx.iter_audit_log(T0, T0, cursor=vpager.cursor.to_token())
    return [vpager.cursor.to_token(), zpager.cursor.to_token()]


def caught(zbx: zabbix_audit.Client) -> str:
    try:
        return str(list(zbx.iter_audit_log(T0, T0)))
    except zabbix_audit.RetriesExhaustedError as exc:
        return exc.vendor or ""
    except (navixy_audit.AuthenticationError, nlpearl_audit.ConfigurationError, voximplant_audit.AuditError):
        return "refused"


def configured() -> None:
    zabbix_audit.Client.from_env(max_retries=1, timeout=5.0)
    navixy_audit.AsyncClient.from_env({"NAVIXY_API_KEY": "k"}, verify=False)
    nlpearl_audit.Client.from_env(base_url="https://api.nlpearl.ai")
    voximplant_audit.Client.from_env(retry_policy=None)
"""

MISSPELLED = """
import zabbix_audit

zabbix_audit.Client.from_env(max_retry=1)
"""


def _mypy(tmp_path: Path, text: str) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "user_script.py"
    script.write_text(text, encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(script)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_user_script_using_enum_names_and_tokens_type_checks(tmp_path: Path) -> None:
    result = _mypy(tmp_path, USER_SCRIPT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_misspelled_option_is_a_type_error(tmp_path: Path) -> None:
    result = _mypy(tmp_path, MISSPELLED)
    assert result.returncode == 1
    assert 'Unexpected keyword argument "max_retry"' in result.stdout
