"""Tests of geoapp.io.export: every format x CRS, read back with ogrinfo and geopandas."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely
from pyproj import Geod, Transformer

from geoapp.errors import CRSError
from geoapp.geo import wgs84_to_gcj02
from geoapp.io import (
    EXPORT_CRS,
    FORMATS,
    ExportResult,
    export,
    export_layer,
    export_layers,
    to_bytes,
)
from geoapp.layers import load_layer

OGRINFO = shutil.which("ogrinfo") or "/usr/bin/ogrinfo"
EPSG_OF = {"EPSG:4326": 4326, "EPSG:4490": 4490, "EPSG:4547": 4547, "gcj02": 4326}
BOM = b"\xef\xbb\xbf"
COMBOS = [
    (fmt, crs)
    for fmt in FORMATS
    for crs in EXPORT_CRS
    if fmt != "geojson" or crs in ("EPSG:4326", "gcj02")
]


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def counties() -> gpd.GeoDataFrame:
    return load_layer("counties")


@pytest.fixture
def points() -> gpd.GeoDataFrame:
    """Three project sites in 濮阳 with Chinese names, a Chinese column and a list column."""
    return gpd.GeoDataFrame(
        {
            "name": ["濮阳新材料产业园", "清丰家居项目", "范县化工园"],
            "产业链": ["新材料", "家居", "化工"],
            "investment_yi": [12.5, 3.25, 40.0],
            "violations": [["距黄河过近", "压覆基本农田"], ["无"], ["距居民区过近"]],
            "产业链环节名称": ["上游", "中游", "下游"],  # 21 bytes: cut, clashes
            "investment_total": [100, 200, 300],  # cut to "investment", clashes
        },
        geometry=gpd.points_from_xy([115.0291, 115.1232, 115.5040], [35.7621, 35.8991, 35.8638]),
        crs="EPSG:4326",
    )


def _layer(request, name: str) -> gpd.GeoDataFrame:
    return request.getfixturevalue(name)


# --------------------------------------------------------------------------- helpers


def ogrinfo(target: str | Path) -> dict:
    """Run ``ogrinfo -ro -so -al`` and parse layer names, feature counts and EPSG codes."""
    out = subprocess.run(
        [OGRINFO, "-ro", "-so", "-al", str(target)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    wkts = re.findall(r"^Layer SRS WKT:\n(.*?)^Data axis", out, flags=re.M | re.S)
    return {
        "layers": re.findall(r"^Layer name: (.+)$", out, flags=re.M),
        "counts": [int(n) for n in re.findall(r"^Feature Count: (\d+)$", out, flags=re.M)],
        # The CRS's own ID is the last one of its WKT (earlier ones belong to parts).
        "epsg": [int(re.findall(r'ID\["EPSG",(\d+)\]', w)[-1]) for w in wkts],
        "wkt": wkts,
        "text": out,
    }


def ogr_target(path: Path) -> str:
    return f"/vsizip/{path}" if path.suffix == ".zip" else str(path)


def expected_geometries(gdf: gpd.GeoDataFrame, crs: str) -> np.ndarray:
    """The input's vertices transformed by pyproj (or by GCJ-02's published formula)."""
    if crs == "gcj02":
        func = wgs84_to_gcj02
    else:
        func = Transformer.from_crs(gdf.crs, crs, always_xy=True).transform

    def _xy(xy: np.ndarray) -> np.ndarray:
        return np.column_stack(func(xy[:, 0], xy[:, 1]))

    return shapely.transform(np.asarray(gdf.geometry.values), _xy)


def read_back(result: ExportResult) -> gpd.GeoDataFrame:
    """Read an export with geopandas, restoring shapefile field names and CSV geometry."""
    path = result.path
    if result.fmt == "csv":
        df = pd.read_csv(path, encoding="utf-8-sig", dtype={"adcode": str})
        if "wkt" in df.columns:
            geoms = shapely.from_wkt(df.pop("wkt").to_numpy())
        else:
            x, y = ("x", "y") if result.crs == "EPSG:4547" else ("lon", "lat")
            geoms = shapely.points(df.pop(x).to_numpy(), df.pop(y).to_numpy())
        return gpd.GeoDataFrame(df, geometry=geoms, crs=EPSG_OF[result.crs])
    gdf = gpd.read_file(ogr_target(path))
    if result.fmt == "shp":
        gdf = gdf.rename(columns={v: k for k, v in result.field_map.items()})
    return gdf


def assert_attributes_equal(got: pd.DataFrame, source: gpd.GeoDataFrame) -> None:
    """Values equal after export: lists as "; "-joined text, numbers within float noise."""
    attrs = [c for c in source.columns if c != source.geometry.name]
    assert list(got[attrs].columns) == attrs
    for col in attrs:
        want = source[col]
        if want.map(lambda v: isinstance(v, list)).any():
            want = want.map("; ".join)
        if pd.api.types.is_numeric_dtype(want):
            np.testing.assert_allclose(got[col].to_numpy(float), want.to_numpy(float), rtol=1e-12)
        else:
            assert got[col].astype(str).tolist() == want.astype(str).tolist(), col


def assert_geometries_close(got: np.ndarray, want: np.ndarray, tol: float) -> None:
    """Every vertex within ``tol`` (ring order / orientation / Multi* wrapping may differ)."""
    assert (shapely.get_num_coordinates(got) == shapely.get_num_coordinates(want)).all()
    assert shapely.hausdorff_distance(got, want).max() < tol


# --------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("layer", ["counties", "points"])
@pytest.mark.parametrize(("fmt", "crs"), COMBOS)
def test_round_trip(request, tmp_path, layer, fmt, crs):
    gdf = _layer(request, layer)
    result = export_layer(gdf, tmp_path / f"{layer}_out", fmt=fmt, crs=crs, layer_name=layer)

    assert result.path.exists()
    assert result.path.suffix == export.SUFFIXES[fmt][0]
    assert (result.fmt, result.crs, result.feature_count) == (fmt, crs, len(gdf))
    assert result.layers == (layer,)
    assert bool(result.field_map) == (fmt == "shp")
    assert sorted(os.listdir(tmp_path)) == [result.path.name]  # no temporary leftovers

    info = ogrinfo(ogr_target(result.path))
    assert info["counts"] == [len(gdf)]
    if fmt != "csv":  # a CSV declares no CRS
        assert info["epsg"] == [EPSG_OF[crs]]

    got = read_back(result)
    assert len(got) == len(gdf)
    assert got.crs.to_epsg() == EPSG_OF[crs]
    assert_attributes_equal(got, gdf)
    tol = 0.01 if crs == "EPSG:4547" else 1e-6
    assert_geometries_close(np.asarray(got.geometry.values), expected_geometries(gdf, crs), tol)


def test_chinese_text_survives_every_format(tmp_path, points):
    for fmt in FORMATS:
        result = export_layer(points, tmp_path / fmt, fmt=fmt)
        got = read_back(result)
        assert got["name"].tolist() == points["name"].tolist()
        assert got["产业链"].tolist() == ["新材料", "家居", "化工"]
        assert got["violations"].iloc[0] == "距黄河过近; 压覆基本农田"


def test_gcj02_export_is_shifted_about_half_a_kilometre(tmp_path, points):
    wgs = read_back(export_layer(points, tmp_path / "wgs.gpkg", fmt="gpkg"))
    gcj = read_back(export_layer(points, tmp_path / "gcj.gpkg", fmt="gpkg", crs="gcj02"))
    _, _, dist = Geod(ellps="WGS84").inv(
        wgs.geometry.x.to_numpy(),
        wgs.geometry.y.to_numpy(),
        gcj.geometry.x.to_numpy(),
        gcj.geometry.y.to_numpy(),
    )
    assert ((dist > 450) & (dist < 650)).all(), dist


def test_gcj02_is_labelled_in_the_files(tmp_path, points):
    gpkg = export_layer(points, tmp_path / "a.gpkg", fmt="gpkg", crs="gcj02", layer_name="sites")
    assert "GCJ-02" in pyogrio.read_info(gpkg.path, layer="sites")["layer_metadata"]["DESCRIPTION"]
    geojson = export_layer(points, tmp_path / "a.geojson", fmt="geojson", crs="gcj02")
    assert "GCJ-02" in json.loads(geojson.path.read_bytes())["description"]
    shp = export_layer(points, tmp_path / "a.zip", fmt="shp", crs="gcj02")
    with zipfile.ZipFile(shp.path) as zf:
        assert "GCJ-02" in zf.read("README.txt").decode("utf-8-sig")
    csv = export_layer(points, tmp_path / "a.csv", fmt="csv", crs="gcj02")
    assert pd.read_csv(csv.path, encoding="utf-8-sig").columns[-2:].tolist() == ["lon", "lat"]
    # A WGS-84 export carries no such note.
    plain = export_layer(points, tmp_path / "b.gpkg", fmt="gpkg", layer_name="sites")
    assert "DESCRIPTION" not in (pyogrio.read_info(plain.path)["layer_metadata"] or {})


# --------------------------------------------------------------------------- GeoJSON


def _polygons(geometry: dict) -> list[list]:
    """The polygons of a raw GeoJSON (Multi)Polygon, each a list of rings."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    return geometry["coordinates"]


