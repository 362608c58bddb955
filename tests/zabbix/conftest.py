"""Zabbix test fixtures: the REAL Zabbix 6.0 and 7.0 LTS (started by scripts/zabbix-server) and the fake.

The real-server tests are parametrized over ``zabbix_version`` (``REAL_VERSIONS``): each test
runs against 6.0 and against 7.0. ``zabbix_base_url`` is the running server of that version,
e.g. ``http://127.0.0.1:18080`` (6.0) or ``http://127.0.0.1:18070`` (7.0); ``real`` is a plain
JSON-RPC helper logged in as Admin, for setting up data (host groups, tokens, users) outside the SDK.

Each version is started once per test session, as soon as the collected tests are known, in the
background (a cold 7.0 builds its Debian 13 chroot meanwhile), and stopped at the end of the session.
A server of that version that already answers (``make zabbix-start``, or another checkout's 6.0,
which shares this machine's ports and ``/etc/zabbix``) is used as it is and left running.
"""

from __future__ import annotations

import itertools
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from scripts.specs import ROOT

#: the versions tested against a real server (the fake also emulates 6.4 and 7.2)
REAL_VERSIONS = ("6.0", "7.0")
#: the version behind the fault proxy of test_reliability.py
FAULT_PROXY_VERSION = "7.0"

_SCRIPT = str(ROOT / "scripts" / "zabbix-server")
_ids = itertools.count(1)


def _base_url(api_url: str) -> str:
    url = urlsplit(api_url.strip().splitlines()[-1])
    return f"{url.scheme}://{url.netloc}"


class RealServers:
    """The real Zabbix servers of this test session, one per version, started at most once each."""

    def __init__(self) -> None:
        self._starting: dict[str, subprocess.Popen[str]] = {}
        self._urls: dict[str, str] = {}
        self._ours: list[str] = []

    def launch(self, version: str) -> None:
        """Reuse the server of ``version`` that answers already, or start one in the background."""
        if version in self._urls or version in self._starting:
            return
        status = subprocess.run(
            [_SCRIPT, "status", "--version", version], capture_output=True, text=True, check=False, timeout=60
        )
        if status.returncode == 0:
            self._urls[version] = _base_url(status.stdout)
            return
        self._starting[version] = subprocess.Popen(
            [_SCRIPT, "start", "--version", version], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )

    def base_url(self, version: str) -> str:
        """The base URL of the running server of ``version`` (waiting for its start)."""
        self.launch(version)
        if version not in self._urls:
            proc = self._starting.pop(version)
            out, err = proc.communicate(timeout=1800)
            self._ours.append(version)
            assert proc.returncode == 0, f"scripts/zabbix-server start --version {version} failed:\n{out}\n{err}"
            self._urls[version] = _base_url(out)
        return self._urls[version]

    def stop(self) -> None:
        """Stop what this session started (waiting for starts still under way)."""
        for version, proc in self._starting.items():
            proc.communicate(timeout=1800)
            self._ours.append(version)
        self._starting.clear()
        for version in self._ours:
            subprocess.run([_SCRIPT, "stop", "--version", version], capture_output=True, check=False, timeout=120)
        self._ours.clear()
        self._urls.clear()


SERVERS = RealServers()


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start every real version the selected tests need, in the background, before the first test runs."""
    if session.config.option.collectonly:
        return
    needed: set[str] = set()
    for item in session.items:
        callspec = getattr(item, "callspec", None)
        if callspec is not None and "zabbix_version" in callspec.params:
            needed.add(callspec.params["zabbix_version"])
    for version in sorted(needed):
        SERVERS.launch(version)


def pytest_sessionfinish(session: pytest.Session) -> None:
    SERVERS.stop()


@pytest.fixture(scope="session", params=REAL_VERSIONS)
def zabbix_version(request: pytest.FixtureRequest) -> str:
    """The real Zabbix version a test runs against (``"6.0"`` or ``"7.0"``)."""
    version: str = request.param
    return version


@pytest.fixture(scope="session")
def zabbix_base_url(zabbix_version: str) -> str:
    """The base URL of the real Zabbix of ``zabbix_version``, e.g. ``http://127.0.0.1:18070``."""
    return SERVERS.base_url(zabbix_version)


@pytest.fixture(scope="session")
def zabbix_frontend_dir(zabbix_version: str) -> Path:
    """The PHP sources of the real frontend of ``zabbix_version`` (7.0: inside its chroot)."""
    if zabbix_version == "6.0":
        return Path("/usr/share/zabbix")
    state = os.environ.get("ZABBIX70_TEST_STATE_DIR") or str(ROOT / ".cache" / "zabbix-7.0")
    return Path(state) / "root" / "usr" / "share" / "zabbix"


class RealZabbix:
    """A plain JSON-RPC client of the real Zabbix, logged in as Admin (setup calls outside the SDK)."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.http = httpx.Client(base_url=base_url, timeout=120)
        self.session: str = self.call("user.login", {"username": "Admin", "password": "zabbix"}, auth=None)

    def raw(self, method: str, params: Any, auth: str | None) -> dict[str, Any]:
        body: dict[str, Any] = {"jsonrpc": "2.0", "method": method, "params": params, "id": next(_ids)}
        if auth is not None:
            body["auth"] = auth
        response = self.http.post("/api_jsonrpc.php", json=body)
        assert response.status_code == 200, response.text
        data: dict[str, Any] = response.json()
        return data

    def call(self, method: str, params: Any, auth: str | bool | None = True) -> Any:
        data = self.raw(method, params, self.session if auth is True else (auth or None))
        assert "error" not in data, data
        return data["result"]

    def host_groups(self, prefix: str, count: int) -> list[str]:
        """Create ``count`` host groups in one call: ``count`` audit records in one second."""
        groupids: list[str] = self.call("hostgroup.create", [{"name": f"{prefix}{i:05d}"} for i in range(count)])[
            "groupids"
        ]
        return groupids

    def close(self) -> None:
        self.call("user.logout", [])
        self.http.close()


@pytest.fixture(scope="session")
def real(zabbix_base_url: str) -> Iterator[RealZabbix]:
    helper = RealZabbix(zabbix_base_url)
    yield helper
    helper.close()
