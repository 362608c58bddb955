"""The state file of ``--state``: one position per vendor, the output's committed length, the lock.

Commit protocol (see the README): lines are appended to the output, the output is
flushed and fsynced, then the state (positions and the output's new committed
length) is written to a temporary file, fsynced, renamed over the state file and
the directory fsynced. A run stopped anywhere leaves either the old state (and
an output tail past its committed length, which the next run truncates before
writing) or the new one: the output and the state never disagree.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import attrs

from ._event import format_time

STATE_VERSION = 1


class StateError(Exception):
    """The state file cannot be used as it is; the message says why and what to do."""


class LockedError(StateError):
    """Another run holds the state file's lock."""


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@attrs.define
class VendorState:
    """Where one vendor stands.

    - ``origin``: the ``--since`` of the run that first pulled this vendor; nothing before it is read.
    - ``frontier``: every record before it was written (records *at* it may be in part).
    - ``cursor``: the SDK's cursor token just after the last record written, or None.
    - ``position``: the time of the last record written, or None.
    - ``recent``: the ids written at or after ``kept_from`` with their times (``--lag`` and ties).
    """

    origin: datetime
    frontier: datetime
    cursor: str | None = None
    position: datetime | None = None
    kept_from: datetime | None = None
    recent: dict[str, datetime] = attrs.field(factory=dict)
    records: int = 0

    def record(self, ids: list[tuple[str, datetime]], cursor: str | None, lag: timedelta) -> None:
        """Take in the records just committed (in time order) and the cursor after the last one."""
        if not ids:
            return
        for ident, when in ids:
            self.recent[ident] = when
        self.records += len(ids)
        self.position = ids[-1][1]
        self.cursor = cursor
        self.frontier = max(self.frontier, self.position)
        floor = self.position - lag
        self.kept_from = floor if self.kept_from is None else max(self.kept_from, floor)
        keep = self.kept_from
        self.recent = {i: t for i, t in self.recent.items() if t >= keep}

    def reread_from(self, lag: timedelta) -> datetime:
        """Where a run with ``lag`` starts reading when it does not resume from the cursor."""
        start = self.frontier - lag
        if self.kept_from is not None:
            start = max(start, self.kept_from)
        return max(start, self.origin)

    def to_json(self) -> dict[str, Any]:
        """The JSON form written into the state file."""
        return {
            "origin": format_time(self.origin),
            "frontier": format_time(self.frontier),
            "cursor": self.cursor,
            "position": None if self.position is None else format_time(self.position),
            "kept_from": None if self.kept_from is None else format_time(self.kept_from),
            "records": self.records,
            "recent": {i: format_time(t) for i, t in self.recent.items()},
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> VendorState:
        """Read the JSON form back."""
        return cls(
            origin=_time(data["origin"]),
            frontier=_time(data["frontier"]),
            cursor=data.get("cursor"),
            position=None if data.get("position") is None else _time(data["position"]),
            kept_from=None if data.get("kept_from") is None else _time(data["kept_from"]),
            recent={str(i): _time(t) for i, t in (data.get("recent") or {}).items()},
            records=int(data.get("records", 0)),
        )


@attrs.define
class State:
    """The whole state file."""

    path: Path
    output: str
    format: str
    committed: int = 0
    lag: timedelta = timedelta(0)
    vendors: dict[str, VendorState] = attrs.field(factory=dict)
    existed: bool = False

    @classmethod
    def load(cls, path: Path) -> State:
        """Read ``path`` (:class:`StateError` when it is not a state file auditpull wrote)."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("auditpull_state") != STATE_VERSION:
                raise ValueError(f"version {data.get('auditpull_state')!r}, expected {STATE_VERSION}")
            return cls(
                path=path,
                output=str(data["output"]),
                format=str(data["format"]),
                committed=int(data["committed"]),
                lag=timedelta(seconds=float(data.get("lag_seconds", 0))),
                vendors={name: VendorState.from_json(v) for name, v in data["vendors"].items()},
                existed=True,
            )
        except OSError as exc:
            raise StateError(f"cannot read the state file {path}: {exc.strerror}") from None
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise StateError(f"{path} is not an auditpull state file ({exc}); give another --state") from None

    def to_json(self) -> dict[str, Any]:
        """The file's content."""
        return {
            "auditpull_state": STATE_VERSION,
            "output": self.output,
            "format": self.format,
            "committed": self.committed,
            "lag_seconds": self.lag.total_seconds(),
            "vendors": {name: v.to_json() for name, v in sorted(self.vendors.items())},
        }

    def save(self) -> None:
        """Write atomically: a temporary file, fsync, rename over the state, fsync the directory."""
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        data = json.dumps(self.to_json(), indent=1, ensure_ascii=False).encode()
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, self.path)
        fsync_dir(self.path.parent)
        self.existed = True


def fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold the exclusive lock of the state ``path`` (on ``<path>.lock``; :class:`LockedError` if taken).

    The lock is the kernel's (``flock``): it goes away with the process, even on ``kill -9``.
    """
    lock_path = path.with_name(path.name + ".lock")
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise StateError(f"cannot create the lock file {lock_path}: {exc.strerror}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LockedError(
                f"another auditpull run is using the state file {path} (it holds {lock_path}); "
                "wait for it to finish or give another --state"
            ) from None
        for stale in path.parent.glob(f".{path.name}.*.tmp"):  # left by a run killed while saving
            with contextlib.suppress(OSError):
                stale.unlink()
        yield
    finally:
        os.close(fd)
