"""The timeline's figure: each state's membership periods in a band per organization, and the events."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

import pandas as pd

from data import country_name, vocabulary
from data.schema import CATEGORIES

from .. import theme
from ..text_width import HOVER_BOLD_CHARS, hover_wrapped, text_width

__all__ = [
    "AS_OF_LINE",
    "KeyEntry",
    "as_of_x",
    "build_timeline_figure",
    "dodge_levels",
    "key_entries",
    "marker_gap_days",
    "period_class",
]

AS_OF_LINE = "as-of"  # the name of the as-of line among the shapes, which the browser moves
ROW_PX = 17  # height of one state's row
LANE_PX = 44  # height of one event category's lane
EDGES_PX = 114  # above the rows (room for the modebar) and below the lanes (the time axis and its slider)
TICK_FONT_PX = 10  # the states' and lanes' labels
# The margins are set here, not grown by plotly.js to fit what it has drawn: growing
# them made it draw the figure twice or three times. The left one holds the widest label
# (`text_width`, which has some to spare) and 1 px beside the axis; the bottom one the
# time axis's labels and its range slider, which is 6 % of the figure's height
# (plotly.js grows the margin to 0.06 × height + 38 px with 15 px high labels; 5 px more
# for fonts with higher lines).
LABEL_GAP_PX = 6
BOTTOM_PX = 43
SLIDER_SHARE = 0.06
EDGE_MARGINS = {"l": 8, "r": 8, "t": 30, "b": 8}  # at the least; the top one leaves the modebar room
MIN_HEIGHT_PX = 284
DODGE_DAYS = 150  # events closer than this in one lane are stacked, not drawn on top of each other
MAX_LEVELS = 3
LEVEL_STEP = 0.6  # the rise of each stacking level, in rows
MARKER_PX = 11
# The narrowest the plot is drawn (a phone's width less the labels): markers closer than
# their width there are stacked. Wider screens leave them room to spare.
NARROW_PLOT_PX = 300


def period_class(status: str) -> str:
    """The legend class a status belongs to, its group's label in lower case: "observer or partner"."""
    return vocabulary.group_of(status).label.lower()


def _class_colour(org: str, kind: str) -> str:
    group = next(g for g in vocabulary.GROUPS.values() if g.label.lower() == kind)
    return theme.group_colour(group.colour_role, [org], [org])


def dodge_levels(days: Sequence[pd.Timestamp], gap_days: int = DODGE_DAYS) -> list[int]:
    """A stacking level for each of `days` (sorted), so that events closer than `gap_days` do not overlap."""
    last_on_level: list[pd.Timestamp] = []
    levels = []
    for day in days:
        for level, last in enumerate(last_on_level):
            if (day - last).days >= gap_days:
                last_on_level[level] = day
                levels.append(level)
                break
        else:
            if len(last_on_level) < MAX_LEVELS:
                last_on_level.append(day)
                levels.append(len(last_on_level) - 1)
            else:  # no room left: share the least recently used level
                level = min(range(MAX_LEVELS), key=lambda i: last_on_level[i])
                last_on_level[level] = day
                levels.append(level)
    return levels


def _rows(
    periods: pd.DataFrame, orgs: Sequence[str]
) -> tuple[list[tuple[str, str | None]], list[tuple[str, int, int]]]:
    """The (org, iso3) of each row, top to bottom, and each organization's (org, first row, last row).

    Each organization's rows begin with its own, whose iso3 is None: the band's name sits
    there among the states' names, where no bar can cover it.
    """
    rows: list[tuple[str, str | None]] = []
    bands = []
    for org in orgs:
        in_org = periods[periods["family"] == org]
        if in_org.empty:
            continue
        order = in_org.groupby("iso3")["start_day"].min().sort_values(kind="stable")
        first = len(rows)
        rows.append((org, None))
        rows.extend((org, iso3) for iso3 in order.index)
        bands.append((org, first, len(rows) - 1))
    return rows, bands


