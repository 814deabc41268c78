"""Vectorised look-ups shared by the analyses: which county, which innermost zone.

All functions work in the metric CRS on whole arrays (an STRtree query per call,
no Python loop over features) and return results aligned with their input.
"""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geoapp.errors import CRSError
from geoapp.geo.coords import to_metric
from geoapp.settings import STORAGE_CRS


def require_crs(**layers: gpd.GeoDataFrame | gpd.GeoSeries | None) -> None:
    """Raise :class:`CRSError` naming every given layer that has no CRS."""
    missing = [name for name, gdf in layers.items() if gdf is not None and gdf.crs is None]
    if missing:
        msg = (
            f"{', '.join(f'`{m}`' for m in missing)} has no CRS. "
            "Set one with `.set_crs(4326)` (WGS-84 lon/lat) before combining layers."
        )
        raise CRSError(msg)


def points_of(gdf: gpd.GeoDataFrame | gpd.GeoSeries) -> gpd.GeoSeries:
    """The metric point of each feature: the point itself, else a point inside the shape."""
    geoms = to_metric(gdf.geometry if isinstance(gdf, gpd.GeoDataFrame) else gdf)
    if (geoms.geom_type == "Point").all():
        return geoms
    return geoms.representative_point()


#: Up to this many polygons, look-ups loop over the polygons with a bbox mask;
#: beyond, an STRtree finds the candidate pairs.
LOOP_MAX_POLYGONS = 64


