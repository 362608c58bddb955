"""The fake's cached JSON: each event encoded once, answers joined from those bytes, still exactly json.dumps."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from typing import Any

from nlpearl_audit.testing import NLPearlFake, StoredEvent, event_json, ticks_of

T0 = datetime(2024, 5, 1, tzinfo=UTC)


def same(fake: NLPearlFake, start: int | None, end: int | None, **filters: Any) -> list[dict[str, Any]]:
    """The bytes the server sends are json.dumps of the value answered (one event an instant: no ties)."""
    value = fake.select(start, end, filters.get("event_type"), filters.get("user_id"))
    assert fake.select_json(start, end, filters.get("event_type"), filters.get("user_id")) == json.dumps(value).encode()
    return value


def test_an_events_cached_json_is_json_dumps_of_its_wire_dict() -> None:
    event = StoredEvent(ticks_of(T0) + 1234, {"eventType": 2, "user": {"id": "ü", "name": None}, "n": 1.5})
    for naive in (True, False):
        assert event_json(event, naive) == json.dumps(event.wire(naive=naive)).encode()


def test_answers_stay_exact_as_events_come_and_change() -> None:
    fake = NLPearlFake()
    events = [
        StoredEvent(ticks_of(T0 + timedelta(seconds=i)), {"eventType": 2 + i % 2, "user": {"id": f"u{i % 3}"}, "n": i})
        for i in range(60)
    ]
    fake.extend(random.Random(2).sample(events, len(events)))  # encoded here
    a, b = ticks_of(T0 + timedelta(seconds=10)), ticks_of(T0 + timedelta(seconds=20))
    assert [e["n"] for e in same(fake, a, b)] == list(range(20, 9, -1))
    same(fake, None, None, event_type=3, user_id="u1")
    fake.add(T0 + timedelta(hours=1), n=100)  # in order: encoded on first use
    assert same(fake, None, None)[0]["n"] == 100
    fake.add(T0 + timedelta(seconds=15, milliseconds=1), n=101)  # goes to its place: the index is redone
    assert [e["n"] for e in same(fake, a, b)][4:7] == [16, 101, 15]
    fake.naive_timestamps = True
    assert same(fake, a, a)[0]["timestamp"] == "2024-05-01T00:00:10"
    fake.events[0].record["n"] = -1  # changed in place: announced, then answered anew
    fake.changed()
    assert same(fake, None, None)[-1]["n"] == -1