def _period_traces(periods: pd.DataFrame, rows: list[tuple[str, str | None]], today: dt.date) -> list[dict]:
    position = {row: index for index, row in enumerate(rows)}
    periods = periods.assign(
        kind=periods["status"].map(period_class),
        row=[position[(f, i)] for f, i in zip(periods["family"], periods["iso3"], strict=True)],
        finish=periods["end_day"].fillna(pd.Timestamp(today)),
    )
    traces = []
    for (org, kind), group in periods.groupby(["family", "kind"], sort=False):
        spans = group["finish"] - group["start_day"]
        traces.append(
            {
                "type": "bar",
                "orientation": "h",
                "y": group["row"].tolist(),
                "base": group["start_day"].dt.strftime("%Y-%m-%d").tolist(),
                "x": (spans.dt.total_seconds() * 1000).tolist(),
                "width": 0.72,
                "marker": {"color": _class_colour(org, kind), "line": {"width": 0}},
                "name": f"{org}: {kind}" if kind != "suspended or frozen" else "Suspended or frozen",
                "legendgroup": f"period-{kind}-{org}"
                if kind != "suspended or frozen"
                else "period-suspended",
                "customdata": list(
                    zip(
                        group["country"],
                        group["org_name"].map(vocabulary.named),
                        group["status"].map(lambda status: vocabulary.status(status).label),
                        group["start_label"],
                        group["end_label"].replace("", "today"),
                        group["source"].map(lambda url: urlsplit(url).netloc.removeprefix("www.")),
                        strict=True,
                    )
                ),
                "hovertemplate": (
                    "<b>%{customdata[0]}</b><br>%{customdata[2]} of %{customdata[1]}<br>"
                    "%{customdata[3]} to %{customdata[4]}<br>Source: %{customdata[5]}<extra></extra>"
                ),
            }
        )
    # One legend entry for every "suspended or frozen" trace.
    seen = set()
    for trace in traces:
        trace["showlegend"] = trace["legendgroup"] not in seen
        seen.add(trace["legendgroup"])
    return traces


def marker_gap_days(x_range: Sequence[str]) -> int:
    """The days one marker's width covers on the time axis spanning `x_range` at its narrowest."""
    span = (dt.date.fromisoformat(x_range[1]) - dt.date.fromisoformat(x_range[0])).days
    return max(DODGE_DAYS, math.ceil(span * MARKER_PX / NARROW_PLOT_PX))


def _event_traces(
    events: pd.DataFrame,
    *,
    orgs: Sequence[str],
    categories: Sequence[str],
    lane_y: dict[str, float],
    gap_days: int = DODGE_DAYS,
    names: Mapping[str, str] | None = None,
) -> list[dict]:
    names = names or {}
    traces = []
    for category in categories:
        rows = events[events["category"] == category].sort_values("day", kind="stable")
        # A legend entry in a neutral colour: the markers themselves take their organization's colour.
        traces.append(
            {
                "type": "scatter", "x": [None], "y": [None], "mode": "markers", "name": vocabulary.category(category).label,
                "legendgroup": f"event-{category}", "hoverinfo": "skip",
                "marker": {"symbol": vocabulary.category(category).marker, "size": MARKER_PX, "color": theme.MUTED_TEXT_COLOUR},
            }
        )  # fmt: skip
        if rows.empty:
            continue
        levels = dodge_levels(list(rows["day"]), gap_days)
        colours = []
        for families in rows["families"]:
            shown = [org for org in orgs if org in families] or list(families)
            colours.append(theme.overlap_colour(shown, orgs) if shown else theme.MUTED_TEXT_COLOUR)
        traces.append(
            {
                "type": "scatter",
                "x": rows["day"].dt.strftime("%Y-%m-%d").tolist(),
                "y": [lane_y[category] - LEVEL_STEP * level for level in levels],
                "mode": "markers",
                "name": vocabulary.category(category).label,
                "legendgroup": f"event-{category}",
                "showlegend": False,
                "marker": {
                    "symbol": vocabulary.category(category).marker,
                    "size": MARKER_PX,
                    "color": colours,
                    "line": {"width": 1, "color": "#FFFFFF"},
                },
                "customdata": list(
                    zip(
                        rows["date_label"],
                        rows["title"].map(lambda title: hover_wrapped(title, HOVER_BOLD_CHARS)),
                        rows["orgs"].map(
                            lambda ids: hover_wrapped(", ".join(names.get(o, o) for o in ids.split(";")))
                        ),
                        rows["id"],
                        rows["description"].map(hover_wrapped),
                        rows["country_list"].map(
                            lambda codes: hover_wrapped(", ".join(country_name(c) for c in codes))
                        ),
                        rows["source"].map(lambda url: urlsplit(url).netloc.removeprefix("www.")),
                        strict=True,
                    )
                ),
                "hovertemplate": (
                    "<b>%{customdata[1]}</b><br>%{customdata[0]}<br>%{customdata[2]}<br>%{customdata[4]}<br>"
                    "<i>%{customdata[5]}</i><br>Source: %{customdata[6]}<br>Click for details<extra></extra>"
                ),
            }
        )
    return traces


