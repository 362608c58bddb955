# Generated from tests/contract/_async/test_contract.py by scripts/unasync.py: edit that file.
"""The public contract (overlays/core/README.md), checked the same way for every vendor.

Written once, for the sync clients; ``scripts/unasync.py`` writes the sync twin
(``../_sync/test_contract.py``), so both sides keep exactly the same promises.
"""

from __future__ import annotations

import logging
import warnings
from collections import Counter
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import httpx
import pytest

import audit_core
from audit_core import (
    AuditError,
    AuthenticationError,
    ConfigurationError,
    InsecureTransportWarning,
    InvalidInputError,
    RetryPolicy,
)
from tests.contract.harness import ENUM_VENDORS, HARNESSES, Harness

FAST = RetryPolicy(max_retries=2, backoff_base=0.001, backoff_max=0.01)
T0 = datetime(2026, 3, 2, tzinfo=UTC)
HOUR = timedelta(hours=1)
#: (offset from T0, records at that instant): ties at several instants, one on the window edge at T0 + 3h.
LAYOUT = [(0, 3), (1, 2), (2, 1), (3, 4), (4, 2), (5, 3)]


def seed(h: Harness) -> None:
    for hours, count in LAYOUT:
        h.add(T0 + hours * HOUR, count)


def collect(pager: Any, limit: int | None = None) -> list[Any]:
    out: list[Any] = []
    for record in pager:
        out.append(record)
        if limit is not None and len(out) >= limit:
            break
    return out


def keys(h: Harness, records: list[Any]) -> Counter[Any]:
    return Counter(h.key(r) for r in records)


def test_windows_are_half_open_and_adjacent_windows_share_nothing(harness: Harness) -> None:
    seed(harness)
    with harness.serving():
        with harness.from_env(harness.module.Client, retry_policy=FAST) as client:
            everything = collect(client.iter_audit_log(T0, T0 + 6 * HOUR))
            first = collect(client.iter_audit_log(T0, T0 + 3 * HOUR))
            second = collect(client.iter_audit_log(T0 + 3 * HOUR, T0 + 6 * HOUR))
            empty = collect(client.iter_audit_log(T0 + HOUR, T0 + HOUR))
    assert len(everything) == sum(count for _, count in LAYOUT)
    assert len(first) == 3 + 2 + 1 and all(harness.time_of(r) < T0 + 3 * HOUR for r in first)
    assert not keys(harness, first) & keys(harness, second)
    assert keys(harness, first) + keys(harness, second) == keys(harness, everything)
    assert empty == []
    times = [harness.time_of(r) for r in everything]
    assert times == sorted(times) and all(t.tzinfo is not None and t.utcoffset() == timedelta(0) for t in times)


@pytest.mark.parametrize("stop_after", [1, 4, 7])
def test_a_token_taken_mid_pull_resumes_exactly_with_a_later_until(harness: Harness, stop_after: int) -> None:
    """Stop inside ties (1: in the 3 at T0; 7: in the 4 on the edge), resume from the token with a later until."""
    seed(harness)
    with harness.serving():
        with harness.from_env(harness.module.Client, retry_policy=FAST) as client:
            pager = client.iter_audit_log(T0, T0 + 3 * HOUR + timedelta(seconds=1))
            head = collect(pager, stop_after)
            token = pager.cursor.to_token()
            assert isinstance(token, str) and token
            # `since` is overruled by the cursor; `until` is later than the first pull's
            tail = collect(client.iter_audit_log(T0 - 24 * HOUR, T0 + 6 * HOUR, cursor=token))
            again = collect(client.iter_audit_log(T0, T0 + 6 * HOUR, cursor=pager.cursor))
            everything = collect(client.iter_audit_log(T0, T0 + 6 * HOUR))
    assert len(head) == stop_after
    assert keys(harness, head) + keys(harness, tail) == keys(harness, everything)
    assert not keys(harness, head) & keys(harness, tail)
    assert keys(harness, again) == keys(harness, tail)


