import datetime as dt
import io
import re

import pandas as pd
import pytest
from figures import validated

from components import theme
from components.state import DEFAULT_STATUSES
from components.text_width import text_width
from components.timeline import (
    KeyEntry,
    build_timeline_figure,
    dodge_levels,
    event_detail,
    events_csv,
    events_table,
    key,
    key_entries,
    marker_gap_days,
    sort_events,
)
from components.timeline.callbacks import clicked_event, controls_of, in_view
from components.timeline.figure import DODGE_DAYS
from data import vocabulary

CATEGORY_SYMBOLS = {category.id: category.marker for category in vocabulary.CATEGORIES.values()}
TODAY = dt.date(2026, 11, 28)
DAY = dt.date(2014, 4, 24)
PHONE_PLOT_PX = 330  # the timeline's plot on a 390-px phone


def view(dataset, orgs=("CSTO", "SCO"), statuses=DEFAULT_STATUSES, country=None, region=None, categories=None, span=None):  # fmt: skip
    categories = list(CATEGORY_SYMBOLS) if categories is None else categories
    controls = controls_of(list(orgs), list(statuses), country, region, categories, span)
    periods, events = in_view(dataset, controls, DAY)
    start = controls.start.first_day if controls.start else None
    end = controls.end.last_day if controls.end else None
    return controls.orgs, DAY, periods, events, start, end


def figure_for(dataset, **kwargs):
    orgs, day, periods, events, start, end = view(dataset, **kwargs)
    return validated(
        build_timeline_figure(
            periods, events, orgs=orgs, categories=kwargs.get("categories") or list(CATEGORY_SYMBOLS),
            as_of=day, today=TODAY, start=start, end=end,
        )
    )  # fmt: skip


def test_one_band_per_organization_with_a_row_per_state(bundled):
    figure = figure_for(bundled)
    ticks = list(figure.layout.yaxis.ticktext)
    # Each band opens with its name on a row of its own, where no bar covers it.
    assert ticks[:10] == ["<b>CSTO</b>", "Armenia", "Kazakhstan", "Kyrgyzstan", "Russia", "Tajikistan", "Uzbekistan", "Azerbaijan", "Georgia", "Belarus"]  # fmt: skip
    assert ticks[10:12] == ["<b>SCO</b>", "China"]  # the SCO band follows
    bars = [trace for trace in figure.data if trace.type == "bar"]
    assert {ticks.index("<b>CSTO</b>"), ticks.index("<b>SCO</b>")}.isdisjoint(
        y for bar in bars for y in bar.y
    )
    assert not figure.layout.annotations
    names = {trace.name for trace in figure.data if trace.type == "bar"}
    assert {"CSTO: member", "CSTO: signatory", "SCO: member", "Suspended or frozen"} <= names


def test_a_band_goes_by_the_name_the_filters_give_it(bundled):
    orgs, day, periods, events, *_ = view(bundled, orgs=("CSTO_PA",), statuses=("observer",))
    figure = build_timeline_figure(
        periods, events, orgs=orgs, as_of=day, today=TODAY, names={"CSTO_PA": "CSTO PA"}
    )
    assert figure["layout"]["yaxis"]["ticktext"][0] == "<b>CSTO PA</b>"


def test_a_period_bar_spans_its_dates_and_says_so_on_hover(bundled):
    figure = figure_for(bundled)
    members = next(t for t in figure.data if t.name == "CSTO: member")
    rows = list(zip(members.customdata, members.base, members.x, strict=True))
    armenia = next(r for r in rows if r[0][0] == "Armenia" and r[0][3] == "18 September 2003")
    assert armenia[0][4] == "22 February 2024"
    assert armenia[1] == "2003-09-18"
    assert armenia[2] == pytest.approx(
        (pd.Timestamp("2024-02-22") - pd.Timestamp("2003-09-18")).total_seconds() * 1000
    )
    ongoing = next(r for r in rows if r[0][0] == "Russia" and r[0][3] == "18 September 2003")
    assert ongoing[0][4] == "today"


