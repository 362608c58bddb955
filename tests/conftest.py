"""Shared pytest setup.

- The repository root is importable (``scripts``, ``tests.support``).
- ``figures``: tests record what they measured (requests faulted, retries,
  records checked, lost, repeated); the lines are printed at the end of the run.
- ``anyio_backend``: async tests run on asyncio (``@pytest.mark.anyio``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

_FIGURES: list[str] = []


@pytest.fixture
def figures() -> Callable[..., None]:
    """Record one line of figures: ``figures("zabbix", requests_faulted=12, lost=0)``."""

    def record(label: str, **values: object) -> None:
        _FIGURES.append(f"{label}: " + " ".join(f"{k}={v}" for k, v in values.items()))

    return record


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _FIGURES:
        terminalreporter.section("figures")
        for line in _FIGURES:
            terminalreporter.write_line(line)
