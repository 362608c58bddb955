"""The few primitives that differ between the async code and its generated sync twin.

The async sources under ``_async/`` use the ``async_*`` / ``Async*`` names;
``scripts/unasync.py`` turns them into the plain names below.

>>> sleep(0)
"""

from __future__ import annotations

import asyncio
import threading
import time

#: ``async with AsyncLock():`` in async code, ``with Lock():`` in its sync twin.
AsyncLock = asyncio.Lock
Lock = threading.Lock


async def async_sleep(seconds: float) -> None:
    """Wait without blocking the event loop."""
    await asyncio.sleep(seconds)


def sleep(seconds: float) -> None:
    """Wait (the sync twin of :func:`async_sleep`)."""
    time.sleep(seconds)
