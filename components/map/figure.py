"""The map's pure parts: which category each state falls in, and the figure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping, Sequence
from urllib.parse import urlsplit

import pandas as pd

from data import PartialDate, vocabulary

from .. import theme
from ..text_width import hover_wrapped

__all__ = [
    "DETAIL_SCALE",
    "INITIAL_VIEW",
    "SMALL_STATE_KM2",
    "TITLE",
    "WIDE_VIEW",
    "apply_view",
    "build_map_figure",
    "classify_states",
    "describe_status",
    "initial_view",
    "legend_category",
    "map_notes",
    "map_traces",
    "table_rows",
]

# States smaller than this get a marker as well as their shape: at world scale their
# shape is a few pixels or, at 1:110m, not drawn at all (Bahrain, the Maldives).
SMALL_STATE_KM2 = 5_000
FORMER = "Former member"
# Eurasia, from Lisbon to Tokyo and down to the Maldives, on a laptop or a 1024×768 projector.
INITIAL_VIEW = {"geo.projection.scale": 1.55, "geo.center.lon": 62.0, "geo.center.lat": 36.0}
# From Vancouver to Tokyo: for organizations with members west of the Atlantic (NATO).
WIDE_VIEW = {"geo.projection.scale": 1.0, "geo.center.lon": 15.0, "geo.center.lat": 30.0}
ATLANTIC_LON = -25.0  # states west of this longitude lie outside the initial view
DETAIL_SCALE = 4  # from this zoom on, the 1:50m shapes
# The parts of a reader's zoom and pan that `apply_view` carries over, with their bounds.
VIEW_BOUNDS = {
    "geo.projection.scale": (0.5, 64.0),
    "geo.center.lon": (-180.0, 180.0),
    "geo.center.lat": (-90.0, 90.0),
    "geo.projection.rotation.lon": (-180.0, 180.0),
    "geo.projection.rotation.lat": (-90.0, 90.0),
}
TITLE = "Member states as of "  # and the day shown


def _source_host(url: str) -> str:
    return urlsplit(url).netloc.removeprefix("www.")


def describe_status(row: Mapping[str, str], names: Mapping[str, str] | None = None) -> str:
    """One line of hover text: `CSTO: member since 18 September 2003 (odkb.gov.ru)`.

    `names` gives the name each organization goes by on the day shown (see
    `data.names_as_of`), by family id: "Collective Security Treaty: signatory since ...".
    """
    status = vocabulary.status(row["status"]).label.lower()
    name = (names or {}).get(row["family"], row["family"])
    return f"{name}: {status} since {row['start_label']} ({_source_host(row['source'])})"


def legend_category(group: vocabulary.Group, orgs: Sequence[str], names: Mapping[str, str]) -> str:
    """The legend's words for states in `group` of `orgs`: "Signatory of the Collective Security Treaty".

    A group with one colour whatever the organization ("Suspended or frozen") names none.
    """
    if group.colour_role == "suspended":
        return group.label
    return f"{group.label} of " + " and ".join(vocabulary.named(names.get(org, org)) for org in orgs)


def classify_states(
    relations: pd.DataFrame,
    former: pd.DataFrame,
    *,
    orgs: Sequence[str],
    names: Mapping[str, str] | None = None,
    families: Sequence[str] | None = None,
) -> pd.DataFrame:
    """One row per state the map colours, with its legend category, colour and hover text.

    A state's category is its status group (`data.vocabulary`) in the organizations it
    holds it in: a member of several selected organizations gets the category (and
    colour) of that combination, so overlaps show on the map. Groups outrank each other
    by their precedence (membership, then signature, then a suspended or frozen
    membership, then observer and partner statuses); former members are those with no
    status left. The hover text lists every status.

    Args:
        relations: rows in force (see `data.relations_as_of`), any status.
        former: former members (see `data.former_members`).
        orgs: the selected organizations, in display order.
        names: the name each organization goes by on the day shown, by id (see
            `data.names_as_of`); an organization not in it is named by its id.
        families: every organization a reader can select, in the data's order, which
            decides their colours (see `theme.org_colour`); by default the app's.

    Returns:
        Columns `iso3`, `country`, `group` (the status group's id, None for a former
        member), `category`, `colour`, `rank` (legend order, highest first) and `hover`.
    """
    orgs = list(orgs)
    names = dict(names or {})
    # Plain Python over the few dozen rows in force: far cheaper than a pandas groupby.
    by_state: dict[str, list] = {}
    for row in relations.itertuples(index=False):
        by_state.setdefault(row.iso3, []).append(row)
    rows = []
    for iso3 in sorted(by_state):
        held = by_state[iso3]
        groups = {vocabulary.group_of(r.status) for r in held if r.family in orgs}
        if not groups:
            continue
        group = min(groups, key=lambda g: g.precedence)
        in_group = [
            o for o in orgs if any(r.family == o and vocabulary.group_of(r.status) == group for r in held)
        ]
        first = min(orgs.index(org) for org in in_group)
        rank = len(in_group) * 10 - first if group.precedence == 0 else -100 * group.precedence - first
        colour = theme.group_colour(group.colour_role, in_group, orgs, families)
        hover = "<br>".join(describe_status(r._asdict(), names) for r in held)
        rows.append(
            (iso3, held[0].country, group.id, legend_category(group, in_group, names), colour, rank, hover)
        )

    shown = {row[0] for row in rows}
    gone: dict[str, list] = {}
    for row in former.itertuples(index=False):
        if row.iso3 not in shown:
            gone.setdefault(row.iso3, []).append(row)
    for iso3 in sorted(gone):
        hover = "<br>".join(
            f"{names.get(r.family, r.family)}: former member, until {r.end_label}" for r in gone[iso3]
        )
        rows.append((iso3, gone[iso3][0].country, None, FORMER, theme.FORMER_COLOUR, -1000, hover))
    return pd.DataFrame(rows, columns=["iso3", "country", "group", "category", "colour", "rank", "hover"])


def table_rows(
    relations: pd.DataFrame, former: pd.DataFrame, *, names: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """What the map shows, as rows of a table: state, organization, status, since (or until).

    `names` as for `classify_states`.
    """
    names = dict(names or {})
    current = pd.DataFrame(
        {
            "State": relations["country"],
            "Organization": relations["family"].map(lambda family: names.get(family, family)),
            "Status": relations["status"].map(lambda s: vocabulary.status(s).label),
            "Since": relations["start_label"],
            "_sort": relations["start_day"],
        }
    )
    past = pd.DataFrame(
        {
            "State": former["country"],
            "Organization": former["family"].map(lambda family: names.get(family, family)),
            "Status": FORMER,
            "Since": "until " + former["end_label"],
            "_sort": pd.NaT,
        }
    )
    frames = [frame for frame in (current, past) if not frame.empty]
    if not frames:
        return pd.DataFrame(columns=["State", "Organization", "Status", "Since"])
    table = pd.concat(frames, ignore_index=True)
    return (
        table.sort_values(["State", "Organization"], kind="stable")
        .drop(columns="_sort")
        .reset_index(drop=True)
    )


def _choropleth(group: pd.DataFrame, category: str, colour: str) -> dict:
    return {
        "type": "choropleth",
        "locations": list(group["iso3"]),
        "z": [1] * len(group),
        "locationmode": "ISO-3",
        "colorscale": [[0, colour], [1, colour]],
        "showscale": False,
        "name": category,
        "legendgroup": category,
        "showlegend": True,
        "marker": {"line": {"color": theme.BORDER_COLOUR, "width": 0.5}},
        "customdata": list(
            zip(group["country"], group["hover"].map(_hover_lines), group["iso3"], strict=True)
        ),
        "hovertemplate": "<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>",
    }


def _hover_lines(hover: str) -> str:
    """A state's hover text (a line per status) with each line wrapped to fit a phone."""
    return "<br>".join(hover_wrapped(line) for line in hover.split("<br>"))


