"""Import of user layers: every format built in tmp_path, expected values computed independently."""

from __future__ import annotations

import io
import json
import zipfile

import geopandas as gpd
import numpy as np
import openpyxl
import pandas as pd
import pyogrio
import pytest
import shapely
from pyproj import Geod, Transformer

from geoapp.errors import InputFileError
from geoapp.geo import coords
from geoapp.io import COORD_FIXED, ImportResult, read_user_layer

GEOD = Geod(ellps="WGS84")

# Real places in 濮阳市 (WGS-84 lon, lat), each checked against data/city.geojson below.
SITES = {
    "华龙区": (115.03, 35.76),
    "范县": (115.50, 35.85),
    "台前县": (115.87, 35.97),
    "南乐县": (115.20, 36.07),
    "清丰县": (115.11, 35.90),
    "濮阳县": (115.03, 35.71),
}
ZHENGZHOU = (113.6, 34.7)


@pytest.fixture(scope="module", autouse=True)
def _sites_are_inside_the_city():
    from geoapp.layers import load_layer

    city = load_layer("city").geometry.union_all()
    x, y = np.array(list(SITES.values())).T
    assert shapely.contains_xy(city, x, y).all()
    assert not shapely.contains_xy(city, y, x).any()  # swapped, they are all outside
    assert not shapely.contains_xy(city, *ZHENGZHOU)


def _check_accounting(result: ImportResult, n_input: int) -> None:
    assert len(result.gdf) + len(result.rejected) == n_input
    assert result.gdf.crs.to_epsg() == 4326
    assert list(result.rejected.columns) == ["row", "reason", "column", "value", "values"]
    assert set(result.gdf["source_row"]).isdisjoint(result.rejected["row"])


def _sites_gdf(crs=4326) -> gpd.GeoDataFrame:
    names = list(SITES)
    x, y = np.array(list(SITES.values())).T
    gdf = gpd.GeoDataFrame(
        {"名称": [f"{n}项目" for n in names], "投资额": np.arange(1.0, len(names) + 1)},
        geometry=gpd.points_from_xy(x, y),
        crs=4326,
    )
    return gdf.to_crs(crs)


# --------------------------------------------------------------------------- vector formats


def test_geojson_points_keep_attributes(tmp_path):
    path = tmp_path / "sites.geojson"
    pyogrio.write_dataframe(_sites_gdf(), path, driver="GeoJSON")
    result = read_user_layer(path)
    _check_accounting(result, len(SITES))
    assert result.rejected.empty
    assert result.crs_in == "EPSG:4326"
    assert result.encoding == "UTF-8"
    assert result.gdf["名称"].tolist() == [f"{n}项目" for n in SITES]
    assert result.gdf["source_row"].tolist() == list(range(1, len(SITES) + 1))
    np.testing.assert_allclose(
        shapely.get_coordinates(result.gdf.geometry.values), np.array(list(SITES.values()))
    )
    assert result.summary() == f"loaded {len(SITES)} rows, rejected 0 from sites.geojson (UTF-8)"


def test_geojson_rejects_empty_and_outside_features(tmp_path):
    def feature(name, geometry):
        return {"type": "Feature", "properties": {"名称": name}, "geometry": geometry}

    doc = {
        "type": "FeatureCollection",
        "features": [
            feature("华龙", {"type": "Point", "coordinates": list(SITES["华龙区"])}),
            feature("无几何", None),
            feature("郑州", {"type": "Point", "coordinates": list(ZHENGZHOU)}),
            feature("范县", {"type": "Point", "coordinates": list(SITES["范县"])}),
        ],
    }
    path = tmp_path / "f.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = read_user_layer(path)
    _check_accounting(result, 4)
    assert result.gdf["source_row"].tolist() == [1, 4]
    assert result.rejected["row"].tolist() == [2, 3]
    assert result.rejected["reason"].str.split(" / ").str[0].tolist() == ["几何为空", "超出市域"]
    assert result.rejected["column"].tolist() == ["geometry", "geometry"]
    assert result.rejected["value"].iloc[1] == "POINT (113.6 34.7)"
    assert json.loads(result.rejected["values"].iloc[1])["名称"] == "郑州"
    assert (
        result.summary() == "loaded 2 rows, rejected 2 (1 几何为空, 1 超出市域) from f.json (UTF-8)"
    )


