"""One colour per organization, shared by every view, and the figures' base template.

The colours come from the Okabe-Ito palette and Paul Tol's, chosen to stay distinct
for readers with the common forms of colour blindness and handed out by the
organizations' order in the data (`PALETTE`); `tests/components/test_theme.py` checks every
map the data can produce with a simulator of protanopia, deuteranopia and tritanopia.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence

import data

# The organizations' colours, and then their overlaps', in the order they are handed out:
# Okabe-Ito's, then Paul Tol's (muted, then bright), each kept only where it stays
# clearly apart (CIE ΔE >= 10) from every colour before it and from the reserved ones
# below, with normal vision and with simulated protanopia, deuteranopia and tritanopia
# (`tests/components/test_theme.py` checks it). Black is left out: the map's text and
# outlines are dark. The organizations take the first colours in their order in
# organizations.csv (vermillion for the CSTO, blue for the SCO, bluish green for NATO,
# orange for the CSTO Parliamentary Assembly); an organization added to the data takes
# the next one, and the overlaps the ones after (reddish purple for the CSTO and SCO).
PALETTE = (
    "#D55E00",  # vermillion
    "#0072B2",  # blue
    "#009E73",  # bluish green
    "#E69F00",  # orange
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#882255",  # Tol's wine
    "#332288",  # Tol's indigo
    "#117733",  # Tol's green
    "#999933",  # Tol's olive
    "#EE6677",  # Tol's red
    "#AA3377",  # Tol's purple
)
ASSOCIATE_OVERLAP_COLOUR = "#A0D6F1"  # Paul Tol's cyan, lightened
FORMER_COLOUR = "#B8B8B8"
SUSPENDED_COLOUR = "#F0E442"  # yellow
SIGNATORY_TINT = 0.6  # a signatory: paler than an observer (0.4), it is not in yet
LAND_COLOUR = "#EFEFEF"
BORDER_COLOUR = "#FFFFFF"
TEXT_COLOUR = "#212529"
MUTED_TEXT_COLOUR = "#6C757D"
RULE_COLOUR = "#E9ECEF"  # grid lines and rules between lanes: near-white in dark colours unless restyled
FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'


def graph_config(**extra: object) -> dict:
    """The `dcc.Graph` config every view shares, plus `extra` entries."""
    return {
        "displaylogo": False,
        # plotly.js offers to upload the chart to Plotly Cloud ("Share chart..."): nothing
        # leaves the reader's machine, and the page has a Share of its own.
        "showSendToCloud": False,
        "showEditInChartStudio": False,
        "displayModeBar": "hover",
        "toImageButtonOptions": {"format": "png", "scale": 3},
        **extra,
    }


def _families() -> tuple[str, ...]:
    return data.bundled_dataset().families


def org_colours(families: Sequence[str]) -> dict[str, str]:
    """The colour of each organization a reader can select, by its order in the data."""
    return {org: PALETTE[position % len(PALETTE)] for position, org in enumerate(families)}


def org_colour(org: str, families: Sequence[str] | None = None) -> str:
    """The colour of one organization.

    Args:
        org: its id.
        families: the organizations a reader can select, in the data's order (see
            `data.Dataset.families`); by default the app's dataset's. An id not among
            them takes the colour after theirs.
    """
    families = list(_families() if families is None else families)
    position = families.index(org) if org in families else len(families)
    return PALETTE[position % len(PALETTE)]


def overlap_colour(
    orgs: Sequence[str], selected: Sequence[str], families: Sequence[str] | None = None
) -> str:
    """The colour of the region shared by `orgs`, stable for a given selection.

    One organization has its own colour. Combinations of the selected organizations
    (pairs first, in the selection's order, then larger ones) take the palette's
    colours after the organizations'.
    """
    if len(orgs) == 1:
        return org_colour(orgs[0], families)
    count = len(_families() if families is None else families)
    spare = PALETTE[count:] or PALETTE
    wanted = frozenset(orgs)
    combinations = [
        frozenset(combination)
        for size in range(2, len(selected) + 1)
        for combination in itertools.combinations(selected, size)
    ]
    position = combinations.index(wanted) if wanted in combinations else len(combinations)
    return spare[position % len(spare)]


def associate_colour(orgs: Sequence[str], families: Sequence[str] | None = None) -> str:
    """The colour of observers or partners of `orgs`.

    A tint of the organization's colour, or pale cyan for a state associated with several.
    """
    return tint(org_colour(orgs[0], families)) if len(orgs) == 1 else ASSOCIATE_OVERLAP_COLOUR


def group_colour(
    role: str, orgs: Sequence[str], selected: Sequence[str], families: Sequence[str] | None = None
) -> str:
    """The colour of a state whose statuses in `orgs` fall in a group with this colour role.

    Args:
        role: the group's `colour_role` (see `data.vocabulary.COLOUR_ROLES`): "org" for the
            organizations' own colour (or their overlap's), "tint" for a pale one, "associate"
            for observers and partners, "suspended" for one colour whatever the organization.
        orgs: the organizations the state's status is in, in selection order.
        selected: the selected organizations, in order.
        families: as for `org_colour`.
    """
    if role == "suspended":
        return SUSPENDED_COLOUR
    if role == "associate":
        return associate_colour(orgs, families)
    colour = overlap_colour(orgs, selected, families)
    return tint(colour, SIGNATORY_TINT) if role == "tint" else colour


def tint(colour: str, amount: float = 0.4) -> str:
    """`colour` mixed with white; `amount` 0 keeps it, 1 gives white."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    mixed = (round(c + (255 - c) * amount) for c in (red, green, blue))
    return "#" + "".join(f"{c:02X}" for c in mixed)


