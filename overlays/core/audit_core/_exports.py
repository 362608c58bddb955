"""Package exports imported when first used (PEP 562), for start-up time.

A package lists its rarely needed exports in a table (name: ``"module"`` or ``"module:attribute"``,
relative to the package) and installs the two functions :func:`lazy_exports` returns as its
``__getattr__`` and ``__dir__``. ``from package import name``, ``package.name`` and
``from package import *`` all work as before; the module behind a name is imported the first
time the name is asked for, and the value is then kept in the package like any other.
The package imports the same names under ``if TYPE_CHECKING:``, for type checkers.

>>> import types
>>> pkg = types.ModuleType("pkg")
>>> pkg.__getattr__, pkg.__dir__ = lazy_exports(vars(pkg), {"dumps": "json", "Text": "json:JSONDecoder"})
>>> pkg.dumps([1])
'[1]'
>>> pkg.Text.__name__, "dumps" in vars(pkg), "dumps" in dir(pkg)
('JSONDecoder', True, True)
>>> pkg.nothing
Traceback (most recent call last):
...
AttributeError: module 'pkg' has no attribute 'nothing'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(
    namespace: dict[str, Any], table: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of a package whose ``namespace`` (its ``globals()``) exports ``table``."""
    package = namespace["__name__"]

    def __getattr__(name: str) -> Any:
        try:
            where = table[name]
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        module, _, attribute = where.partition(":")
        attribute = attribute or name
        level = len(module) - len(module.lstrip("."))
        # __import__ rather than importlib.import_module: the same import, but `python -X importtime`
        # sees it (it logs the imports the interpreter makes, not importlib's), so profiles stay whole.
        value = getattr(__import__(module[level:], namespace, None, (attribute,), level), attribute)
        namespace[name] = value  # the next look-up is an ordinary one
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(table))

    return __getattr__, __dir__
