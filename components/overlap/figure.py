"""The overlap view's figures: an Euler diagram for up to three organizations, an UpSet chart beyond."""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Mapping, Sequence

from data import PartialDate, country_name, vocabulary

from .. import theme
from ..text_width import text_width
from .geometry import layout_euler

__all__ = [
    "MAX_EULER_SETS",
    "TITLE",
    "build_overlap_figure",
    "build_upset_figure",
    "counting_note",
    "region_key",
    "region_name",
]

MAX_EULER_SETS = 3
MAX_NAMES_SHOWN = 12  # a region with more states shows its count; hover lists them
PLOT_HEIGHT_PX = 360  # the drawing area of the graph, for spacing names in data units
# The diagram's width at its narrowest on a 1024 px projector, and on a phone 360 px wide.
PROJECTOR_PLOT_PX = 350
PHONE_PLOT_PX = 300
ORG_LABEL_PX = 14
NAME_WIDTH_PX = 34
NAME_HEIGHT_PX = 15
NAME_FONT_PX = 11
NOTE_FONT_PX = 11
NOTE_LINE_PX = 16
# The notes below the diagram are broken into lines this wide: the graph is at its
# narrowest (about 280 px) on a phone 320 px wide, less its 8 px margins.
NOTE_WIDTH_PX = 260
Regions = Mapping[frozenset[str], Sequence[str]]
# The UpSet chart: bars above, the dot matrix below, on one shared x axis.
UPSET_ROW_SHARES = (0.62, 0.38)
UPSET_ROW_GAP = 0.04


def region_name(region: frozenset[str], selected: Sequence[str]) -> str:
    """A region named by its organizations: "CSTO and SCO", "CSTO only"."""
    names = [org for org in selected if org in region]
    return " and ".join(names) if len(names) > 1 else f"{names[0]} only"


def region_key(region: frozenset[str], selected: Sequence[str]) -> str:
    """The region as its organizations in selection order, comma-separated: "CSTO,SCO"."""
    return ",".join(org for org in selected if org in region)


def counting_note(statuses: Sequence[str]) -> str:
    """What the diagram counts, in words: "Counting members and signatories"."""
    words = [status.plural for status in vocabulary.STATUSES.values() if status.id in statuses]
    if not words:
        return "Counting no status: choose at least one in Statuses."
    listed = ", ".join(words[:-1]) + (" and " if len(words) > 1 else "") + words[-1]
    return f"Counting {listed}."


TITLE = "States in common as of "  # and the day shown


def _title(as_of: dt.date) -> dict:
    return {
        "text": TITLE + PartialDate.of_day(as_of).label(),
        "font": {"size": 14},
        "x": 0.01,
        "xanchor": "left",
    }


def note_lines(note: str, width: int = NOTE_WIDTH_PX) -> list[str]:
    """`note` broken at spaces into lines at most `width` px wide (a longer word keeps a line of its own)."""
    lines: list[str] = []
    for word in note.split():
        if lines and text_width(f"{lines[-1]} {word}", NOTE_FONT_PX) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _base_figure(as_of: dt.date, notes: Sequence[str]) -> dict:
    """A figure with no traces yet: the title, and `notes` below the drawing, each on lines of its own."""
    annotations, below = [], 0
    for note in notes:
        lines = note_lines(note)
        annotations.append(
            {
                "text": "<br>".join(lines), "showarrow": False, "x": 0, "xanchor": "left", "xref": "paper", "y": 0,
                "yref": "paper", "yanchor": "top", "yshift": -4 - NOTE_LINE_PX * below, "align": "left",
                "font": {"size": NOTE_FONT_PX, "color": theme.MUTED_TEXT_COLOUR},
            }
        )  # fmt: skip
        below += len(lines)
    return theme.figure_of(
        [],
        title=_title(as_of),
        showlegend=False,
        margin={"l": 8, "r": 8, "t": 32, "b": 8 + NOTE_LINE_PX * below},
        dragmode=False,
        clickmode="event",
        hovermode="closest",
        annotations=annotations,
    )


def _message(figure: dict, text: str) -> dict:
    layout = figure["layout"]
    layout["xaxis"] = {"visible": False}
    layout["yaxis"] = {"visible": False}
    layout["annotations"].append(
        {"text": text, "showarrow": False, "x": 0.5, "y": 0.5, "xref": "paper", "yref": "paper"}
    )
    return figure


def _wrapped(names, per_line: int = 5) -> str:
    names = list(names)
    return "<br>".join(", ".join(names[i : i + per_line]) for i in range(0, len(names), per_line))


COUNT_PX = 24  # the marker that holds a region's count