class PolygonIndex:
    """Prepared polygons in the metric CRS with exact point-in-polygon look-ups."""

    def __init__(self, geoms: np.ndarray) -> None:
        self.geoms = np.asarray(geoms, dtype=object)
        shapely.prepare(self.geoms)
        self.bounds = shapely.bounds(self.geoms).reshape(-1, 4)
        self.area = shapely.area(self.geoms)
        self.tree = shapely.STRtree(self.geoms)

    def __len__(self) -> int:
        """Number of polygons."""
        return len(self.geoms)

    def hits_xy(
        self, x: np.ndarray, y: np.ndarray, *, boundary: bool
    ) -> tuple[np.ndarray, np.ndarray]:
        """Pairs (point position, polygon position) where the point is inside.

        ``boundary=False`` excludes points on the boundary (``within``),
        ``boundary=True`` includes them (``intersects``).
        """
        func = shapely.intersects_xy if boundary else shapely.contains_xy
        if len(self) == 0 or len(x) == 0:
            return np.empty(0, np.intp), np.empty(0, np.intp)
        if len(x) >= len(self) and len(self) <= LOOP_MAX_POLYGONS:
            # loop over the few polygons, not the points
            pts, polys = [], []
            for j, (geom, (x0, y0, x1, y1)) in enumerate(zip(self.geoms, self.bounds, strict=True)):
                cand = np.flatnonzero((x >= x0) & (x <= x1) & (y >= y0) & (y <= y1))
                if cand.size:
                    hit = cand[func(geom, x[cand], y[cand])]
                    pts.append(hit)
                    polys.append(np.full(hit.size, j, dtype=np.intp))
            if not pts:
                return np.empty(0, np.intp), np.empty(0, np.intp)
            return np.concatenate(pts), np.concatenate(polys)
        # many polygons, or fewer points than polygons (a click): the tree's boxes first
        pt_idx, poly_idx = self.tree.query(shapely.points(x, y))
        keep = func(self.geoms[poly_idx], x[pt_idx], y[pt_idx])
        return pt_idx[keep], poly_idx[keep]

    def hits_geoms(self, geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Pairs (geometry position, polygon position) that intersect."""
        if len(self) == 0 or len(geoms) == 0:
            return np.empty(0, np.intp), np.empty(0, np.intp)
        return self.tree.query(geoms, predicate="intersects")

    def innermost(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Position of the smallest polygon containing each point, -1 where none does.

        Tie rule for points on a boundary: a point inside a polygon's interior
        belongs to the smallest such polygon; a point that lies only on
        boundaries (a shared county border, a vertex where several meet)
        belongs to the polygon that covers it with the lowest position — the
        counties layer is ordered by adcode, so on a county border the lowest
        adcode wins. A point of the union is never left without a polygon.

        Ties in area go to the lower position. With few polygons and many
        points, the polygons are visited from the largest to the smallest and
        each overwrites the points it contains (no sort of the hits).
        """
        out = np.full(len(x), -1, dtype=np.intp)
        if len(self) and len(x) >= len(self) and len(self) <= LOOP_MAX_POLYGONS:
            # largest first; among equal areas the lower position last, so it wins
            visit = np.lexsort((-np.arange(len(self)), -self.area))
            for j in visit:  # one pass per polygon (a few dozen)
                x0, y0, x1, y1 = self.bounds[j]
                cand = np.flatnonzero((x >= x0) & (x <= x1) & (y >= y0) & (y <= y1))
                if cand.size:
                    out[cand[shapely.contains_xy(self.geoms[j], x[cand], y[cand])]] = j
            return self._on_boundary(x, y, out)
        pt_idx, poly_idx = self.hits_xy(x, y, boundary=False)
        if pt_idx.size:
            order = np.lexsort((poly_idx, self.area[poly_idx], pt_idx))
            pt_sorted, poly_sorted = pt_idx[order], poly_idx[order]
            first = np.r_[True, pt_sorted[1:] != pt_sorted[:-1]]
            out[pt_sorted[first]] = poly_sorted[first]
        return self._on_boundary(x, y, out)

    def _on_boundary(self, x: np.ndarray, y: np.ndarray, out: np.ndarray) -> np.ndarray:
        """Give points that no interior holds the lowest-positioned polygon covering them."""
        rest = np.flatnonzero(out < 0)
        if rest.size == 0 or len(self) == 0:
            return out
        pt_idx, poly_idx = self.hits_xy(x[rest], y[rest], boundary=True)
        if pt_idx.size:
            order = np.lexsort((poly_idx, pt_idx))
            pt_sorted, poly_sorted = pt_idx[order], poly_idx[order]
            first = np.r_[True, pt_sorted[1:] != pt_sorted[:-1]]
            out[rest[pt_sorted[first]]] = poly_sorted[first]
        return out


def polygon_lookup(
    points_m: gpd.GeoSeries, polygons_m: gpd.GeoDataFrame, *, smallest: bool = False
) -> np.ndarray:
    """Positional index of the polygon containing each point, -1 where none does.

    Parameters
    ----------
    points_m
        Points in the metric CRS.
    polygons_m
        Polygons in the same CRS.
    smallest
        Where several polygons contain a point (nested zones), pick the one with
        the smallest area — the innermost. Otherwise the first. A point only
        on boundaries (a shared border) goes to the first polygon covering it
        (see :meth:`PolygonIndex.innermost`).

    Returns
    -------
    numpy.ndarray of int
    """
    out = np.full(len(points_m), -1, dtype=np.int64)
    if len(points_m) == 0 or len(polygons_m) == 0:
        return out
    index = PolygonIndex(np.asarray(polygons_m.geometry.array))
    x, y = shapely.get_x(points_m.values), shapely.get_y(points_m.values)
    if smallest:
        return index.innermost(x, y).astype(np.int64)
    pt_idx, poly_idx = index.hits_xy(x, y, boundary=False)
    order = np.lexsort((poly_idx, pt_idx))
    pt_sorted, poly_sorted = pt_idx[order], poly_idx[order]
    first = np.r_[True, pt_sorted[1:] != pt_sorted[:-1]] if pt_sorted.size else pt_sorted
    out[pt_sorted[first]] = poly_sorted[first]
    return index._on_boundary(x, y, out.astype(np.intp)).astype(np.int64)


def _take(values: pd.Series, idx: np.ndarray) -> np.ndarray:
    arr = values.to_numpy(dtype=object)
    taken: np.ndarray = (
        arr[np.clip(idx, 0, None)] if len(arr) else np.full(len(idx), None, dtype=object)
    )
    out: np.ndarray = np.where(idx >= 0, taken, np.full(len(idx), None, dtype=object))
    return out


def locate(
    sites: gpd.GeoDataFrame,
    counties: gpd.GeoDataFrame,
    zones: gpd.GeoDataFrame | None = None,
    *,
    prefer_attributes: bool = False,
) -> pd.DataFrame:
    """County and innermost zone of each site.

    Parameters
    ----------
    sites
        Points or polygons (polygons are located by a point inside them).
    counties
        The county layer (column ``name``).
    zones
        The zone layer (columns ``name``, ``kind``), optional.
    prefer_attributes
        Use the sites' own ``county`` / ``zone`` columns where they are filled
        (the seeds' statements), and the location only where they are empty
        and the position means something: a row whose ``location_quality`` is
        ``"schematic"`` was drawn somewhere chosen, so its position says
        nothing about its county or zone — it gets ``None`` (unstated).

    Returns
    -------
    pandas.DataFrame
        Aligned with ``sites``: ``county``, ``zone``, ``zone_kind``, and how
        each was found, ``county_by`` / ``zone_by``: ``"attribute"``,
        ``"zone"`` (the county stated for the site's stated zone),
        ``"location"``, or ``"unstated"`` (a schematic row with no attribute:
        the value is ``None``).
    """
    require_crs(sites=sites, counties=counties, zones=zones)
    pts = points_of(sites)
    c_idx = polygon_lookup(pts, to_metric(counties))
    out = pd.DataFrame({"county": _take(counties["name"], c_idx)}, index=sites.index, dtype=object)
    if zones is not None and len(zones):
        z_idx = polygon_lookup(pts, to_metric(zones), smallest=True)
        out["zone"] = _take(zones["name"], z_idx)
        out["zone_kind"] = _take(zones["kind"], z_idx)
    else:
        out["zone"] = None
        out["zone_kind"] = None
    out["county_by"] = "location"
    out["zone_by"] = "location"
    if prefer_attributes:
        _prefer_attributes(out, sites, zones)
    return out


def _filled(values: pd.Series) -> np.ndarray:
    return (values.notna() & (values.astype(str).str.len() > 0)).to_numpy(dtype=bool)


def _prefer_attributes(
    out: pd.DataFrame, sites: gpd.GeoDataFrame, zones: gpd.GeoDataFrame | None
) -> None:
    """Overwrite located values with stated ones; blank what a schematic position implies."""
    n = len(sites)
    schematic = (
        sites["location_quality"].eq("schematic").fillna(False).to_numpy(dtype=bool)
        if "location_quality" in sites.columns
        else np.zeros(n, dtype=bool)
    )
    zone_given = _filled(sites["zone"]) if "zone" in sites.columns else np.zeros(n, dtype=bool)
    county_given = _filled(sites["county"]) if "county" in sites.columns else np.zeros(n, bool)
    if zone_given.any():
        out.loc[zone_given, "zone"] = sites.loc[zone_given, "zone"]
        out.loc[zone_given, "zone_by"] = "attribute"
        if zones is not None and "kind" in zones.columns:
            kinds = dict(zip(zones["name"], zones["kind"], strict=True))
            out.loc[zone_given, "zone_kind"] = sites.loc[zone_given, "zone"].map(kinds)
    blank_zone = schematic & ~zone_given
    out.loc[blank_zone, ["zone", "zone_kind"]] = None
    out.loc[blank_zone, "zone_by"] = "unstated"

    if county_given.any():
        out.loc[county_given, "county"] = sites.loc[county_given, "county"]
        out.loc[county_given, "county_by"] = "attribute"
    via_zone = np.zeros(n, dtype=bool)
    if zones is not None and "county" in zones.columns and zone_given.any():
        zone_county = sites["zone"].map(dict(zip(zones["name"], zones["county"], strict=True)))
        via_zone = zone_given & ~county_given & _filled(zone_county)
        out.loc[via_zone, "county"] = zone_county[via_zone]
        out.loc[via_zone, "county_by"] = "zone"
    blank_county = schematic & ~county_given & ~via_zone
    out.loc[blank_county, "county"] = None
    out.loc[blank_county, "county_by"] = "unstated"


def random_points(
    polygon: shapely.Geometry, n: int, *, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    """``n`` uniformly random points inside ``polygon`` (rejection sampling, vectorised).

    For synthetic candidates in tests, benchmarks and demos. Coordinates are in
    the polygon's own CRS; uniform in those coordinates.

    Parameters
    ----------
    polygon
        The area to fill, e.g. ``load_layer("city").geometry.iloc[0]``.
    n
        How many points.
    rng
        The random generator (seed it for reproducible points).

    Returns
    -------
    tuple of numpy.ndarray
        x and y arrays of length ``n``.
    """
    shapely.prepare(polygon)
    minx, miny, maxx, maxy = polygon.bounds
    fill = max(polygon.area / ((maxx - minx) * (maxy - miny)), 0.05)
    xs, ys, have = [], [], 0
    while have < n:
        m = int((n - have) / fill * 1.2) + 16
        x, y = rng.uniform(minx, maxx, m), rng.uniform(miny, maxy, m)
        inside = shapely.contains_xy(polygon, x, y)
        xs.append(x[inside])
        ys.append(y[inside])
        have += int(inside.sum())
    return np.concatenate(xs)[:n], np.concatenate(ys)[:n]


#: A site may lie this far outside the county outlines (as in the batch import).
CITY_TOLERANCE_M = 1_000.0


def outside_city(
    geoms: gpd.GeoSeries, counties: gpd.GeoDataFrame, *, tolerance_m: float = CITY_TOLERANCE_M
) -> str | None:
    """Say why a single site cannot be evaluated: outside 濮阳市, or lon/lat swapped.

    Parameters
    ----------
    geoms
        The site (a point or a parcel) with a CRS; only the first is checked.
    counties
        The county polygons (their union is the city).
    tolerance_m
        How far outside the outline a site may lie, in metres (EPSG:4547).

    Returns
    -------
    str or None
        A one-line message ("… is outside 濮阳市 …", or "… look swapped …"), or
        None when the site is in the city.
    """
    require_crs(geoms=geoms, counties=counties)
    if not len(geoms) or not len(counties):
        return None
    city = to_metric(counties.geometry).union_all()
    here = to_metric(geoms.iloc[:1]).iloc[0]
    distance = float(city.distance(here))
    if distance <= tolerance_m:
        return None
    centre = geoms.iloc[:1].to_crs(STORAGE_CRS).iloc[0].representative_point()
    lon, lat = float(centre.x), float(centre.y)
    flipped = to_metric(gpd.GeoSeries(gpd.points_from_xy([lat], [lon]), crs=STORAGE_CRS))
    if abs(lon) <= 90 and float(city.distance(flipped.iloc[0])) <= tolerance_m:
        return (
            f"({lon:g}, {lat:g}) is outside 濮阳市, but swapped it is inside: longitude and "
            f"latitude look swapped. Did you mean lon {lat:g}, lat {lon:g}?"
        )
    return (
        f"({lon:.6f}, {lat:.6f} WGS-84) is outside 濮阳市 ({distance / 1000:,.1f} km from the "
        "city boundary); only sites in the city can be evaluated. Check the coordinates, the "
        "CRS and the datum."
    )
