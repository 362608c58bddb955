"""audit_core.json_body / json_loads: one decode per answer, the standard library's values."""

import json

import httpx
import pytest

from audit_core import json_body, json_loads


@pytest.mark.parametrize(
    "text",
    [
        b'{"a": [1, 2.5, "\\u00e9", null, true]}',
        b"[NaN, Infinity]",  # not JSON; json reads it, orjson refuses it
        b"18446744073709551615",  # the largest 64-bit integer orjson keeps an int
        '{"x": "\ud800"}'.encode("utf-8", "surrogatepass"),  # lone surrogate
        b'"\\ud800"',
        '{"utf16": 1}'.encode("utf-16"),
        b'\xef\xbb\xbf{"bom": 1}',
    ],
)
def test_loads_reads_what_json_reads(text: bytes) -> None:
    assert json.dumps(json_loads(text)) == json.dumps(json.loads(text))


def test_a_body_is_decoded_once_and_shared() -> None:
    response = httpx.Response(200, content=b'{"result": [1]}')
    first = json_body(response)
    assert first == {"result": [1]}
    assert json_body(response) is first


def test_a_body_that_is_not_json_raises_every_time() -> None:
    response = httpx.Response(200, content=b"<html>")
    for _ in range(2):
        with pytest.raises(ValueError, match=r"Expecting value|unexpected character"):
            json_body(response)
    with pytest.raises(ValueError, match="Expecting value"):
        response.json()  # what it replaces raises the same kind


def test_an_integer_beyond_64_bits_becomes_a_float() -> None:
    """The one value orjson reads differently (see json_loads); no vendor sends one."""
    assert json_loads(b"123456789012345678901234567890") == float(123456789012345678901234567890)
