"""Service-account credentials and the RS256 JWT that authenticates every Management API call."""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Generator, Mapping
from pathlib import Path
from typing import Any

import attrs
import httpx
import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

from audit_core import ConfigurationError, Secret

from ._errors import VENDOR

#: The environment variable the vendor's own clients read: the path of credentials.json.
ENV_VAR = "VOXIMPLANT_CREDENTIALS"
#: The longest token life the API accepts.
MAX_TOKEN_LIFETIME = 3600.0
_REQUIRED = ("account_id", "key_id", "private_key")


@attrs.frozen(repr=False)
class Credentials:
    """A service account's ``credentials.json``: account id, key id and RSA private key.

    The private key is kept as a :class:`audit_core.Secret` and never shown.

    >>> creds = Credentials.from_mapping({"account_id": 1, "key_id": "k", "private_key": "-----BEGIN..."},
    ...                                  check_key=False)
    >>> creds
    Credentials(account_id=1, key_id='k', private_key=Secret('**********'))
    """

    account_id: int
    key_id: str
    private_key: Secret
    account_email: str | None = None

    def __repr__(self) -> str:
        return f"Credentials(account_id={self.account_id}, key_id={self.key_id!r}, private_key={self.private_key!r})"

    @classmethod
    def from_mapping(
        cls, data: Mapping[str, Any], *, source: str = "credentials", check_key: bool = True
    ) -> Credentials:
        """Validate a decoded ``credentials.json``; raise :class:`ConfigurationError` naming what is wrong."""
        if not isinstance(data, Mapping):
            raise ConfigurationError(f"{source}: expected a JSON object with {', '.join(_REQUIRED)}", vendor=VENDOR)
        missing = [key for key in _REQUIRED if data.get(key) in (None, "")]
        if missing:
            raise ConfigurationError(f"{source}: missing {', '.join(missing)}", vendor=VENDOR)
        raw_account = data["account_id"]
        if isinstance(raw_account, bool):
            raise ConfigurationError(f"{source}: account_id must be an integer", vendor=VENDOR)
        try:
            account_id = int(raw_account)
        except (TypeError, ValueError):
            raise ConfigurationError(f"{source}: account_id must be an integer", vendor=VENDOR) from None
        key_id, private_key = data["key_id"], data["private_key"]
        if not isinstance(key_id, str):
            raise ConfigurationError(f"{source}: key_id must be a string", vendor=VENDOR)
        if not isinstance(private_key, str):
            raise ConfigurationError(f"{source}: private_key must be a PEM string", vendor=VENDOR)
        email = data.get("account_email")
        creds = cls(account_id, key_id, Secret(private_key), email if isinstance(email, str) else None)
        if check_key:
            creds.load_private_key(source)
        return creds

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> Credentials:
        """Read ``credentials.json`` as downloaded from the Voximplant control panel."""
        where = Path(path)
        try:
            text = where.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConfigurationError(f"credentials file {str(where)!r} does not exist", vendor=VENDOR) from None
        except OSError as exc:
            raise ConfigurationError(
                f"credentials file {str(where)!r} cannot be read: {exc.strerror}", vendor=VENDOR
            ) from None
        try:
            data = json.loads(text)
        except ValueError as exc:
            # The position only: the text may contain the key.
            raise ConfigurationError(
                f"credentials file {str(where)!r} is not valid JSON (line {getattr(exc, 'lineno', '?')})",
                vendor=VENDOR,
            ) from None
        return cls.from_mapping(data, source=f"credentials file {str(where)!r}")

    @classmethod
    def from_env(cls) -> Credentials:
        """Read the file named by ``VOXIMPLANT_CREDENTIALS``, like the vendor's own clients."""
        path = os.environ.get(ENV_VAR)
        if not path:
            raise ConfigurationError(f"{ENV_VAR} is not set: set it to the path of credentials.json", vendor=VENDOR)
        return cls.from_file(path)

    def load_private_key(self, source: str = "credentials") -> RSAPrivateKey:
        """The RSA private key object; a clear :class:`ConfigurationError` when it cannot be read."""
        try:
            key = serialization.load_pem_private_key(self.private_key.get_secret_value().encode(), password=None)
        except (ValueError, TypeError):
            raise ConfigurationError(
                f"{source}: private_key is not a readable unencrypted PEM private key", vendor=VENDOR
            ) from None
        except Exception:  # cryptography raises its own types for some malformed keys
            raise ConfigurationError(f"{source}: private_key cannot be loaded", vendor=VENDOR) from None
        if not isinstance(key, RSAPrivateKey):
            raise ConfigurationError(f"{source}: private_key must be an RSA key (RS256)", vendor=VENDOR)
        return key


class JWTAuth(httpx.Auth):
    """Sign each request with a cached RS256 JWT (``kid`` = key id, ``iss`` = account id).

    A token lives ``lifetime`` seconds (at most one hour) and is renewed ``renew_before``
    seconds before it expires. One instance may be shared by threads and tasks.

    >>> auth = JWTAuth(Credentials.from_mapping({"account_id": 1, "key_id": "k", "private_key": "x"},
    ...                                         check_key=False))
    >>> auth
    JWTAuth(account_id=1, key_id='k')
    """

    def __init__(
        self,
        credentials: Credentials,
        *,
        lifetime: float = MAX_TOKEN_LIFETIME,
        renew_before: float = 60.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not 0 < lifetime <= MAX_TOKEN_LIFETIME:
            raise ConfigurationError(f"token lifetime must be in (0, {MAX_TOKEN_LIFETIME:.0f}] seconds", vendor=VENDOR)
        self._credentials = credentials
        self._lifetime = lifetime
        self._renew_before = min(renew_before, lifetime / 2)
        self._clock = clock
        self._lock = threading.Lock()
        self._token: Secret | None = None
        self._expires = 0.0
        self._key: RSAPrivateKey | None = None
        self.minted = 0

    def __repr__(self) -> str:
        return f"JWTAuth(account_id={self._credentials.account_id}, key_id={self._credentials.key_id!r})"

    def token(self) -> str:
        """The current token, minting a new one when the cached one is about to expire."""
        with self._lock:
            now = self._clock()
            if self._token is None or now >= self._expires - self._renew_before:
                self._token, self._expires = self._mint(now)
            return self._token.get_secret_value()

    def invalidate(self) -> None:
        """Forget the cached token (the next request mints a new one)."""
        with self._lock:
            self._token = None

    def _mint(self, now: float) -> tuple[Secret, float]:
        if self._key is None:
            self._key = self._credentials.load_private_key()
        issued = int(now)
        expires = issued + int(self._lifetime)
        claims = {"iss": str(self._credentials.account_id), "iat": issued, "exp": expires}
        token = jwt.encode(claims, self._key, algorithm="RS256", headers={"kid": self._credentials.key_id})
        self.minted += 1
        return Secret(token), float(expires)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.token()}"
        yield request
