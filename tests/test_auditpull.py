"""The main job: scripts.auditpull against every fake at once (what ``make demo`` runs), and its errors."""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from scripts import auditpull
from scripts.demo import running_fakes

NOW = datetime.now(UTC).replace(microsecond=0)


@pytest.fixture
def fakes(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """Every fake running; the SDKs' environment set (and nothing else of theirs); yields the vendor URLs."""
    with running_fakes(NOW) as (env, urls):
        for name in (
            "VOXIMPLANT_CREDENTIALS",
            "NLPEARL_ACCOUNT_ID",
            "NLPEARL_SECRET_KEY",
            "NLPEARL_BASE_URL",
            "NAVIXY_URL",
            "NAVIXY_API_KEY",
            "NAVIXY_LOGIN",
            "NAVIXY_PASSWORD",
            "ZABBIX_URL",
            "ZABBIX_TOKEN",
            "ZABBIX_USER",
            "ZABBIX_PASSWORD",
        ):
            monkeypatch.delenv(name, raising=False)
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        yield urls


def pull(urls: dict[str, str], *extra: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    args = ["--since", (NOW - timedelta(days=1)).isoformat(), "--until", NOW.isoformat(), *extra]
    for vendor, url in urls.items():
        args += ["--url", f"{vendor}={url}"]
    return auditpull.main(args, out=out, err=err), out.getvalue(), err.getvalue()


def test_every_configured_vendor_lands_in_one_time_ordered_stream(fakes: dict[str, str]) -> None:
    status, out, err = pull(fakes, "--format", "jsonl")
    assert status == 0, err
    events = [json.loads(line) for line in out.splitlines()]
    assert {e["vendor"] for e in events} == set(fakes) == set(auditpull.PULLERS)
    whens = [datetime.fromisoformat(e["when"].replace("Z", "+00:00")) for e in events]
    assert whens == sorted(whens)
    assert all(NOW - timedelta(days=1) <= w < NOW for w in whens)
    for vendor in fakes:
        count = sum(e["vendor"] == vendor for e in events)
        assert count > 0
        assert re.search(rf"^auditpull: {vendor}: {count} records$", err, re.M), err
    assert all(e["who"] and e["what"] and e["id"] for e in events)
    assert len({(e["vendor"], e["id"]) for e in events}) == len(events)


def test_the_table_has_one_header_and_a_line_per_record(fakes: dict[str, str]) -> None:
    status, out, err = pull(fakes)
    assert status == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("when (UTC)")
    total = sum(int(n) for n in re.findall(r": (\d+) records", err))
    assert len(lines) == 1 + total


def test_no_secret_reaches_the_output_or_the_logs(
    fakes: dict[str, str], caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    caplog.set_level(logging.DEBUG)
    status, out, err = pull(fakes)
    assert status == 0, err
    private_key = json.loads(Path(os.environ["VOXIMPLANT_CREDENTIALS"]).read_text())["private_key"]
    secrets = [
        os.environ["NLPEARL_SECRET_KEY"],
        os.environ["NAVIXY_API_KEY"],
        os.environ["ZABBIX_PASSWORD"],
        *private_key.splitlines()[1:-1],
    ]
    captured = capsys.readouterr()
    everything = "\n".join([out, err, caplog.text, captured.out, captured.err])
    assert caplog.records, "debug logging produced nothing: the check would prove nothing"
    for secret in secrets:
        assert secret not in everything


def test_a_failing_vendor_is_reported_without_its_secret_and_the_others_still_arrive(
    fakes: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NAVIXY_API_KEY", "0123456789abcdef0123456789abcdef")
    status, out, err = pull(fakes, "--format", "jsonl")
    assert status == 1
    assert "navixy failed" in err
    assert "0123456789abcdef0123456789abcdef" not in out + err
    assert {json.loads(line)["vendor"] for line in out.splitlines()} == set(fakes) - {"navixy"}


def test_a_naive_since_is_refused_before_any_request(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        auditpull.main(["--vendor", "navixy", "--since", "2024-05-01T00:00:00"])
    assert info.value.code == 2
    assert "no time zone" in capsys.readouterr().err


def test_a_window_running_backwards_is_refused() -> None:
    err = io.StringIO()
    status = auditpull.main(
        ["--vendor", "navixy", "--since", "2024-05-02T00:00:00Z", "--until", "2024-05-01T00:00:00Z"], err=err
    )
    assert status == 2
    assert "after until" in err.getvalue()


def test_nothing_configured_says_how_to_configure(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(__import__("os").environ):
        if name.startswith(("VOXIMPLANT_", "NLPEARL_", "NAVIXY_", "ZABBIX_")):
            monkeypatch.delenv(name)
    err = io.StringIO()
    assert auditpull.main([], err=err) == 2
    assert "no vendor is configured" in err.getvalue()