def test_events_have_a_lane_and_symbol_per_category_and_a_neutral_legend(bundled):
    figure = figure_for(bundled)
    markers = [t for t in figure.data if t.type == "scatter" and t.customdata is not None]
    assert {t.marker.symbol for t in markers} == set(CATEGORY_SYMBOLS.values())
    legend = [
        t for t in figure.data if t.type == "scatter" and t.showlegend is not False and t.customdata is None
    ]
    assert [t.name for t in legend] == ["Cooperation", "Suspension", "Membership", "Crisis", "Institution"]
    suspension = next(t for t in markers if t.name == "Suspension")
    details = {c[3]: c for c in suspension.customdata}
    event = details["csto-suspends-nato-contacts-2014"]
    assert event[0] == "24 April 2014"
    assert (
        event[1].replace("<br>", " ") == "CSTO halts efforts to build contacts with NATO"
    )  # wrapped for hover
    assert "NATO" in event[2] and "eurasianet.org" in event[6]


def test_close_events_in_a_lane_are_stacked():
    days = [pd.Timestamp(d) for d in ("2022-01-05", "2022-01-06", "2022-01-19", "2022-09-13", "2024-01-01")]
    assert dodge_levels(days) == [0, 1, 2, 0, 0]
    assert max(dodge_levels([pd.Timestamp("2022-01-01")] * 10)) == 2


def test_markers_a_marker_apart_on_a_phone_are_stacked_inside_their_lane(bundled):
    # Eighty years on a plot 300 px wide: a marker covers about three years.
    assert marker_gap_days(["1948-01-01", "2027-12-31"]) > 365 * 2.5
    assert marker_gap_days(["2013-01-01", "2015-12-31"]) == DODGE_DAYS  # zoomed in, the least gap
    figure = figure_for(bundled, orgs=("CSTO", "SCO", "NATO"))
    lanes = sorted(
        (y, text) for y, text in zip(figure.layout.yaxis.tickvals, figure.layout.yaxis.ticktext, strict=True)
        if text in {f"<b>{vocabulary.category(c).label}</b>" for c in CATEGORY_SYMBOLS}
    )  # fmt: skip
    lines = sorted(
        shape.y0 for shape in figure.layout.shapes if shape.xref == "paper" and shape.type == "line"
    )
    markers = [t for t in figure.data if t.type == "scatter" and t.customdata is not None]
    for trace in markers:
        lane = next(y for y, text in lanes if text == f"<b>{trace.name}</b>")
        above = max(
            [line for line in lines if line < lane],
            default=len(figure.layout.yaxis.tickvals) - len(lanes) - 0.5,
        )
        for y in trace.y:  # a level's marker (11 px, about 0.65 rows) clears the line above
            assert lane - 2 * 0.6 <= y <= lane and y - 0.35 > above
    # In April 2014 the CSTO and NATO halted their contacts within days: side by side, not on top.
    suspension = next(t for t in markers if t.name == "Suspension")
    april = [y for x, y in zip(suspension.x, suspension.y, strict=True) if x.startswith("2014-04")]
    assert len(april) >= 2 and len(set(april)) == len(april)


def test_categories_range_and_selection_filter_what_is_shown(bundled):
    only_crisis = view(bundled, categories=["crisis"])[3]
    assert set(only_crisis["category"]) == {"crisis"}
    ranged = view(bundled, span=["2010-01-01", "2012-12-31"])[3]
    assert ranged["day"].min() >= pd.Timestamp("2010-01-01") and ranged["day"].max() <= pd.Timestamp(
        "2012-12-31"
    )
    _, _, periods, events, _, _ = view(bundled, country="ARM")
    assert set(periods["iso3"]) == {"ARM"}
    assert events["country_list"].map(lambda codes: "ARM" in codes).all() and len(events) > 5


def test_the_cursor_and_range_follow_the_state(bundled):
    orgs, day, periods, events, _, _ = view(bundled)
    figure = validated(build_timeline_figure(periods, events, orgs=orgs, as_of=day, today=TODAY, start=dt.date(2010, 1, 1), end=dt.date(2015, 1, 1)))  # fmt: skip
    assert list(figure.layout.xaxis.range) == ["2010-01-01", "2015-01-01"]
    line = next(s for s in figure.layout.shapes if s.type == "line" and s.xref == "x")
    assert pd.Timestamp(line.x0, unit="ms") == pd.Timestamp(DAY)
    assert figure.layout.xaxis.rangeslider.visible


def test_nothing_to_show_says_what_to_do(bundled):
    figure = figure_for(bundled, orgs=(), categories=[])
    assert "Nothing matches the filters" in figure.layout.annotations[-1].text