def test_a_pull_resumed_from_its_own_end_sees_only_newer_records(harness: Harness) -> None:
    """What a scheduled collector does: next run, same cursor, later until."""
    seed(harness)
    with harness.serving():
        with harness.from_env(harness.module.Client, retry_policy=FAST) as client:
            pager = client.iter_audit_log(T0, T0 + 6 * HOUR)
            first = collect(pager)
            token = pager.cursor.to_token()
            harness.add(T0 + 6 * HOUR, 2)
            harness.add(T0 + 7 * HOUR, 1)
            nothing_new = collect(client.iter_audit_log(T0, T0 + 6 * HOUR, cursor=token))
            newer = collect(client.iter_audit_log(T0, T0 + 8 * HOUR, cursor=token))
    assert len(first) == sum(count for _, count in LAYOUT)
    assert nothing_new == []
    assert len(newer) == 3 and all(harness.time_of(r) >= T0 + 6 * HOUR for r in newer)


@pytest.mark.parametrize("token", ["", "not-a-token", "v1.AAAA", "v1.eyJ2Ijo1fQ"])
def test_a_malformed_token_is_refused_before_any_request(harness: Harness, token: str) -> None:
    client = offline(harness)
    try:
        with pytest.raises(InvalidInputError) as info:
            collect(client.iter_audit_log(T0, T0 + HOUR, cursor=token))
    finally:
        client.close()
    assert info.value.vendor == harness.vendor


def test_a_token_of_another_vendor_is_refused(harness: Harness) -> None:
    other = "zabbix" if harness.vendor != "zabbix" else "navixy"
    foreign = audit_core.encode_token(other, {"p": T0.isoformat()})
    client = offline(harness)
    try:
        with pytest.raises(InvalidInputError, match=f"from {other}") as info:
            collect(client.iter_audit_log(T0, T0 + HOUR, cursor=foreign))
    finally:
        client.close()
    assert info.value.vendor == harness.vendor


def test_naive_datetimes_are_refused_with_the_fix(harness: Harness) -> None:
    client = offline(harness)
    try:
        with pytest.raises(InvalidInputError, match=r"tzinfo=timezone\.utc") as info:
            collect(client.iter_audit_log(datetime(2026, 3, 2), T0 + HOUR))
        # any aware time zone is fine, and comes out in UTC
        plus5 = timezone(timedelta(hours=5))
        with pytest.raises(AuditError) as unreachable:
            collect(client.iter_audit_log(T0.astimezone(plus5), T0.astimezone(plus5) + HOUR))
    finally:
        client.close()
    assert info.value.vendor == harness.vendor
    assert not isinstance(unreachable.value, InvalidInputError) and unreachable.value.vendor == harness.vendor


def test_unknown_enum_values_are_members_of_the_enum(enum_harness: Harness) -> None:
    harness = enum_harness
    for case in harness.enum_cases:
        case.add(T0)
    with harness.serving():
        with harness.from_env(harness.module.Client, retry_policy=FAST) as client:
            records = collect(client.iter_audit_log(T0, T0 + HOUR))
    for case in harness.enum_cases:
        values = [case.read(r) for r in records if r is not None]
        unknown = [v for v in values if isinstance(v, case.enum) and v.value == case.raw]
        assert unknown, f"{case.field}: no {case.enum.__name__} member with value {case.raw!r} in {values}"
        member = unknown[0]
        assert member.name == f"UNKNOWN_{case.raw}" and member.is_known is False
        assert all(isinstance(v, case.enum) for v in values if v is not None)


def test_configuration_errors_name_what_to_fix(harness: Harness) -> None:
    for env, text in harness.bad_envs:
        with pytest.raises(ConfigurationError, match=text) as info:
            harness.module.Client.from_env(env, **_offline_extra(harness))
        assert info.value.vendor == harness.vendor


def test_a_misspelled_option_is_refused(harness: Harness) -> None:
    with pytest.raises(InvalidInputError, match="did you mean max_retries="):
        harness.module.Client.from_env(_offline_env(harness), **_offline_extra(harness), max_retry=1)


def test_user_info_in_the_url_is_refused_without_the_password(harness: Harness) -> None:
    env = _offline_env(harness)
    extra = _offline_extra(harness)
    secret_url = "https://someone:hunter2pw@api.example.com"
    if "base_url" in extra:
        extra["base_url"] = secret_url
    else:
        env = {k: (secret_url if v.startswith("http") else v) for k, v in env.items()}
    with pytest.raises(InvalidInputError, match="user info") as info:
        harness.module.Client.from_env(env, **extra)
    assert "hunter2pw" not in f"{info.value} {info.value!r}"


