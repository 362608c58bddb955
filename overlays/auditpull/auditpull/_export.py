"""The export engine: vendors pulled concurrently, one writer, commits that keep output and state in step."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import IO, Any

import attrs

from audit_core import AuditError, InvalidInputError

from ._event import AuditEvent
from ._state import State, StateError, VendorState
from ._vendors import Numbering, Vendor

#: A commit (write, fsync, state) happens after this many records or this many seconds. Fewer records per
#: commit mean less pulled again after a crash and more fsyncs; AUDITPULL_COMMIT_RECORDS overrides it.
BATCH_RECORDS = int(os.environ.get("AUDITPULL_COMMIT_RECORDS", "") or 5000)
BATCH_SECONDS = 1.0
_DONE = object()


class ContractError(Exception):
    """The installed SDK does not offer what auditpull needs of it."""


class PipeClosed(Exception):
    """The reader of stdout went away (``| head``)."""


class Sink:
    """The output: appends, and on :meth:`commit` makes what was written durable (files) or visible (stdout)."""

    def __init__(self, stream: IO[bytes], *, durable: bool, offset: int) -> None:
        self.stream = stream
        self.durable = durable
        self.offset = offset

    def write(self, data: bytes) -> None:
        """Append ``data``."""
        try:
            self.stream.write(data)
        except BrokenPipeError:
            raise PipeClosed from None
        self.offset += len(data)

    def commit(self) -> int:
        """Flush (and fsync a file); return the committed length."""
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise PipeClosed from None
        if self.durable:
            os.fsync(self.stream.fileno())
        return self.offset


@attrs.define
class VendorRun:
    """One vendor's part of a run: what to read, and how it went."""

    vendor: Vendor
    client: Any
    since: datetime
    until: datetime
    cursor: Any = None
    needs_token: bool = False
    drop: frozenset[str] = frozenset()
    seed: dict[str, int] = attrs.field(factory=dict)
    records: int = 0
    dropped: int = 0
    first: datetime | None = None
    last: datetime | None = None
    started: float = 0.0
    ended: float | None = None
    status: str = "pending"
    error: str | None = None

    @property
    def name(self) -> str:
        """The vendor's name."""
        return self.vendor.name


def plan_vendor(
    vendor: Vendor, client: Any, state: State | None, since: datetime, until: datetime, lag: timedelta
) -> VendorRun:
    """Where this vendor's reading starts: the state's cursor (``--lag 0``), its frontier minus the lag, or since."""
    run = VendorRun(vendor, client, since, until)
    if state is None:
        return run
    run.needs_token = True
    vs = state.vendors.get(vendor.name)
    if vs is None:
        state.vendors[vendor.name] = VendorState(origin=since, frontier=since)
        return run
    if vs.cursor is not None and lag == timedelta(0):
        run.since = vs.origin
        try:
            run.cursor = vendor.resume(vendor.module(), vs.cursor)
        except AuditError as exc:
            raise StateError(
                f"{state.path}: the {vendor.name} position is not a cursor the installed SDK reads ({exc}); "
                f"forget it with: auditpull state reset {state.path} {vendor.name}"
            ) from None
        run.seed = vendor.numbering_seed(vs.recent, vs.position)
        if until <= vs.frontier:
            run.status = "ok"
        return run
    run.since = vs.reread_from(lag)
    run.drop = frozenset(vs.recent)
    if run.since >= until:
        run.status = "ok"
    return run


async def _produce(run: VendorRun, queue: asyncio.Queue[tuple[str, Any, Any]]) -> None:
    run.started = time.monotonic()
    try:
        kwargs: dict[str, Any] = {} if run.cursor is None else {"cursor": run.cursor}
        pager = run.client.iter_audit_log(run.since, run.until, **kwargs)
        if run.needs_token and not callable(getattr(pager.cursor, "to_token", None)):
            raise ContractError(
                f"the installed {run.vendor.package} gives no cursor tokens (pager.cursor.to_token()), "
                f"which --state needs: install the 0.2 SDK with pip install 'auditpull[{run.name}]'"
            )
        numbering = Numbering(run.seed)
        to_event = run.vendor.to_event
        async for record in pager:
            event = to_event(record, numbering)
            if event.id in run.drop:
                run.dropped += 1
                continue
            await queue.put((run.name, event, pager.cursor))
        run.status = "ok"
    except InvalidInputError as exc:
        hint = "; the state's position may be from another SDK: see auditpull state reset" if run.cursor else ""
        run.status, run.error = "failed", f"{exc}{hint}"
    except (AuditError, ContractError) as exc:
        run.status, run.error = "failed", str(exc)
    except Exception as exc:  # a bug or a broken SDK: still a failed vendor, not a crashed run
        run.status, run.error = "failed", f"{type(exc).__name__}: {exc}"
    await queue.put((run.name, _DONE, None))


