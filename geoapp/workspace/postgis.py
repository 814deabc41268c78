"""The PostGIS back end: a team's shared workspace in PostgreSQL, one schema per workspace.

Chosen by a ``postgresql://`` URL (libpq syntax). The workspace lives in the
schema named by the URL's ``schema`` query parameter (default ``geoapp``),
e.g. ``postgresql://planner@db.example/planning?schema=puyang_2026``.

What QGIS and GDAL list in that schema: one view per catalog layer, by its own
name (``logistics_hubs`` …), showing the current version (the shipped layer
when the workspace does not override it), its geometry column cast to its type
and SRID (``geometry(Point,4326)``) so that ``geometry_columns`` lists it, and
comments (``COMMENT ON``) with the Chinese title, the description and the column titles.
An INSTEAD OF trigger refuses edits with a message that says how to import a
change.

The history lives in the schema ``<schema>_history``: each layer version,
shipped layer and scenario result is a PostGIS table there (``geometry``
column of type ``geometry(Geometry, 4326)`` with a GIST index, a ``fid``
column keeping row order) that triggers keep unchanged; ``layer_versions``,
``scenarios``, ``log`` (append-only) and ``current_views`` hold the rest. A
workspace of an earlier geoapp (all of it in the main schema) is moved there
when opened, in one transaction.

Writes are one transaction each: the table is created and bulk-loaded with
``COPY … FROM STDIN`` in text format (geometry as hex EWKB; the payload is
built column-wise with Arrow), indexed, then the version row and the log row
are inserted under a per-layer advisory lock that serialises the version check.
A client killed midway never commits, so the server rolls the whole write back.
Reads go through ``COPY (SELECT …) TO STDOUT`` and one vectorised parse by
Arrow (no row-by-row Python).
"""

from __future__ import annotations

import io
import json
import uuid
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import geopandas as gpd
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import shapely
from pyarrow import csv as pacsv

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
    column_comments,
    edit_refusal,
    layer_description,
    now_utc,
    published_layers,
    shipped_frame,
    shipped_table,
    slow_commit_hook,
    version_of_row,
)

__all__ = ["DEFAULT_SCHEMA", "PostgisWorkspace", "copy_in", "split_url", "write_table"]

#: Schema used when the URL names none.
DEFAULT_SCHEMA = "geoapp"
_NULL = r"\N"
_VERSION_COLS = ("layer", "version", "rows", "created_at", "user", "source", "table")
#: The longest schema name: ``<schema>_history`` fits PostgreSQL's 63-byte identifiers.
_MAX_SCHEMA = 63 - len("_history")
#: Geometry types a current-layer view may declare (``GeometryType()`` of its rows).
_VIEW_TYPES = frozenset(
    {
        "POINT",
        "LINESTRING",
        "POLYGON",
        "MULTIPOINT",
        "MULTILINESTRING",
        "MULTIPOLYGON",
        "GEOMETRYCOLLECTION",
    }
)


def split_url(url: str) -> tuple[str, str, str]:
    """Split a workspace URL into (libpq URL, schema, URL shown to people without password).

    Raises
    ------
    WorkspaceError
        If the schema name is not a plain identifier.
    """
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = next((v for k, v in query if k == "schema"), DEFAULT_SCHEMA)
    if not schema.replace("_", "a").isalnum() or not schema[0].isalpha():
        msg = (
            f"schema={schema!r} in the workspace URL is not a plain name; use letters, "
            "digits and _ (starting with a letter)."
        )
        raise WorkspaceError(msg)
    if len(schema.encode()) > _MAX_SCHEMA:  # <schema>_history must fit in 63 bytes
        msg = f"schema={schema!r} in the workspace URL is longer than {_MAX_SCHEMA} characters."
        raise WorkspaceError(msg)
    rest = urlencode([(k, v) for k, v in query if k != "schema"])
    libpq = url.split("?", 1)[0].split("#", 1)[0] + (f"?{rest}" if rest else "")
    netloc = parts.netloc.rsplit("@", 1)
    if len(netloc) == 2:
        netloc[0] = netloc[0].split(":", 1)[0]
    shown = f"{parts.scheme}://{'@'.join(netloc)}{parts.path}"
    shown += f"?schema={schema}"
    sock = dict(query).get("host")
    if sock:
        shown += f"&host={sock}"
    return libpq, schema.lower(), shown


