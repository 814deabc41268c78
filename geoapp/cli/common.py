"""What every command group shares: option types, printing, the workspace of the command.

The library (GeoPandas and everything on it) takes about half a second to import, so
``geoapp --help`` would wait for it; the commands and these helpers import it when they
run, each such line marked ``# deferred:``. Everything else is imported at the top.
"""

from __future__ import annotations

import atexit
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import click
import typer

from geoapp.errors import OutputPathError
from geoapp.settings import WORKSPACE_ENV

__all__ = [
    "CrsOpt",
    "Datum",
    "DatumOpt",
    "FixSwappedOpt",
    "ProgressOpt",
    "SchedulerOpt",
    "WorkersOpt",
    "WorkspaceOpt",
    "current_layer",
    "current_layers",
    "current_workspace",
    "echo_schematic",
    "echo_table",
    "fail",
    "log_run",
    "one_executor",
    "show_progress",
    "use_workspace",
    "write_layer",
]


class Datum(StrEnum):
    """Datum of longitude/latitude input."""

    wgs84 = "wgs84"
    gcj02 = "gcj02"
    bd09 = "bd09"


WorkspaceOpt = Annotated[
    str | None,
    typer.Option(
        "--workspace",
        "-w",
        help=f"Workspace: a .gpkg file or a postgresql:// URL (default: ${WORKSPACE_ENV}, "
        "else ~/.local/share/geoapp/workspace.gpkg).",
        show_default=False,
    ),
]
#: Options shared by the commands that read a planner's file of coordinates.
DatumOpt = Annotated[Datum, typer.Option(help="Datum of lon/lat columns.", case_sensitive=False)]
CrsOpt = Annotated[
    str | None, typer.Option(help="CRS of the coordinates when not WGS-84, e.g. EPSG:4547.")
]
FixSwappedOpt = Annotated[
    bool, typer.Option("--fix-swapped", help="Fix rows with swapped lon/lat instead of rejecting.")
]
#: Options of the commands that run on the tiled executor (suitability, report of a GeoParquet).
WorkersOpt = Annotated[
    int | None,
    typer.Option("--workers", help="Run tiles on a local Dask cluster of N processes.", min=1),
]
SchedulerOpt = Annotated[
    str | None,
    typer.Option("--scheduler", help="Run tiles on the Dask scheduler at this address."),
]
#: The progress bar of the long commands (report, suitability).
ProgressOpt = Annotated[
    bool | None,
    typer.Option("--progress/--no-progress", help="Progress bar (default: on a terminal)."),
]


# --------------------------------------------------------------------------- printing


def fail(message: object, code: int = 1) -> NoReturn:
    """Print ``message`` as one line ``Error: …`` on stderr and end the command.

    Parameters
    ----------
    message
        The text, or the exception whose message it is (a ``KeyError`` without its quotes).
    code
        The exit status (1; 2 for an :class:`~geoapp.errors.OutputPathError`, a usage
        error: nothing was done).
    """
    from geoapp.io import terminal_text  # deferred: GeoPandas stack, not loaded for --help

    text = message.args[0] if isinstance(message, KeyError) and message.args else message
    if isinstance(message, OutputPathError):
        code = 2  # a usage error: nothing was done
    typer.secho(f"Error: {terminal_text(text)}", err=True, fg=typer.colors.RED)
    _close_workspace()  # a failed command leaves no database connection behind
    raise typer.Exit(code)


def echo_schematic(**used: Any) -> None:
    """Say (on stderr) how many of the features an analysis used have schematic positions."""
    from geoapp.layers import schematic_note  # deferred: GeoPandas stack, not loaded for --help

    typer.echo(f"Note: {schematic_note(used, 'en')}", err=True)


def echo_table(frame: Any, **kwargs: Any) -> None:
    """Print a table as aligned text (keywords of :func:`geoapp.report.text_table`)."""
    from geoapp.report import text_table  # deferred: GeoPandas stack, not loaded for --help

    typer.echo(text_table(frame, **kwargs))