def _name_grid(states: Sequence[str], centre: tuple[float, float], unit: float) -> list[tuple[float, float]]:
    """Positions for `states` in a grid below the region's count, the two centred on `centre`.

    `unit`: data units per pixel.
    """
    columns, _ = _grid_shape(len(states))
    dx, dy = NAME_WIDTH_PX * unit, NAME_HEIGHT_PX * unit
    x0 = centre[0]
    first_row = _count_y(len(states), centre, unit) - (COUNT_PX / 2 + 2) * unit - dy / 2
    positions = []
    for index in range(len(states)):
        row, column = divmod(index, columns)
        in_row = min(columns, len(states) - row * columns)
        positions.append((x0 + (column - (in_row - 1) / 2) * dx, first_row - row * dy))
    return positions


def _grid_shape(names: int) -> tuple[int, int]:
    """Columns and rows of a grid of `names`: at most three columns, wider than tall."""
    columns = max(1, min(3, math.ceil(math.sqrt(names * 1.5))))
    return columns, math.ceil(names / columns)


def _count_y(names: int, centre: tuple[float, float], unit: float) -> float:
    """Where a region's count stands: at `centre`, or above its `names` with the two centred there."""
    if not names:
        return centre[1]
    _, rows = _grid_shape(names)
    height = COUNT_PX + 2 + rows * NAME_HEIGHT_PX
    return centre[1] + (height / 2 - COUNT_PX / 2) * unit


Box = tuple[float, float, float, float]  # left, right, bottom, top, in data units


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]


def _region_box(
    point: tuple[float, float], names: Sequence[tuple[str, tuple[float, float]]], count_y: float, unit: float
) -> Box:
    """What a region's count (a 24 px marker at `count_y`) and its names take up, `unit` data units a pixel."""
    x = point[0]
    xs, ys = [x - 13 * unit, x + 13 * unit], [count_y - 13 * unit, count_y + 13 * unit]
    for code, (name_x, name_y) in names:
        half = text_width(code, NAME_FONT_PX) / 2 * unit
        xs += [name_x - half, name_x + half]
        ys += [name_y - NAME_HEIGHT_PX / 2 * unit, name_y + NAME_HEIGHT_PX / 2 * unit]
    return min(xs), max(xs), min(ys), max(ys)


def _org_labels(
    orgs: Sequence[str], circles: Sequence[tuple[float, float, float]], counts: Mapping[str, int], unit: float
) -> dict[str, tuple[dict, Box]]:
    """Where each organization's name stands, as annotation properties, and the box it takes up.

    Above its circle, reaching away from the diagram's middle: two circles' tops can stand
    closer together than their names are long. A name that would still run into another
    organization's goes below its circle instead, the smaller circle's first.
    """
    middle = (min(x - r for x, _, r in circles) + max(x + r for x, _, r in circles)) / 2
    placed: dict[str, tuple[dict, Box]] = {}
    for org, (x, y, r) in sorted(zip(orgs, circles, strict=True), key=lambda item: -item[1][2]):
        side = "center" if abs(x - middle) < 0.1 * r else "right" if x < middle else "left"
        width = text_width(f"{org} ({counts[org]})", ORG_LABEL_PX, bold=True) * unit
        left = {"center": x - width / 2, "right": x - width, "left": x}[side]
        height = 20 * unit
        above = (left, left + width, y + r, y + r + height)
        below = (left, left + width, y - r - height, y - r)
        if any(_overlap(above, other) for _, other in placed.values()):
            placed[org] = ({"x": x, "xanchor": side, "y": y - r, "yshift": -10}, below)
        else:
            placed[org] = ({"x": x, "xanchor": side, "y": y + r, "yshift": 10}, above)
    return placed


