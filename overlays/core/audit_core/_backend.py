"""The few primitives that differ between the async code and its generated sync twin.

The async sources under ``_async/`` use the ``async_*`` / ``Async*`` names;
``scripts/unasync.py`` turns them into the plain names below.

>>> sleep(0)
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

# asyncio is imported by the async code that runs, not with the package: a sync user never
# pays for it (about 10 ms of start-up).
if TYPE_CHECKING:
    import asyncio

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
