"""NLPearl's bearer token: ``Authorization: Bearer <accountId>:<secretKey>``."""

from __future__ import annotations

from collections.abc import Generator

import httpx

from audit_core import ConfigurationError, Secret

from ._errors import VENDOR


def _check_part(value: object, name: str) -> str:
    if isinstance(value, Secret):
        value = value.get_secret_value()
    if not isinstance(value, str) or not value:
        raise ConfigurationError(
            f"{name} is missing: pass the value shown in the NLPearl dashboard (Settings > API)", vendor=VENDOR
        )
    if value != value.strip() or any(ch in value for ch in "\r\n\t "):
        raise ConfigurationError(f"{name} contains blanks or line breaks; copy it again without them", vendor=VENDOR)
    return value


class BearerAuth(httpx.Auth):
    """Signs every request with the account id and secret key; never shows the key.

    >>> BearerAuth("acc-1", "s3cr3t")
    BearerAuth(account_id='acc-1', secret_key=Secret('**********'))
    """

    def __init__(self, account_id: str, secret_key: str | Secret) -> None:
        self.account_id = _check_part(account_id, "account_id")
        if ":" in self.account_id:
            raise ConfigurationError(
                "account_id must not contain ':' (it separates the id from the key)", vendor=VENDOR
            )
        self.secret_key = Secret(_check_part(secret_key, "secret_key"))

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        """Add the ``Authorization`` header."""
        request.headers["Authorization"] = f"Bearer {self.account_id}:{self.secret_key.get_secret_value()}"
        yield request

    def __repr__(self) -> str:
        return f"BearerAuth(account_id={self.account_id!r}, secret_key={self.secret_key!r})"
