"""The fakes' bulk loaders and their bisection paths (what `make bench` serves a million records with).

Each fake answers from a time-ordered store by bisection when it can, and scans otherwise. These
tests load a store in bulk from shuffled records, check it is put in time order, and check that
every answer of the fast path is the answer of the scan (a fake given the same records out of
order, which has to scan). No time is asserted here (scripts/bench measures).
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from navixy_audit.testing import NavixyFake, Principal, Rec
from nlpearl_audit.testing import NLPearlFake, StoredEvent, ticks_of
from voximplant_audit.testing import FakeVoximplant, make_account, make_records
from zabbix_audit.testing import FakeZabbix

T0 = datetime(2024, 5, 1, tzinfo=UTC)
DATE = "%Y-%m-%d %H:%M:%S"


@pytest.fixture(scope="module")
def account() -> Any:
    return make_account()


def test_voximplant_bulk_load_and_bisection_answer_like_the_scan(account: Any) -> None:
    records = make_records(600, step=timedelta(seconds=1))
    for i, record in enumerate(records):
        record["requested"] = T0 + timedelta(seconds=i // 4)  # ties of four, ids ascending
    shuffled = random.Random(1).sample(records, len(records))
    fast = FakeVoximplant(account, [])
    fast.extend(shuffled)
    assert [r["audit_log_id"] for r in fast.records] == [r["audit_log_id"] for r in records]
    slow = FakeVoximplant(account, shuffled)  # out of order: must scan
    rng = random.Random(2)
    for _ in range(60):
        a, b = sorted(rng.randrange(-5, 160) for _ in range(2))
        params = {
            "from_date": (T0 + timedelta(seconds=a)).strftime(DATE),
            "to_date": (T0 + timedelta(seconds=b)).strftime(DATE),
            "count": str(rng.choice([1, 7, 100, 1000])),
            "offset": str(rng.randrange(0, 500)),
            "desc_order": rng.choice(["true", "false"]),
            "with_total_count": "true",
        }
        assert fast.get_audit_log(params) == slow.get_audit_log(params)
    assert fast._ordered() and not slow._ordered()
    late = make_records(1, start=T0 + timedelta(seconds=3), first_id=999999)[0]
    fast.append(late)  # an earlier time with a larger id: kept in time order, answered by scanning
    assert fast.records.index(late) < len(fast.records) - 1
    assert not fast._ordered()


def test_navixy_bulk_load_and_bisection_answer_like_the_scan() -> None:
    fast, slow = NavixyFake(), NavixyFake()
    recs = [
        Rec(
            fast.next_id(),
            3,
            100 + i % 5,
            "tracker",
            None,
            "update",
            None,
            "10.0.0.1",
            None,
            T0 + timedelta(seconds=i // 3),
        )
        for i in range(900)
    ]
    shuffled = random.Random(3).sample(recs, len(recs))
    fast.extend(shuffled)
    assert [r.action_date for r in fast.records] == sorted(r.action_date for r in recs)
    slow.records = shuffled
    slow.records.append(Rec(0, 99, None, "x", None, "x", None, "h", None, T0))  # another user's: must scan
    me = Principal(3)
    rng = random.Random(4)
    for _ in range(80):
        a, b = sorted(rng.randrange(-5, 320) for _ in range(2))
        direction = rng.choice(["asc", "desc"])
        params = {
            "from": (T0 + timedelta(seconds=a)).isoformat(),
            "to": (T0 + timedelta(seconds=b)).isoformat(),
            "limit": rng.choice([1, 2, 5, 50, 1000]),
            "offset": rng.randrange(0, 400),
            "sort": [f"action_datetime={direction}"],
        }
        got = fast.audit_log_list(me, params, iso=True)["list"]
        want = slow.audit_log_list(me, params, iso=True)["list"]
        # Ties come out shuffled: the same times in the same order, and the same records at each time.
        assert [r["action_date"] for r in got] == [r["action_date"] for r in want]
        full_ties = {r["action_date"] for r in want if sum(x["action_date"] == r["action_date"] for x in want) == 3}
        assert sorted(r["id"] for r in got if r["action_date"] in full_ties) == sorted(
            r["id"] for r in want if r["action_date"] in full_ties
        )
    late = fast.add(T0 + timedelta(seconds=10), subuser_id=1)
    assert fast.records[fast.records.index(late) - 1].action_date <= late.action_date < fast.records[-1].action_date


def test_nlpearl_bulk_load_and_bisection_answer_like_the_scan() -> None:
    fast, slow = NLPearlFake(), NLPearlFake()
    events = [StoredEvent(ticks_of(T0 + timedelta(seconds=i // 2)), {"eventType": 2, "n": i}) for i in range(500)]
    shuffled = random.Random(5).sample(events, len(events))
    fast.extend(shuffled)
    assert [e.ticks for e in fast.events] == sorted(e.ticks for e in events)
    slow.events = shuffled  # out of order: scans
    rng = random.Random(6)
    for _ in range(40):
        a, b = sorted(ticks_of(T0 + timedelta(seconds=rng.randrange(-5, 260))) for _ in range(2))
        for bounds in ("inclusive", "exclusive"):
            fast.bounds = slow.bounds = bounds
            got, want = fast.select(a, b, None, None), slow.select(a, b, None, None)
            assert [e["timestamp"] for e in got] == [e["timestamp"] for e in want]
            assert sorted(e["n"] for e in got) == sorted(e["n"] for e in want)
    fast.add(T0 + timedelta(seconds=1), n=-1)
    assert [e.ticks for e in fast.events] == sorted(e.ticks for e in fast.events)


def test_zabbix_bulk_load_and_bisection_answer_like_the_scan() -> None:
    source = FakeZabbix(seed=8)
    first = int(T0.timestamp())
    for second in range(120):
        source.add_records(1 + second % 7, clock=first + second)
    shuffled = random.Random(7).sample(source.records, len(source.records))
    fast, slow = FakeZabbix(), FakeZabbix()
    fast.load(shuffled)
    assert [int(r["clock"]) for r in fast.records] == sorted(int(r["clock"]) for r in shuffled)
    slow.records = [dict(r) for r in shuffled]  # out of order: scans
    rng = random.Random(9)
    for _ in range(60):
        a, b = sorted(first + rng.randrange(-3, 125) for _ in range(2))
        params: dict[str, Any] = {
            "output": "extend",
            "time_from": a,
            "time_till": b,
            "sortfield": ["clock", "auditid"],
            "sortorder": rng.choice(["ASC", "DESC"]),
            "limit": rng.choice([1, 5, 30, 1000]),
        }
        if rng.random() < 0.3:
            params["filter"] = {"resourcename": [f"group-{i:05d}" for i in range(3)]}
        assert fast._auditlog_get(params) == slow._auditlog_get(params)
        count = {**params, "countOutput": True}
        del count["sortfield"], count["sortorder"]
        assert fast._auditlog_get(count) == slow._auditlog_get(count)
    added = fast.add_records(2, clock=first + 5)  # in the past: goes to its place
    assert fast.records.index(added[-1]) < len(fast.records) - 1
    assert [int(r["clock"]) for r in fast.records] == sorted(int(r["clock"]) for r in fast.records)
