"""Configuration in 0.2.0: one credential set, ConfigurationError from arguments and environment alike, typed options."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

import audit_core
import navixy_audit
from audit_core import ERRORS, ConfigurationError, InvalidInputError
from navixy_audit import AsyncClient, AuditRecord, Client
from navixy_audit.testing import NavixyFake
from tests.navixy.conftest import API_KEY, FAST, LOGIN, PASSWORD

T0 = datetime(2024, 3, 1, tzinfo=UTC)


def test_every_core_error_a_user_catches_is_re_exported() -> None:
    for name in ERRORS:
        assert getattr(navixy_audit, name) is getattr(audit_core, name), name
        assert name in navixy_audit.__all__
    assert issubclass(navixy_audit.SessionEndedError, navixy_audit.AuthenticationError)
    assert issubclass(navixy_audit.TooManyRequestsError, navixy_audit.RateLimitError)


@pytest.mark.parametrize("cls", [Client, AsyncClient])
def test_an_api_key_and_a_login_at_once_are_refused_naming_both(cls: type[Client] | type[AsyncClient]) -> None:
    with pytest.raises(ConfigurationError, match=r"api_key=.* and login=, password= are set"):
        cls(API_KEY, LOGIN, PASSWORD)
    env = {"NAVIXY_API_KEY": API_KEY, "NAVIXY_LOGIN": LOGIN, "NAVIXY_PASSWORD": PASSWORD}
    with pytest.raises(ConfigurationError, match=r"NAVIXY_API_KEY and NAVIXY_LOGIN, NAVIXY_PASSWORD are set") as err:
        cls.from_env(env)
    assert err.value.vendor == "navixy" and API_KEY not in str(err.value) and PASSWORD not in str(err.value)
    with pytest.raises(ConfigurationError, match="NAVIXY_API_KEY and NAVIXY_LOGIN are set"):
        cls.from_env({"NAVIXY_API_KEY": API_KEY, "NAVIXY_LOGIN": LOGIN})


@pytest.mark.parametrize(
    ("env", "match"),
    [
        ({}, "no credentials: set NAVIXY_API_KEY, or NAVIXY_LOGIN and NAVIXY_PASSWORD"),
        ({"NAVIXY_LOGIN": LOGIN}, "NAVIXY_LOGIN is set but NAVIXY_PASSWORD is not"),
        ({"NAVIXY_PASSWORD": PASSWORD}, "NAVIXY_PASSWORD is set but NAVIXY_LOGIN is not"),
        ({"NAVIXY_API_KEY": "   "}, "no credentials"),
        ({"NAVIXY_URL": "https://user:pw@api.navixy.example/v2", "NAVIXY_API_KEY": API_KEY}, None),
    ],
)
def test_from_env_names_what_to_fix(env: dict[str, str], match: str | None) -> None:
    if match is None:  # a URL with user info is a bad URL, not bad credentials
        with pytest.raises(InvalidInputError) as bad:
            Client.from_env(env)
        assert "pw" not in str(bad.value)
        return
    with pytest.raises(ConfigurationError, match=match):
        Client.from_env(env)


def test_credentials_may_be_positional_and_base_url_has_a_default(fake: NavixyFake, url: str) -> None:
    assert repr(Client(API_KEY)) == "<Client base_url='https://api.eu.navixy.com/v2'>"
    assert Client(login=LOGIN, password=PASSWORD).base_url == "https://api.eu.navixy.com/v2"
    rec = fake.add(T0)
    with Client(None, LOGIN, PASSWORD, base_url=url, retry_policy=FAST) as nvx:
        assert [r.id for r in nvx.iter_audit_log(T0, T0 + timedelta(hours=1))] == [rec.id]


def test_from_env_takes_the_typed_options_and_window(fake: NavixyFake, url: str) -> None:
    fake.max_span = timedelta(hours=1)
    recs = [fake.add(T0 + timedelta(minutes=50 * i)) for i in range(10)]
    env = {"NAVIXY_URL": url, "NAVIXY_API_KEY": API_KEY}
    with Client.from_env(env, window=timedelta(minutes=30), retry_policy=FAST, timeout=5.0) as nvx:
        got = [r.id for r in nvx.iter_audit_log(T0, T0 + timedelta(hours=10))]
    assert got == [r.id for r in recs]
    assert fake.list_requests >= 20  # 30-minute windows: never a span too big
    with pytest.raises(InvalidInputError, match=r"did you mean window=\?") as typo:
        Client.from_env(env, windw=timedelta(minutes=30))  # type: ignore[call-arg]
    assert typo.value.vendor == "navixy"
    with pytest.raises(InvalidInputError, match=r"did you mean max_retries=\?") as typo:
        AsyncClient(API_KEY, max_retry=2)  # type: ignore[call-arg]
    assert typo.value.vendor == "navixy"
    with pytest.raises(InvalidInputError, match="window") as err:
        Client.from_env(env, window=timedelta(seconds=1))
    assert err.value.vendor == "navixy"


@pytest.mark.parametrize(
    "kwargs",
    [
        {"since": datetime(2024, 1, 1)},
        {"page_size": 0},
        {"actions": "create"},
        {"subuser_ids": ["x"]},
        {"window": timedelta(seconds=1)},
    ],
)
def test_bad_arguments_carry_the_vendor(kwargs: dict[str, object]) -> None:
    args: dict[str, object] = {"since": T0, "until": T0 + timedelta(days=1), **kwargs}
    with Client(API_KEY) as nvx, pytest.raises(InvalidInputError) as err:
        nvx.iter_audit_log(**args)  # type: ignore[arg-type]
    assert err.value.vendor == "navixy" and str(err.value).startswith("navixy")


def test_record_reprs_show_values_not_unset_objects() -> None:
    rec = AuditRecord.from_dict(
        {"id": 1, "user_id": 3, "entry_category": "tracker", "action": "delete", "action_date": "2024-03-01T00:00:00Z"}
    )
    text = repr(rec)
    assert "Unset" not in text and "object at 0x" not in text
    assert "subuser_id=None" in text and "host=None" in text and "<AuditAction.DELETE: 'delete'>" in text