def build_overlap_figure(
    regions: Regions,
    *,
    orgs: Sequence[str],
    statuses: Sequence[str],
    as_of: dt.date,
    selected: str | None = None,
    selected_region: frozenset[str] | None = None,
) -> dict:
    """An area-proportional Euler diagram of the selected organizations' states, as the JSON plotly.js draws.

    Circles' areas are proportional to the number of states each organization
    counts, their overlaps to the number they share (exact for two; best fit for
    three, with the remaining error stated). Each region shows a clickable count and
    the ISO codes of its states, with full names on hover. More than three
    organizations get an UpSet chart instead (see `build_upset_figure`).

    Args:
        regions: the states of each region (see `data.overlap_regions`).
        orgs: the selected organizations, in order.
        statuses: the statuses counted, stated under the diagram.
        as_of: the day shown.
        selected: ISO code of a state to mark, if any.
        selected_region: a region to mark, if any.
    """
    orgs = list(orgs)
    if len(orgs) > MAX_EULER_SETS:
        return build_upset_figure(
            regions, orgs=orgs, statuses=statuses, as_of=as_of, selected_region=selected_region
        )
    counts = {org: sum(len(s) for region, s in regions.items() if org in region) for org in orgs}
    drawn = [org for org in orgs if counts[org]]
    empty = [org for org in orgs if not counts[org]]
    notes = [counting_note(statuses)]
    if empty:
        notes.append(f"{' and '.join(empty)}: no state counted on this date.")
    if not drawn:
        text = (
            "Select organizations to compare their states."
            if not orgs
            else "No state is counted on this date."
        )
        return _message(_base_figure(as_of, notes), text)

    sizes = {region: len(states) for region, states in regions.items() if region <= set(drawn)}
    if len(drawn) == 1:
        radius = math.sqrt(counts[drawn[0]] / math.pi)
        circles = [(0.0, 0.0, radius)]
        label_points = {frozenset(drawn): (0.0, 0.0)}
        error, phantom = 0.0, []
    else:
        euler = layout_euler(drawn, sizes)
        circles = [(c.x, c.y, c.r) for c in euler.circles]
        label_points = dict(euler.label_points)
        error = euler.error
        total_area = sum(euler.areas.values())
        phantom = [
            region
            for region, area in euler.areas.items()
            if sizes.get(region, 0) == 0 and area / total_area > 0.01
        ]
    if error > 0.01:
        notes.append(f"Three circles cannot show these overlaps exactly: areas are off by up to {error:.0%}.")
    for region in phantom:
        notes.append(
            f"The {region_name(region, drawn)} circles overlap in the drawing, but no state is in all of them."
        )

    figure = _base_figure(as_of, notes)
    left = min(x - r for x, _, r in circles)
    right = max(x + r for x, _, r in circles)
    bottom = min(y - r for _, y, r in circles)
    top = max(y + r for _, y, r in circles)
    pad = 0.12 * max(right - left, top - bottom)
    y_range = [bottom - pad, top + pad * 1.6]
    # Data units per pixel, limited by the diagram's height on a wide screen and by its
    # width on a narrow one. Names are spaced for a phone, so that a region's names keep
    # apart there, and checked for room on a projector, so that they are not given up
    # wherever a phone would lack it.
    height_unit = (y_range[1] - y_range[0]) / PLOT_HEIGHT_PX
    unit = max(height_unit, (right - left + 2 * pad) / PROJECTOR_PLOT_PX)
    spacing = max(height_unit, (right - left + 2 * pad) / PHONE_PLOT_PX)
    layout = figure["layout"]
    layout["shapes"] = []
    labels = _org_labels(drawn, circles, counts, unit)
    for org, (x, y, r) in zip(drawn, circles, strict=True):
        colour = theme.org_colour(org)
        layout["shapes"].append(
            {
                "type": "circle", "x0": x - r, "x1": x + r, "y0": y - r, "y1": y + r, "layer": "below",
                "line": {"color": colour, "width": 2}, "fillcolor": colour, "opacity": 0.22,
            }
        )  # fmt: skip
        label, _ = labels[org]
        layout["annotations"].append(
            {**label, "text": f"<b>{org}</b> ({counts[org]})", "showarrow": False, "font": {"color": colour, "size": ORG_LABEL_PX}}
        )  # fmt: skip

    shown = [(region, point, list(regions.get(region, ()))) for region, point in label_points.items()]
    shown = [(region, point, states) for region, point, states in shown if point is not None and states]
    grids = {
        region: list(zip(states, _name_grid(states, point, spacing), strict=True))
        if len(states) <= MAX_NAMES_SHOWN
        else []
        for region, point, states in shown
    }
    # Names only where every region's names and count keep clear of the others' and of
    # the organizations' names; else the counts alone, and the names on hover.
    boxes = [
        _region_box(point, grids[region], _count_y(len(grids[region]), point, spacing), unit)
        for region, point, _ in shown
    ]
    boxes += [box for _, box in labels.values()]
    named = not any(_overlap(a, b) for a, b in itertools.combinations(boxes, 2))

    region_x, region_y, region_text, region_hover, region_keys, region_lines = [], [], [], [], [], []
    name_x, name_y, name_text, name_hover, name_codes = [], [], [], [], []
    for region, point, states in shown:
        marked = selected_region == region
        region_x.append(point[0])
        region_y.append(_count_y(len(grids[region]) if named else 0, point, spacing))
        region_text.append(f"<b>{len(states)}</b>")
        drawn_names = named and bool(grids[region])
        listed = "" if drawn_names else "<br>" + _wrapped(country_name(c) for c in states)
        region_hover.append(
            f"<b>{region_name(region, drawn)}</b>: {len(states)} states{listed}<br>Click to select them"
        )
        region_keys.append(region_key(region, drawn))
        region_lines.append(theme.TEXT_COLOUR if marked else "#FFFFFF")
        if not drawn_names:
            continue
        for code, (x, y) in grids[region]:
            name_x.append(x)
            name_y.append(y)
            name_text.append(f"<b>[{code}]</b>" if code == selected else code)
            name_hover.append(country_name(code))
            name_codes.append(code)
    figure["data"] = [
        {
            "type": "scatter", "x": region_x, "y": region_y, "mode": "markers+text", "text": region_text,
            "name": "regions", "textfont": {"size": 12}, "customdata": [["region", key] for key in region_keys],
            "hovertext": region_hover, "hovertemplate": "%{hovertext}<extra></extra>",
            "marker": {"size": 24, "color": "rgba(255,255,255,0.9)", "line": {"width": 2, "color": region_lines}},
        },
        {
            "type": "scatter", "x": name_x, "y": name_y, "mode": "text", "text": name_text, "name": "states",
            "textfont": {"size": NAME_FONT_PX}, "customdata": [["state", code] for code in name_codes],
            "hovertext": name_hover, "hovertemplate": "%{hovertext}<extra></extra>",
        },
    ]  # fmt: skip
    layout["xaxis"] = {"visible": False, "range": [left - pad, right + pad]}
    layout["yaxis"] = {"visible": False, "range": y_range, "scaleanchor": "x", "scaleratio": 1}
    return figure


