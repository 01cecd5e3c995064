import datetime as dt
import itertools

import pytest
from colour_vision import distance
from figures import validated

import data
from components import theme
from components.map import classify_states

ALL_ORGS = ["CSTO", "SCO", "NATO", "CSTO_PA"]
MIN_DELTA_E = 10  # clearly different side by side; a just-noticeable difference is about 2.3


def colours_on_maps(dataset):
    """Every set of colours one map can show, for every year-end since 1992 and the default and full selections."""
    for year, orgs in itertools.product(range(1992, 2027), (["CSTO", "SCO"], ALL_ORGS)):
        day = min(dt.date(year, 12, 31), dt.date(2026, 11, 28))
        relations = data.relations_as_of(dataset.memberships, day, orgs=orgs)
        former = data.former_members(dataset.memberships, day, orgs=orgs)
        states = classify_states(relations, former, orgs=orgs)
        yield (
            year,
            orgs,
            set(zip(states["category"], states["colour"], strict=True)) | {("land", theme.LAND_COLOUR)},
        )


@pytest.fixture(scope="module")
def maps(bundled):
    return list(colours_on_maps(bundled))


@pytest.mark.parametrize("deficiency", [None, "protanopia", "deuteranopia", "tritanopia"])
def test_categories_on_every_map_stay_apart_for_colour_blind_readers(maps, deficiency):
    for year, orgs, shown in maps:
        for (first, a), (second, b) in itertools.combinations(sorted(shown), 2):
            assert distance(a, b, deficiency) >= MIN_DELTA_E, (year, orgs, first, second, deficiency)


def test_each_organization_has_its_own_colour():
    colours = [theme.org_colour(org) for org in ALL_ORGS]
    assert len(set(colours)) == len(colours)
    assert theme.overlap_colour(["CSTO", "SCO"], ALL_ORGS) not in colours


def test_simulator_sees_red_and_green_alike_with_deuteranopia():
    # A sanity check of the simulator itself: pure red and green collapse for deuteranopes.
    assert distance("#FF0000", "#00FF00") > 100
    assert distance("#FF0000", "#00FF00", "deuteranopia") < 0.4 * distance("#FF0000", "#00FF00")


def test_a_figure_plotly_would_reject_fails_validation():
    figure = validated(theme.figure_of([{"type": "scatter", "x": [1]}]))
    assert figure.layout.template.layout.font.color == theme.TEXT_COLOUR
    with pytest.raises(ValueError, match="colour"):
        validated(theme.figure_of([{"type": "scatter", "x": [1], "colour": "red"}]))
    with pytest.raises(ValueError):
        validated(theme.figure_of([], geo={"projection": {"type": "flat earth"}}))


# Two blocs added to the bundled data as data alone: rows in organizations.csv and memberships.csv.
ADDED_ORGANIZATIONS = (
    "ALPHA,Alpha Pact,Alpha,organization,1995-01-01,,,,,https://example.org/alpha,\n"
    "BETA,Beta Forum,Beta,grouping,2005-01-01,,,,,https://example.org/beta,\n"
)
ADDED_MEMBERSHIPS = "".join(
    f"{org},{iso3},{status},{start},,https://example.org/{org.lower()}/{iso3},\n"
    for org, iso3, status, start in [
        ("ALPHA", "KAZ", "member", "1995-01-01"),  # with the CSTO and the SCO
        ("ALPHA", "FRA", "member", "1995-01-01"),  # with NATO
        ("ALPHA", "MNG", "member", "1995-01-01"),  # an SCO observer
        ("ALPHA", "BRA", "observer", "1998-01-01"),
        ("BETA", "IND", "member", "2005-01-01"),  # with the SCO, from 2017
        ("BETA", "BRA", "member", "2005-01-01"),  # an Alpha observer
        ("BETA", "ZAF", "member", "2005-01-01"),
        ("BETA", "ARM", "member", "2005-01-01"),  # with the CSTO, then frozen there
    ]
)
SIX = ["CSTO", "SCO", "NATO", "CSTO_PA", "ALPHA", "BETA"]
# Members, overlaps and the suspended only: the pale tints of observers and signatories
# cannot all be kept apart from every other colour (a tint of the SCO's blue is close to
# sky blue), and all six at once have more overlaps than the palette has spare colours.
SELECTIONS = (["CSTO", "SCO", "ALPHA"], ["SCO", "NATO", "BETA"], ["CSTO", "BETA"], ["NATO", "ALPHA", "BETA"])


@pytest.fixture
def six_organizations(bundled_copy):
    with (bundled_copy / "organizations.csv").open("a", encoding="utf-8") as handle:
        handle.write(ADDED_ORGANIZATIONS)
    with (bundled_copy / "memberships.csv").open("a", encoding="utf-8") as handle:
        handle.write(ADDED_MEMBERSHIPS)
    return data.load_dataset(bundled_copy)


def test_an_added_organization_takes_a_colour_of_its_own_and_keeps_the_others(six_organizations):
    families = six_organizations.families
    assert list(families) == SIX
    colours = theme.org_colours(families)
    assert len(set(colours.values())) == len(SIX)
    # Today's colours stay as they were.
    assert colours["CSTO"] == "#D55E00" and colours["SCO"] == "#0072B2"
    assert colours["NATO"] == "#009E73" and colours["CSTO_PA"] == "#E69F00"
    assert theme.overlap_colour(["CSTO", "SCO"], ALL_ORGS) == "#CC79A7"
    for first, second in itertools.combinations(colours.values(), 2):
        for deficiency in (None, "protanopia", "deuteranopia", "tritanopia"):
            assert distance(first, second, deficiency) >= MIN_DELTA_E, (first, second, deficiency)


@pytest.mark.parametrize("deficiency", [None, "protanopia", "deuteranopia", "tritanopia"])
def test_six_organizations_on_every_map_stay_apart_for_colour_blind_readers(six_organizations, deficiency):
    families = six_organizations.families
    for year, orgs in itertools.product(range(1992, 2027), SELECTIONS):
        day = dt.date(year, 12, 31)
        relations = data.relations_as_of(six_organizations.memberships, day, orgs=orgs)
        former = data.former_members(six_organizations.memberships, day, orgs=orgs)
        states = classify_states(relations, former, orgs=orgs, families=families)
        full = states[states["group"].isin(["member", "suspended"])]
        shown = set(zip(full["category"], full["colour"], strict=True)) | {("land", theme.LAND_COLOUR)}
        assert len({colour for _, colour in shown}) == len(shown), (year, orgs)
        for (first, a), (second, b) in itertools.combinations(sorted(shown), 2):
            assert distance(a, b, deficiency) >= MIN_DELTA_E, (year, orgs, first, second, deficiency)


def test_the_palette_keeps_its_colours_apart_from_each_other_and_the_reserved_ones():
    reserved = [
        theme.SUSPENDED_COLOUR,
        theme.FORMER_COLOUR,
        theme.LAND_COLOUR,
        theme.ASSOCIATE_OVERLAP_COLOUR,
    ]
    for first, second in itertools.combinations([*theme.PALETTE, *reserved], 2):
        if first in reserved and second in reserved:
            continue
        for deficiency in (None, "protanopia", "deuteranopia", "tritanopia"):
            assert distance(first, second, deficiency) >= MIN_DELTA_E, (first, second, deficiency)
