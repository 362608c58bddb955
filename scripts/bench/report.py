"""Figures, rows and the Markdown tables of ``BENCHMARKS.md``.

A :class:`Sample` is the runs of one side; a :class:`Row` compares ours with a baseline measured
in the same run, as a ratio of medians (ours / baseline: below 1 is better for time and memory),
against the issue's target for that ratio.

Example::

    >>> row = Row("x", Sample([2.0, 2.2, 1.9], "s"), Sample([1.0, 1.1, 0.9], "s"), target=1.0)
    >>> row.ratio, row.verdict
    (2.0, 'missed')
    >>> Sample([0.25, 0.5, 1.0], "s").text
    '500 ms (250 ms to 1.00 s)'
"""

from __future__ import annotations

import os
import platform
import statistics
from dataclasses import dataclass, field
from datetime import UTC, datetime


@dataclass
class Sample:
    """The runs of one side of a comparison (seconds, or KiB of peak RSS)."""

    runs: list[float]
    unit: str = "s"

    @property
    def median(self) -> float:
        """The median run."""
        return statistics.median(self.runs)

    def show(self, value: float) -> str:
        """One value in its unit, readable."""
        if self.unit == "KiB":
            return f"{value / 1024:.1f} MiB"
        if value < 0.001:
            return f"{value * 1e6:.0f} µs"
        if value < 1:
            return f"{value * 1000:.3g} ms" if value < 0.01 else f"{value * 1000:.0f} ms"
        return f"{value:.2f} s"

    @property
    def text(self) -> str:
        """The median, with the spread (min to max) when there is more than one run."""
        if len(self.runs) == 1:
            return self.show(self.runs[0])
        return f"{self.show(self.median)} ({self.show(min(self.runs))} to {self.show(max(self.runs))})"


@dataclass
class Row:
    """One comparison: ours against a baseline of the same run, and the issue's target for the ratio."""

    name: str
    ours: Sample | None
    baseline: Sample | None = None
    #: The highest ours/baseline ratio that meets the target (None: reported only).
    target: float | None = None
    target_text: str = ""
    note: str = ""

    @property
    def ratio(self) -> float | None:
        """Median of ours over median of the baseline."""
        if self.ours is None or self.baseline is None or self.baseline.median == 0:
            return None
        return round(self.ours.median / self.baseline.median, 4)

    @property
    def verdict(self) -> str:
        """The verdict: met, missed, reported (no target) or not run."""
        if self.ours is None:
            return "not run"
        if self.target is None or self.ratio is None:
            return "reported"
        return "met" if self.ratio <= self.target else "missed"


@dataclass
class Table:
    """One benchmark's table and what it measured."""

    title: str
    about: str
    baseline: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    machine: str = ""
    ours: str = "ours"

    def markdown(self) -> str:
        """The table as Markdown, with its machine line and notes."""
        lines = [f"## {self.title}", "", self.about, "", f"*{self.machine}*", ""]
        lines += [
            f"| | {self.ours} | {self.baseline} | ratio (ours / baseline) | target | verdict |",
            "|---|---|---|---|---|---|",
        ]
        for row in self.rows:
            ratio = "" if row.ratio is None else f"{row.ratio:.2f}"
            if row.ratio:
                time_unit = row.ours is not None and row.ours.unit == "s"
                if row.ratio <= 1:
                    ratio += f" ({1 / row.ratio:.1f}x {'faster' if time_unit else 'less'})"
                else:
                    ratio += f" ({row.ratio:.1f}x {'slower' if time_unit else 'more'})"
            verdict = f"**{row.verdict}**" if row.verdict == "missed" else row.verdict
            name = row.name + (f" — {row.note}" if row.note else "")
            lines.append(
                f"| {name} | {row.ours.text if row.ours else '—'} | {row.baseline.text if row.baseline else '—'} "
                f"| {ratio or '—'} | {row.target_text or '—'} | {verdict} |"
            )
        if self.notes:
            lines.append("")
            lines += [f"- {note}" for note in self.notes]
        return "\n".join(lines) + "\n"


def machine() -> str:
    """The machine, its load and the time, for the line under each table."""
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return (
        f"{when}; {cpu}, {os.cpu_count()} cores, load average {load}; "
        f"Python {platform.python_version()} on {platform.system()} {platform.release()}"
    )
