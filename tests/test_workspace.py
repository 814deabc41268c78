"""geoapp.workspace on both back ends: a GeoPackage file and a real PostGIS database.

The PostGIS database is the throwaway cluster `./dev test` starts (its URL in
``GEOAPP_TEST_PG``); each test works in its own schema. Writes are checked by
reading them back independently (pyogrio / GDAL on the file, SQL on the
database), and a write killed with SIGKILL inside its transaction must leave
the previous version current and intact.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
import shapely
from conftest import pg_url, with_schema
from geopandas.testing import assert_geodataframe_equal

from geoapp.errors import LayerValidationError
from geoapp.layers import LAYER_NAMES
from geoapp.settings import default_workspace
from geoapp.workspace import (
    SLOW_COMMIT_ENV,
    GpkgWorkspace,
    PostgisWorkspace,
    WorkspaceConflictError,
    WorkspaceError,
    open_workspace,
    split_url,
)


def same_rows(got: gpd.GeoDataFrame, want: gpd.GeoDataFrame) -> None:
    """Same columns, values and geometries (None and NaN both count as missing)."""
    got = got.reset_index(drop=True)
    want = want.reset_index(drop=True)
    attrs = [c for c in want.columns if c != want.geometry.name]
    assert [c for c in got.columns if c != got.geometry.name] == attrs
    want = want[[*attrs, want.geometry.name]]
    assert_geodataframe_equal(
        got.astype({c: object for c in got.columns if c != "geometry"}).fillna(pd.NA),
        want.astype({c: object for c in want.columns if c != "geometry"}).fillna(pd.NA),
        check_dtype=False,
    )


def test_every_shipped_layer_round_trips(ws_target, shipped):
    with open_workspace(ws_target) as ws:
        for name in LAYER_NAMES:
            ws.replace_layer(name, shipped[name], source="shipped copy")
            same_rows(ws.load_layer(name), shipped[name])
        bundle = ws.layers(shipped)
    assert bundle.token == shipped.token
    assert set(bundle.origins.values()) == {"workspace"}


def test_gpkg_layers_are_real_geopackage_tables_gdal_reads(tmp_path, shipped):
    path = tmp_path / "ws.gpkg"
    with GpkgWorkspace(path) as ws:
        v = ws.replace_layer("projects", shipped["projects"].head(7), source="a.csv")
    tables = dict(pyogrio.list_layers(path))
    assert v.table in tables and tables[v.table] == "Point"
    back = pyogrio.read_dataframe(path, layer=v.table)
    assert len(back) == 7 and back.crs.to_epsg() == 4326
    assert shapely.equals_exact(
        back.geometry.array, shipped["projects"].head(7).geometry.array, tolerance=0
    ).all()


@pytest.mark.postgis
def test_postgis_layers_are_tables_with_gist_index_in_their_schema(shipped):
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:10]}"
    url = with_schema(pg_url(), schema)
    with PostgisWorkspace(url) as ws:
        v = ws.replace_layer("zones", shipped["zones"], source="zones.gpkg")
        # an edit in QGIS moves a row to the end of the heap: reads still follow fid
        ws._conn.execute(f'UPDATE "{schema}"."{v.table}" SET name = name WHERE fid = 1')
        same_rows(ws.load_layer("zones"), shipped["zones"])
    libpq, _, _ = split_url(pg_url())
    with psycopg.connect(libpq, autocommit=True) as conn:
        n, srid, area = conn.execute(
            f"SELECT count(*), min(ST_SRID(geometry)), sum(ST_Area(geometry::geography)) "
            f'FROM "{schema}"."{v.table}"'
        ).fetchone()
        index = conn.execute(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = %s AND tablename = %s",
            (schema, v.table),
        ).fetchone()[0]
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
    assert n == len(shipped["zones"]) and srid == 4326
    assert "USING gist (geometry)" in index
    want = shipped["zones"].to_crs(shipped["zones"].estimate_utm_crs()).area.sum()
    assert area == pytest.approx(want, rel=2e-3)  # geodesic vs UTM area: same polygons


def test_replacing_keeps_versions_and_rollback_restores_an_old_one(ws_target, shipped):
    projects = shipped["projects"]
    with open_workspace(ws_target) as ws:
        assert ws.version_of("projects") == 0
        v2 = ws.replace_layer(
            "projects", projects.head(5), expected_version=0, source="mine.csv", base=shipped
        )
        assert v2.version == 2 and v2.rows == 5 and v2.source == "mine.csv"
        versions = ws.versions("projects")
        assert versions["version"].tolist() == [1, 2]
        assert versions["source"].tolist() == ["shipped", "mine.csv"]
        same_rows(ws.load_layer("projects", 1), projects)  # the shipped one is kept
        same_rows(ws.load_layer("projects"), projects.head(5))
        assert len(ws.layers(shipped)["projects"]) == 5
        v3 = ws.rollback("projects", 1, expected_version=2, user="李四")
        assert (v3.version, v3.rows, v3.user) == (3, len(projects), "李四")
        same_rows(ws.load_layer("projects"), projects)
        assert ws.layers(shipped).origins["projects"] == "workspace"
        with pytest.raises(WorkspaceError, match=r"no version 9 .* versions \[1, 2, 3\]"):
            ws.load_layer("projects", 9)


def test_invalid_layer_is_refused_and_nothing_is_written(ws_target, shipped):
    bad = shipped["projects"].head(3).drop(columns=["chain"])
    with open_workspace(ws_target) as ws:
        with pytest.raises(LayerValidationError, match="chain"):
            ws.replace_layer("projects", bad)
        assert ws.versions().empty
        with pytest.raises(LayerValidationError, match="holds the layers"):
            ws.replace_layer("roads", shipped["projects"])


def test_concurrent_edit_gets_the_version_message(ws_target, shipped):
    projects = shipped["projects"]
    with open_workspace(ws_target) as a, open_workspace(ws_target) as b:
        seen_a = a.version_of("projects")
        seen_b = b.version_of("projects")
        b.replace_layer("projects", projects.head(4), expected_version=seen_b, user="张三")
        b.replace_layer("projects", projects.head(6), expected_version=1, user="张三")
        with pytest.raises(
            WorkspaceConflictError,
            match=r"layer projects changed since you loaded it \(version 0, now 2, by 张三 at "
            r"\d{4}-\d\d-\d\dT[\d:]+Z\); reload and apply again",
        ):
            a.replace_layer("projects", projects.head(2), expected_version=seen_a, user="王五")
        same_rows(a.load_layer("projects"), projects.head(6))
        assert a.versions("projects")["user"].tolist() == ["张三", "张三"]
        a.replace_layer("projects", projects.head(2), expected_version=2, user="王五")
        assert b.version_of("projects") == 3


KILL_SCRIPT = textwrap.dedent(
    """
    import sys
    from geoapp.layers import LayerSet
    from geoapp.workspace import open_workspace
    ws = open_workspace(sys.argv[1])
    new = LayerSet.shipped()["projects"].head(3)
    ws.replace_layer("projects", new, expected_version=1, source="killed.csv")
    print("committed")
    """
)


def gpkg_feature_tables(path: str) -> list[str]:
    """The geoapp feature tables of a GeoPackage, read with sqlite3 (not through geoapp)."""
    with contextlib.closing(sqlite3.connect(path)) as con:
        rows = con.execute(
            "SELECT table_name FROM gpkg_contents WHERE table_name LIKE 'l\\_%' ESCAPE '\\' "
            "OR table_name LIKE 's\\_%' ESCAPE '\\' ORDER BY table_name"
        ).fetchall()
    return [r[0] for r in rows]


@pytest.mark.slow
def test_kill_9_inside_the_write_leaves_the_previous_version(ws_target, shipped):
    projects = shipped["projects"]
    with open_workspace(ws_target) as ws:
        ws.replace_layer("projects", projects, source="before.csv")
    env = {
        **os.environ,
        SLOW_COMMIT_ENV: "60",
        "PYTHONPATH": str(Path(__file__).resolve().parents[1]),
    }
    proc = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, ws_target],
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        line = proc.stderr.readline()  # printed inside the transaction, rows written
        assert "inside the write transaction" in line, line + proc.stderr.read()
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=30)  # closes the pipes
    assert proc.returncode == -signal.SIGKILL
    if not ws_target.startswith("postgresql"):
        # the killed writer's feature table is there, registered as pending ...
        assert len(gpkg_feature_tables(ws_target)) == 2
    with open_workspace(ws_target) as ws:
        if not ws_target.startswith("postgresql"):
            # ... and opening the workspace dropped it: only version 1's table is left
            assert gpkg_feature_tables(ws_target) == [ws.versions("projects")["table"].iloc[0]]
        assert ws.versions("projects")["version"].tolist() == [1]
        same_rows(ws.load_layer("projects"), projects)
        assert ws.log().empty  # the log row was in the same transaction
        v = ws.replace_layer("projects", projects.head(2), expected_version=1)  # not locked
        assert v.version == 2
    if not ws_target.startswith("postgresql"):
        assert len(pyogrio.read_dataframe(ws_target, layer=v.table)) == 2


def test_scenarios_keep_parameters_versions_results_and_figures(ws_target, shipped):
    sites = shipped["projects"].head(8).to_crs("EPSG:4547")
    with open_workspace(ws_target) as ws:
        ws.replace_layer("projects", shipped["projects"].head(8), source="p.csv")
        sid = ws.save_scenario(
            "覆盖 · 新增 2 个枢纽",
            analysis="coverage",
            parameters={"radius_m": 20000.0, "add": 2},
            figures={"share_count": 0.75, "n_sites": 8},
            results={"sites": sites, "新枢纽": shipped["logistics_hubs"].head(2)},
            user="张三",
        )
        sid2 = ws.save_scenario("b", analysis="coverage", parameters={}, figures={})
        listed = ws.scenarios()
        assert listed["id"].tolist() == [sid, sid2]
        sc = ws.load_scenario(sid)
        assert sc.name == "覆盖 · 新增 2 个枢纽" and sc.user == "张三"
        assert sc.parameters == {"radius_m": 20000.0, "add": 2}
        assert sc.figures == {"share_count": 0.75, "n_sites": 8}
        assert sc.layer_versions["projects"] == 1 and sc.layer_versions["zones"] == 0
        same_rows(sc.results["sites"], sites.to_crs("EPSG:4326"))
        same_rows(sc.results["新枢纽"], shipped["logistics_hubs"].head(2))
        ws.delete_scenario(sid)
        assert ws.scenarios()["id"].tolist() == [sid2]
        with pytest.raises(WorkspaceError, match=rf"No scenario {sid} .*\[{sid2}\]"):
            ws.load_scenario(sid)
        commands = ws.log()["command"].tolist()
    assert commands == ["scenario:coverage", "scenario:coverage", "scenario:delete"]


def test_log_is_append_only_and_exports_as_excel_csv(ws_target, tmp_path):
    from geoapp.workspace import LogEntry

    with open_workspace(ws_target) as ws:
        ws.append_log(
            LogEntry(
                command="cli:coverage",
                user="张三",
                parameters={"radius_m": 15000},
                input_name="项目.csv",
                input_sha256="ab" * 32,
                result={"share_count": 0.5},
            )
        )
        ws.append_log(LogEntry(command="=cmd()", user="李四"))
        log = ws.log()
        path = ws.export_log(tmp_path / "log.csv")
        if isinstance(ws, GpkgWorkspace):
            import sqlite3

            with pytest.raises(sqlite3.DatabaseError, match="append-only"):
                ws._conn.execute("DELETE FROM geoapp_log")
        else:
            import psycopg

            with pytest.raises(psycopg.Error, match="append-only"):
                ws._conn.execute(f'UPDATE "{ws.schema}".log SET "user" = %s', ("x",))
        assert len(ws.log()) == 2
    assert log.columns.tolist() == [
        "id", "time", "user", "command", "parameters", "input_name", "input_sha256", "result"
    ]  # fmt: skip
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    back = pd.read_csv(path, encoding="utf-8-sig", dtype=str)
    assert back["user"].tolist() == ["张三", "李四"]
    assert back["input_name"].iloc[0] == "项目.csv"
    assert back["command"].iloc[1] == "'=cmd()"  # Excel will not run it
    assert back["parameters"].iloc[0] == '{"radius_m": 15000}'


def test_open_workspace_chooses_the_back_end_and_explains_bad_targets(tmp_path, monkeypatch):
    with pytest.raises(WorkspaceError, match=r"neither a \.gpkg file nor a postgresql:// URL"):
        open_workspace(tmp_path / "plans.txt")
    with pytest.raises(WorkspaceError, match="Cannot connect to the workspace"):
        open_workspace(f"postgresql:///nope?host={tmp_path}")
    monkeypatch.setenv("GEOAPP_WORKSPACE", str(tmp_path / "env.gpkg"))
    assert default_workspace() == str(tmp_path / "env.gpkg")
    with open_workspace() as ws:
        assert isinstance(ws, GpkgWorkspace) and (tmp_path / "env.gpkg").exists()
    monkeypatch.delenv("GEOAPP_WORKSPACE")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_workspace() == str(tmp_path / "xdg" / "geoapp" / "workspace.gpkg")


def test_workspace_url_hides_the_password_and_takes_the_schema():
    libpq, schema, shown = split_url(
        "postgresql://ann:s3cret@db:5433/plan?schema=puyang&sslmode=require"
    )
    assert libpq == "postgresql://ann:s3cret@db:5433/plan?sslmode=require"
    assert schema == "puyang"
    assert "s3cret" not in shown and shown.startswith("postgresql://ann@db:5433/plan")
    with pytest.raises(WorkspaceError, match="not a plain name"):
        split_url("postgresql:///plan?schema=a;drop")


def test_awkward_values_round_trip(ws_target, shipped):
    """Tabs, newlines, backslashes, a literal \\N, empty text, NULLs, ints, bools and quotes."""
    base = shipped["logistics_hubs"].head(4).reset_index(drop=True)
    odd = base.assign(
        note=["a\tb\nc\\d", "\\N", "", None],
        name=['引号"和,逗号', "x\r\ny", "名称", "n"],
        investment_yi=[1.5, float("nan"), 0.1, 123456789.12345679],
    )
    extra = odd.assign(flag=[True, False, True, True], count=[1, 2, 3, 4])
    with open_workspace(ws_target) as ws:
        ws.replace_layer("logistics_hubs", odd)
        same_rows(ws.load_layer("logistics_hubs"), odd)
        sid = ws.save_scenario("x", analysis="t", parameters={}, figures={}, results={"r": extra})
        back = ws.load_scenario(sid).results["r"]
    same_rows(back, extra)
    assert back["flag"].dtype == bool and back["count"].dtype == "int64"
    assert back["note"].iloc[2] == "" and back["note"].isna().iloc[3]
