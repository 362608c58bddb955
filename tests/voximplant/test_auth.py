"""Service-account JWT: accepted, cached, renewed across expiry; forged/expired rejected; clear config errors."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import jwt
import pytest

from audit_core import AuthenticationError, ConfigurationError
from tests.voximplant.conftest import SINCE, UNTIL
from voximplant_audit import Client, Credentials, ErrorCode, JWTAuth, VoximplantAuthenticationError
from voximplant_audit.testing import Account, FakeVoximplant, make_account


def _pull(vox: Client) -> int:
    return sum(1 for _ in vox.iter_audit_log(SINCE, UNTIL, page_size=100))


def test_token_is_accepted_cached_and_carries_the_vendor_claims(fake_url: tuple[FakeVoximplant, str]) -> None:
    fake, url = fake_url
    with Client(fake.account.credentials(), base_url=url) as vox:
        assert _pull(vox) == 250
        assert _pull(vox) == 250
        assert vox.auth.minted == 1
    assert len(fake.tokens) == 1 and len(fake.calls("GetAuditLog")) == 6
    token = next(iter(fake.tokens))
    header = jwt.get_unverified_header(token)
    claims = jwt.decode(token, fake.account.public_key, algorithms=["RS256"])
    assert header["alg"] == "RS256" and header["kid"] == fake.account.key_id
    assert claims["iss"] == str(fake.account.account_id)
    assert 0 < claims["exp"] - claims["iat"] <= 3600


def test_token_is_renewed_before_it_expires(fake_url: tuple[FakeVoximplant, str]) -> None:
    fake, url = fake_url
    shift = [-3590.0]  # the first token expires 10 s from now: inside the renewal margin later on
    auth = JWTAuth(Credentials.from_mapping(fake.account.credentials()), clock=lambda: time.time() + shift[0])
    with Client(base_url=url, auth=auth) as vox:
        assert _pull(vox) == 250
        assert auth.minted == 1
        shift[0] = 0.0
        assert _pull(vox) == 250
        assert auth.minted == 2
    assert len(fake.tokens) == 2 and not fake.auth_failures


def test_expired_token_is_refused_with_error_100(fake_url: tuple[FakeVoximplant, str]) -> None:
    fake, url = fake_url
    auth = JWTAuth(Credentials.from_mapping(fake.account.credentials()), clock=lambda: time.time() - 7200)
    with Client(base_url=url, auth=auth) as vox, pytest.raises(VoximplantAuthenticationError) as caught:
        _pull(vox)
    assert caught.value.code == 100 and caught.value.code_name == ErrorCode.AUTHORIZATION_FAILED.name
    assert isinstance(caught.value, AuthenticationError)
    assert "GetAuditLog" in str(caught.value) and caught.value.vendor == "voximplant"
    assert fake.auth_failures == ["token expired"] and not fake.tokens


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ("key", "invalid token (InvalidSignatureError)"),
        ("kid", "unknown kid"),
        ("account", "iss is not the account"),
    ],
)
def test_forged_tokens_are_refused(
    make_fake: Callable[..., FakeVoximplant], account: Account, change: str, why: str
) -> None:
    creds = account.credentials()
    if change == "key":
        creds["private_key"] = make_account().private_pem
    elif change == "kid":
        creds["key_id"] = "another-key"
    else:
        creds["account_id"] = account.account_id + 1
    fake = make_fake(5)
    with fake.running() as url, Client(creds, base_url=url) as vox, pytest.raises(VoximplantAuthenticationError):
        _pull(vox)
    assert fake.auth_failures == [why]


def test_missing_token_is_refused(fake_url: tuple[FakeVoximplant, str]) -> None:
    _, url = fake_url
    answer = httpx.post(
        f"{url}/GetAuditLog", params={"from_date": "2024-05-01 00:00:00", "to_date": "2024-05-02 00:00:00"}
    )
    assert answer.status_code == 200
    assert answer.json() == {"error": {"code": 100, "msg": "Authorization failed"}}


def test_one_auth_shared_by_threads_mints_one_token(account: Account) -> None:
    auth = JWTAuth(Credentials.from_mapping(account.credentials()))
    tokens: list[str] = []
    barrier = threading.Barrier(8)

    def work() -> None:
        barrier.wait()
        tokens.extend(auth.token() for _ in range(20))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(tokens) == 160 and len(set(tokens)) == 1 and auth.minted == 1


def test_client_shared_by_threads(fake_url: tuple[FakeVoximplant, str]) -> None:
    fake, url = fake_url
    counts: list[int] = []
    with Client(fake.account.credentials(), base_url=url) as vox:
        threads = [threading.Thread(target=lambda: counts.append(_pull(vox))) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert vox.auth.minted == 1
    assert counts == [250] * 4


# -- credentials -----------------------------------------------------------------------------------------


def test_credentials_from_file_and_env(
    credentials_file: Path, fake_url: tuple[FakeVoximplant, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, url = fake_url
    with Client.from_credentials(credentials_file, base_url=url) as vox:
        assert _pull(vox) == 250
    monkeypatch.setenv("VOXIMPLANT_CREDENTIALS", str(credentials_file))
    with Client.from_env(base_url=url) as vox:
        assert _pull(vox) == 250


def test_missing_file_env_and_keys_are_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, account: Account) -> None:
    missing = tmp_path / "nope.json"
    with pytest.raises(ConfigurationError, match=r"nope\.json.*does not exist"):
        Client.from_credentials(missing)
    monkeypatch.delenv("VOXIMPLANT_CREDENTIALS", raising=False)
    with pytest.raises(ConfigurationError, match="no credentials: set VOXIMPLANT_CREDENTIALS"):
        Client.from_env()
    broken = tmp_path / "broken.json"
    broken.write_text('{"account_id": 1, "private_key": "-----BEGIN', encoding="utf-8")
    with pytest.raises(ConfigurationError, match="not valid JSON") as caught:
        Client.from_credentials(broken)
    assert "BEGIN" not in str(caught.value)
    partial = tmp_path / "partial.json"
    partial.write_text(json.dumps({"account_id": 1, "account_email": "a@b.c"}), encoding="utf-8")
    with pytest.raises(ConfigurationError, match="missing key_id, private_key"):
        Client.from_credentials(partial)
    with pytest.raises(ConfigurationError, match="account_id must be an integer"):
        Client({**account.credentials(), "account_id": "acme"})


def test_unreadable_private_key_is_reported_without_the_key(account: Account) -> None:
    garbage = "-----BEGIN RSA PRIVATE KEY-----\nTOPSECRETMATERIAL\n-----END RSA PRIVATE KEY-----\n"
    with pytest.raises(ConfigurationError, match="private_key is not a readable") as caught:
        Client({**account.credentials(), "private_key": garbage})
    assert "TOPSECRET" not in str(caught.value) and "TOPSECRET" not in repr(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_reprs_show_no_secret(account: Account) -> None:
    creds = Credentials.from_mapping(account.credentials())
    auth = JWTAuth(creds)
    token = auth.token()
    with Client(creds) as vox:
        shown = " ".join([repr(creds), str(creds), repr(auth), repr(vox), repr(vox.generated)])
    body = account.private_pem.splitlines()[1]
    assert body not in shown and token not in shown
    assert "4217811" in repr(creds)
