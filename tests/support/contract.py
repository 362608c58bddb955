"""Contract checks: every request a client sends and every answer a fake gives must fit the spec.

``ContractTransport`` wraps a real httpx transport; tests hand it to an SDK
client (``transport=``) so that each exchange with a fake (or the real Zabbix)
is validated with openapi-core against the resolved spec of ``scripts.specs``.
Violations are collected, and :meth:`ContractTransport.assert_clean` fails the
test with all of them.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from openapi_core.deserializing.media_types.util import json_loads
from werkzeug.datastructures import Headers, ImmutableMultiDict

from scripts.specs import resolved_spec

#: Rewrites a request's query (as parsed lists) before validation, e.g. to split `;` lists.
QueryAdapter = Callable[[dict[str, list[str]]], dict[str, list[str]]]


@functools.cache
def openapi_for(vendor: str, server_prefix: str = "") -> OpenAPI:
    """The openapi-core validator of a vendor's resolved spec.

    A relative server ``server_prefix`` is added to the spec's servers, so the
    spec matches whatever loopback host and port a fake or the real Zabbix runs on.
    """
    spec = copy.deepcopy(resolved_spec(vendor))
    spec["servers"] = [*spec.get("servers", []), {"url": server_prefix or "/"}]
    # openapi-core reads only application/json as JSON; RFC 9457 problem details are JSON too.
    config = Config(extra_media_type_deserializers={"application/problem+json": json_loads})
    return OpenAPI.from_dict(spec, config=config)


class OpenAPIRequest:
    """An httpx request seen through openapi-core's Request protocol."""

    def __init__(self, request: httpx.Request, *, query_adapter: QueryAdapter | None = None):
        self._request = request
        url = urlsplit(str(request.url))
        self._host_url = f"{url.scheme}://{url.netloc}"
        self._path = url.path
        query = parse_qs(url.query, keep_blank_values=True)
        if query_adapter is not None:
            query = query_adapter(query)
        self.parameters = RequestParameters(
            query=ImmutableMultiDict([(k, v) for k, values in query.items() for v in values]),
            header=Headers(list(request.headers.items())),
            cookie=ImmutableMultiDict(),
        )

    @property
    def host_url(self) -> str:
        return self._host_url

    @property
    def path(self) -> str:
        return self._path

    @property
    def method(self) -> str:
        return self._request.method.lower()

    @property
    def body(self) -> bytes | None:
        content = self._request.content
        return content or None

    @property
    def content_type(self) -> str:
        return self._request.headers.get("Content-Type", "").lower()


class OpenAPIResponse:
    """An httpx response (already read) seen through openapi-core's Response protocol."""

    def __init__(self, response: httpx.Response):
        self._response = response

    @property
    def status_code(self) -> int:
        return self._response.status_code

    @property
    def content_type(self) -> str:
        return self._response.headers.get("Content-Type", "").split(";")[0].strip().lower()

    @property
    def headers(self) -> Headers:
        return Headers(list(self._response.headers.items()))

    @property
    def data(self) -> bytes | None:
        return self._response.content


def _spec_server_prefix(vendor: str) -> str:
    """The path part of the spec's first server URL, e.g. ``/platform_api``."""
    servers: list[dict[str, Any]] = resolved_spec(vendor).get("servers") or [{"url": "/"}]
    return urlsplit(servers[0]["url"]).path.rstrip("/")


class ContractTransport(httpx.BaseTransport):
    """A transport that validates each exchange against the vendor's spec.

    Besides the spec's own servers, the API is taken to be at ``server_prefix``
    on whatever host the test talks to (default: the path of the spec's first
    server URL, e.g. ``/platform_api``).
    """

    def __init__(
        self,
        vendor: str,
        wrapped: httpx.BaseTransport | None = None,
        *,
        server_prefix: str | None = None,
        query_adapter: QueryAdapter | None = None,
    ) -> None:
        self.vendor = vendor
        self._wrapped = wrapped or httpx.HTTPTransport()
        self._prefix = _spec_server_prefix(vendor) if server_prefix is None else server_prefix
        self._query_adapter = query_adapter
        self.checked = 0
        self.violations: list[str] = []

    def check(self, request: httpx.Request, response: httpx.Response | None) -> None:
        """Validate one request (and its answer, when given); record what does not fit."""
        api = openapi_for(self.vendor, self._prefix)
        oa_request = OpenAPIRequest(request, query_adapter=self._query_adapter)
        where = f"{request.method} {request.url.path}"
        try:
            api.validate_request(oa_request)
        except Exception as exc:  # openapi-core raises a family of errors; keep them all
            self.violations.append(f"request {where}: {_explain(exc)}")
        if response is not None:
            try:
                api.validate_response(oa_request, OpenAPIResponse(response))
            except Exception as exc:
                self.violations.append(f"response {response.status_code} to {where}: {_explain(exc)}")
        self.checked += 1

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._wrapped.handle_request(request)
        response.read()
        self.check(request, response)
        return response

    def assert_clean(self) -> None:
        """Fail when nothing was checked or anything did not fit the spec."""
        assert self.checked, f"no {self.vendor} exchange went through the contract check"
        assert not self.violations, "\n".join(self.violations[:20])

    def close(self) -> None:
        self._wrapped.close()


class AsyncContractTransport(httpx.AsyncBaseTransport):
    """The async counterpart of :class:`ContractTransport` (sharing its checks)."""

    def __init__(self, checker: ContractTransport, wrapped: httpx.AsyncBaseTransport | None = None) -> None:
        self.checker = checker
        self._wrapped = wrapped or httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._wrapped.handle_async_request(request)
        await response.aread()
        self.checker.check(request, response)
        return response

    async def aclose(self) -> None:
        await self._wrapped.aclose()


def _explain(exc: BaseException) -> str:
    parts = [f"{type(exc).__name__}: {exc}"]
    for sub in getattr(exc, "schema_errors", None) or (getattr(exc, "__cause__", None) and [exc.__cause__]) or []:
        parts.append(str(getattr(sub, "message", sub))[:300])
    return "; ".join(parts)