def test_geojson_is_rfc7946(tmp_path, counties):
    # Feed clockwise exteriors, so the writer must reorient them.
    cw = counties.copy()
    cw["geometry"] = shapely.orient_polygons(cw.geometry.values, exterior_cw=True)
    result = export_layer(cw, tmp_path / "counties.geojson", fmt="geojson")
    raw = result.path.read_bytes()
    doc = json.loads(raw)

    assert "crs" not in doc  # RFC 7946: no crs member, WGS-84 implied
    assert "华龙区".encode() in raw and "濮阳县".encode() in raw
    assert b"\\u" not in raw
    polygons = [p for f in doc["features"] for p in _polygons(f["geometry"])]
    assert len(polygons) >= 6
    coords = np.array([xy for poly in polygons for ring in poly for xy in ring])
    assert np.array_equal(np.round(coords, 7), coords)  # at most 7 decimals
    assert all(shapely.is_ccw(shapely.linearrings(poly[0])) for poly in polygons)
    holes = [ring for poly in polygons for ring in poly[1:]]
    assert not any(shapely.is_ccw(shapely.linearrings(h)) for h in holes)


@pytest.mark.parametrize("crs", ["EPSG:4490", "EPSG:4547"])
def test_geojson_rejects_other_crs(tmp_path, points, crs):
    with pytest.raises(ValueError, match=r"RFC 7946\) requires WGS-84.*gpkg"):
        export_layer(points, tmp_path / "a.geojson", fmt="geojson", crs=crs)
    assert not any(tmp_path.iterdir())


