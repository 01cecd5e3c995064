"""The overlap view's figures: an Euler diagram for up to three organizations, an UpSet chart beyond."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from data import PartialDate, country_name, vocabulary

from .. import theme
from ..text_width import text_width
from .placement import (
    NAME_FONT_PX,
    NO_NAMES,
    ORG_LABEL_PX,
    Circle,
    EulerPlan,
    OrgLabel,
    org_name,
    place_euler,
)

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
NOTE_FONT_PX = 11
NOTE_LINE_PX = 16
# The notes below the diagram are broken into lines this wide: the graph is at its
# narrowest (about 280 px) on a phone 320 px wide, less its 8 px margins.
NOTE_WIDTH_PX = 260
Regions = Mapping[frozenset[str], Sequence[str]]
# The UpSet chart: bars above, the dot matrix below, on one shared x axis.
UPSET_ROW_SHARES = (0.62, 0.38)
UPSET_ROW_GAP = 0.04


def region_name(region: frozenset[str], selected: Sequence[str], names: Mapping[str, str] = NO_NAMES) -> str:
    """A region named by its organizations (`names`, else their ids): "CSTO and SCO", "CSTO PA only"."""
    named = [org_name(org, names) for org in selected if org in region]
    return " and ".join(named) if len(named) > 1 else f"{named[0]} only"


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


def build_overlap_figure(
    regions: Regions,
    *,
    orgs: Sequence[str],
    statuses: Sequence[str],
    as_of: dt.date,
    selected: str | None = None,
    selected_region: frozenset[str] | None = None,
    names: Mapping[str, str] = NO_NAMES,
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
        names: each organization's name to show (its short name), by id; else its id.
    """
    orgs = list(orgs)
    if len(orgs) > MAX_EULER_SETS:
        return build_upset_figure(
            regions, orgs=orgs, statuses=statuses, as_of=as_of, selected_region=selected_region, names=names
        )
    counts = {org: sum(len(s) for region, s in regions.items() if org in region) for org in orgs}
    drawn = [org for org in orgs if counts[org]]
    empty = [org_name(org, names) for org in orgs if not counts[org]]
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

    plan = place_euler(regions, orgs=drawn, counts=counts, names=names)
    figure = _base_figure(as_of, notes + _drawing_notes(plan, names))
    layout = figure["layout"]
    layout["shapes"] = [
        _circle_shape(org, circle) for org, circle in zip(plan.orgs, plan.circles, strict=True)
    ]
    layout["annotations"] += [_org_annotation(label) for label in plan.labels]
    figure["data"] = _region_traces(plan, selected=selected, selected_region=selected_region, names=names)
    layout["xaxis"] = {"visible": False, "range": list(plan.x_range)}
    layout["yaxis"] = {"visible": False, "range": list(plan.y_range), "scaleanchor": "x", "scaleratio": 1}
    return figure


def _drawing_notes(plan: EulerPlan, names: Mapping[str, str]) -> list[str]:
    """What the drawing cannot show exactly, in words."""
    notes = []
    if plan.error > 0.01:
        notes.append(
            f"Three circles cannot show these overlaps exactly: areas are off by up to {plan.error:.0%}."
        )
    for region in plan.phantom:
        notes.append(
            f"The {region_name(region, plan.orgs, names)} circles overlap in the drawing, but no state is in all of them."
        )
    return notes


def _circle_shape(org: str, circle: Circle) -> dict:
    x, y, r = circle
    colour = theme.org_colour(org)
    return {
        "type": "circle", "x0": x - r, "x1": x + r, "y0": y - r, "y1": y + r, "layer": "below",
        "line": {"color": colour, "width": 2}, "fillcolor": colour, "opacity": 0.22,
    }  # fmt: skip


def _org_annotation(label: OrgLabel) -> dict:
    return {
        "x": label.x, "xanchor": label.xanchor, "y": label.y, "yshift": label.yshift, "text": label.text,
        "showarrow": False, "font": {"color": theme.org_colour(label.org), "size": ORG_LABEL_PX},
    }  # fmt: skip