def test_plain_http_to_a_remote_host_warns_once(harness: Harness) -> None:
    env = _offline_env(harness)
    extra = _offline_extra(harness)
    remote = "http://audit.example.com"
    if "base_url" in extra:
        extra["base_url"] = remote
    else:
        env = {k: (remote if v.startswith("http") else v) for k, v in env.items()}
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        client = harness.module.Client.from_env(env, **extra)
        client.close()
        local = harness.module.Client.from_env(_offline_env(harness), **_offline_extra(harness))
        local.close()
    assert len([w for w in seen if issubclass(w.category, InsecureTransportWarning)]) == 1


def test_errors_derive_from_audit_error_carry_the_vendor_and_are_re_exported(harness: Harness) -> None:
    for name in audit_core.ERRORS:
        assert getattr(harness.module, name) is getattr(audit_core, name), name
    client = offline(harness)
    try:
        with pytest.raises(AuditError) as info:
            collect(client.iter_audit_log(T0, T0 + HOUR))
    finally:
        client.close()
    assert info.value.vendor == harness.vendor


def test_secrets_never_show(harness: Harness, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    seed(harness)
    texts: list[str] = []
    with harness.serving():
        with harness.from_env(harness.module.Client, retry_policy=FAST) as client:
            pager = client.iter_audit_log(T0, T0 + 6 * HOUR)
            records = collect(pager)
            texts += [repr(client), str(client), repr(pager.cursor), pager.cursor.to_token()]
            texts += [repr(r) for r in records]
    assert records and "Unset object" not in "\n".join(texts)
    everything = "\n".join([*texts, caplog.text])
    for secret in harness.secrets:
        assert secret not in everything


def test_refused_credentials_raise_authentication_error_in_every_vendor(harness: Harness) -> None:
    harness.add(T0)
    with harness.serving():
        client = harness.module.Client.from_env(
            {k: v.replace("{url}", harness.url) for k, v in harness.wrong_env.items()},
            **harness.extra_for(),
            retry_policy=FAST,
        )
        try:
            with pytest.raises(AuthenticationError) as info:
                with client:
                    collect(client.iter_audit_log(T0, T0 + HOUR))
        finally:
            client.close()
    assert info.value.vendor == harness.vendor
    assert all(secret not in f"{info.value!r} {info.value}" for secret in harness.secrets)


class CorruptFirst(httpx.BaseTransport):
    """The real network, except that the first answer claims gzip and is not: it cannot be decoded."""

    def __init__(self) -> None:
        self.inner = httpx.HTTPTransport()
        self.corrupted = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if self.corrupted:
            return response
        self.corrupted += 1
        response.read()
        response.close()
        headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
        return httpx.Response(200, headers=headers, content=b"not gzip at all", request=request)

    def close(self) -> None:
        self.inner.close()


def test_an_answer_that_fails_to_decode_is_retried(harness: Harness) -> None:
    seed(harness)
    transport = CorruptFirst()
    with harness.serving():
        with harness.from_env(harness.module.Client, retry_policy=FAST, transport=transport) as client:
            records = collect(client.iter_audit_log(T0, T0 + 6 * HOUR))
    assert transport.corrupted == 1
    assert len(records) == sum(count for _, count in LAYOUT)


def offline(harness: Harness) -> Any:
    """A client of the vendor pointed at a port where nothing listens, not entered (entering may call)."""
    return harness.module.Client.from_env(_offline_env(harness), **_offline_extra(harness), max_retries=0)


def _offline_env(harness: Harness) -> dict[str, str]:
    """The vendor's environment pointing at a port where nothing listens (127.0.0.1:9)."""
    return {k: v.replace("{url}", "http://127.0.0.1:9") for k, v in harness.env.items()}


def _offline_extra(harness: Harness) -> dict[str, Any]:
    return {k: v.replace("{url}", "http://127.0.0.1:9") if isinstance(v, str) else v for k, v in harness.extra.items()}


@pytest.fixture(params=sorted(HARNESSES))
def harness(request: pytest.FixtureRequest) -> Harness:
    return HARNESSES[request.param]()


@pytest.fixture(params=ENUM_VENDORS)
def enum_harness(request: pytest.FixtureRequest) -> Harness:
    """The vendors whose records carry vendor enums (Voximplant's carry none)."""
    return HARNESSES[request.param]()
