"""Benchmark: building the overview map, against 5 000 individual folium.Marker objects.

Builds, in one process, with every layer of the overview page (counties,
zones, hubs, stations, the Yellow River and its buffer, city, neighbours):

(a) the map with the shipped 114 projects;
(b) the map with N (default 5 000) synthetic project points, seeded, inside
    濮阳市, attributes drawn from the shipped projects;
(c) the baseline: a bare folium map with the same N points as individual
    ``folium.Marker`` objects, each with a popup and a tooltip (what a naive app
    does; no other layer).

For each it prints the time to build and render the HTML (best of ``--repeat``)
and the HTML size, and the ratios of (b) to (c). geoapp sends each layer as
compact data turned into Leaflet objects by a small runtime in the page, so
one layer of N points is one JavaScript object, not N.

Usage::

    .venv/bin/python benchmarks/bench_map.py --n 5000
"""

from __future__ import annotations

import argparse
import platform
import time

import numpy as np


def synthetic_projects(n: int, seed: int = 0):
    """``n`` seeded points inside the city with attributes sampled from the shipped projects."""
    import geopandas as gpd

    from geoapp.geo import random_points
    from geoapp.layers import load_layer

    projects, city = load_layer("projects"), load_layer("city").geometry.iloc[0]
    rng = np.random.default_rng(seed)
    x, y = random_points(city, n, rng=rng)
    rows = (
        projects.drop(columns="geometry")
        .iloc[rng.integers(0, len(projects), n)]
        .reset_index(drop=True)
    )
    rows["name"] = [f"项目{i}" for i in range(n)]
    rows["investment_yi"] = np.round(rng.gamma(2.0, 5.0, n), 1)
    return gpd.GeoDataFrame(rows, geometry=gpd.points_from_xy(x, y), crs=4326)


def best_of(fn, repeat: int) -> tuple[float, int]:
    """Best wall time of ``fn()`` (which returns the HTML) and the HTML size in bytes."""
    best, size = float("inf"), 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        html = fn()
        best = min(best, time.perf_counter() - t0)
        size = len(html.encode("utf-8"))
    return best, size


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--n", type=int, default=5000, help="synthetic project points (default 5000)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per variant; the best is kept")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    import folium

    from geoapp import mapping
    from geoapp.app.offline import patch_folium
    from geoapp.layers import load_layer

    patch_folium()
    base = {
        n: load_layer(n)
        for n in (
            "counties",
            "zones",
            "logistics_hubs",
            "monitoring_stations",
            "yellow_river",
            "city",
            "neighbours",
        )
    }
    shipped = load_layer("projects")
    synth = synthetic_projects(args.n, args.seed)

    def geoapp_map(projects):
        return lambda: mapping.build_map({**base, "projects": projects}).get_root().render()

    def markers():
        m = folium.Map(location=[35.75, 115.35], zoom_start=9, tiles=None)
        for x, y, name, stage in zip(
            synth.geometry.x, synth.geometry.y, synth["name"], synth["stage"], strict=True
        ):
            folium.Marker([y, x], popup=folium.Popup(f"{name} {stage}"), tooltip=name).add_to(m)
        return m.get_root().render()

    print(f"python {platform.python_version()}, folium {folium.__version__}, {platform.machine()}")
    rows = [
        ("geoapp overview, 114 shipped projects", *best_of(geoapp_map(shipped), args.repeat)),
        (f"geoapp overview, {args.n} synthetic projects", *best_of(geoapp_map(synth), args.repeat)),
        (f"baseline: {args.n} folium.Marker (popup+tooltip)", *best_of(markers, args.repeat)),
    ]
    width = max(len(r[0]) for r in rows)
    print(f"{'variant':<{width}}  {'build+render s':>14}  {'HTML MB':>8}")
    for name, secs, size in rows:
        print(f"{name:<{width}}  {secs:>14.3f}  {size / 1e6:>8.2f}")
    (_, t_geo, s_geo), (_, t_base, s_base) = rows[1], rows[2]
    print(
        f"ratio geoapp/baseline at {args.n} points: time {t_geo / t_base:.3f} "
        f"({t_base / t_geo:.1f}x faster), HTML {s_geo / s_base:.3f} ({s_base / s_geo:.1f}x smaller)"
    )


if __name__ == "__main__":
    main()
