"""A sentence above the views that says in words what they show, for every reader and screen reader."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from dash import html

import data
from data import PartialDate, country_name

from . import ids, state

__all__ = ["describe", "labels", "layout", "sentences"]

MEMBER_LIKE = frozenset({"member", "signatory", "frozen", "suspended"})


def _names(codes: Sequence[str]) -> str:
    names = sorted(country_name(code) for code in codes)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _the(org: str, labels: Mapping[str, str]) -> str:
    """An organization as a sentence names it: "the CSTO", but "NATO"."""
    label = labels.get(org, org)
    return label if org == "NATO" else f"the {label}"


def _joined(orgs: Sequence[str], labels: Mapping[str, str]) -> str:
    named = [_the(org, labels) for org in orgs]
    if len(named) == 2:
        return f"both {named[0]} and {named[1]}"
    return "all of " + ", ".join(named[:-1]) + " and " + named[-1]


def _states(count: int) -> str:
    return "1 state" if count == 1 else f"{count} states"


def describe(
    regions: Mapping[frozenset[str], Sequence[str]],
    *,
    orgs: Sequence[str],
    statuses: Sequence[str],
    as_of: dt.date,
    today: dt.date,
    labels: Mapping[str, str] | None = None,
) -> str:
    """One or two sentences: how many states each organization counts on `as_of`, and which are shared.

    For example: "On 24 April 2014, 6 states were members of the CSTO and 6 of the SCO;
    4 were in both: Kazakhstan, Kyrgyzstan, Russia and Tajikistan."

    Args:
        regions: the states of each region (see `data.overlap_regions`).
        orgs: the selected organizations, in order.
        statuses: the statuses counted.
        as_of: the day described.
        today: the present, which the sentence speaks of in the present tense.
        labels: display names of the organizations (short names), by id.
    """
    parts = sentences(regions, orgs=orgs, statuses=statuses, labels=labels)
    if "always" in parts:
        return parts["always"]
    return parts["today"] if as_of >= today else f"On {PartialDate.of_day(as_of).label()}, {parts['past']}"


def sentences(
    regions: Mapping[frozenset[str], Sequence[str]],
    *,
    orgs: Sequence[str],
    statuses: Sequence[str],
    labels: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """`describe`'s sentence for any day with these regions, as the browser puts it together.

    Returns:
        `{"always": ...}`, a sentence that names no day, or `{"today": ..., "past": ...}`:
        the sentence for today, and the one for a past day once "On <day>, " is put before it.
    """
    labels = labels or {}
    if not orgs:
        return {"always": "No organization is selected: switch one on above to see its members."}
    if not statuses:
        return {"always": "No status is selected: choose at least one in Statuses."}
    return {
        "today": "Today, " + _counts(regions, orgs, statuses, labels, "are"),
        "past": _counts(regions, orgs, statuses, labels, "were"),
    }


def _counts(regions, orgs, statuses, labels, were: str) -> str:
    noun = "members" if set(statuses) <= MEMBER_LIKE else "members or partners"
    counts = [sum(len(states) for region, states in regions.items() if org in region) for org in orgs]
    first, *rest = zip(orgs, counts, strict=True)
    parts = [f"{_states(first[1])} {were} {noun} of {_the(first[0], labels)}"]
    parts += [f"{count} of {_the(org, labels)}" for org, count in rest]
    sentence = ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]
    shared = [(region, states) for region, states in regions.items() if len(region) > 1 and states]
    if len(orgs) == 2:
        states = regions.get(frozenset(orgs), ())
        sentence += (
            f"; {len(states)} {were} in both: {_names(states)}." if states else f"; none {were} in both."
        )
    elif shared:
        pieces = [
            f"{len(states)} {were} in {_joined([o for o in orgs if o in region], labels)}: {_names(states)}"
            for region, states in sorted(shared, key=lambda item: (-len(item[1]), sorted(item[0])))
        ]
        sentence += "; " + "; ".join(pieces) + "."
    else:
        sentence += "."
    return sentence


def layout(text: str = "") -> html.P:
    """The sentence's place on the page, saying `text` at first: announced politely when it changes.

    The overlap view writes it, with its diagram (its words, `components/overlap/callbacks.py`).
    """
    return html.P(
        text, id=ids.VIEW_SUMMARY, className="view-summary", role="status", **{"aria-live": "polite"}
    )


def sentence_for(dataset: data.Dataset, orgs: object, date: object, statuses: object, today: dt.date) -> str:
    """The sentence for the controls' values as the page holds them (validated here)."""
    orgs = state.chosen(orgs, dataset.families)
    statuses = state.known_statuses(statuses)
    day = state.day_from_control(date, today)
    regions = data.overlap_regions(dataset.memberships, day, orgs=orgs, statuses=statuses)
    return describe(regions, orgs=orgs, statuses=statuses, as_of=day, today=today, labels=labels(dataset))


def labels(dataset: data.Dataset) -> dict[str, str]:
    """The organizations' short names, by id, as the sentence names them."""
    return dict(zip(dataset.organizations["id"], dataset.organizations["short_name"], strict=True))
