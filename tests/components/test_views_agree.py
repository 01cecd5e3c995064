"""The map's legend, the timeline and the sentence say the same thing of every state on every date.

Each is built with its own pure function over the bundled data, for 31 December of every
year from 1992 and for today, and read back: the status group the map's legend category
names, the status the timeline's periods in force that day carry, the sentence's counts
and nouns, and the name each organization goes by (the Collective Security Treaty for
the CSTO before 2003, the Shanghai Five for the SCO before 2001).
"""

import datetime as dt
import itertools
from collections import Counter

import pandas as pd
import pytest

import data
from components import summary
from components.map import classify_states
from components.state import DEFAULT_STATUSES
from components.timeline import build_timeline_figure
from components.timeline.callbacks import controls_of, in_view
from data import vocabulary

TODAY = dt.date.today()
DAYS = [*(dt.date(year, 12, 31) for year in range(1992, TODAY.year) if dt.date(year, 12, 31) < TODAY), TODAY]
ORGS = [["CSTO"], ["SCO"], ["CSTO", "SCO"], ["CSTO", "SCO", "NATO"]]
STATUS_CHOICES = [list(DEFAULT_STATUSES), list(vocabulary.STATUSES)]
LABELS = {group.label: group for group in vocabulary.GROUPS.values()}
STATUS_BY_LABEL = {status.label: status for status in vocabulary.STATUSES.values()}


def map_groups(states: pd.DataFrame) -> dict[str, vocabulary.Group]:
    """Each state the map colours (not a former member), with the group its legend category names."""
    named = {}
    for iso3, category in zip(states["iso3"], states["category"], strict=True):
        if category == "Former member":
            continue
        label = next(label for label in LABELS if category == label or category.startswith(label + " of "))
        named[iso3] = LABELS[label]
    return named


def timeline_on(figure: dict, day: dt.date) -> list[tuple[str, str, vocabulary.Status, str]]:
    """(state's name, the band's group label, status, organization as named) of each bar in force on `day`."""
    when = pd.Timestamp(day)
    found = []
    for trace in figure["data"]:
        if trace["type"] != "bar":
            continue
        kind = trace["name"].split(": ")[-1]
        for base, span, custom in zip(trace["base"], trace["x"], trace["customdata"], strict=True):
            start = pd.Timestamp(base)
            if start <= when < start + pd.Timedelta(milliseconds=span):
                found.append((custom[0], kind, STATUS_BY_LABEL[custom[2]], custom[1]))
    return found


