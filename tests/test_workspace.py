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
    # issue 23: the version table is history (not listed); the current layer is, by name
    assert v.table not in tables and tables["projects"] == "Point"
    back = pyogrio.read_dataframe(path, layer="projects")
    assert len(back) == 7 and back.crs.to_epsg() == 4326
    assert shapely.equals_exact(
        back.geometry.array, shipped["projects"].head(7).geometry.array, tolerance=0
    ).all()


@pytest.mark.postgis
def test_postgis_layers_are_tables_with_gist_index_in_their_schema(shipped):
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:10]}"
    url = with_schema(pg_url(), schema)
    history = f"{schema}_history"  # issue 23: version tables live in the history schema
    with PostgisWorkspace(url) as ws:
        v = ws.replace_layer("zones", shipped["zones"], source="zones.gpkg")
        # issue 23: an edit in QGIS can no longer change a stored version in place
        with pytest.raises(psycopg.Error, match="never changes"):
            ws._conn.execute(f'UPDATE "{history}"."{v.table}" SET name = name WHERE fid = 1')
        same_rows(ws.load_layer("zones"), shipped["zones"])
    libpq, _, _ = split_url(pg_url())
    with psycopg.connect(libpq, autocommit=True) as conn:
        n, srid, area = conn.execute(
            f"SELECT count(*), min(ST_SRID(geometry)), sum(ST_Area(geometry::geography)) "
            f'FROM "{history}"."{v.table}"'
        ).fetchone()
        index = conn.execute(
            "SELECT indexdef FROM pg_indexes WHERE schemaname = %s AND tablename = %s",
            (history, v.table),
        ).fetchone()[0]
        conn.execute(f'DROP SCHEMA "{schema}", "{history}" CASCADE')
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
    """The geoapp version and scenario tables of a GeoPackage, read with sqlite3.

    Not through geoapp, and not through ``gpkg_contents``: since issue 23 they are
    history, unregistered once committed.
    """
    with contextlib.closing(sqlite3.connect(path)) as con:
        rows = con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND (name LIKE 'l\\_%' "
            "ESCAPE '\\' OR name LIKE 's\\_%' ESCAPE '\\') ORDER BY name"
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
        assert len(pyogrio.read_dataframe(ws_target, layer="projects")) == 2  # the current one


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
                ws._conn.execute(f'UPDATE "{ws.history}".log SET "user" = %s', ("x",))
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
    with pytest.raises(WorkspaceError, match="longer than 55 characters"):
        split_url(f"postgresql:///plan?schema={'a' * 56}")  # issue 23: room for _history


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


# --------------------------------------------------------------------------- issue 23
# The workspace as a GIS team sees it: GDAL (which QGIS reads through) lists the current
# layers by their own names, titled, in EPSG:4326; edits from a GIS client are refused
# with a message that says how to import a change; stored versions never change.


def gdal_source(ws_target: str) -> str:
    """What GDAL opens for a workspace: the file, or ``PG:…`` limited to the workspace schema."""
    if not ws_target.startswith("postgresql"):
        return ws_target
    from psycopg.conninfo import conninfo_to_dict

    libpq, schema, _ = split_url(ws_target)
    words = [f"{k}={v}" for k, v in conninfo_to_dict(libpq).items()]
    return "PG:" + " ".join([*words, f"schemas={schema}"])


def ogr(*args: str) -> subprocess.CompletedProcess[str]:
    """Run a GDAL command line tool (Debian's gdal-bin, the GDAL QGIS uses)."""
    return subprocess.run(list(args), capture_output=True, text=True, timeout=120, check=False)


def gdal_layers(source: str) -> list[str]:
    """Layer names as ``ogrinfo -ro -so`` lists them, in its order."""
    out = ogr("ogrinfo", "-ro", "-so", source)
    assert out.returncode == 0, out.stderr
    return [
        line.split(": ", 1)[1].split(" (")[0]
        for line in out.stdout.splitlines()
        if line[:1].isdigit() and ": " in line
    ]


def gdal_read(source: str, layer: str, tmp_path: Path) -> gpd.GeoDataFrame:
    """A layer copied out by ``ogr2ogr`` to a new GeoPackage, then read (exact coordinates)."""
    out = tmp_path / f"copy_{uuid.uuid4().hex[:6]}.gpkg"
    done = ogr("ogr2ogr", "-f", "GPKG", str(out), source, layer)
    assert done.returncode == 0, done.stderr
    return pyogrio.read_dataframe(out, layer=layer)


def import_hubs_twice(ws_target: str, shipped) -> tuple[gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Import a hub list twice (the second one moves two hubs); returns both."""
    hubs = shipped["logistics_hubs"]
    first = hubs.head(5).reset_index(drop=True)
    moved = first.geometry.copy()
    moved.iloc[:2] = shapely.points([[115.0312345678901, 35.7612345678901], [114.987654321, 35.9]])
    second = first.set_geometry(moved)
    with open_workspace(ws_target) as ws:
        ws.replace_layer("logistics_hubs", first, base=shipped, source="hubs.csv", user="张三")
        ws.replace_layer("logistics_hubs", second, expected_version=2, source="hubs2.csv")
    return first, second


def test_gdal_lists_the_current_layers_by_name_titled_in_4326(ws_target, shipped, tmp_path):
    from geoapp.layers import catalog

    _, second = import_hubs_twice(ws_target, shipped)
    source = gdal_source(ws_target)
    listed = gdal_layers(source)
    # every catalog layer by its own name, first; nothing hashed (history is out of the way)
    assert set(listed[: len(LAYER_NAMES)]) == set(LAYER_NAMES)
    assert not [n for n in listed if n.startswith(("l_", "s_", "shipped_"))]
    back = gdal_read(source, "logistics_hubs", tmp_path)
    assert back.crs.to_epsg() == 4326 and len(back) == 5
    assert shapely.equals_exact(back.geometry.array, second.geometry.array, tolerance=0).all()
    assert back["name"].tolist() == second["name"].tolist()
    zones = gdal_read(source, "zones", tmp_path)  # not overridden: there as shipped
    assert len(zones) == len(shipped["zones"])
    summary = ogr("ogrinfo", "-ro", "-so", source, "logistics_hubs")
    assert "version 3 (hubs2.csv" in summary.stdout and "物流枢纽" in summary.stdout
    if ws_target.startswith("postgresql"):
        import psycopg

        libpq, schema, _ = split_url(ws_target)
        with psycopg.connect(libpq, autocommit=True) as conn:
            kind, srid = conn.execute(
                "SELECT type, srid FROM geometry_columns WHERE f_table_schema = %s "
                "AND f_table_name = 'logistics_hubs'",
                (schema,),
            ).fetchone()
            comment, name_comment = conn.execute(
                "SELECT obj_description(c.oid), col_description(c.oid, a.attnum) "
                "FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid "
                "WHERE c.oid = %s::regclass AND a.attname = 'name'",
                (f'"{schema}".logistics_hubs',),
            ).fetchone()
        assert (kind, srid) == ("POINT", 4326)
        assert comment.startswith("物流枢纽 (Logistics hubs)")
        assert name_comment.startswith(catalog()["logistics_hubs"].columns["name"].title_zh)
    else:
        with contextlib.closing(sqlite3.connect(ws_target)) as con:
            identifier, kind, srs = con.execute(
                "SELECT identifier, geometry_type_name, c.srs_id FROM gpkg_contents c "
                "JOIN gpkg_geometry_columns g USING (table_name) WHERE table_name = ?",
                ("logistics_hubs",),
            ).fetchone()
            version = con.execute("PRAGMA user_version").fetchone()[0]
        assert (identifier, kind, srs, version) == ("物流枢纽", "POINT", 4326, 10300)
        # GeoPackage 1.3: GDAL reads it (features and all) without a warning
        for flags, layers in ((["-so"], []), (["-so", "-al"], []), ([], ["logistics_hubs"])):
            out = ogr("ogrinfo", "-ro", *flags, ws_target, *layers)
            assert out.returncode == 0 and "Warning" not in out.stdout + out.stderr, out.stderr


def test_edits_from_a_gis_client_are_refused_and_versions_never_change(
    ws_target, shipped, tmp_path
):
    first, second = import_hubs_twice(ws_target, shipped)
    with open_workspace(ws_target) as ws:
        tables = ws.versions("logistics_hubs")["table"].tolist()
        log_rows = len(ws.log())
    hint = r"read-only; import a change with `geoapp import FILE --layer logistics_hubs -w "
    if ws_target.startswith("postgresql"):
        import psycopg

        libpq, schema, _ = split_url(ws_target)
        with psycopg.connect(libpq, autocommit=True) as conn:
            for edit in (
                f"UPDATE \"{schema}\".logistics_hubs SET name = 'x'",
                f'DELETE FROM "{schema}".logistics_hubs',
                f'UPDATE "{schema}".logistics_hubs SET geometry = '
                "ST_SetSRID(ST_MakePoint(115, 35), 4326) WHERE id = 'H01'",
            ):
                with pytest.raises(psycopg.Error, match=hint):
                    conn.execute(edit)
            for table in tables:
                for edit in ("UPDATE {} SET name = 'x'", "DELETE FROM {}", "TRUNCATE {}"):
                    with pytest.raises(psycopg.Error, match="never changes"):
                        conn.execute(edit.format(f'"{schema}_history"."{table}"'))
    else:
        with contextlib.closing(sqlite3.connect(ws_target)) as con:
            for edit in ("UPDATE logistics_hubs SET name = 'x'", "DELETE FROM logistics_hubs"):
                with pytest.raises(sqlite3.DatabaseError, match=hint):
                    con.execute(edit)
            for table in tables:
                for edit in (f"UPDATE \"{table}\" SET name = 'x'", f'DELETE FROM "{table}"'):
                    with pytest.raises(sqlite3.DatabaseError, match="never changes"):
                        con.execute(edit)
    # as QGIS saves an edit: GDAL appends a feature to the layer; refused, with the hint
    new = tmp_path / "new.geojson"
    pyogrio.write_dataframe(second.head(1), new, driver="GeoJSON")
    source = gdal_source(ws_target)
    done = ogr("ogr2ogr", "-update", "-append", source, str(new), "-nln", "logistics_hubs")
    assert done.returncode != 0 and "geoapp import FILE --layer logistics_hubs" in done.stderr
    with open_workspace(ws_target) as ws:  # every version as written, nothing logged
        assert ws.versions("logistics_hubs")["table"].tolist() == tables
        same_rows(ws.load_layer("logistics_hubs", 1), shipped["logistics_hubs"])
        same_rows(ws.load_layer("logistics_hubs", 2), first)
        same_rows(ws.load_layer("logistics_hubs", 3), second)
        assert len(ws.log()) == log_rows
    assert len(gdal_read(source, "logistics_hubs", tmp_path)) == len(second)


OLD_GPKG_SCHEMA = """
CREATE TABLE geoapp_layer_versions (
    layer TEXT NOT NULL, version INTEGER NOT NULL, rows INTEGER NOT NULL,
    created_at TEXT NOT NULL, user TEXT NOT NULL, source TEXT NOT NULL, "table" TEXT NOT NULL,
    PRIMARY KEY (layer, version));
CREATE TABLE geoapp_scenarios (
    id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, analysis TEXT NOT NULL,
    parameters TEXT NOT NULL, layer_versions TEXT NOT NULL, figures TEXT NOT NULL,
    results TEXT NOT NULL, created_at TEXT NOT NULL, user TEXT NOT NULL);
CREATE TABLE geoapp_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, user TEXT NOT NULL,
    command TEXT NOT NULL, parameters TEXT NOT NULL, input_name TEXT NOT NULL,
    input_sha256 TEXT NOT NULL, result TEXT NOT NULL);
CREATE TABLE geoapp_pending_tables (
    "table" TEXT PRIMARY KEY, host TEXT NOT NULL, pid INTEGER NOT NULL, started_at TEXT NOT NULL);
"""


OLD_PG_SCHEMA = """
CREATE TABLE layer_versions (
    layer text NOT NULL, version integer NOT NULL, rows bigint NOT NULL,
    created_at text NOT NULL, "user" text NOT NULL, source text NOT NULL,
    "table" text NOT NULL, PRIMARY KEY (layer, version));
CREATE TABLE scenarios (
    id bigserial PRIMARY KEY, name text NOT NULL, analysis text NOT NULL,
    parameters text NOT NULL, layer_versions text NOT NULL, figures text NOT NULL,
    results text NOT NULL, created_at text NOT NULL, "user" text NOT NULL);
CREATE TABLE log (
    id bigserial PRIMARY KEY, time text NOT NULL, "user" text NOT NULL,
    command text NOT NULL, parameters text NOT NULL, input_name text NOT NULL,
    input_sha256 text NOT NULL, result text NOT NULL);
CREATE FUNCTION log_append_only() RETURNS trigger AS $$ BEGIN
    RAISE EXCEPTION 'the geoapp log is append-only'; END $$ LANGUAGE plpgsql;
CREATE TRIGGER log_append_only BEFORE UPDATE OR DELETE ON log FOR EACH STATEMENT
    EXECUTE FUNCTION log_append_only()
"""


def write_old_layout(ws_target: str, versions: list[gpd.GeoDataFrame], result) -> list[str]:
    """A workspace as geoapp wrote it before issue 23 (hashed version tables among the layers).

    ``versions`` become versions 1, 2, … of ``projects``; ``result`` a saved scenario's
    result layer. Returns the version tables.
    """
    tables = [f"l_projects_{uuid.uuid4().hex[:12]}" for _ in versions]
    rows = [
        ("projects", i + 1, len(g), "2026-11-30T08:00:00Z", "张三", f"v{i + 1}.csv", t)
        for i, (g, t) in enumerate(zip(versions, tables, strict=True))
    ]
    scenario = ("旧方案", "coverage", "{}", '{"projects": 2}', "{}", '{"sites": "s_old_0"}')
    log = ("2026-11-30T08:00:00Z", "张三", "import", "{}", "v1.csv", "", "{}")
    if ws_target.startswith("postgresql"):
        import psycopg

        from geoapp.workspace import write_table

        libpq, schema, _ = split_url(ws_target)
        with psycopg.connect(libpq, autocommit=True) as conn, conn.transaction():
            conn.execute(f'CREATE SCHEMA "{schema}"')
            conn.execute(f'SET LOCAL search_path TO "{schema}", public')
            for ddl in OLD_PG_SCHEMA.split(";\n"):
                conn.execute(ddl)
            for gdf, table in zip(versions, tables, strict=True):
                write_table(conn, schema, table, gdf)
            write_table(conn, schema, "s_old_0", result)
            conn.cursor().executemany(
                "INSERT INTO layer_versions VALUES (%s, %s, %s, %s, %s, %s, %s)", rows
            )
            conn.execute(
                "INSERT INTO scenarios (name, analysis, parameters, layer_versions, figures, "
                'results, created_at, "user") VALUES (%s, %s, %s, %s, %s, %s, %s, %s)',
                (*scenario, "2026-11-30T08:00:00Z", "张三"),
            )
            conn.execute(
                'INSERT INTO log (time, "user", command, parameters, input_name, input_sha256, '
                "result) VALUES (%s, %s, %s, %s, %s, %s, %s)",
                log,
            )
        return tables
    meta = gpd.GeoDataFrame({"note": pd.Series(dtype=str)}, geometry=gpd.GeoSeries([], crs=4326))
    pyogrio.write_dataframe(meta, ws_target, layer="geoapp_workspace", geometry_type="Point")
    for gdf, table in zip([*versions, result], [*tables, "s_old_0"], strict=True):
        pyogrio.write_dataframe(gdf, ws_target, layer=table, promote_to_multi=False)
    with contextlib.closing(sqlite3.connect(ws_target)) as con, con:
        con.executescript(OLD_GPKG_SCHEMA)
        con.executemany("INSERT INTO geoapp_layer_versions VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        con.execute(
            "INSERT INTO geoapp_scenarios (name, analysis, parameters, layer_versions, figures, "
            "results, created_at, user) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (*scenario, "2026-11-30T08:00:00Z", "张三"),
        )
        con.execute(
            "INSERT INTO geoapp_log (time, user, command, parameters, input_name, input_sha256, "
            "result) VALUES (?, ?, ?, ?, ?, ?, ?)",
            log,
        )
    return tables


def test_a_workspace_in_the_old_layout_is_migrated_when_opened(ws_target, shipped, tmp_path):
    projects = shipped["projects"]
    versions = [projects.head(6), projects.head(3)]
    result = shipped["logistics_hubs"].head(2)
    tables = write_old_layout(ws_target, versions, result)
    source = gdal_source(ws_target)
    if not ws_target.startswith("postgresql"):
        assert set(tables) <= set(gdal_layers(source))  # before: hashed tables among the layers
    with open_workspace(ws_target) as ws:
        assert ws.versions("projects")["table"].tolist() == tables
        same_rows(ws.load_layer("projects", 1), versions[0])
        same_rows(ws.load_layer("projects"), versions[1])
        sc = ws.load_scenario(int(ws.scenarios()["id"].iloc[0]))
        same_rows(sc.results["sites"], result)
        assert ws.log()["input_name"].tolist() == ["v1.csv"]
        v3 = ws.replace_layer("projects", projects.head(2), expected_version=2)
        assert v3.version == 3
    with open_workspace(ws_target) as ws:  # opening again changes nothing
        assert ws.versions("projects")["version"].tolist() == [1, 2, 3]
        assert ws.log()["command"].tolist() == ["import"]
    listed = gdal_layers(source)
    assert set(listed[: len(LAYER_NAMES)]) == set(LAYER_NAMES)
    assert not set(tables) & set(listed) and "geoapp_workspace" not in listed
    assert len(gdal_read(source, "projects", tmp_path)) == 2
