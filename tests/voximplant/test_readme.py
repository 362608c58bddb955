"""The README's example runs against the fake, so the docs cannot rot."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from voximplant_audit import DEFAULT_BASE_URL
from voximplant_audit.testing import FakeVoximplant, make_records

README = Path(__file__).resolve().parents[2] / "overlays" / "voximplant" / "README.md"


def test_readme_example_runs(
    make_fake: Callable[..., FakeVoximplant],
    credentials_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (example,) = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)
    assert DEFAULT_BASE_URL in example
    start = datetime.now(UTC).replace(microsecond=0) - timedelta(days=3)
    records = make_records(60, start=start, step=timedelta(minutes=5))
    fake = make_fake(records=records, timezone="Europe/Berlin")
    monkeypatch.setenv("VOXIMPLANT_CREDENTIALS", str(credentials_file))
    with fake.running() as url:
        exec(compile(example.replace(DEFAULT_BASE_URL, url), str(README), "exec"), {"__name__": "__readme__"})
    out = capsys.readouterr().out.splitlines()
    wanted = [r for r in records if r["cmd_name"] in ("CreateUser", "DelUser")]
    assert len(out) == len(wanted) + 1
    assert out[0].startswith(f"{wanted[0]['audit_log_id']} {wanted[0]['requested'].isoformat()} CreateUser")
    assert out[-1] == "records in the report: 60"
