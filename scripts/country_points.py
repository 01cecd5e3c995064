"""Write data/country_points.csv from the map shapes the app ships.

For every country in assets/topojson/world_50m.json: the label point plotly.js's
shapes carry (`ct`), the approximate area of its 1:50m shape, and whether the
1:110m shapes draw it at all. The map uses these to put a marker on states too
small to see or click at world scale.

Run after re-extracting the shapes: .venv/bin/python scripts/country_points.py
"""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHAPES = ROOT / "assets" / "topojson"
OUTPUT = ROOT / "data" / "country_points.csv"
SOURCE = "https://www.npmjs.com/package/plotly.js/v/4.1.1"
EARTH_RADIUS_KM = 6371.0088


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs as lists of (longitude, latitude)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """The closed ring of points that a topojson ring of arc indexes describes."""
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def ring_area_km2(points: list[tuple[float, float]]) -> float:
    """Area of a small lon/lat ring on the sphere (equirectangular about its mean latitude)."""
    if len(points) < 3:
        return 0.0
    mean_lat = math.radians(sum(lat for _, lat in points) / len(points))
    xy = [(math.radians(lon) * math.cos(mean_lat), math.radians(lat)) for lon, lat in points]
    twice = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(xy, xy[1:] + xy[:1], strict=True))
    return abs(twice) / 2 * EARTH_RADIUS_KM**2


def polygons(geometry: dict) -> list[list[list[int]]]:
    """The polygons (lists of rings) of a Polygon or MultiPolygon geometry."""
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def main() -> None:
    """Write the CSV file."""
    world_50m = json.loads((SHAPES / "world_50m.json").read_text())
    world_110m = json.loads((SHAPES / "world_110m.json").read_text())
    drawn_at_110m = {g["id"] for g in world_110m["objects"]["countries"]["geometries"]}
    arcs = decode_arcs(world_50m)
    # Some states come in several geometries (Spain and the Canaries, Portugal and the
    # Azores): their areas add up, and the label point is that of the largest part.
    parts: dict[str, list[tuple[float, float, float]]] = {}
    for geometry in world_50m["objects"]["countries"]["geometries"]:
        area = 0.0
        for polygon in polygons(geometry):
            outer, *holes = (ring_area_km2(ring_points(ring, arcs)) for ring in polygon)
            area += outer - sum(holes)
        lon, lat = geometry["properties"]["ct"]
        parts.setdefault(geometry["id"], []).append((area, lon, lat))
    rows = []
    for shape_id, pieces in sorted(parts.items()):
        _, lon, lat = max(pieces)
        area = sum(piece[0] for piece in pieces)
        rows.append((shape_id, lon, lat, round(area), shape_id in drawn_at_110m))
    with OUTPUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["iso3", "lon", "lat", "area_km2", "in_110m", "source"])
        for iso3, lon, lat, area, in_110m in rows:
            writer.writerow([iso3, lon, lat, area, "yes" if in_110m else "no", SOURCE])
    print(f"wrote {len(rows)} rows to {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
