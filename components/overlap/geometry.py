"""Area-proportional Euler diagrams of two or three sets, drawn with circles.

Each circle's area equals its set's size. Two circles can always overlap by exactly
the right area: the distance between their centres follows by bisection. Three
circles usually cannot match all seven regions at once, so the layout starts from
the exact pairwise distances and then moves the circles to minimise the squared
error over every region, measured on a fine grid; what error remains is reported,
as the largest difference between a region's share of the drawing and its share
of the states (eulerr's "diagError").
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["Circle", "EulerLayout", "circle_distance", "layout_euler", "lens_area"]

GAP = 0.15  # space between disjoint circles, as a fraction of the smaller radius
GRID = 240  # cells along each side of the grid that measures regions


@dataclass(frozen=True)
class Circle:
    """One set's circle."""

    x: float
    y: float
    r: float


@dataclass(frozen=True)
class EulerLayout:
    """Circles for the sets, and where to label each region.

    Attributes:
        circles: one circle per set, in the order the sets were given.
        label_points: for each non-empty region (a frozenset of set names), the point
            deepest inside the region as drawn, or None if the drawing has no room for it.
        areas: each region's area as drawn.
        error: the largest gap between a region's share of the drawing and its share
            of the total (0 when exact).
    """

    circles: tuple[Circle, ...]
    label_points: Mapping[frozenset[str], tuple[float, float] | None]
    areas: Mapping[frozenset[str], float]
    error: float


def lens_area(r1: float, r2: float, distance: float) -> float:
    """The area shared by two circles of radii `r1` and `r2` whose centres are `distance` apart."""
    if distance >= r1 + r2:
        return 0.0
    if distance <= abs(r1 - r2):
        return math.pi * min(r1, r2) ** 2
    a1 = math.acos((distance**2 + r1**2 - r2**2) / (2 * distance * r1))
    a2 = math.acos((distance**2 + r2**2 - r1**2) / (2 * distance * r2))
    kite = math.sqrt(
        (-distance + r1 + r2) * (distance + r1 - r2) * (distance - r1 + r2) * (distance + r1 + r2)
    )
    return r1**2 * a1 + r2**2 * a2 - kite / 2


def circle_distance(r1: float, r2: float, shared: float, *, tolerance: float = 1e-10) -> float:
    """The distance between centres at which two circles share exactly the area `shared`.

    The shared area falls steadily as the circles move apart, so bisection finds it.
    A shared area of zero gives a visible gap between the circles; one as large as the
    smaller circle gives the distance at which it sits just inside the larger.
    """
    if shared <= 0:
        return r1 + r2 + GAP * min(r1, r2)
    low, high = abs(r1 - r2), r1 + r2
    if shared >= math.pi * min(r1, r2) ** 2:
        return low
    while high - low > tolerance * max(r1, r2):
        middle = (low + high) / 2
        if lens_area(r1, r2, middle) > shared:
            low = middle
        else:
            high = middle
    return (low + high) / 2


def _set_sizes(names: Sequence[str], regions: Mapping[frozenset[str], int]) -> list[float]:
    return [float(sum(size for region, size in regions.items() if name in region)) for name in names]


def _shared(names: Sequence[str], regions: Mapping[frozenset[str], int]) -> float:
    return float(sum(size for region, size in regions.items() if set(names) <= region))


class _Grid:
    """A grid over the circles' bounding box, telling which region each cell lies in."""

    def __init__(self, circles: Sequence[Circle], cells: int = GRID):
        left = min(c.x - c.r for c in circles)
        right = max(c.x + c.r for c in circles)
        bottom = min(c.y - c.r for c in circles)
        top = max(c.y + c.r for c in circles)
        side = max(right - left, top - bottom) / cells
        xs = np.arange(left + side / 2, right, side)
        ys = np.arange(bottom + side / 2, top, side)
        self.x, self.y = np.meshgrid(xs, ys)
        self.cell_area = side * side
        distances = [np.hypot(self.x - c.x, self.y - c.y) for c in circles]
        self.inside = np.stack([d <= c.r for d, c in zip(distances, circles, strict=True)])
        self.margin = np.min(
            np.stack([np.abs(d - c.r) for d, c in zip(distances, circles, strict=True)]), axis=0
        )

    def mask(self, members: Sequence[bool]) -> np.ndarray:
        wanted = np.array(members, dtype=bool)[:, None, None]
        return np.all(self.inside == wanted, axis=0)


def _region_areas(
    names: Sequence[str], circles: Sequence[Circle], grid: _Grid
) -> dict[frozenset[str], float]:
    areas = {}
    for members in itertools.product((True, False), repeat=len(names)):
        if any(members):
            region = frozenset(name for name, inside in zip(names, members, strict=True) if inside)
            areas[region] = float(grid.mask(members).sum()) * grid.cell_area
    return areas


def _exact_two(names: Sequence[str], regions: Mapping[frozenset[str], int]) -> tuple[Circle, ...]:
    r1, r2 = (math.sqrt(size / math.pi) for size in _set_sizes(names, regions))
    return Circle(0.0, 0.0, r1), Circle(circle_distance(r1, r2, _shared(names, regions)), 0.0, r2)