# The figures are the JSON plotly.js draws, built as plain dicts: plotly.py's validated
# objects cost several times as much to build, and loading their validators alone a
# tenth of the start-up (bench/RESULTS.md). The unit tests validate every figure they
# build with `plotly.graph_objects.Figure`, which rejects a misspelt property.
TEMPLATE = {
    "layout": {
        "font": {"color": TEXT_COLOUR, "family": FONT_FAMILY, "size": 13},
        "hoverlabel": {"align": "left", "font": {"family": FONT_FAMILY}},
        "legend": {"bgcolor": "rgba(255,255,255,0.8)"},
        "margin": {"b": 8, "l": 8, "r": 8, "t": 8},
        # plotly.js derives the toolbar's ground from the (transparent) paper: a dark veil
        # with pale icons on the light page. Bootstrap's greys and focus blue instead.
        "modebar": {"bgcolor": "rgba(255,255,255,0.85)", "color": "#5C636A", "activecolor": "#0A58CA"},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
    }
}


def figure_of(data: list[dict], **layout: object) -> dict:
    """A figure of `data` (traces as dicts) with the base template and `layout`."""
    return {"data": data, "layout": {"template": TEMPLATE, **layout}}


def merge(target: dict, changes: dict) -> dict:
    """`target` with `changes` written into it, nested dicts merged rather than replaced."""
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            merge(target[key], value)
        else:
            target[key] = value
    return target


DARK = {
    "text": "#DEE2E6",
    "land": "#3A3F44",
    "border": "#212529",
    "grid": "#495057",
    "legend": "rgba(33,37,41,0.8)",
    "modebar": {"bgcolor": "rgba(33,37,41,0.85)", "color": "#ADB5BD", "activecolor": "#8BB9FE"},
}


def rgba(colour: str, alpha: float) -> str:
    """`colour` (#RRGGBB) with transparency, for fills that suit light and dark backgrounds alike."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def mode_of(value: object) -> str:
    """The colour mode a theme store holds: "dark", or "light" for anything else."""
    return "dark" if value == "dark" else "light"


def _axes(layout: dict) -> Iterator[dict]:
    """Every cartesian axis of `layout`: xaxis, yaxis, xaxis2 and so on."""
    for name, axis in layout.items():
        if name.startswith(("xaxis", "yaxis")) and isinstance(axis, dict):
            yield axis


def styled(figure: dict, mode: object) -> dict:
    """`figure` restyled for the page's colour mode: unchanged for light, recoloured for `"dark"`."""
    if mode != "dark":
        return figure
    layout = figure.setdefault("layout", {})
    merge(
        layout,
        {
            "font": {"color": DARK["text"]},
            "legend": {"bgcolor": DARK["legend"]},
            "hoverlabel": {"bgcolor": "#212529", "font": {"color": DARK["text"]}},
            "modebar": dict(DARK["modebar"]),
        },
    )
    if "geo" in layout:
        merge(layout["geo"], {"landcolor": DARK["land"], "countrycolor": DARK["border"]})
    for axis in _axes(layout):
        axis["gridcolor"] = DARK["grid"]
    for trace in figure.get("data", []):
        line = trace.get("marker", {}).get("line", {})
        if trace.get("type") == "choropleth" and line.get("color") == TEXT_COLOUR:
            line["color"] = DARK["text"]  # a selection's outline
        elif trace.get("type") == "choropleth" and line.get("color") == BORDER_COLOUR:
            line["color"] = DARK["border"]
    for shape in layout.get("shapes", []):
        if shape.get("line", {}).get("color") == TEXT_COLOUR:
            shape["line"]["color"] = DARK["text"]
        elif shape.get("line", {}).get("color") == RULE_COLOUR:
            shape["line"]["color"] = DARK["grid"]
    for annotation in layout.get("annotations", []):
        if annotation.get("bgcolor"):
            annotation["bgcolor"] = DARK["legend"]
    return figure
