"""The app's settings from the environment (`BLOCS_*`), each checked before anything starts.

A bad value stops start-up with one message naming the variable and the value, rather
than a traceback, a server that answers every request with 500, or a header that says
something else than the operator meant.
"""

from __future__ import annotations

import re

__all__ = [
    "SettingError",
    "frame_ancestors",
    "host",
    "hsts",
    "port",
    "positive_count",
    "url_prefix",
]

SOURCE_KEYWORDS = frozenset({"'self'", "'none'"})
# A scheme-host origin, optionally with a port (or `:*`) and a `*.` subdomain wildcard.
ORIGIN = re.compile(
    r"https?://(\*\.)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*"
    r"(:(\*|[0-9]{1,5}))?",
    re.ASCII,
)
PREFIX_SEGMENT = re.compile(r"[A-Za-z0-9._~-]+", re.ASCII)
HOST = re.compile(r"[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]", re.ASCII)


class SettingError(ValueError):
    """A setting's value is not one the app can run with."""

    def __init__(self, variable: str, value: str, why: str):
        self.variable, self.value = variable, value
        super().__init__(f"{variable}={value!r} {why}")


def frame_ancestors(value: str, variable: str = "BLOCS_FRAME_ANCESTORS") -> str:
    """The CSP `frame-ancestors` sources in `value`, checked.

    A space-separated list of `'self'`, `'none'` (alone) or scheme-host origins such as
    `https://intranet.example.org`, `https://*.example.org` or `http://127.0.0.1:8080`.

    Raises:
        SettingError: anything else, e.g. `;`, a comma, a newline, a directive, a path,
            or `*` alone (which would let any site frame the app).
    """
    sources = value.split(" ")
    if not value.strip():
        raise SettingError(
            variable, value, "is empty: give 'self', 'none' or the origins allowed to frame the app"
        )
    for source in filter(None, sources):
        if source not in SOURCE_KEYWORDS and not ORIGIN.fullmatch(source):
            raise SettingError(
                variable,
                value,
                f"holds {source!r}, which is not a frame-ancestors source: give a space-separated list "
                "of 'self', 'none' or origins such as https://intranet.example.org",
            )
    if "'none'" in sources and len([s for s in sources if s]) > 1:
        raise SettingError(variable, value, "gives 'none' with other sources: 'none' stands alone")
    return " ".join(filter(None, sources))


def hsts(value: str | None, variable: str = "BLOCS_HSTS") -> int | None:
    """The seconds browsers should keep to HTTPS (`Strict-Transport-Security`), or None when unset or empty."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if not (text.isascii() and text.isdigit()) or int(text) <= 0:
        raise SettingError(
            variable, value[:40], "is not a positive whole number of seconds (31536000 is a year)"
        )
    return int(text)


def port(value: str, variable: str = "BLOCS_PORT") -> int:
    """A TCP port number, 1 to 65535."""
    if not value.isascii() or not value.isdigit() or not 1 <= int(value) <= 65535:
        raise SettingError(variable, value, "is not a port number (1 to 65535)")
    return int(value)


def positive_count(value: str, variable: str) -> int:
    """A whole number of at least 1 (workers, threads)."""
    if not value.isascii() or not value.isdigit() or int(value) < 1:
        raise SettingError(variable, value, "is not a whole number of at least 1")
    return int(value)


def host(value: str, variable: str = "BLOCS_HOST") -> str:
    """A host name or an IP address to listen on."""
    if not HOST.fullmatch(value):
        raise SettingError(variable, value, "is not a host name or an IP address")
    return value


def url_prefix(value: str, variable: str = "BLOCS_URL_PREFIX") -> str:
    """A URL path such as `/dash/blocs/`: segments of letters, digits and `._~-`, none of them `.` or `..`."""
    segments = [segment for segment in value.split("/") if segment]
    for segment in segments:
        if not PREFIX_SEGMENT.fullmatch(segment) or segment in (".", ".."):
            raise SettingError(
                variable, value, f"has the segment {segment!r}: use letters, digits and ._~- between slashes"
            )
    return value
