"""A vendor documentation page and the OpenAPI document it carries.

The vendors publish their specs inside documentation pages, as a fenced YAML
block of a Markdown page (Voximplant's ```` ```yaml ````, NLPearl's
```` ````yaml post /v2/Account/AuditLog ````). We keep the page itself and exactly
that block (``specs/<vendor>/vendor/``), and put every adjustment in overlay
documents beside it. A rendered reference page (HTML turned to text) carries no
such block: :func:`extract_openapi_block` then says so and guesses nothing.

Example::

    page = read_page("../shared/seeds/003_92c85c66170ab0d0.txt")
    yaml_text = extract_openapi_block(page.text)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import httpx

# A fenced block of three or more backticks whose info string starts with "yaml";
# the closing fence has the same number of backticks.
_FENCE = re.compile(r"^(?P<fence>`{3,})yaml[^\n]*\n(?P<body>.*?\n)(?P=fence)[ \t]*$", re.S | re.M)


class PageError(ValueError):
    """The page cannot be used: unreadable, or it carries no OpenAPI document."""


class NoSpecInPage(PageError):
    """The page carries no machine-readable spec (e.g. a rendered reference page)."""


@dataclass(frozen=True)
class Page:
    """A page as read: its exact bytes (kept in the repo as they are) and its text."""

    source: str
    content: bytes

    @property
    def text(self) -> str:
        """The page decoded as UTF-8 (the seeds' and the vendors' encoding).

        >>> Page("p.md", "# Get Audit Log".encode()).text
        '# Get Audit Log'
        """
        return self.content.decode("utf-8", errors="replace")


def read_page(source: str, *, timeout: float = 30.0) -> Page:
    """Read a page from a file path or an ``http(s)://`` URL.

    Raises :class:`PageError` when it can't be read (missing file, HTTP error,
    network failure).

    >>> read_page("/nonexistent/page.md")
    Traceback (most recent call last):
    ...
    scripts.vendor_page.PageError: cannot read /nonexistent/page.md: No such file or directory
    """
    if source.startswith(("http://", "https://")):
        try:
            response = httpx.get(source, timeout=timeout, follow_redirects=True)
        except httpx.HTTPError as exc:
            raise PageError(f"cannot fetch {source}: {exc}") from None
        if response.status_code != 200:
            raise PageError(f"cannot fetch {source}: HTTP {response.status_code}")
        return Page(source, response.content)
    try:
        return Page(source, Path(source).read_bytes())
    except OSError as exc:
        raise PageError(f"cannot read {source}: {exc.strerror or exc}") from None


def extract_openapi_block(page: str) -> str:
    r"""Return the first fenced YAML block of ``page`` that holds an OpenAPI document, byte for byte.

    >>> extract_openapi_block("x\n```yaml\nopenapi: 3.0.1\n```\n")
    'openapi: 3.0.1\n'
    >>> extract_openapi_block("POST /platform_api/GetAuditLogAsync\n$curl -X POST ...")
    Traceback (most recent call last):
    ...
    scripts.vendor_page.NoSpecInPage: the page carries no machine-readable spec: ...
    """
    for match in _FENCE.finditer(page):
        body = match.group("body")
        if body.startswith("openapi:"):
            return body
    raise NoSpecInPage(
        "the page carries no machine-readable spec: no fenced ```yaml block starting with 'openapi:' "
        "(a rendered reference page, perhaps); nothing is guessed from its text"
    )