def _region_traces(
    plan: EulerPlan, *, selected: str | None, selected_region: frozenset[str] | None, names: Mapping[str, str]
) -> list[dict]:
    """The regions' counts (clickable, each region's states on hover unless named) and their states' names."""
    hover = []
    for region in plan.regions:
        listed = "" if region.codes else "<br>" + _wrapped(country_name(c) for c in region.states)
        hover.append(
            f"<b>{region_name(region.region, plan.orgs, names)}</b>: {len(region.states)} states{listed}<br>Click to select them"
        )
    named = [(code, point) for region in plan.regions for code, point in region.codes]
    return [
        {
            "type": "scatter", "x": [r.count_at[0] for r in plan.regions], "y": [r.count_at[1] for r in plan.regions],
            "mode": "markers+text", "text": [f"<b>{len(r.states)}</b>" for r in plan.regions],
            # Dark text on the white disc, in dark colours too (the page's text is light then).
            "name": "regions", "textfont": {"size": 12, "color": theme.TEXT_COLOUR},
            "customdata": [["region", region_key(r.region, plan.orgs)] for r in plan.regions],
            "hovertext": hover, "hovertemplate": "%{hovertext}<extra></extra>",
            "marker": {
                "size": 24, "color": "rgba(255,255,255,0.9)",
                "line": {
                    "width": 2,
                    "color": [theme.TEXT_COLOUR if selected_region == r.region else "#FFFFFF" for r in plan.regions],
                },
            },
        },
        {
            "type": "scatter", "x": [x for _, (x, _) in named], "y": [y for _, (_, y) in named], "mode": "text",
            "text": [f"<b>[{code}]</b>" if code == selected else code for code, _ in named], "name": "states",
            "textfont": {"size": NAME_FONT_PX}, "customdata": [["state", code] for code, _ in named],
            "hovertext": [country_name(code) for code, _ in named], "hovertemplate": "%{hovertext}<extra></extra>",
        },
    ]  # fmt: skip


def build_upset_figure(
    regions: Regions,
    *,
    orgs: Sequence[str],
    statuses: Sequence[str],
    as_of: dt.date,
    selected_region: frozenset[str] | None = None,
    names: Mapping[str, str] = NO_NAMES,
) -> dict:
    """An UpSet chart: one bar per non-empty intersection, and a dot matrix naming its organizations.

    `names`: each organization's name to show (its short name), by id; else its id.
    """
    orgs = list(orgs)
    notes = [counting_note(statuses)]
    columns = sorted(
        (region for region, states in regions.items() if states),
        key=lambda region: (-len(regions[region]), [orgs.index(o) for o in orgs if o in region]),
    )
    if not columns:
        return _message(_base_figure(as_of, notes), "No state is counted on this date.")
    figure = _base_figure(as_of, notes)
    figure["data"] = [_upset_bars(regions, columns, orgs, selected_region, names)]
    for position, region in enumerate(columns):
        figure["data"] += _upset_matrix_column(position, region, orgs)
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
            anchor="x2", domain=[0.0, round(lower * plotted, 4)], tickvals=list(range(len(orgs))),
            ticktext=[org_name(org, names) for org in orgs], autorange="reversed", showgrid=False,
        ),
    )  # fmt: skip
    return figure


def _upset_bars(
    regions: Regions,
    columns: Sequence[frozenset[str]],
    orgs: Sequence[str],
    selected_region: frozenset[str] | None,
    names: Mapping[str, str],
) -> dict:
    """The UpSet chart's bars: one per region in `columns`, its number of states."""
    return {
        "type": "bar",
        "xaxis": "x",
        "yaxis": "y",
        "x": list(range(len(columns))),
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
            f"<b>{region_name(region, orgs, names)}</b><br>"
            + ", ".join(country_name(c) for c in regions[region])
            for region in columns
        ],
        "hovertemplate": "%{hovertext}<extra></extra>",
        "name": "intersections",
    }


def _upset_matrix_column(position: int, region: frozenset[str], orgs: Sequence[str]) -> list[dict]:
    """The dot matrix's column under bar `position`: a dot per organization, those in `region` dark and joined."""
    members = [orgs.index(org) for org in orgs if org in region]
    column = [
        {
            "type": "scatter", "xaxis": "x2", "yaxis": "y2", "x": [position] * len(orgs),
            "y": list(range(len(orgs))), "mode": "markers", "hoverinfo": "skip", "showlegend": False,
            "marker": {
                "size": 11,
                "color": [theme.TEXT_COLOUR if i in members else "#DEE2E6" for i in range(len(orgs))],
            },
        }
    ]  # fmt: skip
    if len(members) > 1:
        column.append(
            {
                "type": "scatter", "xaxis": "x2", "yaxis": "y2", "x": [position, position],
                "y": [min(members), max(members)], "mode": "lines", "hoverinfo": "skip", "showlegend": False,
                "line": {"color": theme.TEXT_COLOUR, "width": 2},
            }
        )  # fmt: skip
    return column


def _upset_y_axis(**options: object) -> dict:
    """A y axis of the UpSet chart: labels that push the margin out rather than being cut off, a faint grid."""
    return {
        "automargin": True,
        "gridcolor": theme.RULE_COLOUR,
        "zeroline": False,
        "fixedrange": True,
        **options,
    }