def test_geopackage_with_two_layers_needs_layer(tmp_path):
    path = tmp_path / "two.gpkg"
    gdf = _sites_gdf()
    pyogrio.write_dataframe(gdf.iloc[:2], path, layer="园区")
    pyogrio.write_dataframe(gdf.iloc[2:], path, layer="项目")
    with pytest.raises(InputFileError, match=r"2 layers.*园区.*项目.*layer="):
        read_user_layer(path)
    result = read_user_layer(path, layer="项目")
    _check_accounting(result, len(SITES) - 2)
    assert result.gdf["名称"].tolist() == gdf["名称"].iloc[2:].tolist()
    with pytest.raises(InputFileError, match="`layer` was 'nope'"):
        read_user_layer(path, layer="nope")


def _write_gbk_shapefile(folder, *, crs=4326):
    folder.mkdir()
    pyogrio.write_dataframe(_sites_gdf(crs), folder / "项目点.shp", encoding="GBK")
    return folder / "项目点.shp"


def test_shapefile_folder_gbk_with_cpg(tmp_path):
    shp = _write_gbk_shapefile(tmp_path / "shp")
    assert shp.with_suffix(".cpg").read_text().strip().upper() == "GBK"
    raw = shp.with_suffix(".dbf").read_bytes()
    assert "华龙区".encode("gbk") in raw  # really GBK on disk
    result = read_user_layer(tmp_path / "shp")
    _check_accounting(result, len(SITES))
    assert result.gdf["名称"].tolist() == [f"{n}项目" for n in SITES]
    assert result.encoding == "GBK"
    assert not any(".cpg" in w for w in result.warnings)


def test_shapefile_zip_gbk_with_cpg_from_path_and_bytes(tmp_path):
    shp = _write_gbk_shapefile(tmp_path / "shp")
    zpath = tmp_path / "项目.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        for part in shp.parent.iterdir():
            zf.write(part, f"data/{part.name}")
    for result in (
        read_user_layer(zpath),
        read_user_layer(zpath.read_bytes(), filename="项目.zip"),
    ):
        _check_accounting(result, len(SITES))
        assert result.gdf["名称"].tolist() == [f"{n}项目" for n in SITES]
        assert result.source_name == "项目.zip"


def test_shapefile_gbk_without_cpg_is_detected(tmp_path):
    shp = _write_gbk_shapefile(tmp_path / "shp")
    shp.with_suffix(".cpg").unlink()
    result = read_user_layer(shp)
    _check_accounting(result, len(SITES))
    assert result.gdf["名称"].tolist() == [f"{n}项目" for n in SITES]
    assert result.encoding == "GBK"
    assert any("GBK" in w and ".cpg" in w and "encoding=" in w for w in result.warnings)


def test_shapefile_utf8_without_cpg_is_detected(tmp_path):
    folder = tmp_path / "u"
    folder.mkdir()
    pyogrio.write_dataframe(_sites_gdf(), folder / "a.shp", encoding="UTF-8")
    (folder / "a.cpg").unlink()
    result = read_user_layer(folder)
    assert result.gdf["名称"].iloc[0] == "华龙区项目"
    assert result.encoding == "UTF-8"
    assert any("UTF-8" in w and ".cpg" in w for w in result.warnings)


def test_shapefile_in_epsg4547_is_reprojected_like_pyproj(tmp_path):
    shp = _write_gbk_shapefile(tmp_path / "gk", crs=4547)
    written = pyogrio.read_dataframe(shp)
    xy = shapely.get_coordinates(written.geometry.values)
    assert (xy[:, 0] > 3e5).all() and (xy[:, 1] > 3e6).all()  # metres on disk
    result = read_user_layer(shp)
    assert result.crs_in == "EPSG:4547"
    lon, lat = Transformer.from_crs(4547, 4326, always_xy=True).transform(xy[:, 0], xy[:, 1])
    got = shapely.get_coordinates(result.gdf.geometry.values)
    np.testing.assert_allclose(got[:, 0], lon, rtol=0, atol=1e-7)
    np.testing.assert_allclose(got[:, 1], lat, rtol=0, atol=1e-7)
    np.testing.assert_allclose(got, np.array(list(SITES.values())), atol=1e-7)


