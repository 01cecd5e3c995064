"""One colour per organization, shared by every view, and the figures' base template.

The colours come from the Okabe-Ito palette, chosen to stay distinct for readers
with the common forms of colour blindness; `tests/components/test_theme.py` checks every
map the data can produce with a simulator of protanopia, deuteranopia and tritanopia.
"""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

ORG_COLOURS = {
    "CSTO": "#D55E00",  # vermillion
    "SCO": "#0072B2",  # blue
    "NATO": "#009E73",  # bluish green
    "CSTO_PA": "#E69F00",  # orange
}
FALLBACK_COLOUR = "#56B4E9"  # sky blue, for an organization added to the data later

# A state in two or more selected organizations: a colour of its own, not one of theirs.
# The first is the CSTO and SCO overlap (reddish purple); the others (Paul Tol's wine and
# indigo) serve combinations the data have not needed so far.
OVERLAP_COLOURS = ("#CC79A7", "#882255", "#332288")
ASSOCIATE_OVERLAP_COLOUR = "#A0D6F1"  # Paul Tol's cyan, lightened
FORMER_COLOUR = "#B8B8B8"
SUSPENDED_COLOUR = "#F0E442"  # yellow
LAND_COLOUR = "#EFEFEF"
BORDER_COLOUR = "#FFFFFF"
TEXT_COLOUR = "#212529"
MUTED_TEXT_COLOUR = "#6C757D"
FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'


def graph_config(**extra: object) -> dict:
    """The `dcc.Graph` config every view shares, plus `extra` entries."""
    return {
        "displaylogo": False,
        "displayModeBar": "hover",
        "toImageButtonOptions": {"format": "png", "scale": 3},
        **extra,
    }


def org_colour(org: str) -> str:
    """The colour of one organization."""
    return ORG_COLOURS.get(org, FALLBACK_COLOUR)


def overlap_colour(orgs: Sequence[str], selected: Sequence[str]) -> str:
    """The colour of the region shared by `orgs`, stable for a given selection."""
    if len(orgs) == 1:
        return org_colour(orgs[0])
    pairs = [tuple(sorted((a, b))) for position, a in enumerate(selected) for b in selected[position + 1 :]]
    if len(orgs) == 2 and tuple(sorted(orgs)) in pairs:
        return OVERLAP_COLOURS[pairs.index(tuple(sorted(orgs))) % len(OVERLAP_COLOURS)]
    return OVERLAP_COLOURS[-1]


def associate_colour(orgs: Sequence[str]) -> str:
    """The colour of observers or partners of `orgs`.

    A tint of the organization's colour, or pale cyan for a state associated with several.
    """
    return tint(org_colour(orgs[0])) if len(orgs) == 1 else ASSOCIATE_OVERLAP_COLOUR


def tint(colour: str, amount: float = 0.4) -> str:
    """`colour` mixed with white; `amount` 0 keeps it, 1 gives white."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    mixed = (round(c + (255 - c) * amount) for c in (red, green, blue))
    return "#" + "".join(f"{c:02X}" for c in mixed)


TEMPLATE = go.layout.Template(
    layout=go.Layout(
        font={"family": FONT_FAMILY, "color": TEXT_COLOUR, "size": 13},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        hoverlabel={"font": {"family": FONT_FAMILY}, "align": "left"},
        legend={"bgcolor": "rgba(255,255,255,0.8)"},
        margin={"l": 8, "r": 8, "t": 8, "b": 8},
    )
)


DARK = {
    "text": "#DEE2E6",
    "land": "#3A3F44",
    "border": "#212529",
    "grid": "#495057",
    "legend": "rgba(33,37,41,0.8)",
}


def rgba(colour: str, alpha: float) -> str:
    """`colour` (#RRGGBB) with transparency, for fills that suit light and dark backgrounds alike."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def mode_of(value: object) -> str:
    """The colour mode a theme store holds: "dark", or "light" for anything else."""
    return "dark" if value == "dark" else "light"


def styled(figure: go.Figure, mode: object) -> go.Figure:
    """`figure` restyled for the page's colour mode: unchanged for light, recoloured for `"dark"`."""
    if mode != "dark":
        return figure
    figure.update_layout(
        font_color=DARK["text"],
        legend_bgcolor=DARK["legend"],
        hoverlabel={"bgcolor": "#212529", "font": {"color": DARK["text"]}},
    )
    figure.update_geos(landcolor=DARK["land"], countrycolor=DARK["border"])
    figure.update_xaxes(gridcolor=DARK["grid"])
    figure.update_yaxes(gridcolor=DARK["grid"])
    for trace in figure.data:
        if trace.type == "choropleth" and trace.marker.line.color == TEXT_COLOUR:
            trace.marker.line.color = DARK["text"]  # a selection's outline
        elif trace.type == "choropleth" and trace.marker.line.color == BORDER_COLOUR:
            trace.marker.line.color = DARK["border"]
    for shape in figure.layout.shapes:
        if shape.line.color == TEXT_COLOUR:
            shape.line.color = DARK["text"]
    for annotation in figure.layout.annotations:
        if annotation.bgcolor:
            annotation.bgcolor = DARK["legend"]
    return figure