def _pg_type(series: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(series):
        return "boolean"
    if pd.api.types.is_integer_dtype(series):
        return "bigint"
    if pd.api.types.is_float_dtype(series):
        return "double precision"
    if pd.api.types.is_datetime64_any_dtype(series):
        return "timestamptz"
    return "text"


def _large(text: str) -> pa.Scalar:
    return pa.scalar(text, pa.large_string())


def _text_column(values: pd.Series, kind: str) -> pa.Array:
    r"""One column as COPY text-format fields (NULL = ``\N`` later), vectorised in Arrow."""
    if kind == "timestamptz":
        text = values.astype(str).where(values.notna(), None)
        return pa.array(text, type=pa.large_string(), from_pandas=True)
    if kind == "text":
        arr = pa.array(values.astype("string"), type=pa.large_string(), from_pandas=True)
        if pc.any(pc.match_substring_regex(arr, r"[\\\t\n\r]")).as_py():  # rare: escape
            for raw, escaped in (("\\", "\\\\"), ("\t", "\\t"), ("\n", "\\n"), ("\r", "\\r")):
                arr = pc.replace_substring(arr, raw, escaped)
        return arr
    arr = pa.array(values, from_pandas=True)  # NaN / NA -> null
    return pc.cast(arr, pa.large_string())


def _copy_payload(gdf: gpd.GeoDataFrame) -> tuple[list[tuple[str, str]], memoryview]:
    """Columns (name, PostgreSQL type) and the COPY text-format payload (EWKB hex geometry).

    Built column by column with Arrow compute (no per-row Python): each value
    is formatted and escaped, the fields of a row are joined with tabs, and the
    rows' bytes are already contiguous in the joined array's data buffer.
    """
    geom_name = gdf.geometry.name
    attrs = pd.DataFrame(gdf.drop(columns=geom_name))
    columns = [(str(c), _pg_type(attrs[c])) for c in attrs.columns]
    fields = [pc.cast(pa.array(np.arange(1, len(gdf) + 1, dtype=np.int64)), pa.large_string())]
    fields += [
        _text_column(attrs[c], kind) for c, (_, kind) in zip(attrs.columns, columns, strict=True)
    ]
    geoms = shapely.set_srid(np.asarray(gdf.geometry.array), 4326)
    fields.append(pa.array(shapely.to_wkb(geoms, hex=True, include_srid=True), pa.large_string()))
    rows = pc.binary_join_element_wise(
        *fields, _large("\t"), null_handling="replace", null_replacement=_NULL
    )
    lines = pc.binary_join_element_wise(rows, _large(""), _large("\n"))
    if isinstance(lines, pa.ChunkedArray):
        lines = lines.combine_chunks()
    if len(lines) == 0:
        return columns, memoryview(b"")
    offsets = np.frombuffer(lines.buffers()[1], dtype=np.int64)[
        lines.offset : lines.offset + len(lines) + 1
    ]
    data = memoryview(lines.buffers()[2])
    return columns, data[int(offsets[0]) : int(offsets[-1])]


_ARROW_TYPES = {
    "bigint": pa.int64(),
    "double precision": pa.float64(),
    "boolean": pa.bool_(),
}


def _parse_copy(payload: bytes, attrs: list[tuple[str, str]]) -> gpd.GeoDataFrame:
    """The rows of ``COPY … TO STDOUT (FORMAT csv, FORCE_QUOTE *)``, parsed by Arrow."""
    names = [n for n, _ in attrs] + ["__geom", "__fid"]
    column_types = {n: _ARROW_TYPES.get(t, pa.large_string()) for n, t in attrs}
    column_types["__geom"] = pa.large_string()
    column_types["__fid"] = pa.int64()
    parsed = pacsv.read_csv(
        io.BytesIO(payload),
        read_options=pacsv.ReadOptions(column_names=names, block_size=1 << 24),
        convert_options=pacsv.ConvertOptions(
            column_types=column_types,
            null_values=[""],
            strings_can_be_null=True,
            quoted_strings_can_be_null=False,
            true_values=["t"],
            false_values=["f"],
        ),
    )
    fid = parsed.column("__fid").to_numpy()
    if len(fid) > 1 and (np.diff(fid) < 0).any():
        parsed = parsed.take(pa.array(np.argsort(fid, kind="stable")))
    frame = pd.DataFrame(index=pd.RangeIndex(parsed.num_rows))
    for n, t in attrs:
        col = parsed.column(n)
        if t == "bigint" and col.null_count:
            frame[n] = col.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get)
        elif t.startswith("timestamp"):
            frame[n] = pd.to_datetime(col.to_pandas(), utc=True)
        elif t == "text":
            frame[n] = col.to_pandas().astype("str")
        else:
            frame[n] = col.to_pandas()
    hexes = parsed.column("__geom").to_numpy(zero_copy_only=False)
    geoms = shapely.from_wkb(hexes)
    return gpd.GeoDataFrame(frame, geometry=gpd.GeoSeries(geoms, crs=STORAGE_CRS))


