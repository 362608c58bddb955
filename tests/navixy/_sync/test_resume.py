# Generated from tests/navixy/_async/test_resume.py by scripts/unasync.py: edit that file.
"""Windows and cursors, the 0.2.0 contract: half-open windows, cursor tokens, resuming with a later until.

Written once for ``Client``; ``scripts/unasync.py`` writes the twin for ``Client`` in ``../_sync/``.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest

from audit_core import encode_token
from navixy_audit import AuditLogCursor, AuditRecord, Client, InvalidInputError
from navixy_audit.testing import NavixyFake, Rec
from tests.navixy.conftest import API_KEY, FAST, LOGIN, PASSWORD

T0 = datetime(2024, 3, 1, tzinfo=UTC)
T1 = T0 + timedelta(hours=6)
T2 = T0 + timedelta(hours=12)


def in_order(recs: list[Rec], since: datetime, until: datetime) -> list[int]:
    """The ids of ``[since, until)`` in the SDK's order: (action_date, id)."""
    return [r.id for r in sorted(recs, key=lambda r: (r.action_date, r.id)) if since <= r.action_date < until]


def seed(fake: NavixyFake) -> list[Rec]:
    recs = [fake.add(T0 + timedelta(minutes=7 * i)) for i in range(100)]
    crowded = T0 + timedelta(hours=2, seconds=3)
    recs += [fake.add(crowded, action="update") for _ in range(30)]  # ties: more than a page at one second
    recs += [fake.add(T1) for _ in range(3)]  # exactly on the first pull's until
    recs += [fake.add(T1 + timedelta(minutes=30 + i)) for i in range(20)]  # after it, before the later until
    return recs


def test_a_token_taken_mid_pull_resumes_with_a_later_until_losing_and_repeating_nothing(
    fake: NavixyFake, url: str
) -> None:
    recs = seed(fake)
    first: list[int] = []
    with Client(base_url=url, api_key=API_KEY, retry_policy=FAST) as nvx:
        pager = nvx.iter_audit_log(T0, T1, page_size=8)
        for rec in pager:
            first.append(rec.id)
            if len(first) == 45:  # inside the crowded second: the cursor carries the tie-break
                break
        token = pager.cursor.to_token()
        assert isinstance(token, str) and token.startswith("v1.")
        assert AuditLogCursor.from_token(token) == pager.cursor
        assert pager.cursor.position == T0 + timedelta(hours=2, seconds=3) and pager.cursor.last_id == first[-1]
        # A later run, with a later until: continues right after the last record handed out.
        rest = [rec.id for rec in nvx.iter_audit_log(T0, T2, page_size=8, cursor=token)]
    assert first + rest == in_order(recs, T0, T2)
    assert len(set(first + rest)) == len(first + rest)


def test_a_finished_pull_s_cursor_goes_on_next_time_from_where_it_stopped(fake: NavixyFake, url: str) -> None:
    recs = seed(fake)
    with Client(base_url=url, login=LOGIN, password=PASSWORD, retry_policy=FAST) as nvx:
        pager = nvx.iter_audit_log(T0, T1, page_size=50)
        first = [rec.id for rec in pager]
        token = pager.cursor.to_token()
        # The next hour's collector: since = the old until, cursor = where the last run stopped.
        rest = [rec.id for rec in nvx.iter_audit_log(T1, T2, cursor=token)]
    assert first == in_order(recs, T0, T1)
    assert rest == in_order(recs, T1, T2)


def test_with_a_cursor_the_pull_starts_right_after_it_whatever_since_says(fake: NavixyFake, url: str) -> None:
    recs = seed(fake)
    expected = in_order(recs, T0, T1)
    with Client(base_url=url, api_key=API_KEY, retry_policy=FAST) as nvx:
        records: list[AuditRecord] = []
        pager = nvx.iter_audit_log(T0, T1, page_size=10)
        for rec in pager:
            records.append(rec)
            if len(records) == 20:
                break
        cursor = pager.cursor
        later = [r.id for r in nvx.iter_audit_log(T1 - timedelta(minutes=1), T1, cursor=cursor)]
        earlier = [r.id for r in nvx.iter_audit_log(T0 - timedelta(days=1), T1, cursor=cursor)]
        past_until = AuditLogCursor(T2)
        none = [r.id for r in nvx.iter_audit_log(T0, T1, cursor=past_until)]
    assert [r.id for r in records] + later == expected
    assert earlier == later
    assert none == []


def test_windows_are_half_open_and_adjacent_windows_share_nothing(fake: NavixyFake, url: str) -> None:
    recs = seed(fake)
    edges = [T0 + timedelta(hours=h) for h in range(0, 13, 3)]
    with Client(base_url=url, api_key=API_KEY, retry_policy=FAST) as nvx:
        pulls = [[r for r in nvx.iter_audit_log(a, b, page_size=7)] for a, b in itertools.pairwise(edges)]
        on_until = [r.id for r in nvx.iter_audit_log(T1 - timedelta(seconds=1), T1)]
        from_since = [r.id for r in nvx.iter_audit_log(T1, T1 + timedelta(seconds=1))]
    everything = [r.id for pull in pulls for r in pull]
    assert everything == in_order(recs, edges[0], edges[-1])
    for (a, b), pull in zip(itertools.pairwise(edges), pulls, strict=True):
        assert all(a <= r.action_date < b for r in pull)
    at_t1 = [r.id for r in recs if r.action_date == T1]
    assert on_until == [] and from_since == sorted(at_t1)


@pytest.mark.parametrize(
    ("cursor", "match"),
    [
        ("garbage", "not a cursor token"),
        ("v1.!!!", "not a cursor token"),
        ("v1.e30", "not a cursor token"),
        (encode_token("zabbix", {"p": "2024-03-01T00:00:00+00:00"}), "from zabbix, not navixy"),
        (encode_token("navixy", {"p": "yesterday"}), "malformed cursor token"),
        (encode_token("navixy", {"p": "2024-03-01T00:00:00"}), "no time zone"),
        (encode_token("navixy", {"p": "2024-03-01T00:00:00+00:00", "id": "7"}), "id is not an integer"),
        (42, "cursor must be AuditLogCursor .* or its token"),
    ],
)
def test_a_malformed_or_foreign_token_is_refused_before_any_request(
    fake: NavixyFake, url: str, cursor: object, match: str
) -> None:
    with Client(base_url=url, login=LOGIN, password=PASSWORD, retry_policy=FAST) as nvx:
        with pytest.raises(InvalidInputError, match=match) as err:
            nvx.iter_audit_log(T0, T1, cursor=cursor)  # type: ignore[arg-type]
    assert err.value.vendor == "navixy"
    assert fake.list_requests == 0 and fake.auth_requests == 0
