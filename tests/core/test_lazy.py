"""audit_core.LazyRecord: a record built from its wire dict behaves exactly as one built eagerly."""

from __future__ import annotations

import copy
import pickle
from datetime import UTC, datetime
from typing import Any, ClassVar

import attrs
import pytest

from audit_core import AuditError, LazyRecord, TransportError, new_lazy, slot_setter, wire_of
from audit_core._lazy import Filler


@attrs.frozen
class Inner:
    a: int


def _rest(wire: dict[str, Any]) -> dict[str, Any]:
    return {"name": str(wire["name"]), "inner": Inner(int(wire["a"])), "tags": tuple(wire.get("tags", ()))}


def _raw(wire: dict[str, Any]) -> dict[str, Any]:
    return {"raw": wire}


@attrs.frozen
class Rec(LazyRecord):
    id: int
    when: datetime
    name: str
    inner: Inner
    tags: tuple[str, ...]
    raw: dict[str, Any] = attrs.field(eq=False, repr=False)

    _lazy_fields_: ClassVar[dict[str, Filler]] = {"name": _rest, "inner": _rest, "tags": _rest, "raw": _raw}
    _lazy_vendor_ = "acme"


_set_id = slot_setter(Rec, "id")
_set_when = slot_setter(Rec, "when")
WHEN = datetime(2024, 5, 1, tzinfo=UTC)
WIRE = {"id": 7, "name": "ada", "a": "3", "tags": ["x", "y"]}


def lazy(wire: dict[str, Any] = WIRE) -> Rec:
    rec = new_lazy(Rec, wire)
    _set_id(rec, wire["id"])
    _set_when(rec, WHEN)
    return rec


def eager() -> Rec:
    return Rec(7, WHEN, "ada", Inner(3), ("x", "y"), WIRE)


def test_fields_read_as_an_eager_record() -> None:
    rec = lazy()
    assert (rec.id, rec.when, rec.name, rec.inner, rec.tags, rec.raw) == (7, WHEN, "ada", Inner(3), ("x", "y"), WIRE)
    assert rec.raw is WIRE


def test_equality_hash_and_repr_before_any_field_is_read() -> None:
    assert lazy() == eager()
    assert eager() == lazy()
    assert hash(lazy()) == hash(eager())
    assert repr(lazy()) == repr(eager())
    assert lazy() != attrs.evolve(eager(), name="bob")
    assert len({lazy(), eager()}) == 1


def test_asdict_astuple_evolve() -> None:
    assert attrs.asdict(lazy()) == attrs.asdict(eager())
    assert attrs.astuple(lazy()) == attrs.astuple(eager())
    evolved = attrs.evolve(lazy(), id=8)
    assert evolved == attrs.evolve(eager(), id=8)
    assert wire_of(evolved) is None  # built through __init__


@pytest.mark.parametrize("dup", [copy.copy, copy.deepcopy, lambda r: pickle.loads(pickle.dumps(r))])
def test_pickle_and_copies(dup: Any) -> None:
    rec = lazy()
    out = dup(rec)
    assert out == eager()
    assert repr(out) == repr(eager())
    assert out.raw == WIRE


def test_still_frozen_and_no_invented_attributes() -> None:
    rec = lazy()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        rec.name = "bob"  # type: ignore[misc]
    assert not hasattr(rec, "nonsense")
    with pytest.raises(AttributeError, match="nonsense"):
        getattr(rec, "nonsense")  # noqa: B009


def test_a_field_read_once_is_a_plain_slot_afterwards() -> None:
    calls: list[str] = []

    def count(wire: dict[str, Any]) -> dict[str, Any]:
        calls.append("x")
        return _rest(wire)

    @attrs.frozen
    class Counted(LazyRecord):
        id: int
        name: str
        inner: Inner
        tags: tuple[str, ...]

        _lazy_fields_: ClassVar[dict[str, Filler]] = {"name": count, "inner": count, "tags": count}

    rec = new_lazy(Counted, WIRE)
    slot_setter(Counted, "id")(rec, 7)
    assert (rec.name, rec.inner, rec.tags, rec.name) == ("ada", Inner(3), ("x", "y"), "ada")
    assert calls == ["x"]  # one filler call filled its three fields


def test_eager_records_are_untouched() -> None:
    rec = eager()
    assert wire_of(rec) is None
    assert rec.name == "ada"
    assert wire_of(lazy()) is WIRE


@pytest.mark.parametrize("wire", [{"id": 1}, {"id": 1, "name": "x", "a": "three"}, {"id": 1, "name": "x", "a": None}])
def test_an_undecodable_field_is_a_transport_error_on_access(wire: dict[str, Any]) -> None:
    rec = lazy(wire)
    assert rec.id == 1  # eager fields are there
    with pytest.raises(TransportError) as caught:
        _ = rec.inner
    assert isinstance(caught.value, AuditError)
    assert caught.value.vendor == "acme"
    with pytest.raises(TransportError):
        _ = rec == lazy(wire)


def test_slot_setter_refuses_what_is_not_a_slot() -> None:
    with pytest.raises(TypeError):
        slot_setter(Rec, "nothing")
