"""Import a planner's file into a workspace layer: read, conform, replace or append, log.

The one path used by ``geoapp import`` and the app's 数据 page: the file is
read by :func:`geoapp.io.read_user_layer` (row report and all), its columns
are brought to the layer's declaration by :func:`geoapp.layers.conform`, and
the result is written as a new layer version together with its log entry in
one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import geopandas as gpd
import pandas as pd

from geoapp.io import ImportResult, read_user_layer
from geoapp.layers import CONSTRAINTS, LayerSet, conform
from geoapp.settings import STORAGE_CRS
from geoapp.vocab import message
from geoapp.workspace.base import LayerVersion, LogEntry, Workspace, WorkspaceError, file_sha256

__all__ = ["ImportOutcome", "combine", "import_file"]


@dataclass(frozen=True)
class ImportOutcome:
    """What :func:`import_file` did.

    Attributes
    ----------
    read
        The reader's result: the usable rows, the rejected rows and notes.
    version
        The new layer version.
    """

    read: ImportResult
    version: LayerVersion


def combine(
    current: gpd.GeoDataFrame | None, new: gpd.GeoDataFrame, mode: Literal["replace", "append"]
) -> gpd.GeoDataFrame:
    """The layer after an import: ``new`` alone, or ``current`` followed by ``new``.

    Raises
    ------
    ValueError
        If ``mode`` is neither ``"replace"`` nor ``"append"``.
    """
    if mode not in ("replace", "append"):
        msg = f"`mode` was {mode!r} but is expected to be 'replace' or 'append'."
        raise ValueError(msg)
    if mode == "replace" or current is None or len(current) == 0:
        return new
    joined = pd.concat([current.to_crs(STORAGE_CRS), new.to_crs(STORAGE_CRS)], ignore_index=True)
    return gpd.GeoDataFrame(joined, geometry="geometry", crs=STORAGE_CRS)


def import_file(
    ws: Workspace,
    source: str | Path | bytes,
    *,
    layer: str,
    base: LayerSet,
    mode: Literal["replace", "append"] = "replace",
    user: str,
    command: str = "import",
    filename: str | None = None,
    expected_version: int | None = None,
    quality: str = "surveyed",
    **read_options: Any,
) -> ImportOutcome:
    """Read a file and store it as the new current version of ``layer`` (one transaction).

    Parameters
    ----------
    ws
        The workspace.
    source
        A path, or the raw bytes of an upload (then give ``filename``).
    layer
        The layer it replaces or extends (catalog name or ``"constraints"``).
    base
        The bundle the workspace applies to (its layer is kept as version 1
        when the workspace holds none yet, and is what ``append`` extends).
    mode
        ``"replace"`` or ``"append"``.
    user
        Who imports (the planner's name, or the OS user on the CLI).
    command
        Logged as the command or page (``"cli:import"``, ``"app:数据"`` …).
    filename
        Name of the file, for the log, the ``source`` column and the report.
    expected_version
        The version the caller saw (see :meth:`Workspace.replace_layer`).
    quality
        ``location_quality`` for rows without one.
    **read_options
        Passed to :func:`geoapp.io.read_user_layer` (``crs``, ``datum``,
        ``fix_swapped``, ``lon_col``, …).

    Returns
    -------
    ImportOutcome
        The row report and the new version.

    Raises
    ------
    WorkspaceError
        If no row of the file could be used (nothing is written).
    """
    name = filename or (Path(source).name if not isinstance(source, bytes) else "upload")
    read = read_user_layer(source, filename=filename, **read_options)
    if len(read.gdf) == 0:
        msg = message(
            "No usable row in {name}: {summary}; nothing was imported.",
            name=name,
            summary=read.summary(),
            rejected=len(read.rejected),
        )
        raise WorkspaceError(msg)
    new = conform(read.gdf, layer, filename=name, quality=quality)
    current = ws.layers(base)
    previous = current.constraints if layer == CONSTRAINTS else current[layer]
    combined = combine(previous, new, mode)
    log = LogEntry(
        command=command,
        user=user,
        parameters={"layer": layer, "mode": mode, **_plain(read_options)},
        input_name=name,
        input_sha256=file_sha256(source if isinstance(source, bytes) else Path(source))
        if isinstance(source, bytes) or Path(source).is_file()
        else "",
        result={
            "loaded": len(read.gdf),
            "rejected": len(read.rejected),
            "rows_after": len(combined),
            "encoding": read.encoding,
        },
    )
    version = ws.replace_layer(
        layer,
        combined,
        expected_version=expected_version,
        user=user,
        source=name,
        base=base,
        log=log,
    )
    return ImportOutcome(read=read, version=version)


def _plain(options: dict[str, Any]) -> dict[str, Any]:
    return {k: (str(v) if isinstance(v, Path) else v) for k, v in options.items() if v is not None}
