"""The words a reader sees for statuses and event categories, defined once for every view.

Each status falls in a *group*, the class the views show it as: the map's legend
category, the timeline's band colour and the noun of the sentence above the views
all come from the group, so the three say the same thing of a state on any day.
A group also says how its colour is derived from the organization's (`colour_role`,
which `components/theme.py` turns into colours).

The tables are rows of frozen dataclasses rather than a CSV file: they are part of
the program's contract (the allowed values of `memberships.csv` and `events.csv`,
the legend's order, the colour roles the theme knows), typed and checked as the
module is imported, and a new status needs code that knows what to do with it anyway.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

__all__ = [
    "CATEGORIES",
    "COLOUR_ROLES",
    "GROUPS",
    "STATUSES",
    "Category",
    "Group",
    "Status",
    "category",
    "group_of",
    "joined",
    "named",
    "status",
]

COLOUR_ROLES = ("org", "tint", "associate", "suspended")


@dataclass(frozen=True)
class Group:
    """A class of statuses, shown alike by every view.

    `precedence` decides which group a state shown once (on the map) falls in when it
    holds statuses of several: the lowest wins.
    """

    id: str
    label: str  # "Signatory": the map's legend says "Signatory of <organization>"
    singular: str  # "signatory": the sentence's noun for one state
    plural: str  # "signatories": the sentence's noun
    colour_role: str  # one of COLOUR_ROLES
    precedence: int

    def __post_init__(self) -> None:
        if self.colour_role not in COLOUR_ROLES:
            raise ValueError(f"{self.id}: unknown colour role {self.colour_role!r}")


@dataclass(frozen=True)
class Status:
    """One status of `memberships.csv`."""

    id: str
    label: str  # "Dialogue partner", in hover text, tables and the country panel
    plural: str  # "dialogue partners", in the overlap diagram's note and the sentence
    choice: str  # "Dialogue partners", the filter's option
    group: str  # the id of its Group
    detail: str = ""  # what the state's history adds after the label: "Signatory of X, not yet in force"


@dataclass(frozen=True)
class Category:
    """One event category of `events.csv`."""

    id: str
    label: str
    glyph: str  # the character the filter and the timeline's key show for the marker
    marker: str  # the plotly marker symbol on the timeline


# Order matters: it is the order of legends, filters and tables.
_GROUPS = (
    Group("member", "Member", "member", "members", "org", 0),
    Group("signatory", "Signatory", "signatory", "signatories", "tint", 1),
    Group(
        "suspended",
        "Suspended or frozen",
        "suspended or frozen member",
        "suspended or frozen members",
        "suspended",
        2,
    ),
    Group("associate", "Observer or partner", "observer or partner", "observers or partners", "associate", 3),
)
_STATUSES = (
    Status("member", "Member", "members", "Members", "member"),
    Status(
        "signatory",
        "Signatory",
        "signatories",
        "Signatories",
        "signatory",
        ", not yet in force for the state",
    ),
    Status("observer", "Observer", "observers", "Observers", "associate"),
    Status("dialogue_partner", "Dialogue partner", "dialogue partners", "Dialogue partners", "associate"),
    Status("partner", "Partner", "partners", "Partners", "associate"),
    Status("suspended", "Suspended by the organization", "suspended members", "Suspended", "suspended"),
    Status(
        "frozen",
        "Participation frozen",
        "members who froze their participation",
        "Frozen participation",
        "suspended",
        " by the state",
    ),
)
_CATEGORIES = (
    Category("cooperation", "Cooperation", "●", "circle"),
    Category("suspension", "Suspension", "✖", "x"),
    Category("membership", "Membership", "◆", "diamond"),
    Category("crisis", "Crisis", "▲", "triangle-up"),
    Category("institution", "Institution", "■", "square"),
)


def _table(rows: Iterable) -> Mapping:
    table = {}
    for row in rows:
        if row.id in table:
            raise ValueError(f"{row.id!r} is defined twice")
        table[row.id] = row
    return MappingProxyType(table)


GROUPS: Mapping[str, Group] = _table(_GROUPS)
STATUSES: Mapping[str, Status] = _table(_STATUSES)
CATEGORIES: Mapping[str, Category] = _table(_CATEGORIES)
for _status in _STATUSES:
    if _status.group not in GROUPS:
        raise ValueError(f"{_status.id}: unknown group {_status.group!r}")


def status(status_id: str) -> Status:
    """The row of a status; an unknown id (never in validated data) reads as itself."""
    found = STATUSES.get(status_id)
    if found is None:
        words = status_id.replace("_", " ")
        return Status(status_id, words.capitalize(), words + "s", words.capitalize(), "associate")
    return found


def category(category_id: str) -> Category:
    """The row of an event category."""
    return CATEGORIES[category_id]


def group_of(status_id: str) -> Group:
    """The group a status is shown as."""
    return GROUPS[status(status_id).group]


def joined(words: Iterable[str], conjunction: str = "and") -> str:
    """Words in a list as a sentence gives them: "a", "a and b", "a, b and c"."""
    words = list(words)
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {conjunction} " + words[-1]


def named(name: str) -> str:
    """An organization's name as it follows "of" in a legend or hover line.

    "the Collective Security Treaty", "the Shanghai Five", but "CSTO": a name of
    several words takes the article, an abbreviation stands alone.
    """
    return f"the {name}" if " " in name else name
