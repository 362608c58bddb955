"""Contains some shared types for properties"""

from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

import httpx
from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset"]


#: Where a transport may leave a response's decoded JSON body (audit_core's transport hooks do).
JSON_BODY_EXTENSION = "audit_core.json"


def json_body(response: httpx.Response) -> Any:
    """The response's decoded JSON body: the one already decoded for it, if any, else ``response.json()``.

    Whoever read the body first (a retry hook) keeps the decoded value in
    ``response.extensions[JSON_BODY_EXTENSION]``, so the body is decoded once.
    """
    decoded = response.extensions.get(JSON_BODY_EXTENSION)
    if decoded is None or not isinstance(decoded, (dict, list, str, int, float)):
        return response.json()
    return decoded