@attrs.define
class Outcome:
    """How the run ended: ``signal`` when stopped by one, ``pipe_closed`` when stdout went away."""

    signal: int | None = None
    pipe_closed: bool = False


async def export(
    runs: list[VendorRun],
    sink: Sink,
    line: Callable[[AuditEvent], str],
    header: str,
    state: State | None,
    lag: timedelta,
    on_commit: Callable[[dict[str, int]], None] = lambda counts: None,
    on_failure: Callable[[VendorRun], None] = lambda run: None,
) -> Outcome:
    """Pull every vendor of ``runs`` concurrently and write their events to ``sink``, committing as it goes."""
    outcome = Outcome()
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[tuple[str, Any, Any]] = asyncio.Queue(maxsize=4 * 1024)
    tasks: list[asyncio.Task[None]] = []
    wake = asyncio.Event()

    def on_signal(signum: int) -> None:
        if outcome.signal is None:
            outcome.signal = signum
        for task in tasks:
            task.cancel()
        wake.set()

    handled = []
    for signum in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, on_signal, signum)
            handled.append(signum)
    by_name = {run.name: run for run in runs}
    active = {run.name for run in runs if run.status == "pending"}
    tasks.extend(asyncio.create_task(_produce(by_name[name], queue)) for name in sorted(active))
    pending_lines: list[str] = []
    pending_ids: dict[str, list[tuple[str, datetime]]] = {}
    cursors: dict[str, Any] = {}
    finished: list[str] = [run.name for run in runs if run.status == "ok"]
    needs_header = bool(header) and sink.offset == 0
    last_commit = time.monotonic()

    def commit() -> None:
        nonlocal needs_header, last_commit
        last_commit = time.monotonic()
        if pending_lines:
            data = "".join(pending_lines)
            if needs_header:
                data, needs_header = header + data, False
            sink.write(data.encode())
            offset = sink.commit()
        elif not finished:
            return
        else:
            offset = sink.offset
        counts = {name: len(ids) for name, ids in pending_ids.items()}
        if state is not None:
            for name, ids in pending_ids.items():
                state.vendors[name].record(ids, cursors[name].to_token(), lag)
            for name in finished:
                vs = state.vendors[name]
                vs.frontier = max(vs.frontier, by_name[name].until)
            state.committed = offset
            state.lag = lag
            state.save()
        for name, ids in pending_ids.items():
            run = by_name[name]
            run.records += len(ids)
            run.first = run.first or ids[0][1]
            run.last = ids[-1][1]
        pending_lines.clear()
        pending_ids.clear()
        finished.clear()
        on_commit(counts)

    try:
        if finished:
            commit()
        while active and outcome.signal is None:
            try:
                name, item, cursor = queue.get_nowait()
            except asyncio.QueueEmpty:
                if pending_lines and time.monotonic() - last_commit >= BATCH_SECONDS:
                    commit()
                getter = asyncio.ensure_future(queue.get())
                waiter = asyncio.ensure_future(wake.wait())
                done, _ = await asyncio.wait({getter, waiter}, timeout=BATCH_SECONDS, return_when="FIRST_COMPLETED")
                waiter.cancel()
                if getter not in done:
                    getter.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await getter
                    if getter.cancelled():
                        continue
                name, item, cursor = getter.result()
            if item is _DONE:
                active.discard(name)
                by_name[name].ended = time.monotonic()
                if by_name[name].status == "ok":
                    finished.append(name)
                commit()
                if by_name[name].status == "failed":
                    on_failure(by_name[name])
                continue
            pending_lines.append(line(item))
            pending_ids.setdefault(name, []).append((item.id, item.time))
            cursors[name] = cursor
            if len(pending_lines) >= BATCH_RECORDS:
                commit()
        commit()
    except PipeClosed:
        outcome.pipe_closed = True
    finally:
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        for signum in handled:
            loop.remove_signal_handler(signum)
        now = time.monotonic()
        for run in runs:
            if run.status == "pending":
                run.status = "stopped"
            if run.ended is None:
                run.ended = now
    return outcome
