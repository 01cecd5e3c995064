import datetime as dt
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import data
from components.overlap import build_overlap_figure, circle_distance, lens_area, region_name

DAY = dt.date(2014, 4, 24)


def test_lens_area_limits():
    assert lens_area(1, 1, 2) == 0
    assert lens_area(1, 2, 0.5) == pytest.approx(math.pi)
    # Two unit circles one radius apart share 2π/3 − √3/2.
    assert lens_area(1, 1, 1) == pytest.approx(2 * math.pi / 3 - math.sqrt(3) / 2)


@given(
    st.floats(0.2, 5),
    st.floats(0.2, 5),
    st.floats(0.01, 0.99),
)
def test_circle_distance_gives_the_requested_shared_area(r1, r2, fraction):
    shared = fraction * math.pi * min(r1, r2) ** 2
    distance = circle_distance(r1, r2, shared)
    assert lens_area(r1, r2, distance) == pytest.approx(shared, rel=1e-6, abs=1e-9)


def test_disjoint_and_nested_extremes():
    assert circle_distance(1, 2, 0) > 3
    assert circle_distance(1, 2, math.pi) == pytest.approx(1)


def test_region_names():
    assert region_name(frozenset({"SCO", "CSTO"}), ["CSTO", "SCO"]) == "CSTO and SCO"
    assert region_name(frozenset({"SCO"}), ["CSTO", "SCO"]) == "SCO only"


def test_figure_areas_are_proportional_to_counts(bundled):
    regions = data.overlap_regions(bundled.memberships, DAY, orgs=["CSTO", "SCO"])
    figure = build_overlap_figure(regions, orgs=["CSTO", "SCO"], as_of=DAY)
    circles = [shape for shape in figure.layout.shapes if shape.type == "circle"]
    radii = [(c.x1 - c.x0) / 2 for c in circles]
    areas = [math.pi * r**2 for r in radii]
    assert areas == pytest.approx([6, 6])  # six members each on that day
    centres = [(c.x0 + c.x1) / 2 for c in circles]
    assert lens_area(*radii, abs(centres[1] - centres[0])) == pytest.approx(4, rel=1e-6)
    labels = figure.data[0].text
    assert labels == ("ARM, BLR", "KAZ, KGZ, RUS, TJK", "CHN, UZB")
    assert "Armenia" in figure.data[0].hovertext[0]


def test_figure_with_one_organization_says_what_to_do(bundled):
    regions = data.overlap_regions(bundled.memberships, DAY, orgs=["CSTO"])
    figure = build_overlap_figure(regions, orgs=["CSTO"], as_of=DAY)
    assert not figure.layout.shapes
    assert "Select two organizations" in figure.layout.annotations[0].text


def test_figure_names_an_organization_with_no_members(bundled):
    day = dt.date(1993, 1, 1)
    regions = data.overlap_regions(bundled.memberships, day, orgs=["CSTO", "SCO"])
    figure = build_overlap_figure(regions, orgs=["CSTO", "SCO"], as_of=day)
    assert "SCO had no members" in figure.layout.annotations[0].text
