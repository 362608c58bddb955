"""scripts/zabbix-server itself: one server per version, idempotent start, --workers, clear refusals."""

from __future__ import annotations

import contextlib
import os
import subprocess
from pathlib import Path

import httpx
import pytest

from scripts.specs import ROOT
from tests.zabbix.conftest import SERVERS

SCRIPT = str(ROOT / "scripts" / "zabbix-server")


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([SCRIPT, *args], capture_output=True, text=True, check=False, timeout=600)


def state_dir(version: str) -> Path:
    """Where this checkout's script keeps ``version``'s state (it says so itself)."""
    return Path(run("state-dir", "--version", version).stdout.strip())


def php_processes(version: str) -> tuple[int, int]:
    """(pid of the PHP server this checkout's script runs for ``version``, processes in its group)."""
    pid = int((state_dir(version) / "php.pid").read_text())
    group = 0
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(ProcessLookupError):
                group += os.getpgid(int(entry.name)) == pid
    return pid, group


@pytest.mark.zabbix_real
def test_each_version_answers_with_its_own_version_on_its_own_port(zabbix_base_url: str, zabbix_version: str) -> None:
    status = run("status", "--version", zabbix_version)
    assert status.returncode == 0, status.stderr
    assert status.stdout.strip() == f"{zabbix_base_url}/api_jsonrpc.php"
    body = {"jsonrpc": "2.0", "method": "apiinfo.version", "params": [], "id": 1}
    assert httpx.post(status.stdout.strip(), json=body).json()["result"].startswith(f"{zabbix_version}.")
    env = run("env", "--version", zabbix_version).stdout
    assert f"export ZABBIX_URL={zabbix_base_url}/api_jsonrpc.php\n" in env


@pytest.mark.zabbix_real
def test_both_versions_run_side_by_side() -> None:
    body = {"jsonrpc": "2.0", "method": "apiinfo.version", "params": [], "id": 1}
    urls = {v: SERVERS.base_url(v) for v in ("6.0", "7.0")}
    assert urls["6.0"] != urls["7.0"]
    for version, url in urls.items():
        assert httpx.post(f"{url}/api_jsonrpc.php", json=body).json()["result"].startswith(f"{version}.")
    assert run("url").stdout == run("url", "--version", "6.0").stdout  # 6.0 is the default


@pytest.mark.zabbix_real
@pytest.mark.parametrize("zabbix_version", ["7.0"], indirect=True)
def test_start_is_idempotent_and_workers_restart_only_php(zabbix_base_url: str, zabbix_version: str) -> None:
    """7.0 only: its server is always this checkout's (a 6.0 may be another checkout's, shared)."""
    before, processes = php_processes(zabbix_version)
    assert processes == 5  # the default: 4 workers and their parent
    again = run("start", "--version", zabbix_version)
    assert (again.returncode, again.stdout.strip()) == (0, f"{zabbix_base_url}/api_jsonrpc.php")
    assert php_processes(zabbix_version) == (before, 5)  # nothing restarted
    try:
        one = run("start", "--workers", "1", "--version", zabbix_version)  # options in any order
        assert (one.returncode, one.stdout.strip()) == (0, f"{zabbix_base_url}/api_jsonrpc.php"), one.stderr
        pid, processes = php_processes(zabbix_version)
        assert pid != before and processes == 1
        body = {"jsonrpc": "2.0", "method": "apiinfo.version", "params": [], "id": 1}
        assert httpx.post(f"{zabbix_base_url}/api_jsonrpc.php", json=body).json()["result"].startswith("7.0.")
    finally:
        back = run("start", "--version", zabbix_version, "--workers", "4")
    assert back.returncode == 0, back.stderr
    assert php_processes(zabbix_version)[1] == 5


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["start", "--version", "6.4"], "unknown --version 6.4 (6.0 or 7.0)"),
        (["start", "--workers", "0"], "--workers must be a positive number"),
        (["stop", "--workers", "2"], "--workers is an option of start"),
        (["status", "--reset"], "--reset is an option of start"),
        (["start", "--verbose"], "unknown option for start: --verbose"),
    ],
)
def test_bad_options_are_refused_before_anything_runs(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.returncode != 0
    assert message in result.stderr
