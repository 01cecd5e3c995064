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
