"""The contract of each table: its columns, and the words allowed in its coded columns."""

from __future__ import annotations

from types import MappingProxyType

from . import vocabulary

__all__ = [
    "ABOUT_KEYS",
    "CATEGORIES",
    "COLUMNS",
    "LIST_SEPARATOR",
    "ORG_KINDS",
    "STATUSES",
]

LIST_SEPARATOR = ";"

ORGANIZATIONS = (
    "id",
    "name",
    "short_name",
    "kind",
    "founded",
    "ended",
    "successor",
    "successor_relation",
    "parent",
    "source",
    "notes",
)
MEMBERSHIPS = ("org", "iso3", "status", "start", "end", "source", "notes")
EVENTS = (
    "id",
    "date",
    "title",
    "description",
    "category",
    "orgs",
    "countries",
    "source",
    "notes",
)

ABOUT = ("key", "value")

COLUMNS = MappingProxyType(
    {
        "organizations.csv": ORGANIZATIONS,
        "memberships.csv": MEMBERSHIPS,
        "events.csv": EVENTS,
        "about.csv": ABOUT,
    }
)

# Columns that may be left empty; every other column must hold a value.
OPTIONAL = MappingProxyType(
    {
        "organizations.csv": frozenset({"ended", "successor", "successor_relation", "parent", "notes"}),
        "memberships.csv": frozenset({"end", "notes"}),
        "events.csv": frozenset({"orgs", "countries", "notes"}),
        "about.csv": frozenset(),
    }
)

ORG_KINDS = frozenset({"treaty", "organization", "assembly", "grouping"})

# The allowed values of the coded columns, in the order of legends, filters and tables;
# their words are in `vocabulary`.
STATUSES = tuple(vocabulary.STATUSES)
CATEGORIES = tuple(vocabulary.CATEGORIES)

# The keys of `about.csv`, each on one row, all required: what the data say about themselves.
ABOUT_KEYS = MappingProxyType(
    {
        "reviewed": "the day the tables were last checked against their sources (YYYY-MM-DD)",
        "licence": "the short name of the licence of the compilation",
        "licence_url": "the licence's text on the web",
    }
)
