"""Build the sample layers (zones, projects, hubs, stations) from the seed tables.

Run from the repository root after ``data/build_boundaries.py``::

    python data/build_samples.py

The attributes come from ``data/seed_tables/*.csv``, each row citing the seed
file and line it was read from. The seeds give names, chains, stages and money,
almost never coordinates, so every position written here is **chosen**:

- a zone with a stated county is drawn inside that county; the 濮阳新型化工基地 is
  drawn with its planned 65 km² (the only area the seeds give); its 区中园 are
  drawn inside it; other zones get a schematic 3 km × 3 km square;
- a point with a stated zone is placed inside that zone, else inside its stated
  county, else inside the city outline;
- positions are deterministic (a Halton sequence, no random state) and at least
  ``MIN_SPACING_M`` apart, so no two features are stacked.

Every feature gets ``location_quality = "schematic"`` and a ``placed_in`` column
saying which container it was placed in; nothing is presented as surveyed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import box

ROOT = Path(__file__).resolve().parents[1]  # the repository (for `import geoapp`)
HERE = Path(__file__).resolve().parent  # data/: the shipped files
sys.path.insert(0, str(ROOT))

from geoapp.geo import to_metric  # noqa: E402
from geoapp.io import write_geojson  # noqa: E402
from geoapp.layers import load_layer  # noqa: E402
from geoapp.settings import METRIC_CRS  # noqa: E402

TABLES = HERE / "seed_tables"
BASE_NAME = "濮阳新型化工基地"
BASE_AREA_M2 = 65e6  # seed 001 L37, L353, L439: 规划建设65平方公里
BASE_ASPECT = 1.6  # width / height of the schematic rectangle
ZONE_SIDE_M = 3_000.0
MIN_SPACING_M = 400.0
ZONE_GAP_M = 1_500.0
#: Where to draw zones whose county the seeds do not state (the ``county`` column stays empty).
PLACEMENT_HINTS = {
    # seed 002 L479: "纬三路范县—濮阳县段建成通车，化工基地东片区实现贯通" — the base spans both.
    "濮阳新型化工基地": ("濮阳县", "范县"),
}
#: A zone drawn across several counties must have at least this share of its area in each.
HINT_MIN_SHARE = 0.2
#: City-level zones (市经开区, 高新区, 示范区 …) without a stated county are drawn in the
#: urban district 华龙区; their ``county`` stays empty and ``placed_in`` says so.
CITY_LEVEL_CONTAINER = "华龙区"
#: Zones drawn around a park the seeds put inside them although the park belongs to another
#: zone: seed 002 L543 '工业园区的绿色涂料产业园' … '是新型化工基地的重要组成部分' — the
#: 工业园区 (one of the two chemical parks, seed 000 L5104-5106) holds the 绿色涂料产业园 of
#: the chemical base, so it is drawn as that park grown by ``CONTAINS_MARGIN_M``, overlapping
#: the base, instead of as a square in the urban district.
CONTAINS = {"工业园区": "绿色涂料产业园"}
CONTAINS_MARGIN_M = 1_000.0
#: Points with a published position (columns ``lon``/``lat``, WGS-84 degrees) keep it and are
#: marked ``approximate`` (published coordinates, not verified on imagery), never schematic.
PUBLISHED = "published"


def _halton(n: int, base: int) -> np.ndarray:
    """First ``n`` terms of the van der Corput sequence in ``base`` (vectorised)."""
    i = np.arange(1, n + 1)
    out = np.zeros(n)
    f = 1.0
    while (i > 0).any():
        f /= base
        out += f * (i % base)
        i //= base
    return out


def _halton_points(container, n: int, offset: int) -> np.ndarray:
    """Up to ``n`` quasi-random points inside ``container`` (metric), deterministic."""
    minx, miny, maxx, maxy = container.bounds
    m = max(64, n * 40)
    u = _halton(m + offset, 2)[offset:]
    v = _halton(m + offset, 3)[offset:]
    x = minx + u * (maxx - minx)
    y = miny + v * (maxy - miny)
    inside = shapely.contains_xy(container, x, y)
    return np.column_stack([x[inside], y[inside]])


def _place_points(containers: list, taken: list[np.ndarray], seed: int) -> np.ndarray:
    """Place one point per container, each at least MIN_SPACING_M from every other."""
    placed = np.full((len(containers), 2), np.nan)
    occupied = np.vstack(taken) if taken else np.empty((0, 2))
    for i, container in enumerate(containers):
        # build-time only: a few hundred sample features, one container each
        for spacing in (MIN_SPACING_M, MIN_SPACING_M / 2, MIN_SPACING_M / 4):
            cand = _halton_points(container, 64, offset=seed + 37 * i)
            if len(occupied):
                d = np.min(
                    np.hypot(
                        cand[:, None, 0] - occupied[None, :, 0],
                        cand[:, None, 1] - occupied[None, :, 1],
                    ),
                    axis=1,
                )
                cand = cand[d >= spacing]
            if len(cand):
                placed[i] = cand[0]
                occupied = np.vstack([occupied, cand[:1]])
                break
        else:
            msg = f"cannot place feature {i} inside its container without stacking"
            raise RuntimeError(msg)
    return placed


def _rect(center: shapely.Point, area: float, aspect: float) -> shapely.Polygon:
    h = np.sqrt(area / aspect)
    w = area / h
    return box(center.x - w / 2, center.y - h / 2, center.x + w / 2, center.y + h / 2)


def _fit(container, area: float, aspect: float, avoid, spans: tuple = ()) -> shapely.Polygon:
    """A rectangle of ``area`` wholly inside ``container``, clear of ``avoid``.

    With ``spans`` (polygons, e.g. the counties of a placement hint), the rectangle
    also has at least ``HINT_MIN_SHARE`` of its area in each of them.
    """
    h = np.sqrt(area / aspect)
    w = area / h
    core = container.buffer(-max(w, h) / 2)
    if avoid is not None and not avoid.is_empty:
        core = core.difference(avoid.buffer(max(w, h) / 2 + ZONE_GAP_M))
    n = 4000 if spans else 200
    for pt in _halton_points(core if not core.is_empty else container, n, offset=11):
        rect = _rect(shapely.Point(pt), area, aspect)
        if spans and min(rect.intersection(s).area for s in spans) < HINT_MIN_SHARE * area:
            continue
        if container.contains(rect) and (avoid is None or not rect.intersects(avoid)):
            return rect
    msg = f"no room for a {area / 1e6:.1f} km² zone in its county"
    raise RuntimeError(msg)


def _split(parent: shapely.Polygon, n: int) -> list[shapely.Polygon]:
    """``n`` schematic parks inside ``parent``: a grid of cells, each shrunk by 300 m."""
    cols = int(np.ceil(np.sqrt(n)))
    rows = int(np.ceil(n / cols))
    minx, miny, maxx, maxy = parent.bounds
    dx, dy = (maxx - minx) / cols, (maxy - miny) / rows
    cells = [
        box(minx + c * dx, miny + r * dy, minx + (c + 1) * dx, miny + (r + 1) * dy)
        .intersection(parent)
        .buffer(-300)
        for r in range(rows)
        for c in range(cols)
    ]
    return cells[:n]


def _read(name: str) -> pd.DataFrame:
    df = pd.read_csv(TABLES / f"{name}.csv", dtype=str, keep_default_na=False)
    return df.replace({"": None})


def build_zones(counties_m: gpd.GeoDataFrame, city_m) -> gpd.GeoDataFrame:
    z = _read("zones")
    by_county = dict(zip(counties_m["name"], counties_m.geometry, strict=True))
    geoms: dict[str, shapely.Polygon] = {}
    placed_in: dict[str, str] = {}
    occupied = None

    def container_of(county: str | None, name: str = ""):
        first = county.split(";")[0].strip() if isinstance(county, str) else ""
        if first in by_county:
            return by_county[first], f"county:{first}", ()
        if name in PLACEMENT_HINTS:
            hint = PLACEMENT_HINTS[name]
            spans = tuple(by_county[c] for c in hint)
            return shapely.union_all(spans), "hint:" + "+".join(hint), spans
        return by_county[CITY_LEVEL_CONTAINER], f"city-level:{CITY_LEVEL_CONTAINER}", ()

    nested = z[z["parent"].notna()]

    def split_children(parent: str) -> None:
        group = nested[nested["parent"] == parent]
        for name, cell in zip(group["name"], _split(geoms[parent], len(group)), strict=True):
            geoms[name] = cell
            placed_in[name] = f"zone:{parent}"

    base = z[z["name"] == BASE_NAME].iloc[0]
    cont, where, spans = container_of(base["county"], BASE_NAME)
    geoms[BASE_NAME] = _fit(cont, BASE_AREA_M2, BASE_ASPECT, None, spans)
    placed_in[BASE_NAME] = where
    split_children(BASE_NAME)
    occupied = geoms[BASE_NAME]
    city_inner = city_m.buffer(-100)
    for name, inner in CONTAINS.items():
        if inner not in geoms:
            msg = f"build_samples.CONTAINS: {name!r} should contain {inner!r}, not drawn yet"
            raise ValueError(msg)
        grown = geoms[inner].buffer(CONTAINS_MARGIN_M, join_style="mitre")
        geoms[name] = grown.intersection(city_inner)
        placed_in[name] = f"contains:{inner}"
        occupied = occupied.union(geoms[name])

    top = z[(z["name"] != BASE_NAME) & z["parent"].isna() & ~z["name"].isin(list(CONTAINS))]
    for _, row in top.iterrows():
        cont, where, spans = container_of(row["county"], row["name"])
        geoms[row["name"]] = _fit(cont, ZONE_SIDE_M**2, 1.0, occupied, spans)
        placed_in[row["name"]] = where
        occupied = occupied.union(geoms[row["name"]])

    for parent in nested["parent"].drop_duplicates():
        if parent not in geoms:
            group = nested[nested["parent"] == parent]
            msg = f"zones.csv: parent {parent!r} of {list(group['name'])} is not a zone"
            raise ValueError(msg)
        if parent != BASE_NAME:
            split_children(parent)

    z["area_km2"] = pd.to_numeric(z["area_km2"])
    z["placed_in"] = z["name"].map(placed_in)
    z["location_quality"] = "schematic"
    gdf = gpd.GeoDataFrame(z, geometry=[geoms[n] for n in z["name"]], crs=METRIC_CRS)
    return gdf


def build_points(
    name: str, zones_m: gpd.GeoDataFrame, counties_m, city_m, seed: int, taken: list[np.ndarray]
) -> gpd.GeoDataFrame:
    df = _read(name)
    if "mappable" in df:
        # designations of a whole city or platforms with no site are kept in the
        # seed table but are not points on the map (see seed_tables/README.md)
        df = df[df.pop("mappable") == "true"].reset_index(drop=True)
    if "company" in df:
        unnamed = df["name"].isna()
        df.loc[unnamed, "name"] = df.loc[unnamed, "company"] + "（项目名称未载明）"
    published = _published(df)
    fixed = df[published]
    df = df[~published].reset_index(drop=True)
    zone_geom = dict(zip(zones_m["name"], zones_m.geometry, strict=True))
    county_geom = dict(zip(counties_m["name"], counties_m.geometry, strict=True))
    containers, where = [], []
    zones_col = df.get("zone", [None] * len(df))
    for zone, county in zip(zones_col, df.get("county", [None] * len(df)), strict=True):
        if zone in zone_geom:
            containers.append(zone_geom[zone].buffer(-100))
            where.append(f"zone:{zone}")
        elif county in county_geom:
            containers.append(county_geom[county].buffer(-500))
            where.append(f"county:{county}")
        else:
            containers.append(city_m.buffer(-1000))
            where.append("city")
    xy = _place_points(containers, taken, seed)
    taken.append(xy)
    for col in ("investment_yi",):
        if col in df:
            df[col] = pd.to_numeric(df[col])
    df["placed_in"] = where
    df["location_quality"] = "schematic"
    gdf = gpd.GeoDataFrame(df, geometry=gpd.points_from_xy(xy[:, 0], xy[:, 1]), crs=METRIC_CRS)
    if len(fixed):
        gdf = pd.concat([gdf, published_points(fixed)], ignore_index=True)
    return gdf.drop(columns=["lon", "lat"], errors="ignore")


def _published(df: pd.DataFrame) -> pd.Series:
    """Rows of a seed table that carry a published position (``lon``/``lat``)."""
    if "lon" not in df:
        return pd.Series(False, index=df.index)
    return df["lon"].notna() & df["lat"].notna()


def published_points(df: pd.DataFrame) -> gpd.GeoDataFrame:
    """The rows with a published ``lon``/``lat`` as metric points, marked ``approximate``."""
    df = df.copy()
    geom = gpd.points_from_xy(pd.to_numeric(df["lon"]), pd.to_numeric(df["lat"]), crs=4326)
    df["placed_in"] = PUBLISHED
    df["location_quality"] = "approximate"
    return gpd.GeoDataFrame(df, geometry=geom).to_crs(METRIC_CRS)


def build(out_dir: Path = HERE) -> dict[str, gpd.GeoDataFrame]:
    counties_m = to_metric(load_layer("counties"))
    city_m = to_metric(load_layer("city")).geometry.iloc[0]
    zones = build_zones(counties_m, city_m)
    taken: list[np.ndarray] = []
    for name in ("projects", "logistics_hubs", "monitoring_stations"):
        # published positions are fixed: schematic points keep their spacing from them
        table = _read(name)
        if not _published(table).any():
            continue
        fixed = published_points(table[_published(table)])
        taken.append(np.column_stack([fixed.geometry.x, fixed.geometry.y]))
    layers = {"zones": zones}
    for seed, name in enumerate(("projects", "logistics_hubs", "monitoring_stations")):
        layers[name] = build_points(name, zones, counties_m, city_m, 1000 * seed, taken)
    for name, gdf in layers.items():
        write_geojson(gdf.to_crs(4326), out_dir / f"{name}.geojson")
    return layers


if __name__ == "__main__":
    for name, gdf in build().items():
        print(f"{name}: {len(gdf)} features")
