"""The two places where the Zabbix async client and its generated sync twin differ on purpose.

The async source (``_async/_client.py``) calls the ``async_*`` names below;
``scripts/unasync.py`` turns them into the plain names in the sync twin. Both come
from one fact: a property cannot wait for the server in async code.

* ``version``: the sync client asks ``apiinfo.version`` the first time it is read;
  the async one knows it after ``async with``, ``await login()`` or ``await get_version()``.
* ``with`` / ``async with``: the async client asks the version and logs in on entering
  (so that ``version`` is known inside the block); the sync client does both on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from audit_core import InvalidInputError

from ._errors import VENDOR

if TYPE_CHECKING:
    from ._async._client import AsyncClient
    from ._sync._client import Client


def async_unknown_version(client: AsyncClient) -> str:
    """The async client's ``version`` before the server was asked: a clear error."""
    raise InvalidInputError(
        "the version is not known yet: use `async with`, or await login() or get_version()", vendor=VENDOR
    )


def unknown_version(client: Client) -> str:
    """The sync client's ``version`` before the server was asked: ask it now."""
    return client.get_version()


async def async_login_at_enter(client: AsyncClient) -> None:
    """``async with``: ask the version and log in now; close the connection if that fails."""
    try:
        await client.login()
    except BaseException:
        await client.aclose()
        raise


def login_at_enter(client: Client) -> None:
    """``with``: nothing yet; the first call asks the version and logs in."""
