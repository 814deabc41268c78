"""The GeoPackage back end: one ``.gpkg`` file on the planner's machine.

What GDAL and QGIS list: one feature layer per catalog layer, by its own name
(``logistics_hubs`` …), a view of the current version registered in
``gpkg_contents`` with the Chinese title as ``identifier`` and a description;
then ``geoapp_layer_versions`` (an attribute table: the history). The file is
GeoPackage 1.3 (``user_version`` 10300), which GDAL reads without warning.

Layer versions and scenario results are GeoPackage tables written by GDAL
(pyogrio) and then unregistered from ``gpkg_contents`` (history: GDAL lists
them no more, geoapp reads them with :func:`pyogrio.read_dataframe` and the
geometry blobs with :mod:`sqlite3`); triggers refuse every change to them, and
INSTEAD OF triggers refuse edits of the current-layer views with a message
that says how to import a change. The version list, scenarios and log are
plain tables in the same file, written with :mod:`sqlite3`.

A file written by an earlier geoapp (version tables registered as feature
layers, a ``geoapp_workspace`` layer) is brought to this layout when opened,
in one transaction. A write first adds the new feature
table (invisible until referenced), then commits the version row and the log
row in one SQLite transaction (``BEGIN IMMEDIATE``: two writers queue, and the
version check happens under the lock). SQLite's journal rolls a transaction
killed midway back on the next open, so the previous version stays current.

A feature table is registered in ``geoapp_pending_tables`` (with the writer's
host and process id) before GDAL writes it and unregistered in the commit
that references it. A writer killed in between leaves its table registered:
the next open on the same host drops the tables of writers that no longer run,
so a killed import leaves no orphan table behind.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import uuid
from collections.abc import Mapping
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import shapely

from geoapp.settings import STORAGE_CRS
from geoapp.workspace.base import (
    HISTORY_REFUSAL,
    LOG_COLUMNS,
    STORAGE_SRID,
    LayerVersion,
    LogEntry,
    Workspace,
    WorkspaceConflictError,
    WorkspaceError,
    edit_refusal,
    layer_description,
    layer_title,
    now_utc,
    published_layers,
    shipped_frame,
    shipped_table,
    slow_commit_hook,
    version_of_row,
)

__all__ = ["GpkgWorkspace"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS geoapp_layer_versions (
    layer TEXT NOT NULL, version INTEGER NOT NULL, rows INTEGER NOT NULL,
    created_at TEXT NOT NULL, user TEXT NOT NULL, source TEXT NOT NULL, "table" TEXT NOT NULL,
    PRIMARY KEY (layer, version));
CREATE TABLE IF NOT EXISTS geoapp_scenarios (
    id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, analysis TEXT NOT NULL,
    parameters TEXT NOT NULL, layer_versions TEXT NOT NULL, figures TEXT NOT NULL,
    results TEXT NOT NULL, created_at TEXT NOT NULL, user TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS geoapp_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, user TEXT NOT NULL,
    command TEXT NOT NULL, parameters TEXT NOT NULL, input_name TEXT NOT NULL,
    input_sha256 TEXT NOT NULL, result TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS geoapp_pending_tables (
    "table" TEXT PRIMARY KEY, host TEXT NOT NULL, pid INTEGER NOT NULL, started_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS geoapp_current_views (layer TEXT PRIMARY KEY, "table" TEXT NOT NULL);
CREATE TRIGGER IF NOT EXISTS geoapp_log_no_update BEFORE UPDATE ON geoapp_log
    BEGIN SELECT RAISE(ABORT, 'geoapp_log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS geoapp_log_no_delete BEFORE DELETE ON geoapp_log
    BEGIN SELECT RAISE(ABORT, 'geoapp_log is append-only'); END;
"""
#: The layer GDAL writes to create the file (dropped at once; earlier geoapps kept it).
_META_LAYER = "geoapp_workspace"
#: GeoPackage 1.3: ``PRAGMA application_id`` ("GPKG") and ``user_version``.
_APPLICATION_ID = 0x47504B47
_USER_VERSION = 10300
#: How GDAL lists the version list (an attribute table: the history).
_HISTORY_LABEL = ("geoapp 图层版本历史", "Every stored version of every layer (geoapp history).")
_GEOMETRY_TYPES = frozenset(
    {
        "GEOMETRY",
        "POINT",
        "LINESTRING",
        "POLYGON",
        "MULTIPOINT",
        "MULTILINESTRING",
        "MULTIPOLYGON",
        "GEOMETRYCOLLECTION",
    }
)
#: Bytes of the envelope in a GeoPackage geometry blob, by the flags' envelope code.
_ENVELOPE_BYTES = (0, 32, 48, 48, 64)


