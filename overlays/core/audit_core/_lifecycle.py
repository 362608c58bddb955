"""What every SDK client shares: closing its connections, ``with`` / ``async with``, a safe repr."""

from __future__ import annotations

from types import TracebackType
from typing import Self

import httpx

from ._http import client_repr


class SyncClientBase:
    """Base of a vendor's sync client: ``with Client(...) as c:`` closes ``self._http`` on exit.

    A subclass sets ``self._http`` and ``self._base_url``; one with more to release
    (a session to log out of) overrides :meth:`close` and calls ``super().close()``.

    >>> class Demo(SyncClientBase):
    ...     def __init__(self) -> None:
    ...         self._http, self._base_url = httpx.Client(), "https://example.com"
    >>> with Demo() as demo:
    ...     demo
    <Demo base_url='https://example.com'>
    """

    _http: httpx.Client
    _base_url: str

    def close(self) -> None:
        """Close the connections."""
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return client_repr(self, self._base_url)


class AsyncClientBase:
    """Base of a vendor's async client: ``async with AsyncClient(...) as c:`` closes ``self._http``.

    >>> class Demo(AsyncClientBase):
    ...     def __init__(self) -> None:
    ...         self._http, self._base_url = httpx.AsyncClient(), "https://example.com"
    >>> Demo()
    <Demo base_url='https://example.com'>
    """

    _http: httpx.AsyncClient
    _base_url: str

    async def aclose(self) -> None:
        """Close the connections."""
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        return client_repr(self, self._base_url)