@pytest.mark.parametrize("statuses", STATUS_CHOICES, ids=["default-statuses", "all-statuses"])
@pytest.mark.parametrize("orgs", ORGS, ids=["+".join(orgs) for orgs in ORGS])
def test_map_timeline_and_sentence_agree_on_every_year(bundled, orgs, statuses):
    countries = dict(zip(bundled.memberships["country"], bundled.memberships["iso3"], strict=False))
    stage_of = dict(zip(bundled.organizations["short_name"], bundled.organizations["family"], strict=True))
    for day in DAYS:
        names = data.names_as_of(bundled.organizations, day)
        relations = data.relations_as_of(bundled.memberships, day, orgs=orgs, statuses=statuses)
        former = data.former_members(bundled.memberships, day, orgs=orgs)
        states = classify_states(relations, former, orgs=orgs, names=names)
        on_map = map_groups(states)

        periods, events = in_view(bundled, controls_of(list(orgs), list(statuses), None, None, [], None), day)
        figure = build_timeline_figure(
            periods, events, orgs=orgs, as_of=day, today=TODAY + dt.timedelta(days=1)
        )
        held: dict[str, dict[str, vocabulary.Group]] = {}  # state -> organization -> group
        for country, kind, status, named in timeline_on(figure, day):
            family = stage_of[named.removeprefix("the ")]
            where = (day, orgs, country)
            # The band's colour class is the status's group, and the stage is the one in force.
            assert kind.lower() == vocabulary.group_of(status.id).label.lower(), where
            assert named == vocabulary.named(names[family]), where
            assert family not in held.setdefault(countries[country], {}), where  # one status at a time
            held[countries[country]][family] = vocabulary.group_of(status.id)

        # The map colours exactly the states the timeline shows in force, each in the group
        # that takes precedence among those the timeline shows.
        assert set(on_map) == set(held), (day, orgs)
        for iso3, group in on_map.items():
            expected = min(held[iso3].values(), key=lambda g: g.precedence)
            assert group == expected, (day, orgs, iso3)
        # The legend and the hover name each organization as it was called that day.
        for category in states["category"]:
            if " of " in category and category != "Former member":
                shown = category.split(" of ", 1)[1]
                assert all(
                    any(shown_name == vocabulary.named(names[org]) for org in orgs)
                    for shown_name in shown.split(" and ")
                ), (day, category)
        for hover in states["hover"]:
            for line in hover.split("<br>"):
                assert line.split(": ")[0] in {names[org] for org in orgs}, (day, line)

        # The sentence counts the states the timeline shows, by the groups it shows them in.
        sentence = summary.sentence_for(bundled, orgs, day.isoformat(), statuses, TODAY)
        by_org = {org: Counter(groups[org] for groups in held.values() if org in groups) for org in orgs}
        present = {group for counts in by_org.values() for group in counts}
        were = "are" if day >= TODAY else "were"
        for position, org in enumerate(orgs):
            counts, name = by_org[org], names[org]
            the = name if name == "NATO" else f"the {name}"
            total = sum(counts.values())
            states = "no states" if total == 0 else "1 state" if total == 1 else f"{total} states"
            count = f"{states} {were}" if position == 0 else total or "none"
            if len(present) <= 1:
                # With no state counted, the sentence says "no states were members".
                plural = next(iter(present)).plural if present else "members"
                noun = plural + " " if position == 0 else ""
                assert f"{count} {noun}of {the}" in sentence, (day, org, sentence)
            else:
                breakdown = vocabulary.joined(
                    f"{n} {group.singular if n == 1 else group.plural}"
                    for group in sorted(counts, key=lambda g: g.precedence)
                    for n in [counts[group]]
                )
                assert f"{count} in {the}" + (f" ({breakdown})" if total else "") in sentence, (day, org)
            # Signatories are never called members.
            if vocabulary.GROUPS["signatory"] in counts and len(present) == 1:
                assert "members" not in sentence.split(";")[0], (day, sentence)


def test_the_rows_in_force_carry_the_stage_organizations_csv_dates_give(bundled):
    memberships = bundled.memberships
    for day, orgs in itertools.product(DAYS, [["CSTO", "SCO", "NATO", "CSTO_PA"]]):
        stages = data.stages_as_of(bundled.organizations, day)
        rows = data.members_as_of(memberships, day, orgs=orgs, statuses=None)
        assert all(rows["org"] == rows["family"].map(stages)), day


def test_the_csto_is_named_as_the_treaty_before_its_charter_came_into_force(bundled):
    organizations = bundled.organizations
    assert data.names_as_of(organizations, dt.date(1993, 12, 31))["CSTO"] == "Collective Security Treaty"
    assert data.names_as_of(organizations, dt.date(2003, 9, 17))["CSTO"] == "Collective Security Treaty"
    assert data.names_as_of(organizations, dt.date(2003, 9, 18))["CSTO"] == "CSTO"
    assert data.names_as_of(organizations, dt.date(2001, 6, 14))["SCO"] == "Shanghai Five"
    assert data.names_as_of(organizations, dt.date(2001, 6, 15))["SCO"] == "SCO"
    assert data.names_as_of(organizations, dt.date(1993, 12, 31))["NATO"] == "NATO"


def test_on_the_last_day_of_1993_nine_signatories_of_the_treaty(bundled):
    day = dt.date(1993, 12, 31)
    names = data.names_as_of(bundled.organizations, day)
    relations = data.relations_as_of(bundled.memberships, day, orgs=["CSTO"], statuses=DEFAULT_STATUSES)
    former = data.former_members(bundled.memberships, day, orgs=["CSTO"])
    states = classify_states(relations, former, orgs=["CSTO"], names=names)
    assert set(states["category"]) == {"Signatory of the Collective Security Treaty"}
    assert len(states) == 9
    assert summary.sentence_for(bundled, ["CSTO"], "1993-12-31", list(DEFAULT_STATUSES), TODAY) == (
        "On 31 December 1993, 9 states were signatories of the Collective Security Treaty."
    )
