"""The contract of each table: its columns, and the words allowed in its coded columns."""

from __future__ import annotations

from types import MappingProxyType

from . import vocabulary

__all__ = [
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

COLUMNS = MappingProxyType(
    {
        "organizations.csv": ORGANIZATIONS,
        "memberships.csv": MEMBERSHIPS,
        "events.csv": EVENTS,
    }
)

# Columns that may be left empty; every other column must hold a value.
OPTIONAL = MappingProxyType(
    {
        "organizations.csv": frozenset({"ended", "successor", "successor_relation", "parent", "notes"}),
        "memberships.csv": frozenset({"end", "notes"}),
        "events.csv": frozenset({"orgs", "countries", "notes"}),
    }
)

ORG_KINDS = frozenset({"treaty", "organization", "assembly", "grouping"})

# The allowed values of the coded columns, in the order of legends, filters and tables;
# their words are in `vocabulary`.
STATUSES = tuple(vocabulary.STATUSES)
CATEGORIES = tuple(vocabulary.CATEGORIES)