@dataclass(frozen=True)
class KeyEntry:
    """One entry of the timeline's key: a band's colour (`symbol` None) or an event's symbol."""

    label: str
    colour: str
    symbol: str | None = None


def key_entries(figure: dict) -> list[KeyEntry]:
    """The key to `figure` (as sent): what its legend shows, one entry per legend group, in order."""
    entries, seen = [], set()
    for trace in figure.get("data", []):
        group = trace.get("legendgroup")
        if trace.get("showlegend") is False or not group or group in seen:
            continue
        seen.add(group)
        marker = trace.get("marker", {})
        symbol = marker.get("symbol") if trace.get("type") == "scatter" else None
        entries.append(KeyEntry(trace["name"], marker["color"], symbol))
    return entries


def as_of_x(day: dt.date) -> float:
    """Where the as-of line stands on the time axis (milliseconds since 1970, as plotly.js reads dates)."""
    return pd.Timestamp(day).value / 1e6


@dataclass(frozen=True)
class _Grid:
    """Where the timeline's rows and lanes stand on its y axis, top to bottom.

    `rows`: the (org, iso3) of each state's row; `bands`: each organization's (org, first
    row, last row); `lanes`: the event categories shown, each at `lane_y`; `bottom`: the
    lowest y drawn.
    """

    rows: list[tuple[str, str | None]]
    bands: list[tuple[str, int, int]]
    lanes: list[str]
    lane_y: dict[str, float]
    bottom: float


def _grid(periods: pd.DataFrame, orgs: Sequence[str], categories: Sequence[str]) -> _Grid:
    rows, bands = _rows(periods, orgs)
    lanes = [c for c in CATEGORIES if c in categories]
    lane_top = len(rows) + (0.8 if rows else 0)
    # A lane is as tall in rows as LANE_PX is in pixels; its markers' first level sits just
    # above the line closing it, and the levels above stay inside it.
    lane_rows = LANE_PX / ROW_PX
    lane_y = {category: lane_top + lane_rows * (index + 1) - 0.5 for index, category in enumerate(lanes)}
    bottom = lane_top + lane_rows * len(lanes) if lanes else max(len(rows), 1)
    return _Grid(rows, bands, lanes, lane_y, bottom)


def _selection_ring(traces: Sequence[dict], events: pd.DataFrame, selected_event: str | None) -> dict | None:
    """A ring around the marker of `selected_event`, if it is drawn."""
    if selected_event is None or selected_event not in set(events["id"]):
        return None
    for trace in traces:
        if trace["type"] == "scatter" and "customdata" in trace:
            ids_ = [c[3] for c in trace["customdata"]]
            if selected_event in ids_:
                index = ids_.index(selected_event)
                return {
                    "type": "scatter", "x": [trace["x"][index]], "y": [trace["y"][index]], "mode": "markers",
                    "showlegend": False, "hoverinfo": "skip", "name": "selected event",
                    "marker": {"size": 22, "color": "rgba(0,0,0,0)", "line": {"width": 2.5, "color": theme.TEXT_COLOUR}},
                }  # fmt: skip
    return None