def test_write_geojson_keeps_its_signature(tmp_path, counties):
    out = export.write_geojson(counties.to_crs(4547), tmp_path / "c.geojson")
    assert out == tmp_path / "c.geojson"
    assert ogrinfo(out)["epsg"] == [4326]


# --------------------------------------------------------------------------- Shapefile


def test_dbf_field_names_cut_on_bytes_and_are_unique():
    names = ["name", "产业链", "产业链环节名称", "investment_yi", "investment_total"]
    names.append("NAME_LONGER_X")
    got = export.dbf_field_names(names)
    assert got == {
        "name": "name",
        "产业链": "产业链",
        "产业链环节名称": "产业链1",
        "investment_yi": "investment",
        "investment_total": "investmen1",
        "NAME_LONGER_X": "NAME_LONGE",
    }
    assert all(len(v.encode("utf-8")) <= 10 for v in got.values())
    # Four Chinese characters are 12 bytes: only three fit, no character is split.
    assert export.dbf_field_names(["环节名称"]) == {"环节名称": "环节名"}


def test_shapefile_zip_contents(tmp_path, points):
    result = export_layer(points, tmp_path / "sites.shp", fmt="shp", layer_name="sites")
    assert result.path == tmp_path / "sites.shp.zip"
    with zipfile.ZipFile(result.path) as zf:
        members = set(zf.namelist())
        assert {f"sites.{ext}" for ext in ("shp", "shx", "dbf", "prj", "cpg")} <= members
        assert "fields.csv" in members
        assert zf.read("sites.cpg").decode().strip().upper() in ("UTF-8", "UTF8")
        fields_raw = zf.read("fields.csv")
    assert fields_raw.startswith(BOM)
    fields = pd.read_csv(io.BytesIO(fields_raw), encoding="utf-8-sig")
    assert dict(zip(fields.iloc[:, 0], fields.iloc[:, 1])) == dict(result.field_map)

    truncated = list(result.field_map.values())
    assert all(len(n.encode("utf-8")) <= 10 for n in truncated)
    assert len({n.lower() for n in truncated}) == len(truncated)
    assert result.field_map["investment_yi"] == "investment"
    assert result.field_map["产业链"] == "产业链"
    dbf_fields = pyogrio.read_info(f"/vsizip/{result.path}")["fields"].tolist()
    assert dbf_fields == truncated


