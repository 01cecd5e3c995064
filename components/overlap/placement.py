"""Where the Euler diagram's parts go: its circles, each organization's label, each region's count and names.

Pure geometry: `place_euler` measures the text it places (components/text_width.py) and
returns an `EulerPlan`, which `figure.py` draws. An organization's label is written once,
by `org_label`, so that what is measured is what is drawn.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from ..text_width import text_width
from .geometry import layout_euler

__all__ = ["NO_NAMES", "EulerPlan", "OrgLabel", "RegionPlan", "org_label", "org_name", "place_euler"]

NO_NAMES: Mapping[str, str] = MappingProxyType({})  # every organization named by its id
MAX_NAMES_SHOWN = 12  # a region with more states shows its count; hover lists them
PLOT_HEIGHT_PX = 360  # the drawing area of the graph, for spacing names in data units
# The diagram's width at its narrowest on a 1024 px projector, and on a phone 360 px wide.
PROJECTOR_PLOT_PX = 350
PHONE_PLOT_PX = 300
ORG_LABEL_PX = 14
NAME_WIDTH_PX = 34
NAME_HEIGHT_PX = 15
NAME_FONT_PX = 11
COUNT_PX = 24  # the marker that holds a region's count

Box = tuple[float, float, float, float]  # left, right, bottom, top, in data units
Point = tuple[float, float]
Circle = tuple[float, float, float]  # x, y, radius


def org_name(org: str, names: Mapping[str, str] = NO_NAMES) -> str:
    """An organization as the figures name it: its short name in `names` ("CSTO PA"), else its id."""
    return names.get(org, org)


def org_label(org: str, count: int, names: Mapping[str, str] = NO_NAMES) -> str:
    """An organization's label on the diagram, as drawn: "<b>CSTO PA</b> (6)"."""
    return f"<b>{org_name(org, names)}</b> ({count})"


def _plain(text: str) -> str:
    """`text` without its markup: what the reader sees of it."""
    return re.sub(r"<[^>]*>", "", text)


@dataclass(frozen=True)
class OrgLabel:
    """An organization's label: its text as drawn, where it stands, and the box it takes up."""

    org: str
    text: str
    x: float
    xanchor: str
    y: float
    yshift: int
    box: Box


@dataclass(frozen=True)
class RegionPlan:
    """A region's count, at `count_at`, and its states' codes where they are drawn (else none)."""

    region: frozenset[str]
    states: tuple[str, ...]
    count_at: Point
    codes: tuple[tuple[str, Point], ...]


@dataclass(frozen=True)
class EulerPlan:
    """Where everything in the diagram goes, in data units.

    `error` is how far three circles' areas are off at worst; `phantom` the regions they
    draw that hold no state.
    """

    orgs: tuple[str, ...]
    circles: tuple[Circle, ...]
    labels: tuple[OrgLabel, ...]
    regions: tuple[RegionPlan, ...]
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    error: float
    phantom: tuple[frozenset[str], ...]


def place_euler(
    regions: Mapping[frozenset[str], Sequence[str]],
    *,
    orgs: Sequence[str],
    counts: Mapping[str, int],
    names: Mapping[str, str] = NO_NAMES,
) -> EulerPlan:
    """The plan of the Euler diagram of `orgs` (each counting at least one state), `counts` states each.

    Args:
        regions: the states of each region (see `data.overlap_regions`).
        orgs: the organizations drawn, in order.
        counts: the number of states each organization counts.
        names: each organization's name to show, by id (see `org_name`).
    """
    circles, label_points, error, phantom = _circles(regions, orgs, counts)
    left = min(x - r for x, _, r in circles)
    right = max(x + r for x, _, r in circles)
    bottom = min(y - r for _, y, r in circles)
    top = max(y + r for _, y, r in circles)
    pad = 0.12 * max(right - left, top - bottom)
    x_range = (left - pad, right + pad)
    y_range = (bottom - pad, top + pad * 1.6)
    # Data units per pixel, limited by the diagram's height on a wide screen and by its
    # width on a narrow one. Names are spaced for a phone, so that a region's names keep
    # apart there, and checked for room on a projector, so that they are not given up
    # wherever a phone would lack it. A long name ("Collective Security Treaty") can reach
    # past the circles: the ranges grow to hold it, which shrinks the drawing, so measure again.
    for _ in range(4):
        height_unit = (y_range[1] - y_range[0]) / PLOT_HEIGHT_PX
        unit = max(height_unit, (x_range[1] - x_range[0]) / PROJECTOR_PLOT_PX)
        labels = _org_labels(orgs, circles, counts, unit, names)
        grown_x, grown_y = _holding(x_range, y_range, labels, margin=4 * unit)
        if (grown_x, grown_y) == (x_range, y_range):
            break
        x_range, y_range = grown_x, grown_y
    spacing = max(height_unit, (x_range[1] - x_range[0]) / PHONE_PLOT_PX)
    return EulerPlan(
        orgs=tuple(orgs),
        circles=tuple(circles),
        labels=labels,
        regions=_place_regions(regions, label_points, labels, unit, spacing),
        x_range=x_range,
        y_range=y_range,
        error=error,
        phantom=tuple(phantom),
    )


