"""The storage interface every workspace back end implements, and what they share.

A workspace keeps three things, in the same store:

layer versions
    Every write of a planner's layer (an import, a replacement, a roll-back) is
    a new, numbered version; older versions are never overwritten. The
    current version of a layer is its highest number. Each version's rows live
    in their own table (never changed once written); the version row in
    ``geoapp_layer_versions`` is the commit point, written in the same
    transaction as the log entry, so a write killed midway leaves the previous
    version current and readable.
scenarios
    A saved analysis run: analysis name, parameters, the layer versions it
    used, its result layers and its key figures.
the log
    Append-only (updates and deletes are refused by the store): time, user,
    command or page, parameters, input file name and SHA-256, result summary.

What a GIS client (QGIS, GDAL) sees: every catalog layer under its own name
(``logistics_hubs``, ``projects``, …; ``constraints`` once imported) as its
current version, titled in Chinese and described, in EPSG:4326, read-only.
A layer the workspace does not override shows the shipped layer (kept as a
history table, ``shipped_<layer>_<hash>``). The version tables, the log and the
bookkeeping are history, out of the client's way (a ``<schema>_history``
schema in PostGIS; unregistered tables in a GeoPackage), and refuse every
change: a stored version never changes in place.

Back ends implement a handful of primitives (``_write_table``,
``_read_table``, ``_write_version``, …); the rules — validation, version
check, what the log row holds, what a current layer is called — live here once.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import sys
import time
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any, Self

import geopandas as gpd
import pandas as pd

from geoapp.errors import GeoappError, LayerValidationError
from geoapp.io import write_csv
from geoapp.layers import CONSTRAINTS, LAYER_NAMES, LayerSet, catalog
from geoapp.settings import STORAGE_CRS
from geoapp.vocab import message

__all__ = [
    "LOG_COLUMNS",
    "STORABLE_LAYERS",
    "LayerVersion",
    "LogEntry",
    "Scenario",
    "Workspace",
    "WorkspaceConflictError",
    "WorkspaceError",
    "file_sha256",
    "os_user",
]

#: Layers a workspace can hold: the catalog's layers and the planner's constraints.
STORABLE_LAYERS: tuple[str, ...] = (*LAYER_NAMES, CONSTRAINTS)
#: Columns of :meth:`Workspace.log`, in order.
LOG_COLUMNS: tuple[str, ...] = (
    "id",
    "time",
    "user",
    "command",
    "parameters",
    "input_name",
    "input_sha256",
    "result",
)
#: Environment variable of a test hook: seconds to sleep inside a write transaction,
#: after the rows are written and before the commit (used by the kill -9 tests).
SLOW_COMMIT_ENV = "GEOAPP_WORKSPACE_TEST_SLOW_COMMIT"
#: The refusal of a change to a stored version (a history table) by the store itself.
HISTORY_REFUSAL = (
    "a stored geoapp layer version never changes; import a change with "
    "`geoapp import FILE --layer NAME -w WORKSPACE` (it becomes a new, logged version)"
)
#: The EPSG code of the stored layers (:data:`geoapp.settings.STORAGE_CRS`), as declared.
STORAGE_SRID: int = int(STORAGE_CRS.split(":")[1])
#: Title and description of the constraints layer, which the catalog does not declare.
_CONSTRAINTS_LABEL = ("规划约束", "planning constraints", "Areas where no site may be placed.")


class WorkspaceError(GeoappError, ValueError):
    """A workspace cannot be opened, or asked for something it does not hold."""


class WorkspaceConflictError(WorkspaceError):
    """A layer changed in the workspace since the caller loaded it (optimistic concurrency)."""


def now_utc() -> str:
    """The current time, ISO 8601 in UTC to the second (``2026-11-30T08:05:01Z``)."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def os_user() -> str:
    """The operating-system user running this process (the CLI's log user)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (containers)
        return os.environ.get("USER", "unknown")


def file_sha256(path: str | Path | bytes) -> str:
    """SHA-256 (hex) of a file's bytes, or of the bytes given."""
    if isinstance(path, bytes):
        return hashlib.sha256(path).hexdigest()
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass(frozen=True)
class LayerVersion:
    """One stored version of a layer.

    Attributes
    ----------
    layer
        Layer name (catalog name or ``"constraints"``).
    version
        1, 2, 3, … per layer; the highest is current.
    rows
        Feature count.
    created_at
        ISO 8601 UTC time of the write.
    user
        Who wrote it.
    source
        What it came from (file name, ``"shipped"``, ``"rollback of v2"`` …).
    table
        The table holding its rows (shared by a roll-back and its original).
    """

    layer: str
    version: int
    rows: int
    created_at: str
    user: str
    source: str
    table: str


