"""``auditpull export`` as a user runs it: every vendor in every format, dates, bad flags, configuration, escaping."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from auditpull._formats import CSV_COLUMNS
from scripts.demo import Fakes

from .conftest import VENDORS, assert_valid_ocsf, export, run


def _window() -> tuple[datetime, datetime, list[str]]:
    until = datetime.now(UTC) + timedelta(minutes=1)
    since = until - timedelta(hours=30)
    return since, until, ["--since", since.isoformat(), "--until", until.isoformat()]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "ocsf", "table"])
@pytest.mark.parametrize("vendor", VENDORS)
def test_every_vendor_in_every_format(fakes: Fakes, vendor: str, fmt: str, tmp_path: Path) -> None:
    since, until, window = _window()
    expected = fakes.count(vendor, since, until)
    assert expected >= 10
    out = tmp_path / f"out.{fmt}"
    result = export(fakes, vendor, *window, "--format", fmt, "--output", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text()
    assert text.endswith("\n")
    if fmt == "jsonl":
        events = [json.loads(line) for line in text.splitlines()]
        assert len(events) == expected
        assert {e["vendor"] for e in events} == {vendor}
        assert len({e["id"] for e in events}) == expected
        times = [e["time"] for e in events]
        assert times == sorted(times) and all(t.endswith("Z") for t in times)
        assert all(e["raw"] and e["action"] for e in events)
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert tuple(rows[0]) == CSV_COLUMNS
        assert len(rows) == 1 + expected
        assert all(row[0] == vendor and json.loads(row[-1]) for row in rows[1:])
    elif fmt == "ocsf":
        records = [json.loads(line) for line in text.splitlines()]
        assert len(records) == expected
        for record in records:
            assert_valid_ocsf(record)
            assert record["metadata"]["uid"].startswith(f"{vendor}:")
        assert len({r["metadata"]["uid"] for r in records}) == expected
    else:
        lines = text.splitlines()
        assert lines[0].startswith("time (UTC)") and len(lines) == 1 + expected
        assert all(f"  {vendor}  " in line for line in lines[1:])
    assert f"{expected} records" in result.stderr


def test_every_configured_vendor_by_default_and_the_summary(fakes: Fakes, tmp_path: Path) -> None:
    since, until, window = _window()
    out = tmp_path / "all.jsonl"
    result = export(fakes, *window, "--output", str(out), "--timeout", "30", "--max-retries", "2")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in out.read_text().splitlines()]
    for vendor in VENDORS:
        mine = [e for e in events if e["vendor"] == vendor]
        assert len(mine) == fakes.count(vendor, since, until)
        assert [e["time"] for e in mine] == sorted(e["time"] for e in mine)  # time order within a vendor
        line = next(row for row in result.stderr.splitlines() if row.strip().startswith(vendor))
        assert f"{len(mine)} records" in line and mine[0]["time"] in line and mine[-1]["time"] in line


def test_relative_dates(fakes: Fakes) -> None:
    now = datetime.now(UTC)
    for minutes in (30, 90, 150, 200):
        fakes.add("nlpearl", now - timedelta(minutes=minutes))
    result = export(fakes, "nlpearl", "--since", "2h")
    assert result.returncode == 0, result.stderr
    times = [datetime.fromisoformat(json.loads(line)["time"]) for line in result.stdout.splitlines()]
    assert len(times) == fakes.count("nlpearl", now - timedelta(hours=2), now + timedelta(seconds=5)) == 2
    result = export(fakes, "nlpearl", "--since", "3h", "--until", "1h")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == fakes.count("nlpearl", now - timedelta(hours=3), now - timedelta(hours=1))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "0h"], "--since 0h: a span must be more than zero"),
        (["--since=-5h"], "--since '-5h': write ISO 8601 with an offset"),
        (["--since", "2026-11-01T00:00:00"], "has no time zone: add Z or an offset"),
        (["--since", "1h", "--until", "2h"], "is not before --until"),
        (["--lag", "5"], "--lag '5': write a span like 30m"),
        (["--format", "xml"], "argument --format: invalid choice: 'xml'"),
        (["--state", "x.state"], "--state needs --output FILE"),
        (["nlpearl", "acme"], "unknown vendor 'acme'"),
        (["--bogus"], "unrecognized arguments: --bogus"),
        (["--timeout", "0"], "--timeout 0: give a number of seconds above zero"),
        (["--max-retries", "-1"], "--max-retries -1: give 0 or more"),
        (["--url", "acme=http://x"], "--url takes VENDOR=URL"),
    ],
)
def test_bad_flags_say_what_to_fix_in_one_line_before_any_request(
    fakes: Fakes, args: list[str], message: str, tmp_path: Path
) -> None:
    result = run("export", "nlpearl", *args, env=fakes.environ(), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("auditpull: ") and result.stderr.count("\n") == 1, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert fakes.fakes["nlpearl"].bodies == []  # no request was made


@pytest.mark.parametrize(
    ("variables", "message"),
    [
        ({"ZABBIX_TOKEN": "t0k3n"}, "zabbix is not fully configured: ZABBIX_URL is not set"),
        (
            {"ZABBIX_URL": "http://127.0.0.1:9/zabbix", "ZABBIX_USER": "Admin"},
            "ZABBIX_USER is set but ZABBIX_PASSWORD is not",
        ),
        (
            {
                "ZABBIX_URL": "http://127.0.0.1:9/zabbix",
                "ZABBIX_TOKEN": "t",
                "ZABBIX_USER": "A",
                "ZABBIX_PASSWORD": "p",
            },
            "not both (ZABBIX_TOKEN and ZABBIX_USER",
        ),
        (
            {"NAVIXY_LOGIN": "ops@example.com"},
            "navixy is not fully configured: NAVIXY_LOGIN is set but NAVIXY_PASSWORD is not",
        ),
        ({"NLPEARL_BASE_URL": "http://127.0.0.1:9"}, "no credentials: set NLPEARL_ACCOUNT_ID and NLPEARL_SECRET_KEY"),
    ],
)
def test_a_partly_configured_vendor_is_a_usage_error(fakes: Fakes, variables: dict[str, str], message: str) -> None:
    env = {k: v for k, v in fakes.environ().items() if not k.startswith(("ZABBIX_", "NAVIXY_", "NLPEARL_"))}
    env.update(variables)
    result = run("export", "--url", f"voximplant={fakes.urls['voximplant']}", env=env)
    assert result.returncode == 2
    assert message in result.stderr and result.stderr.count("\n") == 1
    assert fakes.fakes["voximplant"].seen == []  # the configured vendor was not pulled either


def test_nothing_configured_says_how_to_configure(fakes: Fakes) -> None:
    env = {k: v for k, v in fakes.environ().items() if k not in fakes.env}
    result = run("export", env=env)
    assert result.returncode == 2
    assert "no vendor is configured" in result.stderr


def test_help_lists_every_vendors_variables(fakes: Fakes) -> None:
    result = run("export", "--help", env=fakes.environ())
    assert result.returncode == 0
    for name in (
        "VOXIMPLANT_CREDENTIALS",
        "NLPEARL_ACCOUNT_ID",
        "NLPEARL_SECRET_KEY",
        "ZABBIX_URL",
        "ZABBIX_TOKEN",
        "ZABBIX_USER",
        "ZABBIX_PASSWORD",
        "NAVIXY_URL",
        "NAVIXY_API_KEY",
        "NAVIXY_LOGIN",
        "NAVIXY_PASSWORD",
    ):
        assert name in result.stdout


def test_the_table_escapes_every_control_character(fakes: Fakes) -> None:
    now = datetime.now(UTC)
    evil = "mallory\n2026-01-01 00:00:00  nlpearl  admin  login_successful\x1b[2J\x1b]0;owned\x07\r\u202egnp.exe\u2028"
    fakes.fakes["nlpearl"].add(
        now - timedelta(minutes=5),
        2,
        user={"id": "u\tx", "name": evil, "type": 1},
        additional_data={"ip": "198.51.100.9\x1b[31m"},
    )
    result = export(fakes, "nlpearl", "--since", "1h", "--format", "table")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split("\n")
    assert lines[-1] == "" and len(lines) == 3  # the header, one row, nothing forged
    row = lines[1]
    assert all(unicodedata.category(c) not in ("Cc", "Cf", "Zl") for c in row)
    assert "mallory\\n2026-01-01" in row


def test_no_secret_reaches_the_output_or_the_verbose_trail(fakes: Fakes) -> None:
    result = export(fakes, "--since", "30h", "--verbose", "--format", "ocsf")
    assert result.returncode == 0, result.stderr
    assert "-> POST" in result.stderr or "-> GET" in result.stderr  # the trail is there, so the check means something
    for secret in fakes.secrets:
        assert secret not in result.stdout
        assert secret not in result.stderr


def test_a_failing_vendor_exits_1_naming_it_and_the_others_are_kept(fakes: Fakes, tmp_path: Path) -> None:
    env = {**fakes.environ(), "NAVIXY_API_KEY": "0123456789abcdef0123456789abcdef"}
    out = tmp_path / "out.jsonl"
    result = run("export", "--since", "30h", "--output", str(out), *fakes.cli_args(), env=env)
    assert result.returncode == 1
    failure = [line for line in result.stderr.splitlines() if "failed:" in line]
    assert len(failure) == 1 and failure[0].startswith("auditpull: navixy failed: ")
    assert "0123456789abcdef0123456789abcdef" not in result.stderr
    vendors = {json.loads(line)["vendor"] for line in out.read_text().splitlines()}
    assert vendors == set(VENDORS) - {"navixy"}


def test_timeout_and_max_retries_reach_every_client(fakes: Fakes) -> None:
    from audit_core.testing.faults import FaultPlan

    pearl = fakes.fakes["nlpearl"]
    pearl.plan = FaultPlan(rate=1.0, kinds=("500",))
    result = export(fakes, "nlpearl", "--max-retries", "2")
    assert result.returncode == 1
    assert "nlpearl failed" in result.stderr and "3 attempts" in result.stderr
    assert len(pearl.bodies) == 0 or pearl.plan.faulted == 3
    pearl.plan = FaultPlan(rate=1.0, kinds=("stall",), stall_seconds=5)
    result = export(fakes, "nlpearl", "--max-retries", "0", "--timeout", "0.3")
    assert result.returncode == 1
    assert "nlpearl failed" in result.stderr and "1 attempts" in result.stderr


def test_an_output_that_cannot_be_written_is_a_usage_error(fakes: Fakes, tmp_path: Path) -> None:
    result = export(fakes, "nlpearl", "--output", str(tmp_path / "missing" / "out.jsonl"))
    assert result.returncode == 2 and "cannot write --output" in result.stderr


def test_progress_only_on_a_terminal_and_quiet_means_quiet(fakes: Fakes, tmp_path: Path) -> None:
    import fcntl
    import os
    import pty
    import struct
    import subprocess
    import sys
    import termios

    primary, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a terminal has a size
    cmd = [
        sys.executable,
        "-m",
        "auditpull",
        "export",
        "--since",
        "30h",
        "--output",
        str(tmp_path / "a.jsonl"),
        *fakes.cli_args(),
    ]
    child = subprocess.Popen(cmd, env=fakes.environ(), stderr=secondary, stdout=subprocess.DEVNULL)
    os.close(secondary)
    seen = b""
    while True:
        try:
            chunk = os.read(primary, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    assert child.wait(timeout=60) == 0
    os.close(primary)
    screen = seen.decode(errors="replace")
    assert all(f"{vendor}" in screen for vendor in VENDORS)
    assert " rec" in screen and "rec/s" in screen  # tqdm's counts and rates
    plain = export(fakes, "--since", "30h", "--output", str(tmp_path / "b.jsonl"))
    assert "rec/s" not in plain.stderr and "records to" in plain.stderr  # not a terminal: the summary only
    quiet = export(fakes, "--since", "30h", "--output", str(tmp_path / "c.jsonl"), "--quiet")
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_the_csv_header_goes_only_into_an_empty_file(fakes: Fakes, tmp_path: Path) -> None:
    out = tmp_path / "audit.csv"
    for _ in range(2):
        assert export(fakes, "navixy", "--since", "30h", "--format", "csv", "--output", str(out)).returncode == 0
    rows = list(csv.reader(io.StringIO(out.read_text())))
    assert [tuple(r) for r in rows].count(CSV_COLUMNS) == 1
    assert len(rows) == 1 + 2 * len(fakes.added["navixy"])