def build_upset_figure(
    regions: Regions,
    *,
    orgs: Sequence[str],
    statuses: Sequence[str],
    as_of: dt.date,
    selected_region: frozenset[str] | None = None,
) -> dict:
    """An UpSet chart: one bar per non-empty intersection, and a dot matrix naming its organizations."""
    orgs = list(orgs)
    notes = [counting_note(statuses)]
    columns = sorted(
        (region for region, states in regions.items() if states),
        key=lambda region: (-len(regions[region]), [orgs.index(o) for o in orgs if o in region]),
    )
    if not columns:
        return _message(_base_figure(as_of, notes), "No state is counted on this date.")
    figure = _base_figure(as_of, notes)
    positions = list(range(len(columns)))
    traces = [
        {
            "type": "bar",
            "xaxis": "x",
            "yaxis": "y",
            "x": positions,
            "y": [len(regions[region]) for region in columns],
            "text": [str(len(regions[region])) for region in columns],
            "textposition": "outside",
            "marker": {
                "color": [theme.overlap_colour([o for o in orgs if o in r], orgs) for r in columns],
                "line": {
                    "width": [3 if r == selected_region else 0 for r in columns],
                    "color": theme.TEXT_COLOUR,
                },
            },
            "customdata": [["region", region_key(region, orgs)] for region in columns],
            "hovertext": [
                f"<b>{region_name(region, orgs)}</b><br>"
                + ", ".join(country_name(c) for c in regions[region])
                for region in columns
            ],
            "hovertemplate": "%{hovertext}<extra></extra>",
            "name": "intersections",
        }
    ]
    for position, region in zip(positions, columns, strict=True):
        members = [orgs.index(org) for org in orgs if org in region]
        traces.append(
            {
                "type": "scatter", "xaxis": "x2", "yaxis": "y2", "x": [position] * len(orgs),
                "y": list(range(len(orgs))), "mode": "markers", "hoverinfo": "skip", "showlegend": False,
                "marker": {
                    "size": 11,
                    "color": [theme.TEXT_COLOUR if i in members else "#DEE2E6" for i in range(len(orgs))],
                },
            }
        )  # fmt: skip
        if len(members) > 1:
            traces.append(
                {
                    "type": "scatter", "xaxis": "x2", "yaxis": "y2", "x": [position, position],
                    "y": [min(members), max(members)], "mode": "lines", "hoverinfo": "skip", "showlegend": False,
                    "line": {"color": theme.TEXT_COLOUR, "width": 2},
                }
            )  # fmt: skip
    figure["data"] = traces
    upper, lower = UPSET_ROW_SHARES
    plotted = 1 - UPSET_ROW_GAP
    figure["layout"].update(
        xaxis={"anchor": "y", "domain": [0.0, 1.0], "matches": "x2", "showticklabels": False, "visible": False},
        xaxis2={"anchor": "y2", "domain": [0.0, 1.0], "visible": False},
        yaxis=_upset_y_axis(
            anchor="x", domain=[round(1 - upper * plotted, 4), 1.0], title={"text": "States", "standoff": 15},
            rangemode="tozero",
        ),
        yaxis2=_upset_y_axis(
            anchor="x2", domain=[0.0, round(lower * plotted, 4)], tickvals=list(range(len(orgs))), ticktext=orgs,
            autorange="reversed", showgrid=False,
        ),
    )  # fmt: skip
    return figure


def _upset_y_axis(**options: object) -> dict:
    """A y axis of the UpSet chart: labels that push the margin out rather than being cut off, a faint grid."""
    return {"automargin": True, "gridcolor": "#E9ECEF", "zeroline": False, "fixedrange": True, **options}