def _start_three(names: Sequence[str], regions: Mapping[frozenset[str], int]) -> tuple[Circle, ...]:
    r = [math.sqrt(size / math.pi) for size in _set_sizes(names, regions)]
    d = {
        (i, j): circle_distance(r[i], r[j], _shared([names[i], names[j]], regions))
        for i, j in itertools.combinations(range(3), 2)
    }
    # The third centre from its two distances (law of cosines); clamped where they
    # cannot form a triangle.
    d01, d02, d12 = d[0, 1], d[0, 2], d[1, 2]
    cosine = (d01**2 + d02**2 - d12**2) / (2 * d01 * d02) if d01 and d02 else 0.0
    angle = math.acos(max(-1.0, min(1.0, cosine)))
    return (
        Circle(0.0, 0.0, r[0]),
        Circle(d01, 0.0, r[1]),
        Circle(d02 * math.cos(angle), d02 * math.sin(angle), r[2]),
    )


def _nelder_mead(
    loss: Callable[[np.ndarray], float], start: np.ndarray, step: float, rounds: int = 250
) -> np.ndarray:
    """Minimise `loss` from `start` with the Nelder-Mead simplex method."""
    simplex = [start] + [start + step * np.eye(len(start))[i] for i in range(len(start))]
    values = [loss(point) for point in simplex]
    for _ in range(rounds):
        order = np.argsort(values)
        simplex = [simplex[i] for i in order]
        values = [values[i] for i in order]
        centroid = np.mean(simplex[:-1], axis=0)
        reflected = centroid + (centroid - simplex[-1])
        value = loss(reflected)
        if value < values[0]:
            expanded = centroid + 2 * (centroid - simplex[-1])
            expanded_value = loss(expanded)
            simplex[-1], values[-1] = (
                (expanded, expanded_value) if expanded_value < value else (reflected, value)
            )
        elif value < values[-2]:
            simplex[-1], values[-1] = reflected, value
        else:
            contracted = centroid + 0.5 * (simplex[-1] - centroid)
            contracted_value = loss(contracted)
            if contracted_value < values[-1]:
                simplex[-1], values[-1] = contracted, contracted_value
            else:
                simplex = [simplex[0] + 0.5 * (point - simplex[0]) for point in simplex]
                values = [values[0]] + [loss(point) for point in simplex[1:]]
        if max(values) - min(values) < 1e-9:
            break
    return simplex[int(np.argmin(values))]


def _error(targets: Mapping[frozenset[str], int], areas: Mapping[frozenset[str], float]) -> float:
    total_target = sum(targets.values()) or 1
    total_area = sum(areas.values()) or 1
    return max(
        abs(areas.get(region, 0.0) / total_area - targets.get(region, 0) / total_target) for region in areas
    )


def layout_euler(names: Sequence[str], regions: Mapping[frozenset[str], int]) -> EulerLayout:
    """Lay out one circle per name, with areas and overlaps proportional to `regions`.

    Args:
        names: two or three set names; every set must be non-empty.
        regions: the number of elements in each region, keyed by the sets it lies in
            (regions missing from the mapping are empty).

    Raises:
        ValueError: fewer than two or more than three names, or an empty set.
    """
    # A search of tens of milliseconds for three sets, and the same counts recur from
    # one date to the next: each distinct diagram is laid out once.
    return _layout_euler(tuple(names), frozenset(regions.items()))


@functools.lru_cache(maxsize=512)
def _layout_euler(names: tuple[str, ...], counts: frozenset[tuple[frozenset[str], int]]) -> EulerLayout:
    regions = dict(counts)
    if not 2 <= len(names) <= 3:
        raise ValueError("an Euler diagram of circles needs two or three sets")
    if not all(_set_sizes(names, regions)):
        raise ValueError("every set must have at least one element")
    targets = {region: size for region, size in regions.items() if size > 0 and region <= set(names)}
    if len(names) == 2:
        circles = _exact_two(names, targets)
    else:
        start = _start_three(names, targets)
        radii = [c.r for c in start]

        def place(params: np.ndarray) -> tuple[Circle, ...]:
            # The first circle stays at the origin and the second on the x axis.
            return (
                Circle(0.0, 0.0, radii[0]),
                Circle(float(params[0]), 0.0, radii[1]),
                Circle(float(params[1]), float(params[2]), radii[2]),
            )

        total = sum(targets.values())

        def loss(params: np.ndarray) -> float:
            circles = place(params)
            areas = _region_areas(names, circles, _Grid(circles, cells=90))
            return sum((areas[region] - targets.get(region, 0)) ** 2 for region in areas) / total**2

        best = _nelder_mead(loss, np.array([start[1].x, start[2].x, start[2].y]), step=0.2 * max(radii))
        circles = place(best)

    grid = _Grid(circles)
    areas = _region_areas(names, circles, grid)
    error = 0.0 if len(names) == 2 else _error(targets, areas)
    label_points: dict[frozenset[str], tuple[float, float] | None] = {}
    for region in targets:
        mask = grid.mask([name in region for name in names])
        if not mask.any():
            label_points[region] = None
            continue
        deepest = np.argmax(np.where(mask, grid.margin, -1.0))
        label_points[region] = (float(grid.x.flat[deepest]), float(grid.y.flat[deepest]))
    return EulerLayout(tuple(circles), label_points, areas, error)