class GpkgWorkspace(Workspace):
    """A workspace in one GeoPackage file (created when missing).

    Parameters
    ----------
    path
        The ``.gpkg`` file; its folder is created when missing.
    """

    kind = "gpkg"

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path).expanduser()
        self.target = str(self.path)
        if not self.path.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            empty = gpd.GeoDataFrame(
                {"note": pd.Series(dtype=str)}, geometry=gpd.GeoSeries([], crs=STORAGE_CRS)
            )
            pyogrio.write_dataframe(
                empty, self.path, layer=_META_LAYER, driver="GPKG", geometry_type="Point"
            )
        try:
            self._conn = sqlite3.connect(self.path, timeout=60, isolation_level=None)
            self._conn.executescript(_SCHEMA)
            if self._needs_setup():
                self._setup()
        except sqlite3.DatabaseError as exc:
            msg = f"{self.path} is not a GeoPackage workspace ({exc}); name a new .gpkg file."
            raise WorkspaceError(msg) from None
        self._sweep_pending()
        self._sync_views()

    def close(self) -> None:
        """Close the SQLite connection."""
        self._conn.close()

    # ------------------------------------------------------------------ layout
    def _needs_setup(self) -> bool:
        """Whether the file is new or in an earlier layout (history registered, GeoPackage 1.4)."""
        c = self._conn
        version = c.execute("PRAGMA user_version").fetchone()[0]
        history = c.execute(
            "SELECT 1 FROM gpkg_contents WHERE table_name = 'geoapp_layer_versions'"
        ).fetchone()
        return version != _USER_VERSION or history is None or bool(self._registered_history())

    def _registered_history(self) -> list[str]:
        """Version, scenario and shipped tables (and the old meta layer) GDAL would list.

        Tables another writer is writing now (pending) are left to it.
        """
        rows = self._conn.execute(
            "SELECT table_name FROM gpkg_contents WHERE (table_name = ? "
            'OR table_name IN (SELECT "table" FROM geoapp_layer_versions) '
            "OR table_name LIKE 'l\\_%' ESCAPE '\\' OR table_name LIKE 's\\_%' ESCAPE '\\' "
            "OR table_name LIKE 'shipped\\_%' ESCAPE '\\') "
            'AND table_name NOT IN (SELECT "table" FROM geoapp_pending_tables)',
            (_META_LAYER,),
        ).fetchall()
        return [r[0] for r in rows]

    def _setup(self) -> None:
        """Bring the file to the current layout in one transaction (see the module notes)."""
        c = self._conn
        c.execute("BEGIN IMMEDIATE")
        try:
            for table in self._registered_history():
                if table == _META_LAYER:
                    self._drop_tables([table])
                else:
                    self._unregister(table)
                    self._freeze(table)
            c.execute(
                "INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, "
                "description) VALUES ('geoapp_layer_versions', 'attributes', ?, ?)",
                _HISTORY_LABEL,
            )
            c.execute(f"PRAGMA application_id = {_APPLICATION_ID}")
            c.execute(f"PRAGMA user_version = {_USER_VERSION}")
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise

    def _unregister(self, table: str) -> None:
        """Make a written table history: out of ``gpkg_contents``, no spatial index (in a txn)."""
        c = self._conn
        for (column,) in c.execute(
            "SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (table,)
        ).fetchall():
            c.execute(f'DROP TABLE IF EXISTS "rtree_{table}_{column}"')
        triggers = c.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? "
            "AND name LIKE 'rtree\\_%' ESCAPE '\\'",
            (table,),
        ).fetchall()
        for (trigger,) in triggers:
            c.execute(f'DROP TRIGGER "{trigger}"')
        for meta in ("gpkg_extensions", "gpkg_geometry_columns", "gpkg_contents"):
            c.execute(f"DELETE FROM {meta} WHERE table_name = ?", (table,))
        if c.execute("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_ogr_contents'").fetchone():
            c.execute("DELETE FROM gpkg_ogr_contents WHERE table_name = ?", (table,))

    def _freeze(self, table: str) -> None:
        """Triggers that refuse every change to a history table (inside a transaction)."""
        refusal = HISTORY_REFUSAL.replace("'", "''")
        for op in ("INSERT", "UPDATE", "DELETE"):
            self._conn.execute(
                f'CREATE TRIGGER IF NOT EXISTS "{table}_frozen_{op.lower()}" BEFORE {op} '
                f"ON \"{table}\" BEGIN SELECT RAISE(ABORT, '{refusal}'); END"
            )

    def _settle(self, tables: list[str]) -> None:
        """Written tables become history: unregistered, frozen, no longer pending (in a txn)."""
        for table in tables:
            self._unregister(table)
            self._freeze(table)
        self._unregister_pending(tables)

    # ------------------------------------------------------------------ current layers
    def _shown(self) -> dict[str, str]:
        """Layer -> the table its current-layer view shows."""
        rows = self._conn.execute('SELECT layer, "table" FROM geoapp_current_views').fetchall()
        return {str(layer): str(table) for layer, table in rows}

    def _sync_views(self) -> None:
        """Publish every current layer whose view is missing or stale (shipped tables written)."""
        wanted = published_layers(self.current_versions())
        shown = self._shown()
        stale = [n for n, v in wanted.items() if shown.get(n) != _table_of(n, v)]
        if not stale:
            return
        written = self._write_shipped([n for n in stale if wanted[n] is None])
        c = self._conn
        c.execute("BEGIN IMMEDIATE")
        try:
            self._settle(written)
            shown = self._shown()
            pending = {r[0] for r in c.execute('SELECT "table" FROM geoapp_pending_tables')}
            for name, version in published_layers(self.current_versions()).items():
                table = _table_of(name, version)
                if shown.get(name) != table and self._exists(table) and table not in pending:
                    self._publish(name, version)
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            self._discard(written)
            raise

    def _write_shipped(self, names: list[str]) -> list[str]:
        """Write the shipped tables of ``names`` that no other writer has or is writing."""
        written = []
        for name in names:
            table = shipped_table(name)
            if self._exists(table):
                continue
            try:
                self._register_pending([table])
            except sqlite3.IntegrityError:  # another process writes it now
                continue
            try:
                self._write_table(shipped_frame(name), table)
            except BaseException:
                self._discard([table])
                raise
            written.append(table)
        return written

    def _exists(self, table: str) -> bool:
        """Whether the file holds a table of this name."""
        found = self._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()
        return found is not None

    def _publish(self, name: str, version: LayerVersion | None) -> None:
        """(Re)create the view ``name`` of the current version, registered and titled (in a txn)."""
        c = self._conn
        table = _table_of(name, version)
        geometry = self._geometry_column(table)
        c.execute(f'DROP VIEW IF EXISTS "{name}"')
        c.execute("DELETE FROM gpkg_geometry_columns WHERE table_name = ?", (name,))
        c.execute("DELETE FROM gpkg_contents WHERE table_name = ?", (name,))
        c.execute(f'CREATE VIEW "{name}" AS SELECT * FROM "{table}"')
        c.execute(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) "
            "VALUES (?, 'features', ?, ?, ?)",
            (name, layer_title(name), layer_description(name, version), STORAGE_SRID),
        )
        c.execute(
            "INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)",
            (name, *geometry, STORAGE_SRID),
        )
        refusal = edit_refusal(name, self.target).replace("'", "''")
        for op in ("INSERT", "UPDATE", "DELETE"):
            c.execute(
                f'CREATE TRIGGER "{name}_read_only_{op.lower()}" INSTEAD OF {op} ON "{name}" '
                f"BEGIN SELECT RAISE(ABORT, '{refusal}'); END"
            )
        c.execute(
            'INSERT OR REPLACE INTO geoapp_current_views (layer, "table") VALUES (?, ?)',
            (name, table),
        )

    def _geometry_column(self, table: str) -> tuple[str, str]:
        """The geometry column of a table and its declared type (``geom``, ``POINT``)."""
        for _, column, decl, *_ in self._conn.execute(f'PRAGMA table_info("{table}")'):
            if str(decl).upper() in _GEOMETRY_TYPES:
                return str(column), str(decl).upper()
        msg = f"Table {table} of {self.target} has no geometry column."
        raise WorkspaceError(msg)

    # ------------------------------------------------------------------ tables
    def _sweep_pending(self) -> None:
        """Drop the feature tables of writers on this host that were killed before committing."""
        host = socket.gethostname()
        rows = self._conn.execute(
            'SELECT "table", pid FROM geoapp_pending_tables WHERE host = ?', (host,)
        ).fetchall()
        dead = [table for table, pid in rows if not _process_alive(int(pid))]
        if not dead:
            return
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            self._drop_tables(dead)
            self._conn.executemany(
                'DELETE FROM geoapp_pending_tables WHERE "table" = ?', [(t,) for t in dead]
            )
            self._conn.execute("COMMIT")
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise

    def _register_pending(self, tables: list[str]) -> None:
        """Record, in its own commit, the tables about to be written by this process."""
        stamp, host, pid = now_utc(), socket.gethostname(), os.getpid()
        self._conn.executemany(
            'INSERT INTO geoapp_pending_tables ("table", host, pid, started_at) '
            "VALUES (?, ?, ?, ?)",
            [(t, host, pid, stamp) for t in tables],
        )

    def _unregister_pending(self, tables: list[str]) -> None:
        """Forget pending tables (inside the caller's transaction)."""
        self._conn.executemany(
            'DELETE FROM geoapp_pending_tables WHERE "table" = ?', [(t,) for t in tables]
        )

    def _discard(self, tables: list[str]) -> None:
        """Drop tables written for a write that did not commit, and their registration."""
        self._conn.execute("BEGIN IMMEDIATE")
        self._drop_tables(tables)
        self._unregister_pending(tables)
        self._conn.execute("COMMIT")

    def _write_table(self, gdf: gpd.GeoDataFrame, table: str) -> None:
        kwargs = {"geometry_type": "Unknown"} if len(gdf) == 0 else {}
        pyogrio.write_dataframe(
            gdf,
            self.path,
            layer=table,
            driver="GPKG",
            promote_to_multi=False,
            use_arrow=True,  # about 4x faster than the row-by-row OGR path
            layer_options={"SPATIAL_INDEX": "NO"},  # history: read whole, never queried by area
            **kwargs,
        )

    def _read_table(self, table: str) -> gpd.GeoDataFrame:
        """A history table: attributes through GDAL (its types), geometries from the blobs."""
        if not self._exists(table):
            msg = f"Table {table} is missing from {self.target}."
            raise WorkspaceError(msg)
        geometry, _ = self._geometry_column(table)
        info = self._conn.execute(f'PRAGMA table_info("{table}")').fetchall()
        attrs = [str(r[1]) for r in info if r[1] not in ("fid", geometry)]
        frame = pyogrio.read_dataframe(
            self.path,
            layer=table,
            columns=attrs,
            read_geometry=False,
            fid_as_index=True,
            use_arrow=True,
            LIST_ALL_TABLES="YES",  # open option: history tables are not in gpkg_contents
        ).sort_index()
        blobs = dict(self._conn.execute(f'SELECT fid, "{geometry}" FROM "{table}"').fetchall())
        wkb = [_wkb(blobs[fid]) for fid in frame.index]
        geoms = gpd.GeoSeries(shapely.from_wkb(wkb), crs=STORAGE_CRS)
        return gpd.GeoDataFrame(frame.reset_index(drop=True)[attrs], geometry=geoms)

    def _drop_tables(self, tables: list[str]) -> None:
        """Drop GeoPackage feature tables and their registrations (inside a transaction)."""
        for table in tables:
            self._unregister(table)
            self._conn.execute(f'DROP TABLE IF EXISTS "{table}"')

    # ------------------------------------------------------------------ versions
    def _versions_frame(self) -> pd.DataFrame:
        return pd.read_sql_query(
            'SELECT layer, version, rows, created_at, user, source, "table" '
            "FROM geoapp_layer_versions",
            self._conn,
        )

    def _write_version(
        self,
        name: str,
        frames: list[tuple[gpd.GeoDataFrame | str, str]],
        *,
        expected_version: int | None,
        user: str,
        log: LogEntry | None,
    ) -> LayerVersion:
        planned: list[tuple[str, int, str]] = []  # table, rows, source
        new = {
            i: f"l_{name}_{uuid.uuid4().hex[:12]}"
            for i, (frame, _) in enumerate(frames)
            if not isinstance(frame, str)
        }
        written = list(new.values())
        self._register_pending(written)
        try:
            for i, (frame, source) in enumerate(frames):
                if isinstance(frame, str):
                    rows = self._conn.execute(
                        'SELECT rows FROM geoapp_layer_versions WHERE "table" = ? LIMIT 1',
                        (frame,),
                    ).fetchone()[0]
                    planned.append((frame, int(rows), source))
                else:
                    self._write_table(frame, new[i])
                    planned.append((new[i], len(frame), source))
        except BaseException:
            self._discard(written)
            raise
        cur = self._conn
        cur.execute("BEGIN IMMEDIATE")
        try:
            now = self._current(name)
            current = 0 if now is None else now.version
            if expected_version is not None and current != expected_version:
                assert now is not None or expected_version != 0
                raise WorkspaceConflictError(self.conflict_message(name, expected_version, now))
            stamp = now_utc()
            version = current
            for table, rows, source in planned:
                version += 1
                cur.execute(
                    "INSERT INTO geoapp_layer_versions (layer, version, rows, created_at, user, "
                    'source, "table") VALUES (?, ?, ?, ?, ?, ?, ?)',
                    (name, version, rows, stamp, user, source, table),
                )
            if log is not None:
                self._insert_log(log.row())
            self._settle(written)
            self._publish(name, self._current(name))
            slow_commit_hook()
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            self._discard(written)
            raise
        result = self._current(name)
        assert result is not None
        return result

    def _current(self, name: str) -> LayerVersion | None:
        row = self._conn.execute(
            'SELECT layer, version, rows, created_at, user, source, "table" '
            "FROM geoapp_layer_versions WHERE layer = ? ORDER BY version DESC LIMIT 1",
            (name,),
        ).fetchone()
        if row is None:
            return None
        keys = ("layer", "version", "rows", "created_at", "user", "source", "table")
        return version_of_row(dict(zip(keys, row, strict=True)))

    # ------------------------------------------------------------------ scenarios
    def _write_scenario(
        self, row: dict[str, str], results: Mapping[str, gpd.GeoDataFrame], log: LogEntry | None
    ) -> int:
        tag = uuid.uuid4().hex[:12]
        tables = {key: f"s_{tag}_{i}" for i, key in enumerate(results)}
        self._register_pending(list(tables.values()))
        try:
            for key, gdf in results.items():
                self._write_table(gdf, tables[key])
        except BaseException:
            self._discard(list(tables.values()))
            raise
        cur = self._conn
        cur.execute("BEGIN IMMEDIATE")
        try:
            values = {**row, "results": json.dumps(tables, ensure_ascii=False)}
            cols = list(values)
            res = cur.execute(
                f"INSERT INTO geoapp_scenarios ({', '.join(cols)}) "
                f"VALUES ({', '.join('?' for _ in cols)})",
                [values[c] for c in cols],
            )
            scenario_id = int(res.lastrowid or 0)
            if log is not None:
                entry = log.row()
                entry["result"] = json.dumps(
                    {"scenario_id": scenario_id, **json.loads(entry["result"])},
                    ensure_ascii=False,
                )
                self._insert_log(entry)
            self._settle(list(tables.values()))
            slow_commit_hook()
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            self._discard(list(tables.values()))
            raise
        return scenario_id

    def _scenario_rows(self) -> pd.DataFrame:
        return pd.read_sql_query("SELECT * FROM geoapp_scenarios ORDER BY id", self._conn)

    def _delete_scenario(self, scenario_id: int, log: LogEntry | None) -> None:
        cur = self._conn
        cur.execute("BEGIN IMMEDIATE")
        try:
            found = cur.execute(
                "SELECT results FROM geoapp_scenarios WHERE id = ?", (scenario_id,)
            ).fetchone()
            if found is not None:
                cur.execute("DELETE FROM geoapp_scenarios WHERE id = ?", (scenario_id,))
                self._drop_tables(list(json.loads(found[0]).values()))
            if log is not None:
                self._insert_log(log.row())
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise

    # ------------------------------------------------------------------ log
    def _insert_log(self, row: dict[str, str]) -> None:
        cols = [c for c in LOG_COLUMNS if c != "id"]
        self._conn.execute(
            f"INSERT INTO geoapp_log ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})",
            [row[c] for c in cols],
        )

    def _append_log(self, row: dict[str, str]) -> None:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            self._insert_log(row)
            self._conn.execute("COMMIT")
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise

    def _log_frame(self) -> pd.DataFrame:
        cols = ", ".join(LOG_COLUMNS)
        return pd.read_sql_query(f"SELECT {cols} FROM geoapp_log ORDER BY id", self._conn)


def _table_of(name: str, version: LayerVersion | None) -> str:
    """The table a current layer shows: its version's, or the shipped one."""
    return shipped_table(name) if version is None else version.table


def _wkb(blob: bytes | None) -> bytes | None:
    """The WKB inside a GeoPackage geometry blob (header: magic, version, flags, SRS, envelope)."""
    if blob is None:
        return None
    envelope = _ENVELOPE_BYTES[(blob[3] >> 1) & 0b111]
    return bytes(blob[8 + envelope :])


def _process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this host (signal 0 probes without signalling)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    return True