def _holding(
    x_range: tuple[float, float], y_range: tuple[float, float], labels: Sequence[OrgLabel], margin: float
) -> tuple[tuple[float, float], tuple[float, float]]:
    """`x_range` and `y_range` grown to hold every label's box, `margin` clear of the edges."""
    return (
        (
            min(x_range[0], *(label.box[0] - margin for label in labels)),
            max(x_range[1], *(label.box[1] + margin for label in labels)),
        ),
        (
            min(y_range[0], *(label.box[2] - margin for label in labels)),
            max(y_range[1], *(label.box[3] + margin for label in labels)),
        ),
    )


def _circles(
    regions: Mapping[frozenset[str], Sequence[str]], orgs: Sequence[str], counts: Mapping[str, int]
) -> tuple[list[Circle], dict[frozenset[str], Point | None], float, list[frozenset[str]]]:
    """The circles of `orgs`, a point inside each region, the areas' error, and the regions drawn empty."""
    if len(orgs) == 1:
        radius = math.sqrt(counts[orgs[0]] / math.pi)
        return [(0.0, 0.0, radius)], {frozenset(orgs): (0.0, 0.0)}, 0.0, []
    sizes = {region: len(states) for region, states in regions.items() if region <= set(orgs)}
    euler = layout_euler(orgs, sizes)
    total_area = sum(euler.areas.values())
    phantom = [
        region
        for region, area in euler.areas.items()
        if sizes.get(region, 0) == 0 and area / total_area > 0.01
    ]
    circles = [(c.x, c.y, c.r) for c in euler.circles]
    return circles, dict(euler.label_points), euler.error, phantom


def _name_grid(states: Sequence[str], centre: Point, unit: float) -> list[Point]:
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


def _count_y(names: int, centre: Point, unit: float) -> float:
    """Where a region's count stands: at `centre`, or above its `names` with the two centred there."""
    if not names:
        return centre[1]
    _, rows = _grid_shape(names)
    height = COUNT_PX + 2 + rows * NAME_HEIGHT_PX
    return centre[1] + (height / 2 - COUNT_PX / 2) * unit


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]


def _region_box(point: Point, names: Sequence[tuple[str, Point]], count_y: float, unit: float) -> Box:
    """What a region's count (a 24 px marker at `count_y`) and its names take up, `unit` data units a pixel."""
    x = point[0]
    xs, ys = [x - 13 * unit, x + 13 * unit], [count_y - 13 * unit, count_y + 13 * unit]
    for code, (name_x, name_y) in names:
        half = text_width(code, NAME_FONT_PX) / 2 * unit
        xs += [name_x - half, name_x + half]
        ys += [name_y - NAME_HEIGHT_PX / 2 * unit, name_y + NAME_HEIGHT_PX / 2 * unit]
    return min(xs), max(xs), min(ys), max(ys)


def _org_labels(
    orgs: Sequence[str],
    circles: Sequence[Circle],
    counts: Mapping[str, int],
    unit: float,
    names: Mapping[str, str],
) -> tuple[OrgLabel, ...]:
    """Each organization's label, in the order of `orgs`.

    Above its circle, reaching away from the diagram's middle: two circles' tops can stand
    closer together than their names are long. A name that would still run into another
    organization's goes below its circle instead, the smaller circle's first.
    """
    middle = (min(x - r for x, _, r in circles) + max(x + r for x, _, r in circles)) / 2
    placed: dict[str, OrgLabel] = {}
    for org, (x, y, r) in sorted(zip(orgs, circles, strict=True), key=lambda item: -item[1][2]):
        side = "center" if abs(x - middle) < 0.1 * r else "right" if x < middle else "left"
        text = org_label(org, counts[org], names)
        width = text_width(_plain(text), ORG_LABEL_PX, bold=True) * unit
        left = {"center": x - width / 2, "right": x - width, "left": x}[side]
        height = 20 * unit
        above = (left, left + width, y + r, y + r + height)
        below = (left, left + width, y - r - height, y - r)
        if any(_overlap(above, other.box) for other in placed.values()):
            placed[org] = OrgLabel(org, text, x, side, y - r, -10, below)
        else:
            placed[org] = OrgLabel(org, text, x, side, y + r, 10, above)
    return tuple(placed[org] for org in orgs)


def _place_regions(
    regions: Mapping[frozenset[str], Sequence[str]],
    label_points: Mapping[frozenset[str], Point | None],
    labels: Sequence[OrgLabel],
    unit: float,
    spacing: float,
) -> tuple[RegionPlan, ...]:
    """Each region with states: its count, and its states' names where there is room for every region's.

    Names only where every region's names and count keep clear of the others' and of the
    organizations' names; else the counts alone (and the names on hover). Names are
    spaced `spacing` data units a pixel apart, and checked for room at `unit`.
    """
    shown = [(region, point, tuple(regions.get(region, ()))) for region, point in label_points.items()]
    shown = [(region, point, states) for region, point, states in shown if point is not None and states]
    grids = {
        region: tuple(zip(states, _name_grid(states, point, spacing), strict=True))
        if len(states) <= MAX_NAMES_SHOWN
        else ()
        for region, point, states in shown
    }
    boxes = [
        _region_box(point, grids[region], _count_y(len(grids[region]), point, spacing), unit)
        for region, point, _ in shown
    ]
    boxes += [label.box for label in labels]
    named = not any(_overlap(a, b) for a, b in itertools.combinations(boxes, 2))
    return tuple(
        RegionPlan(
            region=region,
            states=states,
            count_at=(point[0], _count_y(len(grids[region]) if named else 0, point, spacing)),
            codes=grids[region] if named else (),
        )
        for region, point, states in shown
    )