def _shapes(grid: _Grid, as_of: dt.date) -> list[dict]:
    """The as-of line, a tinted band behind each organization's rows, and a line below each lane."""
    shapes = [
        # Named, so that the browser can move it when the date alone changes (assets/blocs.js).
        {
            "type": "line", "name": AS_OF_LINE, "x0": as_of_x(as_of), "x1": as_of_x(as_of), "xref": "x",
            "y0": 0, "y1": 1, "yref": "y domain", "line": {"color": theme.TEXT_COLOUR, "width": 1.5, "dash": "dot"},
        }
    ]  # fmt: skip
    for org, first, last in grid.bands:
        shapes.append(
            {
                "type": "rect", "xref": "paper", "x0": 0, "x1": 1, "y0": first - 0.5, "y1": last + 0.5,
                "layer": "below", "fillcolor": theme.rgba(theme.org_colour(org), 0.07), "line": {"width": 0},
            }
        )  # fmt: skip
    for category in grid.lanes:
        shapes.append(
            {
                "type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": grid.lane_y[category] + 0.5,
                "y1": grid.lane_y[category] + 0.5, "layer": "below", "line": {"width": 1, "color": theme.RULE_COLOUR},
            }
        )  # fmt: skip
    return shapes


def _annotations(*, nothing: bool) -> list[dict]:
    """If `nothing` is drawn, what to do about it."""
    if not nothing:
        return []
    return [
        {
            "text": "Nothing matches the filters: select more organizations, statuses or event categories.",
            "showarrow": False, "x": 0.5, "y": 0.5, "xref": "paper", "yref": "paper",
        }
    ]  # fmt: skip


def _tick_rows(grid: _Grid, names: Mapping[str, str]) -> list[str]:
    """Each row's label: a band's name in bold on its own row, then its states' names."""
    return [
        f"<b>{names.get(org, org)}</b>" if iso3 is None else country_name(iso3) for org, iso3 in grid.rows
    ]


def _x_axis(
    periods: pd.DataFrame, events: pd.DataFrame, *, today: dt.date, start: dt.date | None, end: dt.date | None
) -> dict:
    """The time axis, from `start` (else the year before the data) to `end` (else the end of next year)."""
    day_values = list(periods["start_day"]) + list(events["day"])
    first_day = min(day_values).date() if day_values else dt.date(1990, 1, 1)
    x_range = [
        (start or dt.date(first_day.year - 1, 1, 1)).isoformat(),
        (end or dt.date(today.year + 1, 12, 31)).isoformat(),
    ]
    return {
        "type": "date",
        "range": x_range,
        "showgrid": True,
        "gridcolor": theme.RULE_COLOUR,
        "rangeslider": {"visible": True, "thickness": SLIDER_SHARE},
        # Labels never overflow here (the margins hold them); left to its default,
        # plotly.js checks every label against every other on each draw.
        "ticklabeloverflow": "allow",
    }


def _y_axis(grid: _Grid, tick_rows: Sequence[str]) -> dict:
    """The rows' states (`tick_rows`) and the lanes' categories, top to bottom."""
    return {
        "range": [grid.bottom + 0.2, -0.7],
        "tickvals": list(range(len(grid.rows))) + [grid.lane_y[c] for c in grid.lanes],
        "ticktext": list(tick_rows) + [f"<b>{vocabulary.category(c).label}</b>" for c in grid.lanes],
        "tickfont": {"size": TICK_FONT_PX},
        "fixedrange": True,
        "automargin": True,  # in saved images, whose margins grow to hold the legend
        "ticklabeloverflow": "allow",
        "showgrid": False,
        "zeroline": False,
    }


