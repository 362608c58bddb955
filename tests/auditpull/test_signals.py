"""Ctrl-C, SIGTERM and a closed pipe: clean stops, a state that covers what was written, the right exit status."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from scripts.demo import Fakes, running_fakes

from .conftest import lines_of


@pytest.fixture
def busy() -> Iterator[Fakes]:
    """NLPearl with 20 days of records: a pull long enough to be stopped in the middle."""
    now = datetime.now(UTC)
    with running_fakes(now, per_vendor=1) as fakes:
        for i in range(20_000):
            fakes.add("nlpearl", now - timedelta(days=20) + i * timedelta(seconds=86))
        yield fakes


def _start(fakes: Fakes, *args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    cmd = [sys.executable, "-m", "auditpull", "export", *args, *fakes.cli_args()]
    env = {**(env or fakes.environ()), "AUDITPULL_COMMIT_RECORDS": "300"}
    return subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_commit(state: Path, child: subprocess.Popen[str]) -> None:
    """Until the state has records (a deadline, not a measurement)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and child.poll() is None:
        if state.exists() and json.loads(state.read_text())["committed"] > 0:
            return
        time.sleep(0.02)
    raise AssertionError("the run committed nothing")


@pytest.mark.parametrize(("signum", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_stops_cleanly_with_a_state_covering_what_was_written(
    busy: Fakes, signum: int, status: int, tmp_path: Path
) -> None:
    out, state = tmp_path / "audit.jsonl", tmp_path / "audit.state"
    args = ("nlpearl", "--since", "21d", "--output", str(out), "--state", str(state))
    child = _start(busy, *args)
    _wait_for_commit(state, child)
    child.send_signal(signum)
    _, err = child.communicate(timeout=60)
    assert child.returncode == status, err
    assert "Traceback" not in err
    assert f"stopped by {signal.Signals(signum).name}" in err
    assert "nlpearl     stopped" in err  # the summary is printed
    written = lines_of(out)  # whole lines only
    saved = json.loads(state.read_text())
    assert saved["committed"] == out.stat().st_size
    assert saved["vendors"]["nlpearl"]["records"] == len(written) < len(busy.added["nlpearl"])
    again = _start(busy, *args)
    _, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    ids = [e["id"] for e in lines_of(out)]
    assert len(ids) == len(set(ids)) == len(busy.added["nlpearl"])


def test_ctrl_c_exits_130_even_after_a_vendor_failed(busy: Fakes, tmp_path: Path) -> None:
    out, state = tmp_path / "audit.jsonl", tmp_path / "audit.state"
    env = {**busy.environ(), "NAVIXY_API_KEY": "0123456789abcdef0123456789abcdef"}  # refused by the fake
    child = _start(busy, "nlpearl", "navixy", "--since", "21d", "--output", str(out), "--state", str(state), env=env)
    assert child.stderr is not None
    failure = child.stderr.readline()  # a vendor's failure is told as it happens
    assert failure.startswith("auditpull: navixy failed:"), failure
    assert child.poll() is None
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=60)
    assert child.returncode == 130, failure + err
    assert "navixy      failed" in err and "nlpearl     stopped" in err
    assert "0123456789abcdef0123456789abcdef" not in failure + err


def test_a_closed_pipe_ends_quietly_with_0(busy: Fakes) -> None:
    child = _start(busy, "nlpearl", "--since", "21d")
    assert child.stdout is not None
    first = child.stdout.readline()
    assert json.loads(first)["vendor"] == "nlpearl"
    child.stdout.close()  # what `| head -1` does
    child.wait(timeout=60)
    assert child.stderr is not None
    err = child.stderr.read()
    assert child.returncode == 0, err
    assert "Traceback" not in err and "BrokenPipe" not in err


def test_a_closed_pipe_through_a_real_shell_pipeline(busy: Fakes) -> None:
    cmd = f"{sys.executable} -m auditpull export nlpearl --since 21d | head -n 3; echo status=${{PIPESTATUS[0]}}"
    result = subprocess.run(["bash", "-c", cmd], env=busy.environ(), capture_output=True, text=True, timeout=120)
    lines = result.stdout.splitlines()
    assert len(lines) == 4 and lines[-1] == "status=0", result.stdout + result.stderr
    assert result.stderr == ""
