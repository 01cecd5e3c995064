"""The contract of each table: its columns, and the words allowed in its coded columns."""

from __future__ import annotations

from types import MappingProxyType

__all__ = [
    "CATEGORIES",
    "CATEGORY_GLYPHS",
    "CATEGORY_LABELS",
    "COLUMNS",
    "LIST_SEPARATOR",
    "ORG_KINDS",
    "STATUSES",
    "STATUS_LABELS",
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

# Order matters: it is the order of legends, filters and tables.
STATUS_LABELS = MappingProxyType(
    {
        "member": "Member",
        "signatory": "Signatory (treaty not yet in force)",
        "observer": "Observer",
        "dialogue_partner": "Dialogue partner",
        "partner": "Partner",
        "suspended": "Suspended by the organization",
        "frozen": "Participation frozen by the state",
    }
)
STATUSES = tuple(STATUS_LABELS)

CATEGORY_LABELS = MappingProxyType(
    {
        "cooperation": "Cooperation",
        "suspension": "Suspension",
        "membership": "Membership",
        "crisis": "Crisis",
        "institution": "Institution",
    }
)
CATEGORIES = tuple(CATEGORY_LABELS)

# Each category's marker on the timeline, as a character for the filter's labels and the key.
CATEGORY_GLYPHS = {
    "cooperation": "●",
    "suspension": "✖",
    "membership": "◆",
    "crisis": "▲",
    "institution": "■",
}
