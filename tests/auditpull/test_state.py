"""``--state``: incremental runs that write every record exactly once, across runs, windows and ``kill -9``."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from auditpull._state import locked
from scripts.demo import Fakes, running_fakes

from .conftest import VENDORS, export, lines_of, run


def _state(path: Path) -> dict[str, Any]:
    return dict(json.loads(path.read_text()))


def _ids(path: Path, vendor: str | None = None) -> list[str]:
    return [e["id"] for e in lines_of(path) if vendor is None or e["vendor"] == vendor]


def _at_second(when: datetime) -> datetime:
    return when.replace(microsecond=0)


@pytest.mark.parametrize("vendor", VENDORS)
def test_two_runs_with_records_added_in_between(fakes: Fakes, vendor: str, tmp_path: Path) -> None:
    out, state = tmp_path / "audit.jsonl", tmp_path / "audit.state"
    args = (vendor, "--since", "30h", "--output", str(out), "--state", str(state))
    first = export(fakes, *args)
    assert first.returncode == 0, first.stderr
    before = _ids(out)
    assert len(before) == len(fakes.added[vendor]) >= 10
    time.sleep(1.05)  # the new records lie in a later second than anything already read
    for k in range(3):
        fakes.add(vendor, datetime.now(UTC) - timedelta(milliseconds=300 - 100 * k))
    second = export(fakes, *args)
    assert second.returncode == 0, second.stderr
    after = _ids(out)
    assert after[: len(before)] == before
    assert len(after) == len(before) + 3 == len(set(after))
    assert "3 records" in second.stderr


@pytest.mark.parametrize("vendor", VENDORS)
def test_adjacent_windows_share_no_record_and_miss_none(fakes: Fakes, vendor: str, tmp_path: Path) -> None:
    now = _at_second(datetime.now(UTC))
    a, b, c = now - timedelta(hours=30), now - timedelta(hours=12), now + timedelta(seconds=1)
    fakes.add(vendor, b)  # exactly on the shared edge: it belongs to the second window only
    fakes.add(vendor, b - timedelta(seconds=1))
    plain = [tmp_path / "w1.jsonl", tmp_path / "w2.jsonl"]
    for path, (since, until) in zip(plain, [(a, b), (b, c)], strict=True):
        result = export(
            fakes, vendor, "--since", since.isoformat(), "--until", until.isoformat(), "--output", str(path)
        )
        assert result.returncode == 0, result.stderr
    w1, w2 = (_ids(p) for p in plain)
    assert not set(w1) & set(w2)
    assert len(w1) == fakes.count(vendor, a, b) and len(w2) == fakes.count(vendor, b, c)
    # The same with a state: the second run's --since is ignored, the state wins.
    out, state = tmp_path / "audit.jsonl", tmp_path / "audit.state"
    for since, until in [(a, b), (b, c)]:
        result = export(
            fakes,
            vendor,
            "--since",
            since.isoformat(),
            "--until",
            until.isoformat(),
            "--output",
            str(out),
            "--state",
            str(state),
        )
        assert result.returncode == 0, result.stderr
    assert sorted(_ids(out)) == sorted(w1 + w2)


@pytest.mark.parametrize("vendor", VENDORS)
def test_the_same_command_line_again_and_again_as_cron_runs_it(fakes: Fakes, vendor: str, tmp_path: Path) -> None:
    out, state = tmp_path / "audit.jsonl", tmp_path / "audit.state"
    start = datetime.now(UTC) - timedelta(hours=30)
    written = []
    for round_ in range(5):
        if round_ % 2:
            time.sleep(1.05)
            for k in range(round_):
                fakes.add(vendor, datetime.now(UTC) - timedelta(milliseconds=50 * (k + 1)))
        result = export(
            fakes, vendor, "--since", "30h", "--output", str(out), "--state", str(state), "--format", "jsonl"
        )
        assert result.returncode == 0, result.stderr
        written.append(len(_ids(out)))
    ids = _ids(out)
    assert len(ids) == len(set(ids)) == fakes.count(vendor, start, datetime.now(UTC))
    assert written == [written[0], written[0] + 1, written[0] + 1, written[0] + 4, written[0] + 4]


@pytest.mark.parametrize("vendor", VENDORS)
def test_lag_catches_a_record_committed_late_and_repeats_nothing(fakes: Fakes, vendor: str, tmp_path: Path) -> None:
    now = datetime.now(UTC)
    fakes.add(vendor, now - timedelta(seconds=10))  # the newest record the first run sees
    lagged = (tmp_path / "lag.jsonl", tmp_path / "lag.state")
    plain = (tmp_path / "plain.jsonl", tmp_path / "plain.state")
    for out, state in (lagged, plain):
        lag = "2m" if out == lagged[0] else "0s"
        result = export(fakes, vendor, "--since", "30h", "--output", str(out), "--state", str(state), "--lag", lag)
        assert result.returncode == 0, result.stderr
    before = _ids(lagged[0])
    # Committed after the first run, stamped 30 s before the newest record it wrote.
    fakes.add(vendor, now - timedelta(seconds=40))
    result = export(
        fakes, vendor, "--since", "30h", "--output", str(lagged[0]), "--state", str(lagged[1]), "--lag", "2m"
    )
    assert result.returncode == 0, result.stderr
    after = _ids(lagged[0])
    assert len(after) == len(before) + 1 == len(set(after))
    assert "already written" in result.stderr  # the re-read saw the others and dropped them
    # Without --lag the late record is beyond the position: not seen (which is what --lag is for).
    result = export(fakes, vendor, "--since", "30h", "--output", str(plain[0]), "--state", str(plain[1]))
    assert result.returncode == 0, result.stderr
    assert len(_ids(plain[0])) == len(before)
    assert "lag     120s" in run("state", "show", str(lagged[1]), env=fakes.environ()).stdout


def test_a_second_run_on_a_locked_state_exits_3(fakes: Fakes, tmp_path: Path) -> None:
    out, state = tmp_path / "audit.jsonl", tmp_path / "audit.state"
    with locked(state):
        result = export(fakes, "nlpearl", "--output", str(out), "--state", str(state))
    assert result.returncode == 3
    assert "another auditpull run is using the state file" in result.stderr and result.stderr.count("\n") == 1
    assert fakes.fakes["nlpearl"].bodies == []
    assert export(fakes, "nlpearl", "--output", str(out), "--state", str(state)).returncode == 0


def test_the_state_names_its_output_and_format(fakes: Fakes, tmp_path: Path) -> None:
    out, state = tmp_path / "audit.jsonl", tmp_path / "audit.state"
    assert export(fakes, "nlpearl", "--output", str(out), "--state", str(state)).returncode == 0
    other = export(fakes, "nlpearl", "--output", str(tmp_path / "other.jsonl"), "--state", str(state))
    assert other.returncode == 2
    assert str(out) in other.stderr and str(tmp_path / "other.jsonl") in other.stderr
    fmt = export(fakes, "nlpearl", "--output", str(out), "--state", str(state), "--format", "csv")
    assert fmt.returncode == 2
    assert "--format jsonl, not csv" in fmt.stderr
    piped = export(fakes, "nlpearl", "--output", "-", "--state", str(state))
    assert piped.returncode == 2 and "--state needs --output FILE" in piped.stderr


def test_state_show_and_reset(fakes: Fakes, tmp_path: Path) -> None:
    out, state = tmp_path / "audit.jsonl", tmp_path / "audit.state"
    assert export(fakes, "nlpearl", "--output", str(out), "--state", str(state), "--lag", "90s").returncode == 0
    shown = run("state", "show", str(state), env=fakes.environ())
    assert shown.returncode == 0
    last = lines_of(out)[-1]["time"]
    assert str(out) in shown.stdout and "lag     90s" in shown.stdout
    assert f"{len(fakes.added['nlpearl'])} records  last record {last}" in shown.stdout
    refused = run("state", "reset", str(state), env=fakes.environ(), input="n\n")
    assert refused.returncode == 1 and "nlpearl" in _state(state)["vendors"]
    reset = run("state", "reset", str(state), "nlpearl", env=fakes.environ(), input="y\n")
    assert reset.returncode == 0 and _state(state)["vendors"] == {}
    assert "forgot nlpearl" in reset.stdout
    # Forgotten: the next run starts at --since again, so the records come once more.
    assert export(fakes, "nlpearl", "--output", str(out), "--state", str(state), "--lag", "90s").returncode == 0
    assert len(_ids(out)) == 2 * len(fakes.added["nlpearl"])
    assert run("state", "reset", str(state), "--yes", env=fakes.environ()).returncode == 0
    assert run("state", "reset", str(state), "acme", "--yes", env=fakes.environ()).returncode == 2


def test_a_torn_tail_is_truncated_and_written_again(fakes: Fakes, tmp_path: Path) -> None:
    out, state = tmp_path / "audit.jsonl", tmp_path / "audit.state"
    assert export(fakes, "nlpearl", "--output", str(out), "--state", str(state)).returncode == 0
    whole = out.read_bytes()
    with out.open("ab") as stream:  # what a run killed in the middle of a write leaves
        stream.write(b'{"vendor":"nlpearl","id":"4f1e')
    result = export(fakes, "nlpearl", "--output", str(out), "--state", str(state))
    assert result.returncode == 0
    assert "dropped 30 bytes" in result.stderr
    assert out.read_bytes() == whole
    out.write_bytes(whole[:-10])  # shorter than committed: changed outside auditpull
    result = export(fakes, "nlpearl", "--output", str(out), "--state", str(state))
    assert result.returncode == 2 and "changed outside auditpull" in result.stderr


@pytest.mark.parametrize("lag", ["0s", "10m"])
@pytest.mark.parametrize("vendor", VENDORS)
def test_repeated_kill_9_at_random_moments_then_completion_gives_the_exact_set(
    vendor: str, lag: str, tmp_path: Path, figures: Any
) -> None:
    rng = random.Random(20261125)
    now = datetime.now(UTC)
    with running_fakes(now, per_vendor=1) as fakes:
        for i in range(20_000):  # 20 days of records, so that the pull is many requests
            fakes.add(vendor, now - timedelta(days=20) + i * timedelta(seconds=86))
        if vendor == "nlpearl":  # byte-identical events at one instant: numbered, never merged or repeated
            for _ in range(4):
                fakes.fakes["nlpearl"].add(now - timedelta(hours=3), 2, user={"id": "u", "name": "twin", "type": 1})
        window = ("--since", (now - timedelta(days=21)).isoformat(), "--until", now.isoformat())
        reference = tmp_path / "reference.jsonl"
        started = time.monotonic()
        assert export(fakes, vendor, *window, "--output", str(reference)).returncode == 0
        duration = time.monotonic() - started
        expected = _ids(reference)
        assert len(expected) == len(set(expected)) >= 20_000
        out, state = tmp_path / "audit.jsonl", tmp_path / "audit.state"
        cmd = [
            sys.executable,
            "-m",
            "auditpull",
            "export",
            vendor,
            *window,
            "--output",
            str(out),
            "--state",
            str(state),
            "--lag",
            lag,
            *fakes.cli_args(),
        ]
        kills = torn = attempts = 0
        progress = []
        env = {**fakes.environ(), "AUDITPULL_COMMIT_RECORDS": "300"}  # many commits: kills land between them
        while kills < 6 and attempts < 20:  # six runs killed, each at a random moment of its life
            attempts += 1
            before = out.stat().st_size if out.exists() else 0
            child = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            # a random moment once this run writes (start-up alone can outlast a fixed sleep on a busy machine)
            waited = time.monotonic() + 120
            while child.poll() is None and time.monotonic() < waited:
                if (out.stat().st_size if out.exists() else 0) > before:
                    break
                time.sleep(0.01)
            time.sleep(rng.uniform(0, duration / 10))  # within a tenth of a whole run: six kills fit before the end
            if child.poll() is None:
                os.kill(child.pid, signal.SIGKILL)
                kills += 1
            _, err = child.communicate()
            torn += b"bytes written after the last commit" in err
            committed = _state(state)["committed"] if state.exists() else 0
            assert (out.stat().st_size if out.exists() else 0) >= committed  # what the state counts is on disk
            progress.append(committed)
        final = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
        assert final.returncode == 0, final.stderr
        torn += "bytes written after the last commit" in final.stderr
        assert len(set(progress) - {0}) >= 2  # kills landed after commits, at different points
        got = _ids(out)  # every line parses: no torn or partial line survives
        assert sorted(got) == sorted(expected)
        assert len(got) == len(set(got))
        figures(
            f"kill -9 {vendor} --lag {lag}",
            kills=kills,
            torn_tails_truncated=torn,
            records=len(got),
            lost=0,
            repeated=0,
        )
        assert kills == 6


def test_a_state_position_the_sdk_cannot_read_says_how_to_forget_it(fakes: Fakes, tmp_path: Path) -> None:
    out, state = tmp_path / "audit.jsonl", tmp_path / "audit.state"
    assert export(fakes, "nlpearl", "--output", str(out), "--state", str(state)).returncode == 0
    saved = _state(state)
    saved["vendors"]["nlpearl"]["cursor"] = "not-a-token"
    state.write_text(json.dumps(saved))
    result = export(fakes, "nlpearl", "--output", str(out), "--state", str(state))
    # Read by auditpull before any request (exit 2), or refused by the SDK (exit 1): either way, what to do.
    assert result.returncode in (1, 2)
    assert "auditpull state reset" in result.stderr
    assert "Traceback" not in result.stderr
    state.write_text("{not json")
    result = export(fakes, "nlpearl", "--output", str(out), "--state", str(state))
    assert result.returncode == 2 and "is not an auditpull state file" in result.stderr


def test_a_temporary_state_left_by_a_killed_save_is_cleared(fakes: Fakes, tmp_path: Path) -> None:
    out, state = tmp_path / "audit.jsonl", tmp_path / "audit.state"
    stale = tmp_path / ".audit.state.4242.tmp"
    stale.write_text('{"auditpull_state": 1, "half": ')
    assert export(fakes, "nlpearl", "--output", str(out), "--state", str(state)).returncode == 0
    assert not stale.exists()
    assert _state(state)["vendors"]["nlpearl"]["records"] == len(_ids(out))