@dataclass(frozen=True)
class LogEntry:
    """One line of the append-only log (see :data:`LOG_COLUMNS`).

    Attributes
    ----------
    command
        CLI command or app page, e.g. ``"cli:coverage"`` or ``"app:覆盖分析"``.
    user
        The planner's name (app) or the OS user (CLI).
    parameters
        Parameters of the run, stored as JSON.
    input_name, input_sha256
        The input file and its hash, when there is one.
    result
        A short result summary, stored as JSON.
    """

    command: str
    user: str
    parameters: Mapping[str, Any] = field(default_factory=dict)
    input_name: str = ""
    input_sha256: str = ""
    result: Mapping[str, Any] = field(default_factory=dict)

    def row(self) -> dict[str, str]:
        """The stored values (JSON text for parameters and result)."""
        return {
            "time": now_utc(),
            "user": self.user,
            "command": self.command,
            "parameters": _dumps(self.parameters),
            "input_name": self.input_name,
            "input_sha256": self.input_sha256,
            "result": _dumps(self.result),
        }


@dataclass(frozen=True)
class Scenario:
    """A saved analysis run.

    Attributes
    ----------
    id
        Number given by the workspace.
    name
        The planner's name for it (e.g. ``"覆盖 · 新增 2 个枢纽"``).
    analysis
        ``"coverage"``, ``"clustering"`` or ``"siting"`` (any text is kept).
    parameters
        The run's parameters.
    layer_versions
        Layer -> version it used (0 = the shipped layer).
    figures
        Key figures (numbers and short texts).
    results
        Result layer name -> GeoDataFrame (EPSG:4326).
    created_at, user
        When and by whom it was saved.
    """

    id: int
    name: str
    analysis: str
    parameters: Mapping[str, Any]
    layer_versions: Mapping[str, int]
    figures: Mapping[str, Any]
    results: Mapping[str, gpd.GeoDataFrame]
    created_at: str
    user: str


