"""Where a client's settings come from: constructor arguments or the environment, checked the same way.

A vendor declares its variables once as an :class:`EnvSpec`: the base URL's
variable and the alternative sets of credentials (an API key, *or* a login and a
password). ``Client.from_env()`` reads them; the constructor checks its own
arguments with the same :func:`choose_credentials`. Missing, partial or
conflicting credentials raise :class:`ConfigurationError`, naming the variables
or arguments, wherever they came from.

>>> spec = EnvSpec(
...     vendor="acme",
...     url=EnvVar("ACME_URL", "base_url", "API URL"),
...     credentials=(
...         (EnvVar("ACME_KEY", "api_key", "API key", secret=True),),
...         (EnvVar("ACME_USER", "login", "user"), EnvVar("ACME_PASSWORD", "password", "pw", secret=True)),
...     ),
... )
>>> spec.read({"ACME_KEY": "k"})
{'api_key': Secret('**********')}
>>> spec.read({"ACME_USER": "me"})
Traceback (most recent call last):
...
audit_core._errors.ConfigurationError: acme: ACME_USER is set but ACME_PASSWORD is not
>>> spec.read({"ACME_KEY": "k", "ACME_USER": "me", "ACME_PASSWORD": "p"})
Traceback (most recent call last):
...
audit_core._errors.ConfigurationError: acme: set ACME_KEY, or ACME_USER and ACME_PASSWORD, not both (...)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ._errors import ConfigurationError, InvalidInputError
from ._secrets import Secret


@dataclass(frozen=True, slots=True)  # not attrs: httpx imports dataclasses already (start-up time)
class EnvVar:
    """One environment variable: its name, the constructor argument it fills, what it is."""

    name: str
    argument: str
    help: str
    secret: bool = False


def _alternatives_text(alternatives: Sequence[Sequence[str]]) -> str:
    return ", or ".join(" and ".join(group) for group in alternatives)


def choose_credentials(vendor: str, alternatives: Sequence[Mapping[str, object]]) -> int:
    """Which of the alternative credential sets is given: exactly one, complete.

    Each alternative maps a name (an argument like ``api_key=`` or a variable like
    ``NAVIXY_API_KEY``) to its value, ``None`` or ``""`` when not given.

    >>> choose_credentials("acme", [{"token=": None}, {"user=": "me", "password=": "pw"}])
    1
    >>> choose_credentials("acme", [{"token=": "t"}, {"user=": "me", "password=": "pw"}])
    Traceback (most recent call last):
    ...
    audit_core._errors.ConfigurationError: acme: give token=, or user= and password=, not both (...)
    """
    names = [list(alt) for alt in alternatives]
    given = [[name for name, value in alt.items() if value not in (None, "")] for alt in alternatives]
    started = [i for i, g in enumerate(given) if g]
    verb = "set" if any(n.isupper() for group in names for n in group) else "give"
    if not started:
        raise ConfigurationError(f"no credentials: {verb} {_alternatives_text(names)}", vendor=vendor)
    if len(started) > 1:
        both = " and ".join(", ".join(given[i]) for i in started)
        raise ConfigurationError(f"{verb} {_alternatives_text(names)}, not both ({both} are set)", vendor=vendor)
    index = started[0]
    missing = [name for name in names[index] if name not in given[index]]
    if missing:
        have = ", ".join(given[index])
        raise ConfigurationError(
            f"{have} {'is' if len(given[index]) == 1 else 'are'} set but {' and '.join(missing)} "
            f"{'is' if len(missing) == 1 else 'are'} not",
            vendor=vendor,
        )
    return index


@dataclass(frozen=True, slots=True)  # not attrs: httpx imports dataclasses already (start-up time)
class EnvSpec:
    """A vendor's environment variables: ``url`` (optional unless ``url_required``) and credential sets."""

    vendor: str
    credentials: tuple[tuple[EnvVar, ...], ...]
    url: EnvVar | None = None
    url_required: bool = False

    @property
    def variables(self) -> tuple[EnvVar, ...]:
        """Every variable, the URL's first."""
        first = (self.url,) if self.url is not None else ()
        return first + tuple(var for group in self.credentials for var in group)

    def is_configured(self, environ: Mapping[str, str]) -> bool:
        """Whether any of the variables is set (a partly configured vendor counts: :meth:`read` says what is missing).

        >>> EnvSpec("acme", ((EnvVar("ACME_KEY", "api_key", "key"),),)).is_configured({})
        False
        """
        return any(environ.get(var.name, "").strip() for var in self.variables)

    def read(self, environ: Mapping[str, str]) -> dict[str, Any]:
        """The constructor arguments the environment gives, or :class:`ConfigurationError` naming what to fix."""
        values = {var.name: environ.get(var.name, "").strip() for var in self.variables}
        out: dict[str, Any] = {}
        if self.url is not None:
            if values[self.url.name]:
                out[self.url.argument] = values[self.url.name]
            elif self.url_required:
                raise ConfigurationError(f"{self.url.name} is not set ({self.url.help})", vendor=self.vendor)
        alternatives = [{var.name: values[var.name] for var in group} for group in self.credentials]
        chosen = self.credentials[choose_credentials(self.vendor, alternatives)]
        for var in chosen:
            raw = values[var.name]
            out[var.argument] = Secret(raw) if var.secret else raw
        return out

    def problem(self, environ: Mapping[str, str]) -> str | None:
        """What is missing or conflicting in ``environ``, naming the variables; ``None`` when complete.

        >>> EnvSpec("acme", ((EnvVar("ACME_KEY", "api_key", "key"),),)).problem({})
        'no credentials: set ACME_KEY'
        """
        try:
            self.read(environ)
        except ConfigurationError as exc:
            return exc.message
        return None

    def summary(self) -> str:
        """The variables on one line, for ``--help`` texts.

        >>> EnvSpec("acme", ((EnvVar("A_KEY", "k", "key"),), (EnvVar("A_USER", "u", "user"),
        ...     EnvVar("A_PW", "p", "password"))), url=EnvVar("A_URL", "base_url", "URL"), url_required=True).summary()
        'A_URL, and A_KEY or A_USER + A_PW'
        """
        parts = [self.url.name] if self.url is not None and self.url_required else []
        parts.append(" or ".join(" + ".join(var.name for var in group) for group in self.credentials))
        text = ", and ".join(parts)
        if self.url is not None and not self.url_required:
            text += f" (optional: {self.url.name})"
        return text

    def describe(self) -> str:
        """One line per variable, for ``--help`` texts.

        >>> print(EnvSpec("acme", ((EnvVar("ACME_KEY", "api_key", "API key"),),)).describe())
        ACME_KEY  API key
        """
        width = max(len(var.name) for var in self.variables)
        return "\n".join(f"{var.name.ljust(width)}  {var.help}" for var in self.variables)


