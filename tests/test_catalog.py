"""Layer declarations and validated loading."""

from __future__ import annotations

import geopandas as gpd
import pytest
import shapely

from geoapp.errors import LayerValidationError
from geoapp.layers import catalog, get_spec, load_layer, read_layer_file

DECL = """
name = "sites"
file = "sites.geojson"
title_zh = "站点"
title_en = "Sites"
geometry = "Point"
[columns]
name = { type = "str", required = true }
stage = { type = "str", allowed = ["谋划", "签约", "开工", "在建", "投产"] }
investment_yi = { type = "float" }
location_quality = { type = "str", required = true, allowed = ["surveyed", "approximate", "schematic"] }
"""


@pytest.fixture
def declared(tmp_path):
    (tmp_path / "sites.toml").write_text(DECL, encoding="utf-8")
    return catalog(tmp_path)["sites"]


def _write(tmp_path, rows, geoms, crs=4326):
    path = tmp_path / "sites.geojson"
    gpd.GeoDataFrame(rows, geometry=geoms, crs=crs).to_file(path)
    return path


def test_every_declared_layer_loads_in_wgs84():
    for name, spec in catalog().items():
        gdf = load_layer(name)
        assert gdf.crs.to_epsg() == 4326, name
        assert len(gdf) > 0, name
        assert spec.title_zh and spec.title_en
        assert gdf["source"].notna().all(), name
        assert gdf["location_quality"].isin(["surveyed", "approximate", "schematic"]).all()


def test_valid_file_loads_and_is_reprojected(tmp_path, declared):
    path = _write(
        tmp_path,
        {
            "name": ["甲"],
            "stage": ["签约"],
            "investment_yi": [1.5],
            "location_quality": ["schematic"],
        },
        [shapely.Point(500000, 3960000)],
        crs=4547,
    )
    gdf = read_layer_file(declared, path)
    assert gdf.crs.to_epsg() == 4326
    assert 114 < gdf.geometry.x.iloc[0] < 115


def test_violations_name_layer_file_column_values_and_rows(tmp_path, declared):
    path = _write(
        tmp_path,
        {
            "name": ["甲", None, "丙"],
            "stage": ["签约", "落地", "完成"],
            "investment_yi": [1.0, 2.0, 3.0],
            "location_quality": ["schematic", "surveyed", "exact"],
        },
        [shapely.Point(115, 35.7), shapely.Point(115.1, 35.8), shapely.box(115, 35, 115.1, 35.1)],
    )
    with pytest.raises(LayerValidationError) as exc:
        read_layer_file(declared, path)
    msg = str(exc.value)
    assert "layer 'sites'" in msg and str(path) in msg
    assert "column 'stage' has values outside" in msg and "row 1: '落地'" in msg
    assert "row 2: '完成'" in msg
    assert "column 'name' is required but empty in rows [1]" in msg
    assert "row 2: 'exact'" in msg
    assert "geometry must be Point" in msg and "row 2: 'Polygon'" in msg


def test_missing_required_column_and_wrong_type(tmp_path, declared):
    path = _write(
        tmp_path,
        {"name": ["甲", "乙"], "investment_yi": ["一亿", "2"]},
        [shapely.Point(115, 35.7), shapely.Point(115.1, 35.8)],
    )
    with pytest.raises(LayerValidationError) as exc:
        read_layer_file(declared, path)
    msg = str(exc.value)
    assert "column 'location_quality' is missing" in msg
    assert "column 'investment_yi' must be float: row 0: '一亿'" in msg


def test_unknown_layer_lists_declared_ones():
    with pytest.raises(KeyError, match="counties"):
        get_spec("no_such_layer")