def _format_for(path: Path) -> Any:
    """Export format implied by a file name (.geojson, .gpkg, .zip/.shp, .csv)."""
    suffix = path.suffix.lower()
    by_suffix = {".geojson": "geojson", ".json": "geojson", ".gpkg": "gpkg", ".zip": "shp",
                 ".shp": "shp", ".csv": "csv"}  # fmt: skip
    if suffix not in by_suffix:
        msg = (
            f"cannot tell the format of {str(path)!r} from its ending; use .geojson, .gpkg, "
            ".zip (zipped Shapefile) or .csv."
        )
        raise typer.BadParameter(msg, param_hint="'-o' / '--output'")
    return by_suffix[suffix]


def write_layer(gdf: Any, path: Path, *, layer_name: str) -> None:
    """Write an analysis result to ``-o PATH`` in the format its ending names, and say so."""
    from geoapp.io import export_layer  # deferred: GeoPandas stack, not loaded for --help

    res = export_layer(gdf, path, fmt=_format_for(path), layer_name=layer_name)
    typer.echo(f"Wrote {res.feature_count} features to {res.path} ({res.fmt}, {res.crs}).")


def show_progress(progress: bool | None) -> bool:
    """Whether to draw a progress bar: as ``--progress/--no-progress`` says, else on a terminal."""
    return sys.stderr.isatty() if progress is None else progress


def one_executor(workers: int | None, scheduler: str | None) -> None:
    """Refuse ``--workers`` together with ``--scheduler`` (a usage error)."""
    if workers is not None and scheduler is not None:
        raise typer.BadParameter(
            "give --workers or --scheduler, not both.", param_hint="'--workers'"
        )


# --------------------------------------------------------------------------- workspace

#: The workspace of the running command (set by `use_workspace`, read by `current_layers`).
_WS: dict[str, Any] = {}


def use_workspace(target: str | None) -> None:
    """Make ``target`` the workspace of this command (every command calls this first)."""
    _close_workspace()
    _WS["target"] = target


def _close_workspace() -> None:
    """Close the command's workspace, if one was opened, and forget it."""
    ws = _WS.pop("ws", None)
    _WS.clear()
    if ws is not None:
        ws.close()


def current_workspace() -> Any:
    """The command's workspace, opened on first use and closed when the command ends."""
    from geoapp.workspace import open_workspace  # deferred: GeoPandas stack, not loaded for --help

    if "ws" not in _WS:
        target = _WS.get("target")
        _WS["ws"] = open_workspace(target)
        _WS["target"] = target
        ctx = click.get_current_context(silent=True)
        if ctx is not None:  # closed when the command ends, whatever its outcome
            ctx.call_on_close(_close_workspace)
    return _WS["ws"]


# A command run in process (a test's CliRunner, a notebook) may not close its context; the
# next command's use_workspace closes the previous workspace, and the last one closes here.
atexit.register(_close_workspace)


def current_layers() -> Any:
    """The layer bundle every command works on: the shipped layers with the workspace's."""
    from geoapp.layers import LayerSet  # deferred: GeoPandas stack, not loaded for --help

    if "layers" not in _WS:
        _WS["layers"] = current_workspace().layers(LayerSet.shipped())
    return _WS["layers"]


def current_layer(name: str) -> Any:
    """One layer of the command's bundle."""
    return current_layers()[name]


def log_run(command: str, parameters: dict[str, Any], result: dict[str, Any],
            input_file: Path | None = None) -> None:  # fmt: skip
    """Append an analysis run to the workspace's log (user = the OS user)."""
    from geoapp.workspace import (  # deferred: GeoPandas stack, not loaded for --help
        LogEntry,
        file_sha256,
        os_user,
    )

    sha = file_sha256(input_file) if input_file is not None and input_file.is_file() else ""
    current_workspace().append_log(
        LogEntry(
            command=f"cli:{command}",
            user=os_user(),
            parameters={k: (str(v) if isinstance(v, Path) else v) for k, v in parameters.items()},
            input_name=str(input_file) if input_file is not None else "",
            input_sha256=sha,
            result=result,
        )
    )