def test_bow_tie_polygon_is_repaired_with_a_warning(tmp_path):
    x0, y0 = SITES["华龙区"]
    d = 0.01
    bow_tie = [[x0, y0], [x0 + d, y0 + d], [x0 + d, y0], [x0, y0 + d], [x0, y0]]
    square = [[x0, y0], [x0 + d, y0], [x0 + d, y0 + d], [x0, y0 + d], [x0, y0]]
    doc = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"id": 1},
             "geometry": {"type": "Polygon", "coordinates": [square]}},
            {"type": "Feature", "properties": {"id": 2},
             "geometry": {"type": "Polygon", "coordinates": [bow_tie]}},
        ],
    }  # fmt: skip
    path = tmp_path / "zones.geojson"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert not shapely.from_geojson(json.dumps(doc["features"][1]["geometry"])).is_valid
    result = read_user_layer(path)
    _check_accounting(result, 2)
    assert result.gdf.geometry.is_valid.all()
    repaired = result.gdf.geometry.iloc[1]
    assert repaired.geom_type == "MultiPolygon"
    assert len(repaired.geoms) == 2
    assert "row 2: invalid polygon repaired (Self-intersection[115.035 35.765])" in result.warnings


def test_unrepairable_polygon_is_rejected_not_dropped(tmp_path):
    x0, y0 = SITES["范县"]
    flat = [[x0, y0], [x0 + 0.01, y0], [x0 + 0.02, y0], [x0, y0]]  # zero area
    doc = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"名称": "线状"},
             "geometry": {"type": "Polygon", "coordinates": [flat]}},
        ],
    }  # fmt: skip
    path = tmp_path / "flat.geojson"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    result = read_user_layer(path)
    _check_accounting(result, 1)
    assert result.rejected["reason"].iloc[0].startswith("几何无效")
    assert json.loads(result.rejected["values"].iloc[0])["名称"] == "线状"


# --------------------------------------------------------------------------- CSV / XLSX

HEADER = "名称,经度,纬度,产业链,投资额(亿元)"
CSV_ROWS = [
    "华龙区项目,115.03,35.76,化工新材料,12.5",  # row 2: good
    "范县项目,,35.85,食品,3",  # row 3: missing 经度
    "台前县项目,abc,35.97,汽车零部件,4",  # row 4: non-numeric
    "郑州项目,113.6,34.7,装备制造,5",  # row 5: outside the city
    "南乐县项目,36.07,115.20,生物基材料,6",  # row 6: swapped
    "清丰县项目, 115.11 ,３５．９０,家居,7",  # row 7: spaces and full-width digits → good
    "濮阳县项目,115.03,35.71,化工新材料,约3",  # row 8: good, non-numeric 投资额 kept
    '台前县二期,"115,03",35.97,汽车零部件,2',  # row 9: decimal comma is not a number
]
CSV_TEXT = HEADER + "\n" + "\n".join(CSV_ROWS) + "\n"


