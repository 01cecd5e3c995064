"""Every kind of figure the callbacks send, as sent, passes plotly.py's validators.

The builders' own tests validate what they build; these cover what the callbacks add on
top (dark mode, a reader's zoom, the frames the browser moves the date with).
"""

import datetime as dt

import pytest
from figures import validated

from components.map import callbacks as map_callbacks
from components.overlap import callbacks as overlap_callbacks
from components.state import CATEGORIES, DEFAULT_STATUSES, STATUSES
from components.timeline import callbacks as timeline_callbacks

TODAY = dt.date(2026, 11, 28)
DAY = dt.date(2014, 4, 24)
VIEWS = [
    # orgs, statuses, country, region, mode
    (["CSTO", "SCO"], list(DEFAULT_STATUSES), None, None, "light"),
    (["CSTO", "SCO", "NATO"], list(STATUSES), "KAZ", None, "dark"),
    (["CSTO", "SCO", "NATO", "CSTO_PA"], list(DEFAULT_STATUSES), None, ["CSTO", "SCO"], "dark"),  # UpSet
    ([], [], None, None, "dark"),  # nothing selected
]


@pytest.mark.parametrize("controls", VIEWS)
def test_the_map_and_its_frames(bundled, controls):
    orgs, statuses, country, region, mode = controls
    for zoom in (None, {"geo.projection.scale": 5, "geo.center.lon": 40.0}):
        validated_controls = map_callbacks.controls_of(orgs, statuses, country, region, zoom, mode)
        figure = validated(map_callbacks.map_figure.__wrapped__(validated_controls, DAY))
        assert figure.layout.geo.resolution == (110 if zoom is None else 50)
    for frame in map_callbacks.map_frames(validated_controls, TODAY)["unique"]:
        validated({"data": frame["data"], "layout": {"annotations": frame["annotations"]}})


@pytest.mark.parametrize("controls", VIEWS)
def test_the_overlap_and_its_frames(bundled, controls):
    validated_controls = overlap_callbacks.controls_of(*controls)
    figure = validated(overlap_callbacks.draw_overlap(validated_controls, DAY))
    assert figure.layout.title.text.endswith("24 April 2014")
    for frame in overlap_callbacks.overlap_frames(validated_controls, TODAY)["unique"]:
        validated({"data": frame["data"], "layout": frame["layout"]})


@pytest.mark.parametrize("controls", VIEWS)
@pytest.mark.parametrize("event", [None, "armenia-freezes-csto-participation-2024"])
def test_the_timeline(bundled, controls, event):
    orgs, statuses, country, region, mode = controls
    validated_controls = timeline_callbacks.controls_of(
        orgs, statuses, country, region, list(CATEGORIES), None, event, mode
    )
    figure = validated(timeline_callbacks.timeline_figure.__wrapped__(validated_controls, DAY, TODAY))
    rings = [trace for trace in figure.data if trace.name == "selected event"]
    # Only the default view shows Armenia's events: the others select Kazakhstan, the
    # states in both the CSTO and the SCO, or nothing.
    assert len(rings) == (1 if event and controls == VIEWS[0] else 0)