class PostgisWorkspace(Workspace):
    """A workspace in a PostgreSQL database with PostGIS, one schema per workspace.

    Parameters
    ----------
    url
        ``postgresql://[user[:password]@][host][:port]/dbname[?schema=NAME&…]``;
        every libpq parameter (``host=/socket/dir``, ``sslmode=…``) is passed on.
    """

    kind = "postgis"

    def __init__(self, url: str) -> None:
        try:
            import psycopg  # deferred: psycopg loads libpq, for a PostGIS workspace only
        except ImportError:  # pragma: no cover - a declared dependency
            msg = "The PostGIS workspace needs psycopg 3: pip install 'psycopg[binary]'."
            raise WorkspaceError(msg) from None
        from psycopg import sql  # deferred: psycopg loads libpq, for a PostGIS workspace only

        self._sql = sql
        libpq, self.schema, self.target = split_url(url)
        #: The schema of the version tables, the log and the bookkeeping.
        self.history = f"{self.schema}_history"
        try:
            self._conn = psycopg.connect(libpq, autocommit=True)
        except psycopg.Error as exc:
            msg = f"Cannot connect to the workspace {self.target}: {str(exc).strip()}"
            raise WorkspaceError(msg) from None
        try:
            self._create_schema()
            self._sync_views()
        except BaseException as exc:
            self._conn.close()  # a workspace that cannot be set up keeps no connection open
            if not isinstance(exc, psycopg.Error):
                raise
            msg = (
                f"Cannot set up the workspace schema {self.schema!r} in {self.target}: "
                f"{str(exc).strip()}. A database owner must run `CREATE EXTENSION postgis;` "
                f"and grant CREATE on the database (or create the schemas {self.schema} and "
                f"{self.history})."
            )
            raise WorkspaceError(msg) from None

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    def _q(self, text: str, **idents: str) -> Any:
        """SQL with ``{schema}``, ``{history}`` and other identifiers quoted."""
        names = {k: self._sql.Identifier(v) for k, v in idents.items()}
        return self._sql.SQL(text).format(
            schema=self._sql.Identifier(self.schema),
            history=self._sql.Identifier(self.history),
            **names,
        )

    def _create_schema(self) -> None:
        """Create (or bring to the current layout) the workspace's two schemas, one transaction."""
        with self._conn.transaction():
            has = self._conn.execute(
                "SELECT 1 FROM pg_extension WHERE extname = 'postgis'"
            ).fetchone()
            if not has:
                self._conn.execute("CREATE EXTENSION IF NOT EXISTS postgis")
            self._conn.execute(
                "SELECT pg_advisory_xact_lock(hashtext(%s))", (f"{self.schema} layout",)
            )
            self._conn.execute(self._q("CREATE SCHEMA IF NOT EXISTS {schema}"))
            new_history = not self._conn.execute(
                "SELECT 1 FROM pg_namespace WHERE nspname = %s", (self.history,)
            ).fetchone()
            self._conn.execute(self._q("CREATE SCHEMA IF NOT EXISTS {history}"))
            self._conn.execute(
                self._q(
                    "CREATE OR REPLACE FUNCTION {history}.refuse_change() RETURNS trigger "
                    "LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END $$"
                )
            )
            if self._exists("layer_versions", self.schema) and not self._exists("layer_versions"):
                self._migrate_old_layout()
            self._create_tables()
            if new_history:  # a comment needs the owner: geoapp's schema, not a DBA's
                self._comment_history()

    def _comment_history(self) -> None:
        """Say what the history schema holds, where GIS clients show it (in a txn)."""
        self._conn.execute(
            self._sql.SQL("COMMENT ON SCHEMA {} IS {}").format(
                self._sql.Identifier(self.history),
                self._sql.Literal(
                    f"geoapp workspace {self.schema}: history (every layer version, the "
                    "log, saved scenarios); the current layers are the views in "
                    f"{self.schema}."
                ),
            )
        )

    def _create_tables(self) -> None:
        """The history tables (when missing) and the log's append-only trigger (in a txn)."""
        for ddl in (
            "CREATE TABLE IF NOT EXISTS {history}.layer_versions ("
            "layer text NOT NULL, version integer NOT NULL, rows bigint NOT NULL, "
            'created_at text NOT NULL, "user" text NOT NULL, source text NOT NULL, '
            '"table" text NOT NULL, PRIMARY KEY (layer, version))',
            "CREATE TABLE IF NOT EXISTS {history}.scenarios ("
            "id bigserial PRIMARY KEY, name text NOT NULL, analysis text NOT NULL, "
            "parameters text NOT NULL, layer_versions text NOT NULL, "
            "figures text NOT NULL, results text NOT NULL, created_at text NOT NULL, "
            '"user" text NOT NULL)',
            "CREATE TABLE IF NOT EXISTS {history}.log ("
            'id bigserial PRIMARY KEY, time text NOT NULL, "user" text NOT NULL, '
            "command text NOT NULL, parameters text NOT NULL, input_name text NOT NULL, "
            "input_sha256 text NOT NULL, result text NOT NULL)",
            "CREATE TABLE IF NOT EXISTS {history}.current_views ("
            'layer text PRIMARY KEY, "table" text NOT NULL)',
            "CREATE OR REPLACE TRIGGER log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE "
            "ON {history}.log FOR EACH STATEMENT "
            "EXECUTE FUNCTION {history}.refuse_change('the geoapp log is append-only')",
        ):
            self._conn.execute(self._q(ddl))

    def _migrate_old_layout(self) -> None:
        """Move an earlier geoapp's tables from the main schema to the history (in a txn)."""
        tables = [
            str(r[0])
            for r in self._conn.execute(
                self._q('SELECT DISTINCT "table" FROM {schema}.layer_versions')
            ).fetchall()
        ]
        if self._exists("scenarios", self.schema):
            for (results,) in self._conn.execute(
                self._q("SELECT results FROM {schema}.scenarios")
            ).fetchall():
                tables += [str(t) for t in json.loads(results).values()]
        for table in ("layer_versions", "scenarios", "log", *tables):
            self._conn.execute(
                self._q("ALTER TABLE IF EXISTS {schema}.{t} SET SCHEMA {history}", t=table)
            )
        if self._exists("log"):
            self._conn.execute(self._q("DROP TRIGGER IF EXISTS log_append_only ON {history}.log"))
        self._conn.execute(self._q("DROP FUNCTION IF EXISTS {schema}.log_append_only()"))
        for table in tables:
            if self._exists(table):
                self._freeze(table)

    def _exists(self, table: str, schema: str | None = None) -> bool:
        """Whether ``schema`` (default: the history schema) holds a table of this name."""
        found = self._conn.execute(
            "SELECT 1 FROM pg_tables WHERE schemaname = %s AND tablename = %s",
            (schema or self.history, table),
        ).fetchone()
        return found is not None

    def _freeze(self, table: str) -> None:
        """A trigger that refuses every change to a history table (inside a transaction)."""
        self._conn.execute(
            self._sql.SQL(
                "CREATE OR REPLACE TRIGGER frozen BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE "
                "ON {} FOR EACH STATEMENT EXECUTE FUNCTION {}({})"
            ).format(
                self._sql.Identifier(self.history, table),
                self._sql.Identifier(self.history, "refuse_change"),
                self._sql.Literal(HISTORY_REFUSAL),
            )
        )

    # ------------------------------------------------------------------ current layers
    def _shown(self) -> dict[str, str]:
        """Layer -> the history table its current-layer view shows."""
        rows = self._conn.execute(
            self._q('SELECT layer, "table" FROM {history}.current_views')
        ).fetchall()
        return {str(layer): str(table) for layer, table in rows}

    def _lock_views(self) -> None:
        """Serialise the writers of current-layer views (until the transaction ends)."""
        self._conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (f"{self.schema} views",))

    def _sync_views(self) -> None:
        """Publish every current layer whose view is missing or stale (shipped tables written)."""
        wanted = published_layers(self.current_versions())
        shown = self._shown()
        if all(shown.get(n) == _table_of(n, v) for n, v in wanted.items()):
            return
        with self._conn.transaction():
            self._lock_views()
            shown = self._shown()
            for name, version in published_layers(self.current_versions()).items():
                table = _table_of(name, version)
                if shown.get(name) == table:
                    continue
                if version is None and not self._exists(table):
                    self._write_table(shipped_frame(name), table)
                    self._freeze(table)
                self._publish(name, version)

    def _publish(self, name: str, version: LayerVersion | None) -> None:
        """(Re)create the view ``name`` of the current version, typed and commented (in a txn)."""
        sql = self._sql
        table = _table_of(name, version)
        source = sql.Identifier(self.history, table)
        kinds = self._conn.execute(
            sql.SQL("SELECT DISTINCT GeometryType(geometry) FROM {}").format(source)
        ).fetchall()
        kind = str(kinds[0][0]) if len(kinds) == 1 else "GEOMETRY"
        kind = kind if kind in _VIEW_TYPES else "GEOMETRY"
        columns = [
            str(r[0])
            for r in self._conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = %s "
                "AND table_name = %s AND column_name <> 'geometry' ORDER BY ordinal_position",
                (self.history, table),
            ).fetchall()
        ]
        view = sql.Identifier(self.schema, name)
        self._conn.execute(sql.SQL("DROP VIEW IF EXISTS {}").format(view))
        self._conn.execute(
            sql.SQL(
                "CREATE VIEW {} AS SELECT {}, geometry::geometry({}, {}) AS geometry FROM {}"
            ).format(
                view,
                sql.SQL(", ").join(map(sql.Identifier, columns)),
                sql.SQL(kind),
                sql.Literal(STORAGE_SRID),
                source,
            )
        )
        self._comment_view(name, version, columns)
        self._conn.execute(
            sql.SQL(
                "CREATE TRIGGER read_only INSTEAD OF INSERT OR UPDATE OR DELETE ON {} "
                "FOR EACH ROW EXECUTE FUNCTION {}({})"
            ).format(
                view,
                sql.Identifier(self.history, "refuse_change"),
                sql.Literal(edit_refusal(name, self.target)),
            )
        )
        self._conn.execute(
            self._q(
                'INSERT INTO {history}.current_views (layer, "table") VALUES (%s, %s) '
                'ON CONFLICT (layer) DO UPDATE SET "table" = EXCLUDED."table"'
            ),
            (name, table),
        )

    def _comment_view(self, name: str, version: LayerVersion | None, columns: list[str]) -> None:
        """The view's comment (title, description) and its columns' (Chinese titles)."""
        sql = self._sql
        view = sql.Identifier(self.schema, name)
        text = layer_description(name, version)  # begins with the Chinese title
        self._conn.execute(sql.SQL("COMMENT ON VIEW {} IS {}").format(view, sql.Literal(text)))
        for column, comment in column_comments(name).items():
            if column in columns:
                self._conn.execute(
                    sql.SQL("COMMENT ON COLUMN {} IS {}").format(
                        sql.Identifier(self.schema, name, column), sql.Literal(comment)
                    )
                )

    # ------------------------------------------------------------------ tables
    def _write_table(self, gdf: gpd.GeoDataFrame, table: str) -> None:
        write_table(self._conn, self.history, table, gdf)

    def _read_table(self, table: str) -> gpd.GeoDataFrame:
        types = self._conn.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = %s AND table_name = %s ORDER BY ordinal_position",
            (self.history, table),
        ).fetchall()
        if not types:
            msg = f"Table {self.history}.{table} is missing from {self.target}."
            raise WorkspaceError(msg)
        attrs = [(n, t) for n, t in types if n not in ("fid", "geometry")]
        select: list[Any] = [self._sql.Identifier(n) for n, _ in attrs]
        select.append(self._sql.SQL("encode(ST_AsEWKB(geometry), 'hex'), fid"))
        # Every value quoted, NULL unquoted-empty: Arrow tells NULL from '' exactly. Rows
        # come in heap order (a server-side ORDER BY would sort on disk); sorted by fid here.
        query = self._sql.SQL(
            "COPY (SELECT {} FROM {}) TO STDOUT WITH (FORMAT csv, FORCE_QUOTE *)"
        ).format(self._sql.SQL(", ").join(select), self._sql.Identifier(self.history, table))
        buf = io.BytesIO()
        with self._conn.cursor() as cur, cur.copy(query) as copy:
            for chunk in copy:
                buf.write(chunk)
        return _parse_copy(buf.getvalue(), attrs)

    def _drop_tables(self, tables: list[str]) -> None:
        for table in tables:
            self._conn.execute(
                self._sql.SQL("DROP TABLE IF EXISTS {}").format(
                    self._sql.Identifier(self.history, table)
                )
            )

    # ------------------------------------------------------------------ versions
    def _versions_frame(self) -> pd.DataFrame:
        rows = self._conn.execute(
            self._q(
                'SELECT layer, version, rows, created_at, "user", source, "table" '
                "FROM {history}.layer_versions"
            )
        ).fetchall()
        return pd.DataFrame(rows, columns=list(_VERSION_COLS)).astype(
            {"version": "int64", "rows": "int64"}
        )

    def _current(self, name: str) -> LayerVersion | None:
        row = self._conn.execute(
            self._q(
                'SELECT layer, version, rows, created_at, "user", source, "table" '
                "FROM {history}.layer_versions WHERE layer = %s ORDER BY version DESC LIMIT 1"
            ),
            (name,),
        ).fetchone()
        return None if row is None else version_of_row(dict(zip(_VERSION_COLS, row, strict=True)))

    def _write_version(
        self,
        name: str,
        frames: list[tuple[gpd.GeoDataFrame | str, str]],
        *,
        expected_version: int | None,
        user: str,
        log: LogEntry | None,
    ) -> LayerVersion:
        with self._conn.transaction():
            planned: list[tuple[str, int, str]] = []
            for frame, source in frames:
                if isinstance(frame, str):
                    found = self._conn.execute(
                        self._q(
                            'SELECT rows FROM {history}.layer_versions WHERE "table" = %s LIMIT 1'
                        ),
                        (frame,),
                    ).fetchone()
                    planned.append((frame, int(found[0]) if found else 0, source))
                else:
                    table = f"l_{name}_{uuid.uuid4().hex[:12]}"
                    self._write_table(frame, table)
                    self._freeze(table)
                    planned.append((table, len(frame), source))
            self._conn.execute(
                "SELECT pg_advisory_xact_lock(hashtext(%s))", (f"{self.schema}.{name}",)
            )
            self._lock_views()
            now = self._current(name)
            current = 0 if now is None else now.version
            if expected_version is not None and current != expected_version:
                raise WorkspaceConflictError(self.conflict_message(name, expected_version, now))
            stamp = now_utc()
            version = current
            for table, rows, source in planned:
                version += 1
                self._conn.execute(
                    self._q(
                        "INSERT INTO {history}.layer_versions (layer, version, rows, created_at, "
                        '"user", source, "table") VALUES (%s, %s, %s, %s, %s, %s, %s)'
                    ),
                    (name, version, rows, stamp, user, source, table),
                )
            if log is not None:
                self._insert_log(log.row())
            self._publish(name, self._current(name))
            slow_commit_hook()
        result = self._current(name)
        assert result is not None
        return result

    # ------------------------------------------------------------------ scenarios
    def _write_scenario(
        self, row: dict[str, str], results: Mapping[str, gpd.GeoDataFrame], log: LogEntry | None
    ) -> int:
        tag = uuid.uuid4().hex[:12]
        with self._conn.transaction():
            tables: dict[str, str] = {}
            for i, (key, gdf) in enumerate(results.items()):
                table = f"s_{tag}_{i}"
                self._write_table(gdf, table)
                self._freeze(table)
                tables[key] = table
            values = {**row, "results": json.dumps(tables, ensure_ascii=False)}
            cols = list(values)
            found = self._conn.execute(
                self._sql.SQL("INSERT INTO {} ({}) VALUES ({}) RETURNING id").format(
                    self._sql.Identifier(self.history, "scenarios"),
                    self._sql.SQL(", ").join(self._sql.Identifier(c) for c in cols),
                    self._sql.SQL(", ").join(self._sql.Placeholder() for _ in cols),
                ),
                [values[c] for c in cols],
            ).fetchone()
            assert found is not None
            scenario_id = int(found[0])
            if log is not None:
                entry = log.row()
                entry["result"] = json.dumps(
                    {"scenario_id": scenario_id, **json.loads(entry["result"])},
                    ensure_ascii=False,
                )
                self._insert_log(entry)
            slow_commit_hook()
        return scenario_id

    def _scenario_rows(self) -> pd.DataFrame:
        cur = self._conn.execute(self._q("SELECT * FROM {history}.scenarios ORDER BY id"))
        names = [d.name for d in cur.description or []]
        return pd.DataFrame(cur.fetchall(), columns=names)

    def _delete_scenario(self, scenario_id: int, log: LogEntry | None) -> None:
        with self._conn.transaction():
            found = self._conn.execute(
                self._q("DELETE FROM {history}.scenarios WHERE id = %s RETURNING results"),
                (scenario_id,),
            ).fetchone()
            if found is not None:
                self._drop_tables(list(json.loads(found[0]).values()))
            if log is not None:
                self._insert_log(log.row())

    # ------------------------------------------------------------------ log
    def _insert_log(self, row: dict[str, str]) -> None:
        cols = [c for c in LOG_COLUMNS if c != "id"]
        self._conn.execute(
            self._sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(
                self._sql.Identifier(self.history, "log"),
                self._sql.SQL(", ").join(self._sql.Identifier(c) for c in cols),
                self._sql.SQL(", ").join(self._sql.Placeholder() for _ in cols),
            ),
            [row[c] for c in cols],
        )

    def _append_log(self, row: dict[str, str]) -> None:
        with self._conn.transaction():
            self._insert_log(row)

    def _log_frame(self) -> pd.DataFrame:
        cols = self._sql.SQL(", ").join(self._sql.Identifier(c) for c in LOG_COLUMNS)
        cur = self._conn.execute(
            self._sql.SQL("SELECT {} FROM {} ORDER BY id").format(
                cols, self._sql.Identifier(self.history, "log")
            )
        )
        return pd.DataFrame(cur.fetchall(), columns=list(LOG_COLUMNS))