@pytest.mark.parametrize(
    ("codec", "label"), [("utf-8", "UTF-8"), ("utf-8-sig", "UTF-8-BOM"), ("gbk", "GBK")]
)
def test_csv_encodings_and_bad_rows(tmp_path, codec, label):
    path = tmp_path / "项目.csv"
    path.write_bytes(CSV_TEXT.encode(codec))
    result = read_user_layer(path)
    _check_accounting(result, len(CSV_ROWS))
    assert result.encoding == label
    assert result.crs_in == "EPSG:4326"
    rej = result.rejected
    assert rej["row"].tolist() == [3, 4, 5, 6, 9]
    assert rej["reason"].str.split(" / ").str[0].tolist() == [
        "坐标缺失", "坐标非数字", "超出市域", "经纬度颠倒", "坐标非数字",
    ]  # fmt: skip
    assert rej["reason"].str.contains(" / ").all()  # Chinese / English
    assert rej["column"].tolist() == ["经度", "经度", "经度, 纬度", "经度, 纬度", "经度"]
    assert rej["value"].tolist() == ["", "abc", "113.6, 34.7", "36.07, 115.20", "115,03"]
    assert json.loads(rej["values"].iloc[1]) == {
        "名称": "台前县项目", "经度": "abc", "纬度": "35.97", "产业链": "汽车零部件",
        "投资额(亿元)": "4",
    }  # fmt: skip
    assert "台前县项目" in rej["values"].iloc[1]  # ensure_ascii=False
    gdf = result.gdf
    assert gdf["source_row"].tolist() == [2, 7, 8]
    assert gdf["名称"].tolist() == ["华龙区项目", "清丰县项目", "濮阳县项目"]
    assert gdf["产业链"].tolist() == ["化工新材料", "家居", "化工新材料"]
    assert gdf["投资额(亿元)"].tolist() == ["12.5", "7", "约3"]  # kept as text, row kept
    assert any("投资额(亿元)" in w and "row 8" in w for w in result.warnings)
    np.testing.assert_allclose(
        shapely.get_coordinates(gdf.geometry.values),
        [SITES["华龙区"], SITES["清丰县"], SITES["濮阳县"]],
    )
    assert "coord_fixed" not in gdf.columns
    assert result.summary() == (
        "loaded 3 rows, rejected 5 (2 坐标非数字, 1 坐标缺失, 1 超出市域, 1 经纬度颠倒) "
        f"from 项目.csv ({label})"
    )
    if label == "GBK":
        assert any("GBK" in w for w in result.warnings)


def test_csv_fix_swapped_keeps_and_flags_the_row(tmp_path):
    path = tmp_path / "p.csv"
    path.write_bytes(CSV_TEXT.encode("gbk"))
    result = read_user_layer(path, fix_swapped=True)
    _check_accounting(result, len(CSV_ROWS))
    assert result.rejected["row"].tolist() == [3, 4, 5, 9]
    gdf = result.gdf.set_index("source_row")
    assert gdf.index.tolist() == [2, 6, 7, 8]
    assert gdf.loc[6, "coord_fixed"] == COORD_FIXED == "经纬度已交换 / lon-lat swapped"
    assert gdf["coord_fixed"].isna().sum() == 3
    pt = gdf.loc[6, "geometry"]
    assert (pt.x, pt.y) == pytest.approx(SITES["南乐县"])
    assert any("row" in w and "6" in w and "swapped" in w for w in result.warnings)


def test_csv_blank_line_is_reported_not_dropped(tmp_path):
    path = tmp_path / "b.csv"
    path.write_text("lon,lat,名称\n115.03,35.76,a\n\n115.5,35.85,b\n", encoding="utf-8")
    result = read_user_layer(path)
    _check_accounting(result, 3)
    assert result.rejected["row"].tolist() == [3]
    assert result.rejected["reason"].iloc[0].startswith("空行")
    assert result.gdf["source_row"].tolist() == [2, 4]