def _dumps(value: Mapping[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=_json_default)


def _json_default(value: Any) -> Any:
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    if isinstance(value, (set, tuple)):
        return list(value)
    return str(value)


def published_layers(current: Mapping[str, LayerVersion]) -> dict[str, LayerVersion | None]:
    """The current layers a GIS client sees: layer name -> its current version (None: shipped).

    Every catalog layer is published (as shipped when the workspace does not
    override it); ``constraints`` only once the workspace holds a version.
    """
    out: dict[str, LayerVersion | None] = {name: current.get(name) for name in LAYER_NAMES}
    if CONSTRAINTS in current:
        out[CONSTRAINTS] = current[CONSTRAINTS]
    return out


@cache
def shipped_table(name: str) -> str:
    """The history table holding the shipped layer ``name`` (named by its file's hash)."""
    return f"shipped_{name}_{file_sha256(catalog()[name].file)[:12]}"


def shipped_frame(name: str) -> gpd.GeoDataFrame:
    """The shipped layer ``name`` as a workspace stores it (validated, EPSG:4326)."""
    return validate_for(name, LayerSet.shipped()[name])


def layer_title(name: str) -> str:
    """The Chinese title of a layer (the catalog's; constraints have their own)."""
    spec = catalog().get(name)
    return spec.title("zh") if spec else _CONSTRAINTS_LABEL[0]


def layer_description(name: str, version: LayerVersion | None) -> str:
    """What a GIS client shows as a current layer's description.

    Parameters
    ----------
    name
        The layer.
    version
        Its current version; ``None`` when the shipped layer is shown.

    Returns
    -------
    str
        Title, the catalog's description, which version this is and how to change it.
    """
    spec = catalog().get(name)
    if spec is None:
        title_en, about = _CONSTRAINTS_LABEL[1:]
    else:
        title_en, about = spec.title("en"), spec.description
    if version is None:
        state = "the layer shipped with geoapp (not overridden in this workspace)"
    else:
        state = (
            f"version {version.version} ({version.source or 'no source'}, "
            f"by {version.user} at {version.created_at})"
        )
    return (
        f"{layer_title(name)} ({title_en}){': ' + about if about else ''}. "
        f"Current layer of a geoapp workspace: {state}. Read-only; import a change with "
        f"`geoapp import FILE --layer {name}` (a new version; earlier ones are kept)."
    )


def column_comments(name: str) -> dict[str, str]:
    """Column -> its Chinese title and description from the catalog (for database comments)."""
    spec = catalog().get(name)
    if spec is None:
        return {}
    out = {}
    for col, c in spec.columns.items():
        text = " — ".join(t for t in (c.title_zh, c.description) if t)
        if text:
            out[col] = text
    return out


def edit_refusal(name: str, target: str) -> str:
    """The store's answer to an edit of current layer ``name``: how to import a change."""
    return (
        f"{name} is the current version of a geoapp workspace layer and is read-only; "
        f"import a change with `geoapp import FILE --layer {name} -w {target}` "
        "(it becomes a new, logged version)"
    )


def validate_for(name: str, gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Check ``gdf`` as layer ``name`` the way :class:`LayerSet` will, and return it in EPSG:4326.

    Raises
    ------
    LayerValidationError
        If the name is not storable or the layer does not match its declaration.
    """
    if name not in STORABLE_LAYERS:
        problem = message(
            "A workspace holds the layers {layers}; got {name!r}.",
            layers=list(STORABLE_LAYERS),
            name=name,
        )
        raise LayerValidationError(problem)
    if not isinstance(gdf, gpd.GeoDataFrame):
        msg = f"Layer `{name}` should be a GeoDataFrame, got {type(gdf).__name__}."
        raise TypeError(msg)
    if name == CONSTRAINTS:
        checked = LayerSet({}).with_constraints(gdf).constraints
    else:
        checked = LayerSet({}).replace(name, gdf, origin="workspace")[name]
    assert checked is not None
    if checked.crs is not None and checked.crs.to_epsg() != 4326:
        checked = checked.to_crs(STORAGE_CRS)
    if checked.geometry.name != "geometry":
        checked = checked.rename_geometry("geometry")
    return checked.reset_index(drop=True)


def storable(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """A copy whose attribute columns both back ends can store.

    Categories become text; lists, dicts and tuples (e.g. the failed rules of a
    siting result) become JSON text.
    """
    out = gdf.copy()
    for col in out.columns:
        if col == out.geometry.name:
            continue
        values = out[col]
        if isinstance(values.dtype, pd.CategoricalDtype):
            out[col] = values.astype("string")
        elif values.dtype == object:
            present = values.dropna()
            if len(present) and isinstance(present.iloc[0], (list, dict, tuple, set)):
                out[col] = values.map(
                    lambda v: _dumps_any(v) if isinstance(v, (list, dict, tuple, set)) else v
                )
    return out


def _dumps_any(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=_json_default)


def slow_commit_hook() -> None:
    """Sleep inside a write transaction when the test hook variable is set (kill -9 tests)."""
    delay = os.environ.get(SLOW_COMMIT_ENV)
    if delay:
        sys.stderr.write("geoapp-workspace: inside the write transaction\n")
        sys.stderr.flush()
        time.sleep(float(delay))


class Workspace(ABC):
    """A planner's workspace: layer versions, scenarios and the log (see the module notes).

    Open one with :func:`geoapp.workspace.open_workspace`. Every write is one
    transaction; reads never see half a write.
    """

    #: ``"gpkg"`` or ``"postgis"``.
    kind: str = ""
    #: What the planner named (a path or a URL without password), shown in the app.
    target: str = ""

    # ------------------------------------------------------------------ primitives
    @abstractmethod
    def _versions_frame(self) -> pd.DataFrame:
        """Every version row (columns of :class:`LayerVersion`)."""

    @abstractmethod
    def _read_table(self, table: str) -> gpd.GeoDataFrame:
        """The rows of one stored table, EPSG:4326, geometry column ``geometry``."""

    @abstractmethod
    def _write_version(
        self,
        name: str,
        frames: list[tuple[gpd.GeoDataFrame | str, str]],
        *,
        expected_version: int | None,
        user: str,
        log: LogEntry | None,
    ) -> LayerVersion:
        """One transaction: write new tables, check the version, add version rows and log row.

        ``frames`` holds (GeoDataFrame or existing table name, source) per new
        version, oldest first. Raises :class:`WorkspaceConflictError` when the
        current version is not ``expected_version`` (``None``: no check).
        """

    @abstractmethod
    def _write_scenario(
        self, row: dict[str, str], results: Mapping[str, gpd.GeoDataFrame], log: LogEntry | None
    ) -> int:
        """One transaction: result tables, the scenario row and its log row; returns the id."""

    @abstractmethod
    def _scenario_rows(self) -> pd.DataFrame:
        """Every scenario row.

        Columns id, name, analysis, parameters, layer_versions, figures, results
        (JSON: result name -> table), created_at, user.
        """

    @abstractmethod
    def _delete_scenario(self, scenario_id: int, log: LogEntry | None) -> None:
        """Delete the scenario row and its result tables (one transaction)."""

    @abstractmethod
    def _append_log(self, row: dict[str, str]) -> None:
        """Append one log row (its own transaction)."""

    @abstractmethod
    def _log_frame(self) -> pd.DataFrame:
        """Every log row, oldest first (columns :data:`LOG_COLUMNS`)."""

    @abstractmethod
    def close(self) -> None:
        """Release the connection."""

    def __enter__(self) -> Self:
        """Use as a context manager; closes on exit."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Close."""
        self.close()

    def __repr__(self) -> str:
        """Kind and target."""
        return f"{type(self).__name__}({self.target!r})"

    # ------------------------------------------------------------------ layers
    def versions(self, name: str | None = None) -> pd.DataFrame:
        """The stored versions (of one layer, or all), oldest first.

        Returns
        -------
        pandas.DataFrame
            Columns ``layer``, ``version``, ``rows``, ``created_at``, ``user``,
            ``source``, ``table``.
        """
        frame = self._versions_frame()
        if name is not None:
            frame = frame[frame["layer"] == name]
        return frame.sort_values(["layer", "version"]).reset_index(drop=True)

    def current_versions(self) -> dict[str, LayerVersion]:
        """Layer -> its current version, for the layers the workspace holds."""
        frame = self._versions_frame()
        if frame.empty:
            return {}
        latest = frame.sort_values("version").groupby("layer").tail(1)
        return {str(r["layer"]): _version_of(r) for r in latest.to_dict("records")}

    def version_numbers(self) -> dict[str, int]:
        """Layer -> current version number, for every storable layer (0 = not in the workspace)."""
        current = self.current_versions()
        return {n: (current[n].version if n in current else 0) for n in STORABLE_LAYERS}

    def version_of(self, name: str) -> int:
        """The current version of layer ``name`` (0 when the workspace holds none: shipped)."""
        cur = self.current_versions().get(name)
        return 0 if cur is None else cur.version

    def load_layer(self, name: str, version: int | None = None) -> gpd.GeoDataFrame:
        """One version of a layer (default: the current one).

        Raises
        ------
        WorkspaceError
            If the workspace holds no such layer or version; the message lists what it holds.
        """
        rows = self.versions(name)
        if rows.empty:
            msg = (
                f"The workspace {self.target} holds no version of layer {name!r}; it holds "
                f"{sorted(set(self._versions_frame()['layer']))}. Import one with "
                "`geoapp import FILE --layer NAME`."
            )
            raise WorkspaceError(msg)
        if version is None:
            row = rows.iloc[-1]
        else:
            match = rows[rows["version"] == version]
            if match.empty:
                msg = (
                    f"Layer {name!r} has no version {version} in {self.target}; it has "
                    f"versions {rows['version'].tolist()}."
                )
                raise WorkspaceError(msg)
            row = match.iloc[0]
        return self._read_table(str(row["table"]))

    def layers(self, base: LayerSet, *, versions: Mapping[str, int] | None = None) -> LayerSet:
        """``base`` with the current version of every workspace layer applied.

        Parameters
        ----------
        base
            Usually :meth:`LayerSet.shipped`.
        versions
            Layer -> version to apply instead of the current ones (as
            recorded by a scenario or pinned by an app session); version 0
            (or a layer not named) keeps ``base``'s layer.

        Returns
        -------
        LayerSet
            Workspace layers have origin ``"workspace"``; constraints are set
            with :meth:`LayerSet.with_constraints`.
        """
        out = base
        if versions is None:
            chosen = {n: v.table for n, v in self.current_versions().items()}
        else:
            frame = self._versions_frame()
            chosen = {}
            for name, number in versions.items():
                if int(number) <= 0:
                    continue
                match = frame[(frame["layer"] == name) & (frame["version"] == int(number))]
                if match.empty:
                    msg = f"Layer {name!r} has no version {number} in {self.target}."
                    raise WorkspaceError(msg)
                chosen[name] = str(match.iloc[0]["table"])
        for name, table in sorted(chosen.items()):
            gdf = self._read_table(table)
            if name == CONSTRAINTS:
                out = out.with_constraints(gdf)
            else:
                out = out.replace(name, gdf, origin="workspace")
        return out

    def replace_layer(
        self,
        name: str,
        gdf: gpd.GeoDataFrame,
        *,
        expected_version: int | None = None,
        user: str | None = None,
        source: str = "",
        base: LayerSet | None = None,
        log: LogEntry | None = None,
    ) -> LayerVersion:
        """Store ``gdf`` as the new current version of layer ``name`` (one transaction).

        Parameters
        ----------
        name
            A catalog layer name or ``"constraints"``.
        gdf
            The layer, with its declared columns (see :func:`geoapp.layers.conform`).
        expected_version
            The version the caller loaded (0 = shipped / none). When the
            workspace has moved on, nothing is written and
            :class:`WorkspaceConflictError` is raised. ``None`` skips the check.
        user
            Who writes (default: the OS user).
        source
            Where it came from (e.g. the file name).
        base
            When the workspace holds no version of ``name`` yet, ``base[name]``
            (the shipped layer) is stored first as version 1, so it is kept
            as the earlier version, in the same transaction.
        log
            A log entry written in the same transaction.

        Returns
        -------
        LayerVersion
            The new version.

        Raises
        ------
        LayerValidationError
            If ``gdf`` does not match the layer's declaration (nothing written).
        WorkspaceConflictError
            If the layer changed since ``expected_version``.
        """
        checked = validate_for(name, gdf)
        user = user or os_user()
        frames: list[tuple[gpd.GeoDataFrame | str, str]] = []
        if base is not None and self.version_of(name) == 0:
            previous = base.constraints if name == CONSTRAINTS else base[name]
            if previous is not None and len(previous):
                origin = base.origins.get(name, "shipped") if name != CONSTRAINTS else "base"
                frames.append((validate_for(name, previous), origin))
        frames.append((checked, source))
        return self._write_version(
            name, frames, expected_version=expected_version, user=user, log=log
        )

    def rollback(
        self,
        name: str,
        version: int,
        *,
        expected_version: int | None = None,
        user: str | None = None,
    ) -> LayerVersion:
        """Make an old version current again: a new version with the same rows.

        Raises
        ------
        WorkspaceError
            If ``version`` does not exist.
        WorkspaceConflictError
            If the layer changed since ``expected_version``.
        """
        rows = self.versions(name)
        match = rows[rows["version"] == version]
        if match.empty:
            msg = (
                f"Layer {name!r} has no version {version} in {self.target}; it has "
                f"versions {rows['version'].tolist()}."
            )
            raise WorkspaceError(msg)
        user = user or os_user()
        log = LogEntry(
            command="rollback",
            user=user,
            parameters={"layer": name, "to_version": version},
            result={"rows": int(match.iloc[0]["rows"])},
        )
        return self._write_version(
            name,
            [(str(match.iloc[0]["table"]), f"rollback to v{version}")],
            expected_version=expected_version,
            user=user,
            log=log,
        )

    def conflict_message(self, name: str, expected: int, current: LayerVersion | None) -> str:
        """The message of :class:`WorkspaceConflictError` (translatable, :mod:`geoapp.vocab.i18n`).

        ``current`` is ``None`` when the layer's versions were all removed.
        """
        spec = catalog().get(name)
        title_zh, title_en = (spec.title("zh"), spec.title("en")) if spec else (name, name)
        if current is None:
            return message(
                "layer {name} changed since you loaded it (version {expected}, now 0); "
                "reload and apply again.",
                name=name,
                expected=expected,
                title_zh=title_zh,
                title_en=title_en,
            )
        return message(
            "layer {name} changed since you loaded it (version {expected}, now {version}, "
            "by {user} at {created_at}); reload and apply again.",
            name=name,
            expected=expected,
            version=current.version,
            user=current.user,
            created_at=current.created_at,
            title_zh=title_zh,
            title_en=title_en,
        )

    # ------------------------------------------------------------------ scenarios
    def save_scenario(
        self,
        name: str,
        *,
        analysis: str,
        parameters: Mapping[str, Any],
        figures: Mapping[str, Any],
        results: Mapping[str, gpd.GeoDataFrame] | None = None,
        layer_versions: Mapping[str, int] | None = None,
        user: str | None = None,
    ) -> int:
        """Save an analysis run (one transaction, with its log entry).

        Parameters
        ----------
        name
            The planner's name for the run.
        analysis
            ``"coverage"``, ``"clustering"``, ``"siting"`` …
        parameters
            The run's parameters (JSON-serialisable; numpy scalars are converted).
        figures
            Key figures.
        results
            Result layers (any CRS; stored in EPSG:4326).
        layer_versions
            Layer -> version used (default: the workspace's current versions,
            0 for every shipped layer).
        user
            Who saves (default: the OS user).

        Returns
        -------
        int
            The scenario id.
        """
        user = user or os_user()
        if layer_versions is None:
            current = self.current_versions()
            layer_versions = {n: (current[n].version if n in current else 0) for n in LAYER_NAMES}
            if CONSTRAINTS in current:
                layer_versions = {**layer_versions, CONSTRAINTS: current[CONSTRAINTS].version}
        stored: dict[str, gpd.GeoDataFrame] = {}
        for key, gdf in (results or {}).items():
            if gdf.crs is None:
                msg = f"Scenario result {key!r} has no CRS; set one before saving."
                raise WorkspaceError(msg)
            out = gdf.to_crs(STORAGE_CRS) if gdf.crs.to_epsg() != 4326 else gdf
            if out.geometry.name != "geometry":
                out = out.rename_geometry("geometry")
            stored[str(key)] = storable(out.reset_index(drop=True))
        row = {
            "name": name,
            "analysis": analysis,
            "parameters": _dumps(parameters),
            "layer_versions": _dumps(layer_versions),
            "figures": _dumps(figures),
            "created_at": now_utc(),
            "user": user,
        }
        log = LogEntry(
            command=f"scenario:{analysis}",
            user=user,
            parameters={"name": name, **dict(parameters)},
            result=dict(figures),
        )
        return self._write_scenario(row, stored, log)

    def scenarios(self) -> pd.DataFrame:
        """The saved scenarios: id, name, analysis, created_at, user, figures."""
        rows = self._scenario_rows()
        cols = ["id", "name", "analysis", "created_at", "user", "figures"]
        return rows[cols].sort_values("id").reset_index(drop=True)

    def load_scenario(self, scenario_id: int) -> Scenario:
        """One saved scenario with its result layers.

        Raises
        ------
        WorkspaceError
            If there is no scenario ``scenario_id``; the message lists the ids.
        """
        rows = self._scenario_rows()
        match = rows[rows["id"] == int(scenario_id)]
        if match.empty:
            msg = (
                f"No scenario {scenario_id} in {self.target}; it has "
                f"{rows['id'].tolist() or 'none'} (see `geoapp scenarios list`)."
            )
            raise WorkspaceError(msg)
        r = match.iloc[0]
        tables = json.loads(r["results"])
        return Scenario(
            id=int(r["id"]),
            name=str(r["name"]),
            analysis=str(r["analysis"]),
            parameters=json.loads(r["parameters"]),
            layer_versions=json.loads(r["layer_versions"]),
            figures=json.loads(r["figures"]),
            results={k: self._read_table(v) for k, v in tables.items()},
            created_at=str(r["created_at"]),
            user=str(r["user"]),
        )

    def delete_scenario(self, scenario_id: int, *, user: str | None = None) -> None:
        """Delete a saved scenario and its result tables (logged)."""
        rows = self._scenario_rows()
        if rows[rows["id"] == int(scenario_id)].empty:
            msg = (
                f"No scenario {scenario_id} in {self.target}; it has "
                f"{rows['id'].tolist() or 'none'}."
            )
            raise WorkspaceError(msg)
        log = LogEntry(
            command="scenario:delete", user=user or os_user(), parameters={"id": scenario_id}
        )
        self._delete_scenario(int(scenario_id), log)

    # ------------------------------------------------------------------ log
    def append_log(self, entry: LogEntry) -> None:
        """Append one entry to the log (its own transaction)."""
        self._append_log(entry.row())

    def log(self) -> pd.DataFrame:
        """The whole log, oldest first (columns :data:`LOG_COLUMNS`)."""
        return self._log_frame()

    def export_log(self, path: str | Path) -> Path:
        """Write the log as CSV (UTF-8 with BOM) for Excel; returns the path."""
        write_csv(self.log(), path)
        return Path(path)


def _version_of(row: Mapping[str, Any]) -> LayerVersion:
    return LayerVersion(
        layer=str(row["layer"]),
        version=int(row["version"]),
        rows=int(row["rows"]),
        created_at=str(row["created_at"]),
        user=str(row["user"]),
        source=str(row["source"]),
        table=str(row["table"]),
    )


def version_of_row(row: Mapping[str, Any]) -> LayerVersion:
    """A :class:`LayerVersion` from a row of :meth:`Workspace.versions`."""
    return _version_of(row)