def test_table_sorts_and_marks_its_sorted_column(bundled):
    events = view(bundled)[3]
    table = events_table(events, {"column": "title", "ascending": False})
    header = table.children[1].children.children
    sorted_on = [th for th in header if th.to_plotly_json()["props"]["aria-sort"] != "none"]
    assert len(sorted_on) == 1 and sorted_on[0].to_plotly_json()["props"]["aria-sort"] == "descending"
    buttons = [row.children[1].children for row in table.children[2].children]
    titles = [button.children for button in buttons]
    assert titles == sorted(titles, reverse=True)
    # Each title is a button that opens the event, as a click on the timeline does.
    assert {button.id["type"] for button in buttons} == {"open-event"}
    assert {button.id["event"] for button in buttons} == set(events["id"])
    ordered, column, ascending = sort_events(events, {"column": "<script>"})
    assert (column, ascending) == ("date", True) and ordered["day"].is_monotonic_increasing


def test_csv_holds_the_events_in_view_with_their_sources(bundled):
    events = view(bundled, categories=["suspension"])[3]
    frame = pd.read_csv(io.StringIO(events_csv(events, None)), dtype=str, keep_default_na=False)
    assert list(frame.columns) == ["id", "date", "title", "description", "category", "orgs", "countries", "source", "notes"]  # fmt: skip
    assert len(frame) == len(events) and set(frame["category"]) == {"suspension"}
    assert frame["source"].str.startswith("http").all()
    assert "2014-04-24" in set(frame["date"])
    membership = pd.read_csv(
        io.StringIO(events_csv(view(bundled, categories=["membership"])[3], None)), dtype=str
    )
    assert "2004" in set(membership["date"])  # Mongolia's observer status: a year, never padded to a day


def test_event_detail_links_to_its_source(bundled):
    event = bundled.events.set_index("id").loc["csto-suspends-nato-contacts-2014"]
    detail = event_detail(event, bundled.organizations)
    text = str(detail)
    assert (
        "CSTO halts efforts to build contacts with NATO" in text
        and "North Atlantic Treaty Organization" in text
    )
    link = detail[-1].to_plotly_json()["props"]
    assert link["href"].startswith("https://") and link["rel"] == "noopener noreferrer"
    assert event_detail(None, bundled.organizations) == []


@pytest.mark.parametrize(
    ("click", "expected"),
    [
        ({"points": [{"customdata": ["24 April 2014", "t", "CSTO", "csto-suspends-nato-contacts-2014"]}]}, "csto-suspends-nato-contacts-2014"),
        ({"points": [{"customdata": ["x", "y", "z", "not-an-event"]}]}, None),
        ({"points": [{"customdata": ["Armenia", "CSTO"]}]}, None),  # a period bar
        (None, None),
    ],
)  # fmt: skip
def test_clicked_event(bundled, click, expected):
    assert clicked_event(click, bundled.event_dates) == expected


@pytest.mark.parametrize("orgs, categories", [((), None), (("NATO",), [])])
def test_a_selected_state_with_no_events_left_draws_an_empty_timeline(bundled, orgs, categories):
    """No event in view for the state keeps the events table whole (it once lost its columns)."""
    *_, events, _start, _end = view(bundled, orgs=orgs, country="KAZ", categories=categories)
    assert events.empty
    assert {"day", "title", "category", "country_list"} <= set(events.columns)
    figure = figure_for(bundled, orgs=orgs, country="KAZ", categories=categories)
    assert figure.layout.yaxis.range is not None


def test_tick_labels_are_drawn_without_overflow_checks(bundled):
    # The margins hold the labels; plotly.js's default check measures every label against
    # every other on each draw, a quarter of the timeline's drawing time.
    figure = figure_for(bundled)
    assert figure.layout.xaxis.ticklabeloverflow == "allow"
    assert figure.layout.yaxis.ticklabeloverflow == "allow"


@pytest.mark.parametrize("orgs", [("CSTO", "SCO"), ("NATO",), ()])
def test_the_margins_are_set_to_hold_the_widest_label_and_the_range_slider(bundled, orgs):
    # plotly.js does not grow them (which made it draw the figure two or three times).
    figure = figure_for(bundled, orgs=orgs)
    margin = figure.layout.margin
    assert margin.autoexpand is False
    labels = [text for text in figure.layout.yaxis.ticktext]
    widest = max(
        text_width(t.removeprefix("<b>").removesuffix("</b>"), 10, bold=t.startswith("<b>")) for t in labels
    )
    assert widest + 5 <= margin.l <= widest + 12  # plotly.js keeps 1 px beside its labels
    # plotly.js grows the bottom margin to 6 % of the height + 38 px for labels 15 px high
    assert 0.06 * figure.layout.height + 38 + 4 <= margin.b <= 0.06 * figure.layout.height + 38 + 6
    assert margin.t >= 28  # room for the modebar above the first band


