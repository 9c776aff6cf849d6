"""Convert world-atlas' countries-110m TopoJSON (Natural Earth, public domain) to small GeoJSON.

Dev-time only. Get the input with ``npm pack world-atlas`` and unpack it, then run:
    .venv/bin/python scripts/build_world_geojson.py package/countries-110m.json
Writes ``src/tidings/web/static/vendor/world-110m.geojson`` (coordinates rounded to 0.01°).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent.parent / "src/tidings/web/static/vendor/world-110m.geojson"


def decode_arcs(topo: dict[str, Any]) -> list[list[list[float]]]:
    """Delta-decode and de-quantize every arc."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append([round(x * sx + tx, 2), round(y * sy + ty, 2)])
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list[list[list[float]]]) -> list[list[float]]:
    out: list[list[float]] = []
    for i in indices:
        pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        out.extend(pts if not out else pts[1:])  # arcs share their end points
    return out


def main(path: str) -> None:
    topo = json.loads(Path(path).read_text(encoding="utf-8"))
    arcs = decode_arcs(topo)
    features = []
    for geom in topo["objects"]["countries"]["geometries"]:
        kind = geom.get("type")
        if kind == "Polygon":
            coords: Any = [ring(r, arcs) for r in geom["arcs"]]
        elif kind == "MultiPolygon":
            coords = [[ring(r, arcs) for r in poly] for poly in geom["arcs"]]
        else:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {"name": geom.get("properties", {}).get("name")},
                "geometry": {"type": kind, "coordinates": coords},
            }
        )
    OUT.write_text(
        json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")),
        encoding="utf-8",
    )
    sys.stdout.write(f"{OUT}: {len(features)} countries, {OUT.stat().st_size} bytes\n")


if __name__ == "__main__":
    main(sys.argv[1])
