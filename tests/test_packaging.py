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
        from voximplant_audit import GeneratedClient
        from voximplant_audit_api.api.subpackage_history import get_audit_log
        from voximplant_audit_api.models import AuditLogInfoType

        def first_id(entry: AuditLogInfoType) -> int | None:
            value = entry.audit_log_id
            return value if isinstance(value, int) else None

        client = GeneratedClient(base_url="https://api.voximplant.com/platform_api", token="t")
        assert callable(get_audit_log.sync)
    """,
    "nlpearl": """
        from nlpearl_audit import GeneratedClient
        from nlpearl_audit_api.api.account import get_audit_log
        from nlpearl_audit_api.models import AuditLogView

        def kind(ev: AuditLogView) -> int | None:
            return ev.event_type if isinstance(ev.event_type, int) else None

        client = GeneratedClient(base_url="https://api.nlpearl.ai", token="t")
        assert callable(get_audit_log.sync)
    """,
    "zabbix": """
        import zabbix_audit
        import zabbix_audit_api
        from zabbix_audit import GeneratedClient

        version: str = zabbix_audit.__version__
        client = GeneratedClient(base_url="http://127.0.0.1", token="t")
    """,
    "navixy": """
        from navixy_audit import GeneratedClient
        from navixy_audit_api.api.audit import audit_log_list
        from navixy_audit_api.models import AuditLogListRequest

        body = AuditLogListRequest(from_="2024-01-01 00:00:00", to="2024-01-02 00:00:00", limit=10)
        client = GeneratedClient(base_url="https://api.eu.navixy.com/v2", token="t")
        assert callable(audit_log_list.sync)
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