def test_the_key_lists_each_band_colour_and_event_symbol_once_in_order(bundled):
    figure = figure_for(bundled).to_plotly_json()
    entries = key_entries(figure)
    assert entries == [
        KeyEntry("CSTO: signatory", theme.tint(theme.org_colour("CSTO"), 0.6)),
        KeyEntry("CSTO: member", theme.org_colour("CSTO")),
        KeyEntry("Suspended or frozen", theme.SUSPENDED_COLOUR),
        KeyEntry("SCO: member", theme.org_colour("SCO")),
        *(
            KeyEntry(label, theme.MUTED_TEXT_COLOUR, CATEGORY_SYMBOLS[category])
            for category, label in zip(CATEGORY_SYMBOLS, ["Cooperation", "Suspension", "Membership", "Crisis", "Institution"], strict=True)
        ),
    ]  # fmt: skip
    # The page shows the key; plotly.js draws no legend, but saved images have it.
    assert figure["layout"]["showlegend"] is False
    assert figure["layout"]["meta"]["export"]["showlegend"] is True
    assert figure["layout"]["meta"]["export"]["margin"]["autoexpand"] is True
    assert figure["layout"]["meta"]["export"]["height"] == figure["layout"]["height"]  # for a slide's scale


def test_the_key_follows_the_filters(bundled):
    labels = [
        entry.label
        for entry in key_entries(figure_for(bundled, orgs=("NATO",), categories=["crisis"]).to_plotly_json())
    ]
    assert labels == ["NATO: member", "Crisis"]  # fmt: skip


def test_the_key_s_items_show_a_swatch_or_the_filter_s_symbol():
    figure = {
        "data": [
            {"type": "bar", "name": "SCO: member", "legendgroup": "period-member-SCO", "marker": {"color": "#0072B2"}},
            {"type": "bar", "name": "SCO: member", "legendgroup": "period-member-SCO", "showlegend": False, "marker": {"color": "#0072B2"}},
            {"type": "scatter", "name": "Crisis", "legendgroup": "event-crisis", "marker": {"symbol": "triangle-up", "color": "#6C757D"}},
            {"type": "scatter", "name": "selected event", "showlegend": False, "marker": {"color": "red"}},
        ]
    }  # fmt: skip
    swatch, symbol = key(figure)
    assert swatch.children[0].style == {"backgroundColor": "#0072B2"} and swatch.children[1] == "SCO: member"
    assert symbol.children[0].children == "▲" and symbol.children[1] == "Crisis"
    assert symbol.children[0].className == "timeline-key__symbol"


def hover_lines(trace):
    """Each hover label of `trace` as the reader sees it: its template filled in, tags stripped, by line."""
    for row in trace["customdata"]:
        text = re.sub(
            r"%\{customdata\[(\d)\]\}", lambda m, row=row: str(row[int(m.group(1))]), trace["hovertemplate"]
        )
        text = re.sub(r"<extra>.*</extra>|<(?!br>)[^>]+>", "", text)
        yield text.split("<br>")


def test_hover_labels_fit_a_phones_plot_and_name_organizations_as_the_filters_do(bundled):
    orgs, day, periods, events, *_ = view(bundled, orgs=("CSTO", "SCO", "NATO"))
    names = dict(zip(bundled.organizations["id"], bundled.organizations["short_name"], strict=True))
    figure = build_timeline_figure(periods, events, orgs=orgs, as_of=day, today=TODAY, names=names)
    labels = [lines for trace in figure["data"] if trace.get("hovertemplate") for lines in hover_lines(trace)]
    assert len(labels) > 100
    widest = max(
        text_width(line, 13, bold=index == 0) for lines in labels for index, line in enumerate(lines)
    )
    assert widest <= PHONE_PLOT_PX - 30  # a label's padding and arrow, inside a phone's 330 px plot
    words = " ".join(line for lines in labels for line in lines)
    assert "Shanghai Five, SCO" in words and "SHANGHAI5" not in words
