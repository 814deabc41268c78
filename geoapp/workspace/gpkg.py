"""The GeoPackage back end: one ``.gpkg`` file on the planner's machine.

Layer versions and scenario results are GeoPackage feature tables written by
GDAL (pyogrio); the version list, scenarios and log are plain tables in the
same file, written with :mod:`sqlite3`. A write first adds the new feature
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

from geoapp.settings import STORAGE_CRS
from geoapp.workspace.base import (
    LOG_COLUMNS,
    LayerVersion,
    LogEntry,
    Workspace,
    WorkspaceConflictError,
    WorkspaceError,
    now_utc,
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
CREATE TRIGGER IF NOT EXISTS geoapp_log_no_update BEFORE UPDATE ON geoapp_log
    BEGIN SELECT RAISE(ABORT, 'geoapp_log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS geoapp_log_no_delete BEFORE DELETE ON geoapp_log
    BEGIN SELECT RAISE(ABORT, 'geoapp_log is append-only'); END;
"""
_META_LAYER = "geoapp_workspace"


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
        except sqlite3.DatabaseError as exc:
            msg = f"{self.path} is not a GeoPackage workspace ({exc}); name a new .gpkg file."
            raise WorkspaceError(msg) from None
        self._sweep_pending()

    def close(self) -> None:
        """Close the SQLite connection."""
        self._conn.close()

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
            **kwargs,
        )

    def _read_table(self, table: str) -> gpd.GeoDataFrame:
        gdf = pyogrio.read_dataframe(self.path, layer=table, use_arrow=True)
        if gdf.crs is None:
            gdf = gdf.set_crs(STORAGE_CRS)
        return gdf

    def _drop_tables(self, tables: list[str]) -> None:
        """Drop GeoPackage feature tables and their registrations (inside a transaction)."""
        for table in tables:
            rtree = f"rtree_{table}_geometry"
            exists = self._conn.execute(
                "SELECT 1 FROM sqlite_master WHERE name = ?", (rtree,)
            ).fetchone()
            if exists:
                self._conn.execute(f'DROP TABLE "{rtree}"')
            self._conn.execute(f'DROP TABLE IF EXISTS "{table}"')
            for meta in ("gpkg_contents", "gpkg_geometry_columns", "gpkg_extensions"):
                self._conn.execute(f"DELETE FROM {meta} WHERE table_name = ?", (table,))
            if self._conn.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'gpkg_ogr_contents'"
            ).fetchone():
                self._conn.execute("DELETE FROM gpkg_ogr_contents WHERE table_name = ?", (table,))

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
            self._unregister_pending(written)
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
            self._unregister_pending(list(tables.values()))
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


def _process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this host (signal 0 probes without signalling)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    return True
