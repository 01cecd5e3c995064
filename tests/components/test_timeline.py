import datetime as dt

import pandas as pd

import data
from components.timeline import CATEGORY_SYMBOLS, build_timeline_figure


def test_one_trace_per_category_with_distinct_symbols(bundled):
    events = data.events_between(bundled.events, orgs=["CSTO", "SCO"])
    figure = build_timeline_figure(events, orgs=["CSTO", "SCO"], as_of=dt.date(2014, 4, 24))
    by_name = {trace.name: trace for trace in figure.data}
    assert set(by_name) == {"Cooperation", "Suspension", "Membership", "Crisis", "Institution"}
    assert len({trace.marker.symbol for trace in figure.data}) == len(CATEGORY_SYMBOLS)
    assert sum(len(trace.x) for trace in figure.data) == len(events)
    suspension = by_name["Suspension"]
    titles = [custom[1] for custom in suspension.customdata]
    assert "CSTO halts efforts to build contacts with NATO" in titles
    dates = [custom[0] for custom in suspension.customdata]
    assert "24 April 2014" in dates and "June 2012" not in dates


def test_cursor_marks_the_as_of_date(bundled):
    figure = build_timeline_figure(bundled.events, orgs=["CSTO"], as_of=dt.date(2014, 4, 24))
    lines = [shape for shape in figure.layout.shapes if shape.type == "line"]
    assert len(lines) == 1
    assert pd.Timestamp(lines[0].x0) == pd.Timestamp("2014-04-24")


def test_no_events_explains_itself(bundled):
    figure = build_timeline_figure(bundled.events.iloc[0:0], orgs=[], as_of=dt.date(2014, 4, 24))
    assert figure.data == ()
    assert "No events" in figure.layout.annotations[0].text
