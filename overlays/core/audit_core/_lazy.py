"""Records decoded lazily: the same frozen attrs class, created from its wire dict at the cost of a few slot writes.

A vendor's record class derives from :class:`LazyRecord` and stays a frozen, slotted attrs class
with the same fields. Its fast constructor (``new_lazy`` plus :func:`slot_setter` writes) keeps the
wire dict in a private slot and sets only the fields its pager needs at once (id and time, which it
validates, so a garbled record fails during the pull as before). Every other field is filled on
first access: an unset slot raises ``AttributeError``, Python then calls ``__getattr__``, which
looks the field up in the class's ``_lazy_fields_`` table, decodes it from the wire and writes it
into its slot; later reads are plain slot reads.

So equality, hashing, ``repr``, ``attrs.asdict``, ``attrs.evolve``, pickling and copying see
exactly the values an eagerly built record holds (they read the fields, which fills them). A
record built through ``__init__`` has every field set and never reaches ``__getattr__``.

A field that cannot be decoded on access raises :class:`TransportError` (an :class:`AuditError`,
``vendor`` set from ``_lazy_vendor_``), never a bare ``KeyError`` or ``TypeError``.

>>> import attrs
>>> @attrs.frozen
... class Rec(LazyRecord):
...     id: int
...     name: str
...     _lazy_fields_ = {"name": lambda wire: {"name": wire["name"].upper()}}
>>> set_id = slot_setter(Rec, "id")
>>> rec = new_lazy(Rec, {"id": 1, "name": "ada"})
>>> set_id(rec, 1)
>>> rec.name, rec == Rec(1, "ADA"), rec
('ADA', True, Rec(id=1, name='ADA'))
>>> broken = new_lazy(Rec, {"id": 2})
>>> set_id(broken, 2)
>>> broken.name
Traceback (most recent call last):
...
audit_core._errors.TransportError: unreadable field name of a Rec record: KeyError('name')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from ._errors import AuditError, TransportError

R = TypeVar("R", bound="LazyRecord")

#: Decodes one or more fields from a record's wire value: ``{field name: value}``.
Filler = Callable[[Any], Mapping[str, Any]]

_set = object.__setattr__


class LazyRecord:
    """Base of a frozen slotted attrs record whose fields may be filled from its wire value on first access.

    Subclasses set ``_lazy_fields_`` (field name -> :data:`Filler`; one filler may fill several
    fields, listed under each of their names) and ``_lazy_vendor_`` (named by the errors).
    """

    __slots__ = ("_wire",)

    _lazy_fields_: ClassVar[Mapping[str, Filler]] = {}
    _lazy_vendor_: ClassVar[str | None] = None

    if not TYPE_CHECKING:  # hidden from mypy: a __getattr__ would make every misspelt attribute type-check

        def __getattr__(self, name: str) -> Any:
            cls = type(self)
            filler = cls._lazy_fields_.get(name)
            if filler is None:
                raise AttributeError(f"{cls.__name__!r} object has no attribute {name!r}", name=name, obj=self)
            try:
                wire = _WIRE.__get__(self, cls)
            except AttributeError:  # not built from the wire (e.g. half-way through unpickling)
                raise AttributeError(
                    f"{cls.__name__!r} object has no attribute {name!r}", name=name, obj=self
                ) from None
            try:
                values = filler(wire)
                value = values[name]
            except AuditError:
                raise
            except Exception as exc:
                raise TransportError(
                    f"unreadable field {name} of a {cls.__name__} record: {exc!r}", vendor=cls._lazy_vendor_
                ) from exc
            for key, item in values.items():
                _set(self, key, item)
            return value


_WIRE: Any = LazyRecord.__dict__["_wire"]
_set_wire = _WIRE.__set__


def new_lazy(cls: type[R], wire: Any) -> R:
    """A record of ``cls`` holding ``wire`` and no field yet: set the eager ones with :func:`slot_setter`."""
    record = object.__new__(cls)
    _set_wire(record, wire)
    return record


def slot_setter(cls: type[LazyRecord], name: str) -> Callable[[Any, Any], None]:
    """The fast writer of field ``name``'s slot in ``cls`` (``setter(record, value)``), past attrs' frozen guard.

    For a record's own constructors only: a record is never changed once handed out.
    """
    for klass in cls.__mro__:
        slot = klass.__dict__.get(name)
        if slot is not None:
            if not hasattr(slot, "__set__") or type(slot).__name__ != "member_descriptor":
                raise TypeError(f"{cls.__name__}.{name} is not a slot")
            setter: Callable[[Any, Any], None] = slot.__set__
            return setter
    raise TypeError(f"{cls.__name__} has no slot {name!r}")


def wire_of(record: LazyRecord) -> Any | None:
    """The wire value ``record`` was built from (``None`` for a record built through ``__init__``)."""
    try:
        return _WIRE.__get__(record, type(record))
    except AttributeError:
        return None
