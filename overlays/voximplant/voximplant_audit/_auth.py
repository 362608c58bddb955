"""Service-account credentials and the RS256 JWT that authenticates every Management API call."""

from __future__ import annotations

import binascii
import json
import os
import re
import threading
import time
from collections.abc import Callable, Generator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from audit_core import ConfigurationError, Secret

from ._errors import VENDOR

# jwt and cryptography (about 30 ms to import, and 35 ms more to load and check a 2048-bit key)
# are imported when the first token is signed, not with the SDK nor by a client's constructor.
if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

#: The environment variable the vendor's own clients read: the path of credentials.json.
ENV_VAR = "VOXIMPLANT_CREDENTIALS"
#: The longest token life the API accepts.
MAX_TOKEN_LIFETIME = 3600.0
_REQUIRED = ("account_id", "key_id", "private_key")


@dataclass(frozen=True, repr=False, slots=True)  # not attrs: a client's construction imports no attrs (start-up)
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
            _check_pem_key(private_key, source)
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
        """The RSA private key object, checked; a clear :class:`ConfigurationError` when it cannot be read."""
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

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


_PEM = re.compile(r"-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \1-----", re.DOTALL)
_RSA_ENCRYPTION = "2a864886f70d010101"  # the OID 1.2.840.113549.1.1.1 (rsaEncryption), as DER
_RSASSA_PSS = "2a864886f70d01010a"  # 1.2.840.113549.1.1.10


def _der(data: bytes, at: int) -> tuple[int, int, int]:
    """The tag, and where the contents start and end, of the DER element at ``at`` (ValueError if truncated)."""
    tag, size = data[at], data[at + 1]
    at += 2
    if size & 0x80:
        count = size & 0x7F
        if not 0 < count <= 4 or at + count > len(data):
            raise ValueError("bad DER length")
        size = int.from_bytes(data[at : at + count], "big")
        at += count
    if at + size > len(data):
        raise ValueError("truncated DER")
    return tag, at, at + size


def _der_children(data: bytes, start: int, end: int) -> list[tuple[int, int, int]]:
    children = []
    while start < end:
        child = _der(data, start)
        children.append(child)
        start = child[2]
    if start != end:
        raise ValueError("DER element overruns its parent")
    return children


def _is_rsa_private_key(der: bytes) -> bool:
    """Whether ``der`` is a PKCS#1 RSAPrivateKey: a SEQUENCE of at least 9 INTEGERs (version, n, e, d, p, q...)."""
    tag, start, end = _der(der, 0)
    if tag != 0x30 or end != len(der):
        raise ValueError("not a DER SEQUENCE")
    fields = _der_children(der, start, end)
    return len(fields) >= 9 and all(field[0] == 0x02 and field[2] > field[1] for field in fields[:9])


def _check_pem_key(text: str, source: str) -> None:
    """What a client's constructor checks of ``private_key``, without cryptography: a readable, unencrypted RSA key.

    A PKCS#1 (``RSA PRIVATE KEY``) or PKCS#8 (``PRIVATE KEY``) PEM block whose DER structure is
    an RSA private key. The numbers themselves are checked by cryptography when the first token
    is signed (:meth:`Credentials.load_private_key`; that check alone takes about 35 ms).
    """
    unreadable = ConfigurationError(
        f"{source}: private_key is not a readable unencrypted PEM private key", vendor=VENDOR
    )
    found = _PEM.search(text)
    if found is None:
        raise unreadable from None
    label, body = found.group(1), found.group(2)
    if label in ("EC PRIVATE KEY", "DSA PRIVATE KEY"):
        raise ConfigurationError(f"{source}: private_key must be an RSA key (RS256)", vendor=VENDOR) from None
    if label not in ("RSA PRIVATE KEY", "PRIVATE KEY") or ":" in body:  # "Proc-Type: 4,ENCRYPTED" headers
        raise unreadable from None
    try:
        der = binascii.a2b_base64("".join(body.split()))
        if label == "RSA PRIVATE KEY":
            rsa = _is_rsa_private_key(der)
        else:  # PKCS#8: SEQUENCE { version, AlgorithmIdentifier { OID, params }, OCTET STRING { the key } }
            tag, start, end = _der(der, 0)
            if tag != 0x30 or end != len(der):
                raise ValueError("not a DER SEQUENCE")
            version, algorithm, key = _der_children(der, start, end)[:3]
            oid_tag, oid_start, oid_end = _der(der, algorithm[1])
            if version[0] != 0x02 or algorithm[0] != 0x30 or key[0] != 0x04 or oid_tag != 0x06:
                raise ValueError("not a PKCS#8 PrivateKeyInfo")
            if der[oid_start:oid_end].hex() not in (_RSA_ENCRYPTION, _RSASSA_PSS):
                raise ConfigurationError(f"{source}: private_key must be an RSA key (RS256)", vendor=VENDOR)
            rsa = _is_rsa_private_key(der[key[1] : key[2]])
    except (ValueError, IndexError, binascii.Error):
        raise unreadable from None
    if not rsa:
        raise unreadable from None


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
        import jwt  # with the first token (start-up time)

        token = jwt.encode(claims, self._key, algorithm="RS256", headers={"kid": self._credentials.key_id})
        self.minted += 1
        return Secret(token), float(expires)

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.token()}"
        yield request
