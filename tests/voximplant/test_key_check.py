"""A client's constructor checks the private key's PEM and DER structure without cryptography (start-up time);
cryptography loads and checks the key itself when the first token is signed.

The structural check must say what cryptography says, for every kind of key a user may hand us.
"""

from __future__ import annotations

import base64
from collections.abc import Callable

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa

from audit_core import ConfigurationError
from voximplant_audit import Client, Credentials, JWTAuth
from voximplant_audit._auth import _check_pem_key
from voximplant_audit.testing import make_account

PEM = serialization.Encoding.PEM
NONE = serialization.NoEncryption()
PKCS8 = serialization.PrivateFormat.PKCS8
TRADITIONAL = serialization.PrivateFormat.TraditionalOpenSSL
RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
EC_KEY = ec.generate_private_key(ec.SECP256R1())


def _pem(key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey | ed25519.Ed25519PrivateKey, fmt: object) -> str:
    encryption = serialization.BestAvailableEncryption(b"pw") if fmt == "encrypted" else NONE
    chosen = PKCS8 if fmt in ("encrypted", PKCS8) else fmt
    return key.private_bytes(PEM, chosen, encryption).decode()  # type: ignore[arg-type]


KEYS: dict[str, Callable[[], str]] = {
    "rsa pkcs1": lambda: _pem(RSA_KEY, TRADITIONAL),
    "rsa pkcs8": lambda: _pem(RSA_KEY, PKCS8),
    "rsa pkcs8, text around": lambda: "my key:\n" + _pem(RSA_KEY, PKCS8) + "\n(end)",
    "rsa pkcs8, encrypted": lambda: _pem(RSA_KEY, "encrypted"),
    "rsa pkcs1, encrypted": lambda: RSA_KEY.private_bytes(
        PEM, TRADITIONAL, serialization.BestAvailableEncryption(b"pw")
    ).decode(),
    "ec sec1": lambda: _pem(EC_KEY, TRADITIONAL),
    "ec pkcs8": lambda: _pem(EC_KEY, PKCS8),
    "ed25519 pkcs8": lambda: _pem(ed25519.Ed25519PrivateKey.generate(), PKCS8),
    "rsa public key": lambda: (
        RSA_KEY.public_key().public_bytes(PEM, serialization.PublicFormat.SubjectPublicKeyInfo).decode()
    ),
    "garbage body": lambda: "-----BEGIN RSA PRIVATE KEY-----\nTOPSECRETMATERIAL\n-----END RSA PRIVATE KEY-----\n",
    "cut short": lambda: _cut(_pem(RSA_KEY, TRADITIONAL)),
    "no pem": lambda: "not a key at all",
    "empty pem": lambda: "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n",
}


def _cut(pem: str) -> str:
    lines = pem.strip().splitlines()
    return "\n".join([*lines[:5], lines[-1]])


def _message(check: Callable[[], object]) -> str | None:
    try:
        check()
    except ConfigurationError as exc:
        return exc.message
    return None


@pytest.mark.parametrize("kind", sorted(KEYS))
def test_the_constructor_says_what_cryptography_says(kind: str) -> None:
    text = KEYS[kind]()
    creds = Credentials.from_mapping({"account_id": 1, "key_id": "k", "private_key": text}, check_key=False)
    assert _message(lambda: _check_pem_key(text, "credentials")) == _message(creds.load_private_key)
    if kind.startswith("rsa pkcs") and "encrypted" not in kind:
        assert _message(lambda: Client({"account_id": 1, "key_id": "k", "private_key": text})) is None


def test_a_pkcs8_key_signs() -> None:
    text = KEYS["rsa pkcs8"]()
    auth = JWTAuth(Credentials.from_mapping({"account_id": 1, "key_id": "k", "private_key": text}))
    assert auth.token().count(".") == 2 and auth.minted == 1


def test_a_key_whose_numbers_are_wrong_is_refused_by_the_first_token() -> None:
    pem = make_account().private_pem
    lines = pem.strip().splitlines()
    der = bytearray(base64.b64decode("".join(lines[1:-1])))
    der[40] ^= 0xFF  # inside the modulus: the DER structure stays whole, the key does not
    body = base64.encodebytes(bytes(der)).decode()
    broken = f"{lines[0]}\n{body}{lines[-1]}\n"
    auth = JWTAuth(Credentials.from_mapping({"account_id": 1, "key_id": "k", "private_key": broken}))
    with pytest.raises(ConfigurationError, match="private_key is not a readable") as caught:
        auth.token()
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
