"""Profiles of the worst misses with pyinstrument (benchmark environment only): the top frames by own time.

Example::

    >>> top_frames_text([("decode", "x.py:1", 0.5, 0.8)], total=1.0)
    '| 50.0% | 80.0% | decode | x.py:1 |'
"""

from __future__ import annotations

import importlib
from collections import defaultdict
from collections.abc import Callable
from typing import Any

TOP = 12


def profile(run: Callable[[], object], repeat: int = 1) -> tuple[list[tuple[str, str, float, float]], float]:
    """Run ``run`` ``repeat`` times under pyinstrument; its frames by own time, and the total time.

    Each frame: (function, file:line, own seconds, cumulative seconds).
    """
    pyinstrument: Any = importlib.import_module("pyinstrument")
    profiler = pyinstrument.Profiler(interval=0.0005)
    profiler.start()
    for _ in range(repeat):
        run()
    session = profiler.stop()
    root = session.root_frame()
    own: dict[tuple[str, str], float] = defaultdict(float)
    cumulative: dict[tuple[str, str], float] = defaultdict(float)

    def walk(frame: Any, parent: tuple[str, str], stack: frozenset[tuple[str, str]]) -> None:
        if str(frame.function).startswith("["):  # pyinstrument's [self], [await]...: the parent's own time
            own[parent] += frame.time
            return
        key = (str(frame.function), f"{frame.file_path_short}:{frame.line_no}")
        own[key] += frame.time - sum(child.time for child in frame.children)
        if key not in stack:  # recursion counted once
            cumulative[key] += frame.time
        for child in frame.children:
            walk(child, key, stack | {key})

    if root is not None:
        walk(root, ("?", "?"), frozenset())
    total = root.time if root is not None else 0.0
    ranked = sorted(own.items(), key=lambda item: -item[1])[:TOP]
    return [(fn, where, seconds, cumulative[(fn, where)]) for (fn, where), seconds in ranked], total


def top_frames_text(frames: list[tuple[str, str, float, float]], total: float) -> str:
    """The frames as Markdown table rows: own %, cumulative %, function, where."""
    return "\n".join(
        f"| {own / total:.1%} | {cum / total:.1%} | {fn} | {where} |" for fn, where, own, cum in frames if total
    )


def markdown(title: str, what: str, run: Callable[[], object], repeat: int = 1) -> str:
    """A profile section: what was profiled, and its top frames."""
    frames, total = profile(run, repeat)
    head = "| own | cumulative | function | where |\n|---|---|---|---|\n"
    return f"### {title}\n\n{what} ({total:.2f} s profiled).\n\n{head}{top_frames_text(frames, total)}\n"