def _margin(grid: _Grid, tick_rows: Sequence[str], height: int) -> dict:
    """The margins: on the left, room for the widest label; below, for the time axis and its slider."""
    widest = max(
        [text_width(name, TICK_FONT_PX) for name in tick_rows if not name.startswith("<b>")]
        + [text_width(vocabulary.category(c).label, TICK_FONT_PX, bold=True) for c in grid.lanes]
        + [
            text_width(name.removeprefix("<b>").removesuffix("</b>"), TICK_FONT_PX, bold=True)
            for name in tick_rows
            if name.startswith("<b>")
        ],
        default=0,
    )
    return {
        **EDGE_MARGINS,
        "l": widest + LABEL_GAP_PX,
        "b": math.ceil(SLIDER_SHARE * height + BOTTOM_PX),
        "autoexpand": False,
    }


def build_timeline_figure(
    periods: pd.DataFrame,
    events: pd.DataFrame,
    *,
    orgs: Sequence[str],
    categories: Sequence[str] = CATEGORIES,
    as_of: dt.date,
    today: dt.date,
    start: dt.date | None = None,
    end: dt.date | None = None,
    selected_event: str | None = None,
    names: Mapping[str, str] | None = None,
) -> dict:
    """Membership periods in one band per organization, events in one lane per category, as the JSON plotly.js draws.

    Args:
        periods: membership rows to draw (see `data.members_as_of` and the `memberships` table).
        events: event rows to draw (see `data.events_between`).
        orgs: the selected organizations: one band each, in this order.
        categories: the event categories shown: one lane each.
        as_of: the day marked by the cursor line.
        today: where ongoing periods end.
        start: the first day shown, or None to start a year before the data.
        end: the last day shown, or None to end a year after today.
        selected_event: the id of an event to ring, if any.
        names: the name each band goes by, by organization id ("CSTO PA" for `CSTO_PA`); else its id.
    """
    grid = _grid(periods, orgs, categories)
    traces = _period_traces(periods, grid.rows, today) if grid.rows else []
    x_axis = _x_axis(periods, events, today=today, start=start, end=end)
    traces += _event_traces(
        events,
        orgs=orgs,
        categories=grid.lanes,
        lane_y=grid.lane_y,
        gap_days=marker_gap_days(x_axis["range"]),
        names=names,
    )
    ring = _selection_ring(traces, events, selected_event)
    if ring is not None:
        traces.append(ring)
    tick_rows = _tick_rows(grid, names or {})
    height = max(EDGES_PX + ROW_PX * len(grid.rows) + LANE_PX * len(grid.lanes), MIN_HEIGHT_PX)
    return theme.figure_of(
        traces,
        height=height,
        barmode="overlay",
        bargap=0,
        margin=_margin(grid, tick_rows, height),
        # The key is the page's (`key_entries`, components/timeline/layout.py): drawn by
        # plotly.js above the plot, the legend's height, which depends on the screen's
        # width, would decide the top margin, so the margins could not be set here.
        # Saved images show it, with margins plotly.js grows to fit. They also learn the
        # figure's height there: dcc.Graph draws it by the graph's size (`autosize`), without
        # `height` in the layout, and a slide needs it to keep the rows apart (assets/blocs.js).
        showlegend=False,
        meta={
            "export": {"showlegend": True, "margin": {**EDGE_MARGINS, "autoexpand": True}, "height": height}
        },
        legend={
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.0,
            "x": 0,
            "xanchor": "left",
            "font": {"size": 11},
        },
        xaxis=x_axis,
        yaxis=_y_axis(grid, tick_rows),
        hovermode="closest",
        clickmode="event",
        uirevision="timeline",
        shapes=_shapes(grid, as_of),
        annotations=_annotations(nothing=not grid.rows and events.empty),
    )