def _small_state_markers(states: pd.DataFrame, points: pd.DataFrame) -> dict | None:
    located = states[states["iso3"].isin(points.index)]
    located = located.assign(
        lon=points.loc[located["iso3"], "lon"].to_numpy(),
        lat=points.loc[located["iso3"], "lat"].to_numpy(),
        small=(points.loc[located["iso3"], "area_km2"].to_numpy() < SMALL_STATE_KM2)
        | ~points.loc[located["iso3"], "in_110m"].to_numpy(),
    )
    small = located[located["small"]]
    if small.empty:
        return None
    return {
        "type": "scattergeo",
        "lon": list(small["lon"]),
        "lat": list(small["lat"]),
        "mode": "markers",
        "name": "Small states",
        "showlegend": False,
        "marker": {
            "size": 9,
            "color": list(small["colour"]),
            "line": {"color": theme.TEXT_COLOUR, "width": 1},
        },
        "customdata": list(
            zip(small["country"], small["hover"].map(_hover_lines), small["iso3"], strict=True)
        ),
        "hovertemplate": "<b>%{customdata[0]}</b><br>%{customdata[1]}<extra></extra>",
    }


def _selection_outline(codes: Collection[str]) -> dict:
    return {
        "type": "choropleth",
        "locations": sorted(codes),
        "z": [1] * len(codes),
        "locationmode": "ISO-3",
        "colorscale": [[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
        "showscale": False,
        "showlegend": False,
        "name": "Selected",
        "marker": {"line": {"color": theme.TEXT_COLOUR, "width": 2.5}},
        "hoverinfo": "skip",
    }


def map_traces(states: pd.DataFrame, points: pd.DataFrame, *, selected: Collection[str] = ()) -> list[dict]:
    """The map's traces: a shape layer per category, markers for small states, the selection's outline.

    The parts of the map that change with the date (with `map_notes`); `build_map_figure`
    puts them in the figure. Arguments as for `build_map_figure`.
    """
    order = states.drop_duplicates("category").sort_values("rank", ascending=False)
    traces = [
        _choropleth(states[states["category"] == category], category, colour)
        for category, colour in zip(order["category"], order["colour"], strict=True)
    ]
    markers = _small_state_markers(states, points)
    if markers is not None:
        traces.append(markers)
    if selected:
        traces.append(_selection_outline(selected))
    return traces


def map_notes(states: pd.DataFrame) -> list[dict]:
    """The map's notes: none, or for no state at all, what to do about it."""
    if not states.empty:
        return []
    return [
        {
            "text": "No state belongs to the selected organizations on this date.<br>"
            "Choose another date or organization.",
            "showarrow": False,
            "x": 0.5,
            "y": 0.5,
            "xref": "paper",
            "yref": "paper",
        }
    ]


def build_map_figure(
    states: pd.DataFrame,
    points: pd.DataFrame,
    *,
    as_of: dt.date,
    selected: Collection[str] = (),
    view: Mapping[str, float] = INITIAL_VIEW,
) -> dict:
    """A world map with one legend entry per category in `states`, as the JSON plotly.js draws.

    Args:
        states: the classified states (see `classify_states`).
        points: label points and areas of the shapes (see `data.load_country_points`).
        as_of: the day shown, named in the title.
        selected: ISO codes of the states to outline: the selected state or region.
        view: the zoom and centre it opens at (see `initial_view`).
    """
    figure = theme.figure_of(
        map_traces(states, points, selected=selected),
        geo={
            "projection": {"type": "natural earth"},
            "showcountries": True,
            "countrycolor": theme.BORDER_COLOUR,
            "showland": True,
            "landcolor": theme.LAND_COLOUR,
            "showocean": False,
            "showlakes": False,
            "showframe": False,
            "showcoastlines": False,
            "bgcolor": "rgba(0,0,0,0)",
        },
        title={
            "text": TITLE + PartialDate.of_day(as_of).label(),
            "font": {"size": 14},
            "x": 0.01,
            "xanchor": "left",
        },
        margin={"l": 0, "r": 0, "t": 32, "b": 0},
        legend={"orientation": "h", "yanchor": "top", "y": 0, "x": 0},
        uirevision="map",
        clickmode="event",
        annotations=map_notes(states),
    )
    return apply_view(figure, dict(view))


def initial_view(longitudes: Iterable[float]) -> dict[str, float]:
    """The view a map opens at, for states at `longitudes`: Eurasia, or wider if one lies in the Americas."""
    return WIDE_VIEW if any(lon < ATLANTIC_LON for lon in longitudes) else INITIAL_VIEW


def apply_view(figure: dict, view: object) -> dict:
    """Set the map's zoom and pan from `view`, a mapping of plotly relayout keys to numbers.

    The app keeps the reader's view itself (plotly.js does not keep the zoom of its geo
    modebar buttons across updates). Unknown keys, non-numbers and values out of bounds
    are ignored, so a crafted request cannot break the figure. Zoomed in past
    `DETAIL_SCALE`, the map switches to the 1:50m shapes, whose borders and small
    states hold up at that size.
    """
    if not isinstance(view, dict):
        return figure
    for key, (low, high) in VIEW_BOUNDS.items():
        value = view.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool) and low <= value <= high:
            *path, last = key.split(".")
            node = figure["layout"]
            for part in path:
                node = node.setdefault(part, {})
            node[last] = value
    geo = figure["layout"].setdefault("geo", {})
    scale = geo.get("projection", {}).get("scale") or 1
    geo["resolution"] = 50 if scale >= DETAIL_SCALE else 110
    return figure
