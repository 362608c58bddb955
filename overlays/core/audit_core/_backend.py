"""The few primitives that differ between the async code and its generated sync twin.

The async sources under ``_async/`` use the ``async_*`` / ``Async*`` names;
``scripts/unasync.py`` turns them into the plain names below.

>>> sleep(0)
"""

from __future__ import annotations

import threading
import time
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

# asyncio is imported by the async code that runs, not with the package: a sync user never
# pays for it (about 10 ms of start-up).
if TYPE_CHECKING:
    import asyncio
    from concurrent.futures import Future, ThreadPoolExecutor

T = TypeVar("T")

#: ``with Lock():`` in sync code; ``async with AsyncLock():`` in its async twin.
Lock = threading.Lock


def AsyncLock() -> asyncio.Lock:
    """Make a new lock for async code: an :class:`asyncio.Lock`, named as the class it stands for."""
    import asyncio

    return asyncio.Lock()


async def async_sleep(seconds: float) -> None:
    """Wait without blocking the event loop."""
    import asyncio

    await asyncio.sleep(seconds)


def sleep(seconds: float) -> None:
    """Wait (the sync twin of :func:`async_sleep`)."""
    time.sleep(seconds)


class AsyncWorkers:
    """Calls run as asyncio tasks, for a pager that keeps several requests in flight.

    The pager decides how many run at once; this only starts, waits for and stops them.
    Its sync twin :class:`Workers` runs the same calls in threads.
    """

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._handles: set[asyncio.Future[Any]] = set()

    def start(self, fn: Callable[..., Awaitable[T]], *args: Any) -> asyncio.Future[T]:
        """Run ``fn(*args)`` in the background; the handle's ``done()``/``result()`` tell how it went."""
        import asyncio

        handle: asyncio.Future[T] = asyncio.ensure_future(fn(*args))
        self._handles.add(handle)
        handle.add_done_callback(self._handles.discard)
        return handle

    async def wait_any(self, handles: Iterable[asyncio.Future[Any]]) -> None:
        """Wait until at least one of ``handles`` is done."""
        import asyncio

        await asyncio.wait(list(handles), return_when=asyncio.FIRST_COMPLETED)

    async def checkpoint(self) -> None:
        """Let the calls just started send their requests before the caller goes on."""
        import asyncio

        await asyncio.sleep(0)

    def close(self) -> None:
        """Stop every call still running; their results and errors are dropped."""
        for handle in list(self._handles):
            handle.cancel()
            handle.add_done_callback(_drop)
        self._handles.clear()


class Workers:
    """Calls run in up to ``limit`` threads (the sync twin of :class:`AsyncWorkers`).

    >>> workers = Workers(2)
    >>> handle = workers.start(sum, [1, 2])
    >>> workers.wait_any([handle]); handle.result()
    3
    >>> workers.close()
    """

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._pool: ThreadPoolExecutor | None = None

    def start(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        """Run ``fn(*args)`` in a worker thread; the handle's ``done()``/``result()`` tell how it went."""
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(self._limit, thread_name_prefix="audit-pager")
        return self._pool.submit(fn, *args)

    def wait_any(self, handles: Iterable[Future[Any]]) -> None:
        """Wait until at least one of ``handles`` is done."""
        from concurrent.futures import FIRST_COMPLETED, wait

        wait(list(handles), return_when=FIRST_COMPLETED)

    def checkpoint(self) -> None:
        """Nothing to do: threads send their requests on their own."""

    def close(self) -> None:
        """Drop the calls not started; those running finish their request, and their results are dropped."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None


def _drop(handle: Any) -> None:
    """Mark a stopped call's error as seen, so asyncio does not log it."""
    if not handle.cancelled():
        handle.exception()
