"""A sentence above the views that says in words what they show, for every reader and screen reader."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import pandas as pd
from dash import html

import data
from data import PartialDate, country_name, vocabulary

from . import ids, state

__all__ = ["compose", "describe", "group_counts", "labels", "layout", "sentences", "words_on"]


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
    return "no states" if count == 0 else "1 state" if count == 1 else f"{count} states"


def _number(count: int) -> str:
    """A count that follows another: "6", or "none"."""
    return str(count) if count else "none"


def _verb(count: int, were: str) -> str:
    """`were` ("are" or "were") agreeing with `count`: "1 is in both"."""
    return {"are": "is", "were": "was"}[were] if count == 1 else were


def describe(
    regions: Mapping[frozenset[str], Sequence[str]],
    *,
    orgs: Sequence[str],
    statuses: Sequence[str],
    as_of: dt.date,
    today: dt.date,
    groups: Mapping[str, Mapping[str, int]],
    labels: Mapping[str, str] | None = None,
    reviewed: dt.date | None = None,
) -> str:
    """One or two sentences: how many states each organization counts on `as_of`, and which are shared.

    For example: "On 24 April 2014, 6 states were members of the CSTO and 6 of the SCO;
    4 were in both: Kazakhstan, Kyrgyzstan, Russia and Tajikistan." The states are
    named by their status group (`data.vocabulary`), as the map's legend names them:
    "9 states were signatories of the Collective Security Treaty"; where the states
    counted fall in several groups, each organization's count is broken down by group:
    "6 states are in the CSTO (5 members and 1 suspended or frozen member)".

    Args:
        regions: the states of each region (see `data.overlap_regions`).
        orgs: the selected organizations, in order.
        statuses: the statuses counted.
        as_of: the day described.
        today: the present, which the sentence speaks of in the present tense.
        groups: for each organization, how many of the states counted are in each status
            group (see `group_counts`).
        labels: the names the organizations go by on `as_of`, by id (see `labels`).
        reviewed: the day the data were last reviewed (`data.Dataset.reviewed`), if known:
            after it the sentence speaks "As of" that day (see `compose`).
    """
    parts = sentences(regions, orgs=orgs, statuses=statuses, groups=groups, labels=labels)
    return compose(parts, as_of, today=today, reviewed=reviewed)


def compose(words: Mapping[str, str], day: dt.date, *, today: dt.date, reviewed: dt.date | None) -> str:
    """The sentence for `day` from `sentences`' words, as `sentenceOn` in assets/blocs.js puts it.

    "Today, ..." on today; "On 24 April 2014, ..." on a day before it; and on a day after
    the data were last `reviewed`, "As of 28 November 2026, ...": nothing later was checked,
    so the sentence names the day its facts are known to hold, in the present tense.
    """
    if "always" in words:
        return words["always"]
    if reviewed is not None and day > reviewed:
        return f"As of {PartialDate.of_day(reviewed).label()}, {words['present']}"
    if day >= today:
        return f"Today, {words['present']}"
    return f"On {PartialDate.of_day(day).label()}, {words['past']}"


def sentences(
    regions: Mapping[frozenset[str], Sequence[str]],
    *,
    orgs: Sequence[str],
    statuses: Sequence[str],
    groups: Mapping[str, Mapping[str, int]],
    labels: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """`describe`'s sentence for any day with these regions, as the browser puts it together.

    Returns:
        `{"always": ...}`, a sentence that names no day, or `{"present": ..., "past": ...}`:
        the sentence in the present tense and in the past, each to follow the words that
        name its day ("Today, ", "On <day>, ", see `compose`).
    """
    labels = labels or {}
    if not orgs:
        return {"always": "No organization is selected: switch one on above to see its members."}
    if not statuses:
        return {"always": "No status is selected: choose at least one in Statuses."}
    return {
        "present": _counts(regions, orgs, groups, labels, "are"),
        "past": _counts(regions, orgs, groups, labels, "were"),
    }


def _breakdown(counts: Mapping[str, int]) -> str:
    """The counts by group in words, in the groups' order: 5 members and 1 suspended or frozen member."""
    words = [
        f"{counts[group.id]} {group.singular if counts[group.id] == 1 else group.plural}"
        for group in vocabulary.GROUPS.values()
        if counts.get(group.id)
    ]
    return vocabulary.joined(words)


def _counts(regions, orgs, groups, labels, were: str) -> str:
    counts = [sum(len(states) for region, states in regions.items() if org in region) for org in orgs]
    present = {group for org in orgs for group, count in groups.get(org, {}).items() if count}
    (first_org, first_count), *rest = zip(orgs, counts, strict=True)
    if len(present) <= 1:  # one noun for all: "6 states were members of the CSTO and 6 of the SCO"
        noun = vocabulary.GROUPS[present.pop()].plural if present else "members"
        parts = [f"{_states(first_count)} {were} {noun} of {_the(first_org, labels)}"]
        parts += [f"{_number(count)} of {_the(org, labels)}" for org, count in rest]
    else:  # "6 states were in the CSTO (5 members and 1 suspended or frozen member) and 10 in ..."
        parts = [
            f"{_states(count) + ' ' + were if position == 0 else _number(count)} in {_the(org, labels)}"
            + (f" ({_breakdown(groups[org])})" if count else "")
            for position, (org, count) in enumerate(zip(orgs, counts, strict=True))
        ]
    sentence = ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]
    shared = [(region, states) for region, states in regions.items() if len(region) > 1 and states]
    if len(orgs) == 2:
        states = regions.get(frozenset(orgs), ())
        sentence += (
            f"; {len(states)} {_verb(len(states), were)} in both: {_names(states)}."
            if states
            else f"; none {were} in both."
        )
    elif shared:
        pieces = [
            f"{len(states)} {_verb(len(states), were)} in {_joined([o for o in orgs if o in region], labels)}: "
            + _names(states)
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
    words = words_on(dataset, day, orgs=orgs, statuses=statuses)
    return compose(words, day, today=today, reviewed=dataset.reviewed)


def words_on(dataset: data.Dataset, day: dt.date, *, orgs: Sequence[str], statuses: Sequence[str]) -> dict:
    """`sentences` for `day`, from the dataset: its regions, status groups and names then."""
    regions = data.overlap_regions(dataset.memberships, day, orgs=orgs, statuses=statuses)
    counted = data.members_as_of(dataset.memberships, day, orgs=orgs, statuses=statuses)
    return sentences(
        regions, orgs=orgs, statuses=statuses, groups=group_counts(counted), labels=labels(dataset, day)
    )


def group_counts(rows: pd.DataFrame) -> dict[str, dict[str, int]]:
    """For each organization (family) in `rows`, how many states it counts in each status group.

    Args:
        rows: the membership rows counted on a day (see `data.members_as_of`); a state
            holds one status in an organization at a time.
    """
    counts: dict[str, dict[str, int]] = {}
    for family, status in zip(rows["family"], rows["status"], strict=True):
        group = vocabulary.group_of(status).id
        by_group = counts.setdefault(family, {})
        by_group[group] = by_group.get(group, 0) + 1
    return counts


def labels(dataset: data.Dataset, day: dt.date) -> dict[str, str]:
    """The names the organizations go by on `day`, by id, as the sentence names them (see `data.names_as_of`)."""
    return data.names_as_of(dataset.organizations, day)