def test_shapefile_promotes_mixed_polygon_types(tmp_path, counties):
    mixed = counties.copy()
    single = shapely.get_num_geometries(mixed.geometry.values) == 1
    mixed.loc[single, "geometry"] = shapely.get_geometry(mixed.geometry.values[single], 0)
    assert set(mixed.geom_type) == {"Polygon", "MultiPolygon"}

    result = export_layer(mixed, tmp_path / "mixed", fmt="shp", crs="EPSG:4547")
    info = ogrinfo(f"/vsizip/{result.path}")
    assert info["counts"] == [6]
    assert re.search(r"^Geometry: (Multi )?Polygon$", info["text"], flags=re.M)
    got = read_back(result)
    np.testing.assert_allclose(got.area, mixed.to_crs(4547).area, rtol=1e-9)


def test_shapefile_rejects_points_with_polygons(tmp_path, points, counties):
    both = pd.concat([points[["name", "geometry"]], counties[["name", "geometry"]]])
    with pytest.raises(ValueError, match=r"MultiPolygon.*Point.*gpkg"):
        export_layer(both, tmp_path / "both", fmt="shp")
    assert not any(tmp_path.iterdir())
    # A GeoPackage takes it.
    assert export_layer(both, tmp_path / "both", fmt="gpkg").feature_count == len(both)


# --------------------------------------------------------------------------- CSV


@pytest.mark.parametrize(
    ("layer", "crs", "columns"),
    [
        ("points", "EPSG:4326", ["lon", "lat"]),
        ("points", "EPSG:4490", ["lon", "lat"]),
        ("points", "gcj02", ["lon", "lat"]),
        ("points", "EPSG:4547", ["x", "y"]),
        ("counties", "EPSG:4326", ["wkt"]),
        ("counties", "EPSG:4547", ["wkt"]),
    ],
)
def test_csv_layout(request, tmp_path, layer, crs, columns):
    gdf = _layer(request, layer)
    result = export_layer(gdf, tmp_path / "out.csv", fmt="csv", crs=crs)
    raw = result.path.read_bytes()
    assert raw.startswith(BOM)
    header = pd.read_csv(result.path, encoding="utf-8-sig", nrows=0).columns.tolist()
    attrs = [c for c in gdf.columns if c != "geometry"]
    assert header == attrs + columns
    if layer == "points":
        assert "距黄河过近; 压覆基本农田".encode() in raw


def test_csv_replaces_existing_lon_lat(tmp_path, points):
    pts = points.assign(lon=0.0, lat=0.0)
    got = pd.read_csv(export_layer(pts, tmp_path / "p.csv", fmt="csv").path, encoding="utf-8-sig")
    np.testing.assert_allclose(got["lon"], points.geometry.x)
    assert got.columns.tolist().count("lon") == 1


# --------------------------------------------------------------------------- multi-layer


@pytest.mark.parametrize("crs", EXPORT_CRS)
def test_export_layers_one_geopackage(tmp_path, counties, points, crs):
    result = export_layers({"counties": counties, "项目": points}, tmp_path / "puyang", crs=crs)
    assert result.path == tmp_path / "puyang.gpkg"
    assert result.layers == ("counties", "项目")
    assert result.feature_count == len(counties) + len(points)
    assert result.crs == crs
    assert sorted(os.listdir(tmp_path)) == ["puyang.gpkg"]

    info = ogrinfo(result.path)
    assert info["layers"] == ["counties", "项目"]
    assert info["counts"] == [len(counties), len(points)]
    assert info["epsg"] == [EPSG_OF[crs]] * 2
    got = gpd.read_file(result.path, layer="项目")
    assert got["产业链"].tolist() == ["新材料", "家居", "化工"]
    tol = 0.01 if crs == "EPSG:4547" else 1e-6
    assert_geometries_close(np.asarray(got.geometry.values), expected_geometries(points, crs), tol)


def test_export_layers_validates_names(tmp_path, points):
    with pytest.raises(ValueError, match="ignore case"):
        export_layers({"Sites": points, "sites": points}, tmp_path / "a.gpkg")
    with pytest.raises(ValueError, match="non-empty mapping"):
        export_layers({}, tmp_path / "a.gpkg")
    assert not any(tmp_path.iterdir())


# --------------------------------------------------------------------------- to_bytes


@pytest.mark.parametrize(
    ("fmt", "name", "mime", "magic"),
    [
        ("geojson", "sites.geojson", "application/geo+json", b"{"),
        ("gpkg", "sites.gpkg", "application/geopackage+sqlite3", b"SQLite format 3\x00"),
        ("shp", "sites.zip", "application/zip", b"PK\x03\x04"),
        ("csv", "sites.csv", "text/csv", BOM),
    ],
)
def test_to_bytes(tmp_path, points, fmt, name, mime, magic):
    data, file_name, got_mime = to_bytes(points, fmt=fmt, layer_name="sites")
    assert (file_name, got_mime) == (name, mime)
    assert data.startswith(magic)
    out = tmp_path / file_name
    out.write_bytes(data)
    assert ogrinfo(ogr_target(out))["counts"] == [len(points)]


