"""``geoapp import``, ``geoapp scenarios`` and ``geoapp log``: the planner's workspace."""

from __future__ import annotations

import json
from enum import Enum, StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from geoapp.cli.common import (
    CrsOpt,
    Datum,
    DatumOpt,
    FixSwappedOpt,
    WorkspaceOpt,
    current_workspace,
    echo_table,
    fail,
    use_workspace,
)
from geoapp.errors import GeoappError

__all__ = ["import_cmd", "log_cmd", "scenarios_cmd"]


class ImportMode(Enum):
    """How an imported file changes the layer."""

    replace = "replace"
    append = "append"


class ScenarioAction(StrEnum):
    """What `geoapp scenarios` does."""

    list = "list"
    show = "show"
    delete = "delete"


def import_cmd(
    file: Annotated[
        Path,
        typer.Argument(
            help="The file: CSV (UTF-8 or GBK), XLSX, GeoJSON, GeoPackage or zipped Shapefile.",
            exists=True,
            dir_okay=False,
            readable=True,
        ),
    ],
    layer: Annotated[
        str,
        typer.Option("--layer", "-l", help="Layer it replaces or extends (see `geoapp layers`)."),
    ],
    mode: Annotated[
        ImportMode,
        typer.Option(help="replace the layer, or append the rows to it.", case_sensitive=False),
    ] = ImportMode.replace,
    datum: DatumOpt = Datum.wgs84,
    crs: CrsOpt = None,
    fix_swapped: FixSwappedOpt = False,
    workspace: WorkspaceOpt = None,
) -> None:  # fmt: skip
    """Import a file into the workspace as a new version of a layer (the old one is kept).

    Prints the row report (rows loaded, rows rejected and why). The import is
    one transaction: if it fails or is interrupted, the previous version stays.

    \b
    Examples:
        geoapp import 项目清单.csv --layer projects
        geoapp import hubs.gpkg --layer logistics_hubs --mode append -w team.gpkg
        geoapp import p.csv --layer projects -w "postgresql://me@db/plan?schema=puyang"
    """
    from geoapp.layers import LayerSet  # deferred: GeoPandas stack, not loaded for --help
    from geoapp.workspace import (  # deferred: GeoPandas stack, not loaded for --help
        import_file,
        os_user,
    )

    use_workspace(workspace)
    try:
        ws = current_workspace()
        out = import_file(
            ws, file, layer=layer, base=LayerSet.shipped(), mode=mode.value, user=os_user(),
            command="cli:import", filename=file.name, datum=datum.value, crs=crs,
            fix_swapped=fix_swapped,
        )  # fmt: skip
    except (GeoappError, KeyError, ValueError) as exc:
        fail(exc)
    read, v = out.read, out.version
    typer.echo(read.summary())
    if len(read.rejected):
        echo_table(read.rejected[["row", "reason", "column", "value"]], max_width=50)
    for note in read.warnings:
        typer.echo(f"Note: {note}", err=True)
    typer.echo(
        f"Layer {layer}: version {v.version} ({v.rows} features, {mode.value}) in {ws.target}."
    )


def scenarios_cmd(
    action: Annotated[
        ScenarioAction, typer.Argument(help="list, show ID or delete ID.", case_sensitive=False)
    ] = ScenarioAction.list,
    scenario_id: Annotated[
        int | None, typer.Argument(help="Scenario id (see `geoapp scenarios list`).")
    ] = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """List, show or delete the analysis runs saved in the workspace (scenarios).

    \b
    Examples:
        geoapp scenarios
        geoapp scenarios show 3
        geoapp scenarios delete 3 -w team.gpkg
    """
    use_workspace(workspace)
    try:
        ws = current_workspace()
        if action is ScenarioAction.list:
            echo_table(ws.scenarios(), max_width=60)
            return
        if scenario_id is None:
            raise typer.BadParameter(f"`scenarios {action.value}` needs an ID.")
        if action is ScenarioAction.delete:
            ws.delete_scenario(scenario_id)
            typer.echo(f"Deleted scenario {scenario_id} from {ws.target}.")
            return
        sc = ws.load_scenario(scenario_id)
    except (GeoappError, KeyError, ValueError) as exc:
        fail(exc)
    _print_scenario(sc)


def _print_scenario(sc: Any) -> None:
    """Print a saved scenario: what was run, with which layer versions, and its results."""
    import pandas as pd  # deferred: pandas, not loaded for --help

    typer.echo(f"Scenario {sc.id}: {sc.name} ({sc.analysis}), saved {sc.created_at} by {sc.user}")
    typer.echo("Parameters: " + json.dumps(sc.parameters, ensure_ascii=False, sort_keys=True))
    typer.echo("Layer versions: " + json.dumps(dict(sc.layer_versions), sort_keys=True))
    typer.echo("Figures:")
    echo_table(pd.DataFrame({"figure": list(sc.figures), "value": list(sc.figures.values())}))
    shown = ", ".join(f"{k} ({len(v)})" for k, v in sc.results.items())
    typer.echo(f"Result layers: {shown or 'none'}")


def log_cmd(
    csv: Annotated[
        Path | None, typer.Option("--csv", help="Write the log as CSV (UTF-8 with BOM).")
    ] = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """Print the workspace's log (every import and analysis run), or export it as CSV.

    \b
    Examples:
        geoapp log
        geoapp log --csv 操作记录.csv
    """
    use_workspace(workspace)
    try:
        ws = current_workspace()
        if csv is not None:
            path = ws.export_log(csv)
            typer.echo(f"Wrote {len(ws.log())} log entries to {path}.")
            return
        echo_table(ws.log(), max_width=60)
    except (GeoappError, KeyError, ValueError, OSError) as exc:
        fail(exc)
