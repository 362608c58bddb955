"""JSON answers, decoded once: orjson, with the standard library's reading of what orjson refuses.

Every vendor's retry hook and its page reader look at the same answer: :func:`json_body`
decodes it on the first call and hands the same value to the next ones (kept in the
response's ``extensions``), so a page is decoded once, whoever reads it first.

>>> import httpx
>>> response = httpx.Response(200, content=b'{"result": [1, 2]}')
>>> json_body(response)
{'result': [1, 2]}
>>> json_body(response) is json_body(response)
True
>>> loads(b"[NaN]")  # not JSON, but the standard library reads it: so do we
[nan]
"""

from __future__ import annotations

import json
from typing import Any

import httpx

# orjson (and the uuid and platform modules it imports: about 3 ms) is imported by the first decode,
# not with the SDK (start-up time).
_orjson: Any = None


def _import_orjson() -> Any:
    global _orjson
    import orjson

    _orjson = orjson
    return orjson


#: Where :func:`json_body` keeps a response's decoded body (or the error it raised); the generated
#: clients read it there too (``types.json_body`` of specs/templates/types.py.jinja): keep the two equal.
_KEY = "audit_core.json"


def loads(data: bytes | bytearray | memoryview | str) -> Any:
    """Decode JSON text as :func:`json.loads` does, with orjson's speed.

    orjson refuses a few texts the standard library reads (``NaN``, ``Infinity``, UTF-16 and
    UTF-32, lone surrogates): those are read by :func:`json.loads`, and a text neither reads
    raises :class:`ValueError`. One difference remains: an integer beyond 64 bits (past
    18446744073709551615 or below -9223372036854775808) becomes a float, where ``json`` keeps an
    int. No vendor's field holds one; a record carrying one fails its type checks as garbled.
    """
    orjson = _orjson or _import_orjson()
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return json.loads(bytes(data) if isinstance(data, (bytearray, memoryview)) else data)


class _Failed:
    __slots__ = ("error",)

    def __init__(self, error: ValueError) -> None:
        self.error = error


def json_body(response: httpx.Response) -> Any:
    """The decoded JSON body of a (read) response, decoded on the first call only.

    Raises :class:`ValueError` (every time) when the body is not JSON, like ``response.json()``.
    The value is shared by every caller: read it, never change it.
    """
    cached = response.extensions.get(_KEY)
    if cached is None:
        try:
            cached = loads(response.content)
        except ValueError as exc:
            cached = _Failed(exc)
        if cached is not None:  # JSON null is decoded again: cheap, and None marks "not yet"
            response.extensions[_KEY] = cached
    if isinstance(cached, _Failed):
        raise ValueError(str(cached.error))
    return cached
