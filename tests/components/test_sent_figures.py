"""Every kind of figure the callbacks send, as sent, passes plotly.py's validators.

The builders' own tests validate what they build; these cover what the callbacks add on
top (dark mode, a reader's zoom, the frames the browser moves the date with).
"""

import datetime as dt

import pytest
from figures import validated

from components import memo
from components.map import callbacks as map_callbacks
from components.overlap import callbacks as overlap_callbacks
from components.selection import view_controls
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
    validated_controls = view_controls(*controls)
    zoomed = memo.frozen({"geo.projection.scale": 5, "geo.center.lon": 40.0})
    for view in (None, zoomed):
        figure = validated(map_callbacks.draw_map(*validated_controls, DAY, view))
        assert figure.layout.geo.resolution == (110 if view is None else 50)
    frames = map_callbacks._build_map_frames(*validated_controls, TODAY)
    for frame in frames["unique"]:
        validated({"data": frame["data"], "layout": {"annotations": frame["annotations"]}})


@pytest.mark.parametrize("controls", VIEWS)
def test_the_overlap_and_its_frames(bundled, controls):
    validated_controls = view_controls(*controls)
    figure = validated(overlap_callbacks.draw_overlap(*validated_controls, DAY))
    assert figure.layout.title.text.endswith("24 April 2014")
    frames = overlap_callbacks._build_overlap_frames(*validated_controls, TODAY)
    for frame in frames["unique"]:
        validated({"data": frame["data"], "layout": frame["layout"]})


@pytest.mark.parametrize("controls", VIEWS)
@pytest.mark.parametrize("event", [None, "armenia-freezes-csto-participation-2024"])
def test_the_timeline(bundled, controls, event):
    orgs, statuses, country, region, mode = controls
    sent = [orgs, DAY.isoformat(), statuses, country, region, list(CATEGORIES), None]
    figure = validated(timeline_callbacks.timeline_figure.__wrapped__(memo.frozen(sent), event, mode, TODAY))
    rings = [trace for trace in figure.data if trace.name == "selected event"]
    # Only the default view shows Armenia's events: the others select Kazakhstan, the
    # states in both the CSTO and the SCO, or nothing.
    assert len(rings) == (1 if event and controls == VIEWS[0] else 0)
