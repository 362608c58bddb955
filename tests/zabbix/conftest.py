"""Zabbix test fixtures: the REAL Zabbix 6.0 (started by scripts/zabbix-server) and the fake.

``zabbix_base_url`` starts (or reuses) the real server once per test session; ``real``
is a plain JSON-RPC helper logged in as Admin, for setting up data (host groups, tokens,
users) outside the SDK.
"""

from __future__ import annotations

import itertools
import subprocess
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from scripts.specs import ROOT

_ids = itertools.count(1)


@pytest.fixture(scope="session")
def zabbix_base_url() -> Iterator[str]:
    """Start the real Zabbix API for this test session; its base URL, e.g. ``http://127.0.0.1:18080``.

    A server that was already up (``make zabbix-start``) is reused and left running;
    one this fixture started is stopped when the session ends.
    """
    script = str(ROOT / "scripts" / "zabbix-server")
    was_up = subprocess.run([script, "status"], capture_output=True, check=False, timeout=60).returncode == 0
    proc = subprocess.run([script, "start"], capture_output=True, text=True, check=False, timeout=900)
    assert proc.returncode == 0, f"scripts/zabbix-server start failed:\n{proc.stdout}\n{proc.stderr}"
    url = urlsplit(proc.stdout.strip().splitlines()[-1])
    try:
        yield f"{url.scheme}://{url.netloc}"
    finally:
        if not was_up:
            subprocess.run([script, "stop"], capture_output=True, check=False, timeout=120)


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