#: The options every client takes by keyword (``AsyncClientOptions`` and ``ClientOptions`` list them, typed).
OPTION_NAMES = frozenset({"timeout", "max_retries", "retry_policy", "verify", "transport", "concurrency"})


def check_options(options: Mapping[str, object], allowed: frozenset[str] = OPTION_NAMES) -> None:
    """Refuse an unknown keyword with a suggestion (mypy already flags it; this is for untyped callers).

    Here rather than with the clients, so that a sync client does not import the async one for it.

    >>> check_options({"max_retry": 2})
    Traceback (most recent call last):
    ...
    audit_core._errors.InvalidInputError: unknown option max_retry= (did you mean max_retries=?)
    """
    for name in options:
        if name not in allowed:
            import difflib  # only for a misspelled option (start-up time)

            close = difflib.get_close_matches(name, sorted(allowed), n=1)
            hint = f" (did you mean {close[0]}=?)" if close else f" (options: {', '.join(sorted(allowed))})"
            raise InvalidInputError(f"unknown option {name}={hint}")


#: Requests a pager keeps in flight by default (``concurrency=`` of every client). Chosen by
#: measuring (BENCHMARKS.md, "Concurrency"): with 20 ms a request, 8 takes a pull about a
#: quarter less time than 4, while 16 gains little more and asks a vendor's server for twice as
#: many requests at once (a browser opens 6 connections to a host).
DEFAULT_CONCURRENCY = 8
MAX_CONCURRENCY = 16


def check_concurrency(value: object, *, vendor: str | None = None) -> int:
    """``concurrency=`` checked: an integer from 1 to :data:`MAX_CONCURRENCY`.

    >>> check_concurrency(4)
    4
    """
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_CONCURRENCY:
        raise InvalidInputError(
            f"concurrency must be an integer from 1 to {MAX_CONCURRENCY}, not {value!r}", vendor=vendor
        )
    return value
