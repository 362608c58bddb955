r"""Enum values a vendor documents only in description text become real ``enum`` lists.

NLPearl's spec types ``eAuditLogEvent`` as a plain integer and lists the values
in its description, one per line, as `` `81 - Set2FA` ``. Left like that, the
generated client has ``int`` fields and a new value the vendor documents never
reaches our users as a name. This step of our generation (see
:func:`scripts.specs.generation_spec`) reads those lines and writes them into
the schema as ``enum`` plus ``x-enum-varnames`` (which openapi-python-client
uses for member names), so every value on the page becomes a named member of
the generated enum, with no hand edit. It runs on every generation, so it
follows the page: an overlay action could only pin today's values.

Example::

    >>> doc = {"type": "integer", "description": "What.\n\n`1 - LoginAttempt`\n\n`81 - Set2FA`\n"}
    >>> with_description_enums(doc)["x-enum-varnames"]
    ['LOGIN_ATTEMPT', 'SET_2FA']
"""

from __future__ import annotations

import copy
import re
from typing import Any

# One documented value on a line of its own: `81 - Set2FA` (a string value works too: `calls - Calls`).
_LINE = re.compile(r"^\s*`(?P<value>[^`\s]+) - (?P<name>[A-Za-z][A-Za-z0-9_]*)`\s*$", re.M)

# Word boundaries of a PascalCase name: lower or digit -> Upper ("Set|Session", "Set|2FA" has
# lower -> digit), and inside a run of capitals before the capital that starts a word ("API|Key").
_BOUNDARY = re.compile(r"(?<=[a-z])(?=[A-Z0-9])|(?<=[A-Z0-9])(?=[A-Z][a-z])")


def upper_snake(name: str) -> str:
    """The vendor's PascalCase name of a value as an enum member name in UPPER_SNAKE_CASE.

    A digit starts a word after a lower-case letter and stays with the capitals that
    follow it; a run of capitals is one word (an acronym) up to the capital that
    starts the next word.

    >>> [upper_snake(n) for n in ("Set2FA", "CreateAPIKey", "APIKey", "UpdateSessionTTL")]
    ['SET_2FA', 'CREATE_API_KEY', 'API_KEY', 'UPDATE_SESSION_TTL']
    """
    return _BOUNDARY.sub("_", name.replace("-", "_")).upper()


def description_values(description: str, *, integer: bool) -> list[tuple[int | str, str]]:
    r"""The ``(value, vendor name)`` pairs listed in a description, in page order.

    Values of an integer schema must be integers; a line that is not is not a value line.

    >>> description_values("The type.\n\n`1 - Platform`\n\n`3 - APIKey`\n", integer=True)
    [(1, 'Platform'), (3, 'APIKey')]
    """
    found: list[tuple[int | str, str]] = []
    for match in _LINE.finditer(description):
        raw = match["value"]
        if integer:
            if not re.fullmatch(r"-?\d+", raw):
                continue
            found.append((int(raw), match["name"]))
        else:
            found.append((raw, match["name"]))
    return found


class DescriptionEnumError(ValueError):
    """Description lines that cannot make an enum (one value with two names, or one name for two values)."""


def _enum_from_description(schema: dict[str, Any], where: str) -> None:
    kind = schema.get("type")
    description = schema.get("description")
    if kind not in ("integer", "string") or "enum" in schema or not isinstance(description, str):
        return
    pairs = list(dict.fromkeys(description_values(description, integer=kind == "integer")))  # same line twice: once
    if not pairs:
        return
    values = [value for value, _ in pairs]
    names = [upper_snake(name) for _, name in pairs]
    for label, items in (("value", [str(v) for v in values]), ("member name", names)):
        twice = sorted({x for x in items if items.count(x) > 1})
        if twice:
            raise DescriptionEnumError(
                f"{where}: the description lists the {label} {', '.join(twice)} twice, differently"
            )
    schema["enum"] = values
    schema["x-enum-varnames"] = names


def _walk(node: Any, where: str) -> None:
    if isinstance(node, dict):
        _enum_from_description(node, where)
        for key, value in node.items():
            _walk(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _walk(value, f"{where}/{index}")


def with_description_enums(doc: Any) -> Any:
    """Return a copy of ``doc`` where description-listed values are written out as enums.

    Every integer or string schema that lists its values in description lines (and
    has no ``enum`` of its own) gets them as ``enum`` and ``x-enum-varnames``.
    Schemas that only refer to such a schema (``allOf: [$ref]``) are left alone:
    they get the enum through the reference. An ``enum`` the vendor wrote wins.

    >>> with_description_enums({"type": "integer", "description": "`2 - LoginSuccessful`"})["enum"]
    [2]
    """
    doc = copy.deepcopy(doc)
    _walk(doc, "#")
    return doc
