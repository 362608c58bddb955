"""``events`` and ``aevents``: any vendor's audit log as :class:`AuditEvent` objects."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from typing import Any

from ._event import AuditEvent
from ._vendors import Numbering, vendor_of


def events(client: Any, since: datetime, until: datetime, **filters: Any) -> Iterator[AuditEvent]:
    """Every audit record of ``[since, until)`` from any vendor's sync ``Client``, normalized, in time order.

    ``filters`` go to the client's ``iter_audit_log`` as they are.

    >>> from datetime import timedelta, timezone
    >>> from zabbix_audit import Client
    >>> until = datetime.now(timezone.utc)
    >>> with Client.from_env() as zbx:  # doctest: +SKIP
    ...     for ev in events(zbx, until - timedelta(days=1), until):
    ...         print(ev.time, ev.actor.name, ev.action, ev.resource.name)
    """
    vendor = vendor_of(client)
    numbering = Numbering()
    for record in client.iter_audit_log(since, until, **filters):
        yield vendor.to_event(record, numbering)


async def aevents(client: Any, since: datetime, until: datetime, **filters: Any) -> AsyncIterator[AuditEvent]:
    """The ``async for`` counterpart of :func:`events`, for any vendor's ``AsyncClient``.

    >>> from nlpearl_audit import AsyncClient
    >>> async with AsyncClient.from_env() as pearl:  # doctest: +SKIP
    ...     async for ev in aevents(pearl, since, until):
    ...         print(ev.id, ev.action)
    """
    vendor = vendor_of(client)
    numbering = Numbering()
    async for record in client.iter_audit_log(since, until, **filters):
        yield vendor.to_event(record, numbering)