def _table_of(name: str, version: LayerVersion | None) -> str:
    """The history table a current layer shows: its version's, or the shipped one."""
    return shipped_table(name) if version is None else version.table


def write_table(conn: Any, schema: str, table: str, gdf: gpd.GeoDataFrame) -> None:
    """Create a PostGIS table, bulk-load ``gdf`` with COPY and index its geometry (GIST).

    Runs inside the caller's transaction (nothing is visible until it commits).

    Parameters
    ----------
    conn
        A psycopg connection.
    schema, table
        Where to create the table (it must not exist).
    gdf
        The rows, EPSG:4326; attribute types become ``boolean``, ``bigint``,
        ``double precision``, ``timestamptz`` or ``text``; a ``fid`` column
        (1…n) keeps the row order.
    """
    from psycopg import sql  # deferred: psycopg loads libpq, for a PostGIS workspace only

    columns, payload = _copy_payload(gdf)
    cols: list[Any] = [sql.SQL("fid bigint NOT NULL")]
    cols += [sql.SQL("{} {}").format(sql.Identifier(n), sql.SQL(t)) for n, t in columns]
    cols.append(sql.SQL("geometry geometry(Geometry, 4326)"))
    ident = sql.Identifier(schema, table)
    conn.execute(sql.SQL("CREATE TABLE {} ({})").format(ident, sql.SQL(", ").join(cols)))
    copy_in(conn, ident, payload)
    conn.execute(
        sql.SQL("CREATE INDEX {} ON {} USING GIST (geometry)").format(
            sql.Identifier(f"{table}_gix"), ident
        )
    )


def copy_in(conn: Any, table: Any, payload: bytes | memoryview, *, chunk: int = 1 << 22) -> None:
    r"""``COPY table FROM STDIN`` (text format) of a prepared payload, in 4 MiB chunks.

    Parameters
    ----------
    conn
        A psycopg connection (inside a transaction).
    table
        A ``psycopg.sql.Identifier`` of the table.
    payload
        Text-format rows whose columns follow the table's (tab-separated,
        ``\N`` = NULL, backslash escapes).
    chunk
        Bytes sent per write.
    """
    from psycopg import sql  # deferred: psycopg loads libpq, for a PostGIS workspace only

    query = sql.SQL("COPY {} FROM STDIN").format(table)
    view = memoryview(payload)
    with conn.cursor() as cur, cur.copy(query) as copy:
        for start in range(0, len(view), chunk):
            copy.write(view[start : start + chunk])