def test_to_bytes_default_name(points):
    _, file_name, _ = to_bytes(points, fmt="shp", crs="EPSG:4547")
    assert file_name == "layer.zip"


# --------------------------------------------------------------------------- atomicity


def _failing_ogr_writer(df, path, *args, **kwargs):
    Path(path).write_bytes(b"partial")
    msg = "disk full"
    raise OSError(msg)


def _failing_to_csv(self, path_or_buf=None, *args, **kwargs):
    if path_or_buf is None:  # fields.csv of a shapefile is built in memory
        return _real_to_csv(self, path_or_buf, *args, **kwargs)
    Path(path_or_buf).write_bytes(b"partial")
    msg = "disk full"
    raise OSError(msg)


_real_to_csv = pd.DataFrame.to_csv


@pytest.mark.parametrize("fmt", FORMATS)
def test_failure_keeps_previous_file(tmp_path, monkeypatch, points, counties, fmt):
    first = export_layer(points, tmp_path / "out", fmt=fmt)
    before = first.path.read_bytes()

    monkeypatch.setattr(pyogrio, "write_dataframe", _failing_ogr_writer)
    monkeypatch.setattr(pd.DataFrame, "to_csv", _failing_to_csv)
    with pytest.raises(OSError, match="disk full"):
        export_layer(counties, tmp_path / "out", fmt=fmt)

    assert first.path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == [first.path.name]


def test_export_layers_failure_keeps_previous_file(tmp_path, monkeypatch, points, counties):
    first = export_layers({"a": points}, tmp_path / "multi.gpkg")
    before = first.path.read_bytes()
    real = pyogrio.write_dataframe

    def fail_on_second(df, path, *args, **kwargs):
        if kwargs.get("append"):
            msg = "disk full"
            raise OSError(msg)
        return real(df, path, *args, **kwargs)

    monkeypatch.setattr(pyogrio, "write_dataframe", fail_on_second)
    with pytest.raises(OSError, match="disk full"):
        export_layers({"a": points, "b": counties}, tmp_path / "multi.gpkg")
    assert first.path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["multi.gpkg"]


# --------------------------------------------------------------------------- validation


def test_no_crs_raises(tmp_path, points):
    with pytest.raises(CRSError, match="no CRS"):
        export_layer(points.set_crs(None, allow_override=True), tmp_path / "a.gpkg", fmt="gpkg")
    with pytest.raises(CRSError, match="no CRS"):
        export_layers({"a": points.set_crs(None, allow_override=True)}, tmp_path / "a.gpkg")
    with pytest.raises(CRSError):
        to_bytes(points.set_crs(None, allow_override=True), fmt="csv")


def test_bad_options_name_the_argument(tmp_path, points):
    with pytest.raises(ValueError, match="`fmt` was 'kml'"):
        export_layer(points, tmp_path / "a.kml", fmt="kml")
    with pytest.raises(ValueError, match="`crs` was 'EPSG:3857'"):
        export_layer(points, tmp_path / "a.gpkg", fmt="gpkg", crs="EPSG:3857")
    with pytest.raises(TypeError, match="should be a GeoDataFrame"):
        export_layer(pd.DataFrame(points), tmp_path / "a.gpkg", fmt="gpkg")


def test_crs_spelling_is_normalised(tmp_path, points):
    assert export_layer(points, tmp_path / "a", fmt="gpkg", crs="epsg:4547").crs == "EPSG:4547"
    assert export_layer(points, tmp_path / "b", fmt="gpkg", crs="GCJ-02").crs == "gcj02"


def test_input_is_not_modified(tmp_path, points):
    snapshot = points.copy()
    for fmt in FORMATS:
        export_layer(points, tmp_path / fmt, fmt=fmt, crs="gcj02")
    pd.testing.assert_frame_equal(pd.DataFrame(points), pd.DataFrame(snapshot))
    assert isinstance(points["violations"].iloc[0], list)


def test_dict_cells_become_json(tmp_path, points):
    pts = points.assign(detail=[{"评分": 80}, {"评分": 65}, None])
    got = read_back(export_layer(pts, tmp_path / "a.gpkg", fmt="gpkg"))
    assert json.loads(got["detail"].iloc[0]) == {"评分": 80}
    assert got["detail"].isna().iloc[2]