def test_xlsx_with_numbers_and_text(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "项目"
    ws.append(["名称", "Longitude", "Latitude", "投资额(亿元)", "代码"])
    ws.append(["华龙区项目", 115.03, 35.76, 12.5, "0101"])
    ws.append(["范县项目", 115.50, None, 3, "0102"])  # row 3: missing latitude
    ws.append(["台前县项目", "115.87", "35.97", 4, "0103"])  # numbers stored as text
    ws.append(["郑州项目", 113.6, 34.7, 5, "0104"])  # row 5: outside
    wb.create_sheet("说明")
    path = tmp_path / "项目.xlsx"
    wb.save(path)
    result = read_user_layer(path)
    _check_accounting(result, 4)
    assert result.encoding is None
    assert result.rejected["row"].tolist() == [3, 5]
    assert result.rejected["reason"].str.split(" / ").str[0].tolist() == ["坐标缺失", "超出市域"]
    assert result.rejected["column"].iloc[0] == "Latitude"
    assert json.loads(result.rejected["values"].iloc[0])["名称"] == "范县项目"
    gdf = result.gdf
    assert gdf["source_row"].tolist() == [2, 4]
    assert gdf["名称"].tolist() == ["华龙区项目", "台前县项目"]
    assert gdf["投资额(亿元)"].tolist() == [12.5, 4.0]  # all numbers → numeric
    assert gdf["代码"].tolist() == ["0101", "0103"]  # codes with leading zeros stay text
    np.testing.assert_allclose(
        shapely.get_coordinates(gdf.geometry.values), [SITES["华龙区"], SITES["台前县"]]
    )
    assert any("说明" in w for w in result.warnings)
    assert len(read_user_layer(path, layer="项目").gdf) == 2
    with pytest.raises(InputFileError, match="no longitude or latitude column"):
        read_user_layer(path, layer="说明")


def test_coordinate_columns_by_alias_and_override(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(" ＬＮＧ ,Y坐标,东,北\n115.03,35.76,1,2\n", encoding="utf-8")
    assert len(read_user_layer(path).gdf) == 1
    path.write_text("东,北\n115.03,35.76\n", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"\['东', '北'\].*lon_col"):
        read_user_layer(path)
    result = read_user_layer(path, lon_col="东", lat_col="北")
    assert result.gdf.geometry.iloc[0].equals(shapely.Point(SITES["华龙区"]))


def test_published_gcj02_pair():
    lon, lat = coords.wgs84_to_gcj02(116.404, 39.915)
    assert (float(lon), float(lat)) == pytest.approx((116.41024449916938, 39.91640428150164))


@pytest.mark.parametrize(
    ("datum", "label", "to_web", "to_wgs", "shift_m"),
    [
        ("gcj02", "GCJ-02", coords.wgs84_to_gcj02, coords.gcj02_to_wgs84, (400, 650)),
        ("bd09", "BD-09", coords.wgs84_to_bd09, coords.bd09_to_wgs84, (900, 1600)),
    ],
)
def test_csv_web_map_datum_is_converted(tmp_path, datum, label, to_web, to_wgs, shift_m):
    x, y = np.array(list(SITES.values())).T
    wx, wy = to_web(x, y)
    path = tmp_path / "amap.csv"
    pd.DataFrame({"name": list(SITES), "lng": wx, "lat": wy}).to_csv(path, index=False)
    result = read_user_layer(path, datum=datum)
    _check_accounting(result, len(SITES))
    assert result.crs_in == label
    got = shapely.get_coordinates(result.gdf.geometry.values)
    ex, ey = to_wgs(wx, wy)
    np.testing.assert_allclose(got[:, 0], ex, atol=1e-9)
    np.testing.assert_allclose(got[:, 1], ey, atol=1e-9)
    np.testing.assert_allclose(got, np.column_stack([x, y]), atol=1e-7)
    _, _, dist = GEOD.inv(wx, wy, got[:, 0], got[:, 1])
    assert ((dist > shift_m[0]) & (dist < shift_m[1])).all()


def test_datum_with_projected_crs_is_an_error(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("x,y\n500000,3960000\n", encoding="utf-8")
    with pytest.raises(InputFileError, match="datum"):
        read_user_layer(path, crs=4547, datum="gcj02")


def _gk_csv(tmp_path, epsg, name):
    x, y = np.array(list(SITES.values())).T
    ex, ny = Transformer.from_crs(4326, epsg, always_xy=True).transform(x, y)
    path = tmp_path / name
    pd.DataFrame({"X": np.round(ex, 3), "Y": np.round(ny, 3)}).to_csv(path, index=False)
    return path


def test_projected_csv_without_crs_asks_for_epsg4547(tmp_path):
    path = _gk_csv(tmp_path, 4547, "gk.csv")
    with pytest.raises(InputFileError, match=r"projected metres.*crs=.*EPSG:4547"):
        read_user_layer(path)
    result = read_user_layer(path, crs="EPSG:4547")
    assert result.crs_in == "EPSG:4547"
    np.testing.assert_allclose(
        shapely.get_coordinates(result.gdf.geometry.values),
        np.array(list(SITES.values())),
        atol=1e-7,
    )


def test_projected_csv_with_zone_prefix_suggests_zone_code(tmp_path):
    path = _gk_csv(tmp_path, 4526, "gk38.csv")
    with pytest.raises(InputFileError, match=r'crs="EPSG:4526".*zone 38'):
        read_user_layer(path)
    x, y = np.array(list(SITES.values())).T
    result = read_user_layer(path, crs=4526)
    np.testing.assert_allclose(
        shapely.get_coordinates(result.gdf.geometry.values), np.column_stack([x, y]), atol=1e-7
    )


def test_file_larger_than_max_bytes_is_refused(tmp_path):
    path = tmp_path / "big.csv"
    path.write_bytes(CSV_TEXT.encode("utf-8"))
    size = path.stat().st_size
    with pytest.raises(InputFileError, match=rf"big\.csv is {size:,} bytes.*limit of 100 bytes"):
        read_user_layer(path, max_bytes=100)
    with pytest.raises(InputFileError, match="limit of 100 bytes"):
        read_user_layer(path.read_bytes(), filename="big.csv", max_bytes=100)


def test_bytes_and_file_objects_with_filename(tmp_path):
    data = CSV_TEXT.encode("gbk")
    from_bytes = read_user_layer(data, filename="上传.csv")
    assert from_bytes.source_name == "上传.csv"
    assert from_bytes.encoding == "GBK"
    assert len(from_bytes.gdf) == 3
    upload = io.BytesIO(data)
    upload.name = "上传.csv"  # like Streamlit's UploadedFile
    upload.read()  # position at the end must not matter
    assert len(read_user_layer(upload).gdf) == 3
    with pytest.raises(InputFileError, match="`filename` is required"):
        read_user_layer(data)
    gj = tmp_path / "a.geojson"
    pyogrio.write_dataframe(_sites_gdf(), gj, driver="GeoJSON")
    assert len(read_user_layer(gj.read_bytes(), filename="a.geojson").gdf) == len(SITES)


def test_unsupported_format_and_bad_encoding(tmp_path):
    with pytest.raises(InputFileError, match=r"unsupported file type '\.xls'.*\.xlsx"):
        read_user_layer(b"x", filename="old.xls")
    with pytest.raises(InputFileError, match="not valid UTF-8"):
        read_user_layer(CSV_TEXT.encode("gbk"), filename="a.csv", encoding="UTF-8")
    with pytest.raises(ValueError, match="`datum`"):
        read_user_layer(b"x", filename="a.csv", datum="wgs")


def test_zip_member_outside_the_archive_is_refused(tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("../evil.csv", "lon,lat\n115.03,35.76\n")
    with pytest.raises(InputFileError, match="outside the archive"):
        read_user_layer(buf.getvalue(), filename="evil.zip")


def test_header_only_csv_gives_an_empty_layer(tmp_path):
    result = read_user_layer("经度,纬度,名称\n".encode(), filename="empty.csv")
    assert len(result.gdf) == 0 and len(result.rejected) == 0
    assert list(result.gdf.columns) == ["经度", "纬度", "名称", "source_row", "geometry"]


def test_dms_coordinates_are_read_without_a_kept_as_text_note(tmp_path):
    path = tmp_path / "候选.csv"
    path.write_text("名称,经度,纬度\n甲,115.03,35.76\n乙,115°05′00″,35°42′00″\n", encoding="utf-8")
    result = read_user_layer(path)
    assert len(result.gdf) == 2 and result.rejected.empty
    assert result.gdf.geometry.x.iloc[1] == pytest.approx(115 + 5 / 60)
    assert result.gdf.geometry.y.iloc[1] == pytest.approx(35.7)
    assert not [w for w in result.warnings if "kept as text" in w], result.warnings
    assert any("degrees-minutes-seconds" in w for w in result.warnings)
