"""Workspaces that keep a planner's work: layer versions, saved scenarios and the log.

One storage interface (:class:`Workspace`), two back ends chosen by
:func:`open_workspace`:

- a ``.gpkg`` path: :class:`GpkgWorkspace`, one GeoPackage file on the
  planner's machine (the default, :func:`geoapp.settings.default_workspace`);
- a ``postgresql://`` URL: :class:`PostgisWorkspace`, a schema in a team's
  PostgreSQL + PostGIS database (``?schema=NAME``, default ``geoapp``).

Every write (an import, a replacement, a roll-back, a saved scenario) is one
transaction, and a version check (``expected_version=``) stops a second editor
from silently overwriting the first (:class:`WorkspaceConflictError`).

A GIS client (QGIS, GDAL) sees the current layers by their own names, titled
in Chinese, in EPSG:4326 and read-only (an edit is refused with the way to
import a change); the history (versions, log, scenarios) is out of its way and
never changes in place (see :mod:`geoapp.workspace.base`).

Examples
--------
>>> from geoapp.layers import LayerSet
>>> from geoapp.workspace import open_workspace
>>> with open_workspace("~/plans.gpkg") as ws:  # doctest: +SKIP
...     v = ws.replace_layer("projects", my_projects, expected_version=0, source="bureau.csv")
...     layers = ws.layers(LayerSet.shipped())
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from geoapp.settings import default_workspace
from geoapp.workspace.base import (
    LOG_COLUMNS,
    SLOW_COMMIT_ENV,
    STORABLE_LAYERS,
    LayerVersion,
    LogEntry,
    Scenario,
    Workspace,
    WorkspaceConflictError,
    WorkspaceError,
    file_sha256,
    os_user,
)
from geoapp.workspace.gpkg import GpkgWorkspace
from geoapp.workspace.imports import ImportOutcome, combine, import_file
from geoapp.workspace.postgis import (
    DEFAULT_SCHEMA,
    PostgisWorkspace,
    copy_in,
    split_url,
    write_table,
)
from geoapp.workspace.scenarios import (
    cluster_figures,
    coverage_figures,
    scenario_map,
    siting_figures,
)

__all__ = [
    "DEFAULT_SCHEMA",
    "GpkgWorkspace",
    "ImportOutcome",
    "LOG_COLUMNS",
    "LayerVersion",
    "LogEntry",
    "PostgisWorkspace",
    "SLOW_COMMIT_ENV",
    "STORABLE_LAYERS",
    "Scenario",
    "Workspace",
    "WorkspaceConflictError",
    "WorkspaceError",
    "cluster_figures",
    "combine",
    "copy_in",
    "coverage_figures",
    "describe",
    "file_sha256",
    "import_file",
    "is_url",
    "open_workspace",
    "os_user",
    "scenario_map",
    "siting_figures",
    "split_url",
    "write_table",
]


def is_url(target: str | Path) -> bool:
    """Whether ``target`` names a PostgreSQL database (``postgresql://`` or ``postgres://``)."""
    return str(target).startswith(("postgresql://", "postgres://"))


def open_workspace(target: str | Path | None = None) -> Workspace:
    """Open (creating when needed) the workspace named by ``target``.

    Parameters
    ----------
    target
        A ``.gpkg`` path (GeoPackage back end) or a ``postgresql://`` URL
        (PostGIS back end). ``None``: :func:`geoapp.settings.default_workspace`
        (``$GEOAPP_WORKSPACE`` or ``~/.local/share/geoapp/workspace.gpkg``).

    Returns
    -------
    Workspace
        Close it (or use ``with``) when done.

    Raises
    ------
    WorkspaceError
        If the target is neither, or the database cannot be reached.
    """
    chosen = default_workspace() if target is None else str(target)
    if is_url(chosen):
        return PostgisWorkspace(chosen)
    path = Path(chosen).expanduser()
    if path.suffix.lower() != ".gpkg":
        msg = (
            f"workspace {chosen!r} is neither a .gpkg file nor a postgresql:// URL; name a "
            "GeoPackage (e.g. ~/plans.gpkg) or a database "
            "(postgresql://user@host/db?schema=NAME)."
        )
        raise WorkspaceError(msg)
    return GpkgWorkspace(path)


def describe(target: str | Path) -> str:
    """A workspace as a planner may see it: no server path, no credentials.

    Parameters
    ----------
    target
        A ``.gpkg`` path or a ``postgresql://`` URL.

    Returns
    -------
    str
        ``"GeoPackage · plans.gpkg"`` or ``"PostgreSQL · host/db"``.

    Examples
    --------
    >>> describe("/srv/data/plans.gpkg")
    'GeoPackage · plans.gpkg'
    >>> describe("postgresql://planner:secret@db.example:5432/puyang?schema=plans")
    'PostgreSQL · db.example/puyang'
    """
    if is_url(target):
        url = urlsplit(str(target))
        return f"PostgreSQL · {url.hostname or 'localhost'}{url.path}"
    return f"GeoPackage · {Path(target).name}"
