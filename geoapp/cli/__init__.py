"""The ``geoapp`` command line.

Subcommands: layers, export, cluster, coverage, site, report, app, suitability,
chains, pipeline, and import, scenarios, log (which work on the planner's
workspace).

Every command only parses its options, calls one :mod:`geoapp` function and
prints the result; the logic lives in the library. Errors from the library
(a bad file, an unknown layer, an infeasible model) are printed as one clear
message on stderr with exit status 1, never as a stack trace.

Run ``geoapp --help`` or ``python -m geoapp --help``; each command has its
own ``--help`` with an example.
"""

from __future__ import annotations

import logging
import math
import os
import sys
from enum import Enum, StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import click
import typer

from geoapp.errors import GeoappError, InfeasibleError
from geoapp.settings import DEFAULT_PLACEMENT

__all__ = ["app", "main"]

logger = logging.getLogger(__name__)

app = typer.Typer(
    name="geoapp",
    help=(
        "濮阳市 spatial planning and industrial siting: layers, exports for GIS teams, "
        "clustering, coverage, siting of single points and batch siting reports."
    ),
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class Format(StrEnum):
    """Export formats (see :data:`geoapp.io.export.FORMATS`)."""

    geojson = "geojson"
    gpkg = "gpkg"
    shp = "shp"
    csv = "csv"


class ExportCRS(StrEnum):
    """Export coordinate systems (see :data:`geoapp.io.export.EXPORT_CRS`)."""

    wgs84 = "EPSG:4326"
    cgcs2000 = "EPSG:4490"
    gk114 = "EPSG:4547"
    gcj02 = "gcj02"


class Datum(StrEnum):
    """Datum of longitude/latitude input."""

    wgs84 = "wgs84"
    gcj02 = "gcj02"
    bd09 = "bd09"


class Method(StrEnum):
    """Clustering methods."""

    dbscan = "dbscan"
    hdbscan = "hdbscan"


class Model(StrEnum):
    """Facility-location models."""

    mclp = "mclp"
    lscp = "lscp"


class Weight(Enum):
    """What MCLP maximises."""

    count = "count"
    investment = "investment"


class CandidateSet(StrEnum):
    """Where new facilities may go."""

    zone_centroids = "zone_centroids"
    grid = "grid"


# --------------------------------------------------------------------------- helpers


def _fail(message: object, code: int = 1) -> NoReturn:
    from geoapp.errors import OutputPathError
    from geoapp.io import terminal_text

    text = message.args[0] if isinstance(message, KeyError) and message.args else message
    if isinstance(message, OutputPathError):
        code = 2  # a usage error: nothing was done
    typer.secho(f"Error: {terminal_text(text)}", err=True, fg=typer.colors.RED)
    raise typer.Exit(code)


def _echo_schematic(**used: Any) -> None:
    """Say (on stderr) how many of the features an analysis used have schematic positions."""
    from geoapp.layers import schematic_note

    typer.echo(f"Note: {schematic_note(used, 'en')}", err=True)


def _echo_table(frame: Any, **kwargs: Any) -> None:
    from geoapp.report import text_table

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


def _write(gdf: Any, path: Path, *, layer_name: str) -> None:
    from geoapp.io import export_layer

    res = export_layer(gdf, path, fmt=_format_for(path), layer_name=layer_name)
    typer.echo(f"Wrote {res.feature_count} features to {res.path} ({res.fmt}, {res.crs}).")


WorkspaceOpt = Annotated[
    str | None,
    typer.Option(
        "--workspace",
        "-w",
        help="Workspace: a .gpkg file or a postgresql:// URL (default: $GEOAPP_WORKSPACE, "
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


def _one_executor(workers: int | None, scheduler: str | None) -> None:
    if workers is not None and scheduler is not None:
        raise typer.BadParameter(
            "give --workers or --scheduler, not both.", param_hint="'--workers'"
        )


#: The workspace of the running command (set by `_use_workspace`, read by `_layers`).
_WS: dict[str, Any] = {}


def _use_workspace(target: str | None) -> None:
    """Make ``target`` the workspace of this command (every command calls this first)."""
    _close_workspace()
    _WS["target"] = target


def _close_workspace() -> None:
    ws = _WS.pop("ws", None)
    _WS.clear()
    if ws is not None:
        ws.close()


def _workspace() -> Any:
    from geoapp.workspace import open_workspace

    if "ws" not in _WS:
        target = _WS.get("target")
        _WS["ws"] = open_workspace(target)
        _WS["target"] = target
        ctx = click.get_current_context(silent=True)
        if ctx is not None:  # closed when the command ends, whatever its outcome
            ctx.call_on_close(_close_workspace)
    return _WS["ws"]


def _layers() -> Any:
    """The layer bundle every command works on: the shipped layers with the workspace's."""
    from geoapp.layers import LayerSet

    if "layers" not in _WS:
        _WS["layers"] = _workspace().layers(LayerSet.shipped())
    return _WS["layers"]


def _log(command: str, parameters: dict[str, Any], result: dict[str, Any],
         input_file: Path | None = None) -> None:  # fmt: skip
    """Append an analysis run to the workspace's log (user = the OS user)."""
    from geoapp.workspace import LogEntry, file_sha256, os_user

    sha = file_sha256(input_file) if input_file is not None and input_file.is_file() else ""
    _workspace().append_log(
        LogEntry(
            command=f"cli:{command}",
            user=os_user(),
            parameters={k: (str(v) if isinstance(v, Path) else v) for k, v in parameters.items()},
            input_name=str(input_file) if input_file is not None else "",
            input_sha256=sha,
            result=result,
        )
    )


def _load(name: str) -> Any:
    return _layers()[name]


# --------------------------------------------------------------------------- layers


@app.command("layers")
def layers_cmd(workspace: WorkspaceOpt = None) -> None:
    """List the layers: name, titles, count, geometry, location quality, origin and version.

    Origin is `shipped` or `workspace`; version and changed are the workspace
    version in use and when it was written.

    \b
    Example:
        geoapp layers
        geoapp layers --workspace postgresql://planner@db/planning?schema=puyang
    """
    from geoapp.layers import catalog

    _use_workspace(workspace)
    try:
        rows = []
        layers = _layers()
        current = _workspace().current_versions()
        for name, spec in catalog().items():
            gdf = layers[name]
            quality = gdf["location_quality"].value_counts() if len(gdf) else {}
            rows.append(
                {
                    "name": name,
                    "title_zh": spec.title_zh,
                    "title_en": spec.title_en,
                    "count": len(gdf),
                    "geometry": "/".join(sorted(set(gdf.geom_type.dropna())))
                    or "/".join(spec.geometry),
                    "location_quality": ", ".join(f"{k} {v}" for k, v in quality.items()),
                    "origin": layers.origins.get(name, "shipped"),
                    "version": current[name].version if name in current else 0,
                    "changed": current[name].created_at if name in current else "",
                }
            )
    except (GeoappError, KeyError, ValueError) as exc:
        _fail(exc)
    import pandas as pd

    _echo_table(pd.DataFrame(rows), max_width=60)


# --------------------------------------------------------------------------- export


@app.command("export")
def export_cmd(
    layer: Annotated[
        str, typer.Argument(help="Layer name (see `geoapp layers`), or `all` for every layer.")
    ],
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="File format.", case_sensitive=False)
    ] = Format.geojson,
    crs: Annotated[
        ExportCRS,
        typer.Option(
            "--crs",
            help="Output coordinates: WGS-84, CGCS2000 lon/lat, CGCS2000 GK CM 114E (metres), "
            "or GCJ-02 (AMap/Tencent; the file declares EPSG:4326).",
            case_sensitive=False,
        ),
    ] = ExportCRS.wgs84,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Output file; the format's suffix is added.")
    ] = ...,  # type: ignore[assignment]  # required (typer)
    workspace: WorkspaceOpt = None,
) -> None:
    """Export a layer (or all layers into one GeoPackage) for ArcGIS / QGIS / Excel.

    GeoJSON is RFC 7946 (EPSG:4326 or gcj02 only); shp writes a .zip with a
    UTF-8 .cpg; csv is UTF-8 with BOM. The file is written under a temporary
    name and renamed when complete.

    \b
    Examples:
        geoapp export counties -f shp --crs EPSG:4547 -o counties.zip
        geoapp export all -f gpkg -o puyang.gpkg
    """
    from geoapp.io import check_output_file, export_layer, export_layers

    _use_workspace(workspace)
    try:
        check_output_file(output)
        if layer.lower() == "all":
            if fmt is not Format.gpkg:
                msg = (
                    f"`export all` writes one multi-layer GeoPackage; use -f gpkg, not {fmt.value}."
                )
                raise typer.BadParameter(msg, param_hint="'-f' / '--format'")
            res = export_layers(dict(_layers()), output, crs=crs.value)
        else:
            res = export_layer(_load(layer), output, fmt=fmt.value, crs=crs.value, layer_name=layer)
    except (GeoappError, KeyError, ValueError) as exc:
        _fail(exc)
    typer.echo(
        f"Wrote {res.feature_count} features ({', '.join(res.layers)}) to {res.path} "
        f"({res.fmt}, {res.crs})."
    )


# --------------------------------------------------------------------------- cluster


@app.command("cluster")
def cluster_cmd(
    method: Annotated[
        Method, typer.Option(help="DBSCAN (fixed radius) or HDBSCAN.", case_sensitive=False)
    ] = Method.dbscan,
    eps_m: Annotated[
        float | None, typer.Option("--eps-m", help="DBSCAN radius in metres (default 3000).")
    ] = None,
    min_samples: Annotated[
        int | None,
        typer.Option("--min-samples", help="Minimum samples of a core site (default 3)."),
    ] = None,
    min_cluster_size: Annotated[
        int, typer.Option("--min-cluster-size", help="HDBSCAN: smallest cluster.")
    ] = 5,
    chain: Annotated[
        list[str] | None,
        typer.Option("--chain", help="Only projects of this chain; repeat for several."),
    ] = None,
    industry: Annotated[
        list[str] | None,
        typer.Option("--cluster", help="Only projects of this industrial cluster (产业集群)."),
    ] = None,
    stage: Annotated[
        list[str] | None,
        typer.Option("--stage", help="Only projects at this stage (谋划/签约/开工/在建/投产)."),
    ] = None,
    county: Annotated[
        list[str] | None,
        typer.Option("--county", help="Only projects in this county (e.g. 濮阳县)."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the labelled sites (.geojson/.gpkg/.zip/.csv)."),
    ] = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """Cluster the project sites in metres and print the cluster table.

    \b
    Example:
        geoapp cluster --eps-m 5000 --min-samples 3 --chain 氢能 -o clusters.geojson
        geoapp cluster --cluster 新材料 --stage 在建 --stage 投产
    """
    from geoapp.clustering import cluster_sites
    from geoapp.projects import filter_projects
    from geoapp.settings import DEFAULT_CLUSTER

    _use_workspace(workspace)
    try:
        layers = _layers()
        projects = filter_projects(
            layers["projects"], chains=chain, clusters=industry, stages=stage, counties=county,
            layers=layers,
        )  # fmt: skip
        if len(projects) == 0:
            chosen = {"chain": chain, "cluster": industry, "stage": stage, "county": county}
            _fail(f"no project matches { ({k: v for k, v in chosen.items() if v}) }.")
        res = cluster_sites(
            projects,
            method=method.value,
            eps_m=DEFAULT_CLUSTER.eps_m if eps_m is None else eps_m,
            min_samples=DEFAULT_CLUSTER.min_samples if min_samples is None else min_samples,
            min_cluster_size=min_cluster_size,
            layers=layers,
        )
        params = ", ".join(f"{k}={v}" for k, v in res.params.items())
        typer.echo(f"{res.method}: {len(res.sites)} sites; {params}")
        _echo_schematic(projects=projects)
        _echo_table(res.table)
        if output is not None:
            _write(res.sites, output, layer_name="clusters")
        _log(
            "cluster",
            {"method": method.value, **res.params, "chain": chain, "cluster": industry,
             "stage": stage, "county": county, "output": output},
            {"n_sites": len(res.sites), "n_clusters": len(res.table)},
        )  # fmt: skip
    except (GeoappError, KeyError, ValueError) as exc:
        _fail(exc)


# --------------------------------------------------------------------------- coverage


def _facilities(value: str) -> Any:
    from geoapp.layers import catalog

    if value in ("logistics_hubs", "monitoring_stations") or value in catalog():
        return _load(value)
    path = Path(value)
    if not path.exists():
        msg = (
            f"{value!r} is neither logistics_hubs, monitoring_stations nor an existing file "
            "(GeoJSON, GeoPackage, CSV with lon/lat, …)."
        )
        raise typer.BadParameter(msg, param_hint="'--facilities'")
    from geoapp.io import read_user_layer

    imported = read_user_layer(path)
    if len(imported.rejected):
        typer.echo(f"Note: {imported.summary()}", err=True)
    if len(imported.gdf) == 0:
        _fail(f"no usable facility in {path}: {imported.summary()}")
    return imported.gdf


def _default_radius(facilities: str) -> float:
    from geoapp.settings import DEFAULT_COVERAGE

    if facilities == "monitoring_stations":
        return DEFAULT_COVERAGE.station_radius_m
    return DEFAULT_COVERAGE.hub_radius_m


@app.command("coverage")
def coverage_cmd(
    facilities: Annotated[
        str,
        typer.Option(
            "--facilities",
            help="logistics_hubs, monitoring_stations, or a file of facilities (point layer).",
        ),
    ] = "logistics_hubs",
    radius_m: Annotated[
        float | None,
        typer.Option(
            "--radius-m",
            help="Service radius in metres (default 20000 for hubs, 5000 for stations).",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write the uncovered sites (.geojson/.gpkg/.zip/.csv)."
        ),
    ] = None,
    add: Annotated[
        int, typer.Option("--add", help="Place this many new facilities (0 = none).", min=0)
    ] = 0,
    model: Annotated[
        Model,
        typer.Option(
            help="mclp: the --add facilities covering most sites; lscp: the fewest covering all.",
            case_sensitive=False,
        ),
    ] = Model.mclp,
    candidates: Annotated[
        CandidateSet,
        typer.Option(help="Where new facilities may go.", case_sensitive=False),
    ] = CandidateSet.zone_centroids,
    weight: Annotated[
        Weight,
        typer.Option(
            help="MCLP: maximise covered sites (count) or covered investment (sites without "
            "an amount weigh 0).",
            case_sensitive=False,
        ),
    ] = Weight.count,
    time_limit: Annotated[
        float,
        typer.Option(
            "--time-limit",
            help="Placement: solver time limit in seconds; when reached, the best solution "
            "found is printed with its proven gap.",
            min=0.001,
        ),
    ] = DEFAULT_PLACEMENT.time_limit_s,
    gap: Annotated[
        float,
        typer.Option(
            "--gap",
            help="Placement: stop once the solution is proven within this many percent of the "
            "best possible (0 = prove optimality).",
            min=0.0,
            max=99.0,
        ),
    ] = 100 * DEFAULT_PLACEMENT.mip_gap,
    workspace: WorkspaceOpt = None,
) -> None:
    """Coverage of the project sites by facilities; optionally place new ones (MCLP / LSCP).

    Prints the overall covered share and the table by county. With --add K
    (MCLP) or --model lscp it also prints the chosen new facilities and how
    good the solution is (optimal, or within how many percent of the best
    possible when --time-limit or --gap stopped the solver); when LSCP
    cannot cover every site with the radius it prints the smallest radius that
    would (exit status 1).

    \b
    Examples:
        geoapp coverage --facilities logistics_hubs --radius-m 15000 -o uncovered.geojson
        geoapp coverage --facilities monitoring_stations --add 2 --model mclp
        geoapp coverage --model lscp --radius-m 8000 --candidates grid
        geoapp coverage --model lscp --radius-m 3000 --candidates grid --time-limit 5 --gap 1
    """
    from geoapp.coverage import analysis as cov

    _use_workspace(workspace)
    radius = _default_radius(facilities) if radius_m is None else radius_m
    try:
        sites = _load("projects")
        fac = _facilities(facilities)
        res = cov.coverage(sites, fac, radius_m=radius, layers=_layers())
        _print_coverage(res, radius)
        _echo_schematic(
            projects=sites,
            **{
                facilities
                if facilities in ("logistics_hubs", "monitoring_stations")
                else "facilities": fac
            },
        )
        if output is not None:
            _write(res.uncovered, output, layer_name="uncovered")
        if add > 0 or model is Model.lscp:
            _place(
                cov, sites, fac, radius=radius, add=add, model=model, candidates=candidates,
                weight=weight, time_limit=time_limit, gap=gap / 100,
            )  # fmt: skip
        fac_file = Path(facilities) if Path(facilities).is_file() else None
        _log(
            "coverage",
            {"facilities": facilities, "radius_m": radius, "add": add, "model": model.value,
             "candidates": candidates.value, "weight": weight.value, "output": output},
            {k: res.overall.get(k) for k in ("n_sites", "n_covered", "share_count")},
            input_file=fac_file,
        )  # fmt: skip
    except InfeasibleError as exc:
        feas = getattr(exc, "feasibility", None)
        if feas is not None:
            need = math.ceil(feas.min_radius_m / 100.0) * 100
            typer.echo(
                f"LSCP infeasible with --radius-m {radius:g}: minimum radius {need:.0f} m "
                f"({len(feas.unreachable)} sites out of reach). Rerun with --radius-m {need:.0f}."
            )
        _fail(exc)
    except (GeoappError, KeyError, ValueError) as exc:
        _fail(exc)


def _pct(value: Any) -> str:
    return "—" if value is None or value != value else f"{100 * float(value):.1f} %"


def _print_coverage(res: Any, radius: float) -> None:
    o = res.overall
    typer.echo(
        f"Radius {radius:,.0f} m: {o['n_covered']} of {o['n_sites']} sites covered "
        f"({_pct(o['share_count'])} by count, {_pct(o.get('share_investment'))} by investment)."
    )
    typer.echo("By county:")
    table = res.by_county.copy()
    for col in [c for c in table.columns if c.startswith("share_")]:
        table[col] = table[col].map(_pct)
    _echo_table(table)
    typer.echo(f"Uncovered sites: {len(res.uncovered)}")


def _place(
    cov: Any, sites: Any, fac: Any, *, radius: float, add: int, model: Model,
    candidates: CandidateSet, weight: Weight, time_limit: float = DEFAULT_PLACEMENT.time_limit_s,
    gap: float = DEFAULT_PLACEMENT.mip_gap,
) -> None:  # fmt: skip
    cands = cov.candidate_sites(kind=candidates.value, layers=_layers())
    by_investment = weight is Weight.investment
    res = cov.place_facilities(
        sites,
        cands,
        radius_m=radius,
        model=model.value,
        k=add if model is Model.mclp else None,
        existing=fac,
        weight_col="investment_yi" if by_investment else None,
        fill_weight=0.0 if by_investment else None,
        time_limit_s=time_limit,
        mip_gap=gap,
    )
    typer.echo(
        f"{model.value.upper()} ({candidates.value}, {len(cands)} candidates): "
        f"{len(res.chosen)} new facilities; covered {_pct(res.covered_before['share_count'])} "
        f"-> {_pct(res.covered_after['share_count'])} of sites."
    )
    typer.echo(f"Solution: {res.quality('en')} / {res.quality('zh')}")
    chosen = res.chosen.copy()
    pts = chosen.geometry.to_crs("EPSG:4326")
    chosen["lon"] = pts.x.round(6)
    chosen["lat"] = pts.y.round(6)
    _echo_table(chosen, digits=6)


# --------------------------------------------------------------------------- site


@app.command("site")
def site_cmd(
    lon: Annotated[float, typer.Option(help="Longitude (or easting in metres with --crs).")],
    lat: Annotated[float, typer.Option(help="Latitude (or northing in metres with --crs).")],
    chain: Annotated[str, typer.Option(help="Industrial chain of the project, e.g. 聚碳新材料.")],
    name: Annotated[str, typer.Option(help="Name of the site.")] = "候选地块",
    datum: Annotated[
        Datum,
        typer.Option(help="Datum of lon/lat: wgs84, gcj02 (AMap) or bd09 (Baidu).",
                     case_sensitive=False),
    ] = Datum.wgs84,
    crs: Annotated[
        str | None,
        typer.Option(help="CRS of the coordinates when not lon/lat, e.g. EPSG:4547; "
                     "`gcj02`/`bd09` act like --datum."),
    ] = None,
    workspace: WorkspaceOpt = None,
) -> None:  # fmt: skip
    """Evaluate one candidate point: county, zone, distances, rules, score and verdict.

    \b
    Example:
        geoapp site --lon 115.08 --lat 35.70 --chain 聚碳新材料 --name 新材料项目
        geoapp site --lon 115.0863 --lat 35.6990 --chain 氢能 --datum gcj02
    """
    from geoapp.report import evaluate_point, site_text
    from geoapp.siting import POSITION_LAYERS

    _use_workspace(workspace)
    if crs is not None and crs.strip().lower().replace("-", "") in ("gcj02", "bd09", "wgs84"):
        datum, crs = Datum(crs.strip().lower().replace("-", "")), None
    from geoapp.io import terminal_text

    try:
        layers = _layers()
        result = evaluate_point(
            lon, lat, chain=chain, name=name, datum=datum.value, crs=crs, layers=layers
        )
        typer.echo(terminal_text(site_text(result.iloc[0])))
        _echo_schematic(**{n: layers[n] for n in POSITION_LAYERS})
        row = result.iloc[0]
        _log(
            "site",
            {"lon": lon, "lat": lat, "chain": chain, "name": name, "datum": datum.value,
             "crs": crs},
            {"verdict": str(row.get("verdict")), "score": row.get("score")},
        )  # fmt: skip
    except (GeoappError, KeyError, ValueError) as exc:
        _fail(exc)


# --------------------------------------------------------------------------- report


@app.command("report")
def report_cmd(
    candidates: Annotated[
        Path,
        typer.Argument(
            help="Candidate sites: CSV (UTF-8 or GBK), XLSX, GeoJSON, GeoPackage or zipped "
            "Shapefile; or GeoParquet points (.parquet, any size: streamed in chunks).",
            metavar="CANDIDATES",
            exists=True,
            dir_okay=True,
            readable=True,
        ),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Report folder (replaced when complete).")
    ] = ...,  # type: ignore[assignment]  # required (typer)
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Also write a PDF per site and report.pdf with all.")
    ] = False,
    lon_col: Annotated[str | None, typer.Option(help="Longitude column (default by name).")] = None,
    lat_col: Annotated[str | None, typer.Option(help="Latitude column (default by name).")] = None,
    chain_col: Annotated[
        str | None,
        typer.Option(help="Chain column (default: 产业链, 链, chain, industry_chain, 行业)."),
    ] = None,
    name_col: Annotated[
        str | None, typer.Option(help="Name column (default: 名称, 项目名称, name, 项目).")
    ] = None,
    datum: DatumOpt = Datum.wgs84,
    crs: CrsOpt = None,
    fix_swapped: FixSwappedOpt = False,
    progress: Annotated[
        bool | None,
        typer.Option("--progress/--no-progress", help="Progress bar (default: on a terminal)."),
    ] = None,
    layer: Annotated[
        str | None,
        typer.Option("--layer", help="Layer of a GeoPackage, Shapefile in a .zip, or XLSX sheet."),
    ] = None,
    max_rows: Annotated[
        int | None,
        typer.Option("--max-rows", min=1, help="Most input rows (default 1,000,000)."),
    ] = None,
    max_bytes: Annotated[
        int | None,
        typer.Option("--max-bytes", min=1, help="Largest input file in bytes (default 100 MiB); "
                     "the uncompressed limit of a .zip/.xlsx (256 MiB) grows in proportion."),
    ] = None,
    max_pages: Annotated[
        int | None,
        typer.Option("--max-pages", min=0, help="Sites with their own page/PDF (default 500); "
                     "every site is still in summary.csv and results.geojson."),
    ] = None,
    max_cell_chars: Annotated[
        int | None,
        typer.Option("--max-cell-chars", min=1, help="Longest text in a cell (default 10,000)."),
    ] = None,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
    results_csv: Annotated[
        bool,
        typer.Option("--results-csv", help="GeoParquet input: also write every row to "
                     "results.csv (large)."),
    ] = False,
    workspace: WorkspaceOpt = None,
) -> None:  # fmt: skip
    """Batch siting report: evaluate every candidate and write a report folder.

    Writes DIR/index.html (map + ranking), DIR/summary.csv, DIR/results.geojson,
    DIR/errors.csv (rows that could not be evaluated, with the reason) and
    DIR/sites/<row>.html (and .pdf with --pdf). Exit status 0 when at least one
    row was evaluated; 1 when none could be, leaving an existing DIR untouched;
    2 when DIR may not be used: -o must be a new path, an empty folder or an
    earlier report (it holds .geoapp-report) — never a file, the input, the
    current folder or a folder of other files. With --pdf, DIR/report.pdf holds
    every site page, one bookmark per site, for printing.

    Limits (raise them with the options): --max-bytes 100 MiB, --max-rows
    1,000,000, --max-pages 500 (pages only; every site is evaluated),
    --max-cell-chars 10,000.

    A GeoParquet of points (.parquet / .geoparquet: millions of rows) — or a
    CSV larger than --max-bytes, or any CSV with --workers/--scheduler — is
    streamed in chunks through the tiled executor — in process, or with
    --workers N / --scheduler ADDRESS on Dask, the same output — with no size
    or row limit: DIR/results.parquet holds every evaluated row in the input's
    order (and DIR/results.csv with --results-csv), DIR/counts.csv the sites by
    county and verdict, summary.csv and the pages the best --max-pages sites.

    \b
    Examples:
        geoapp report candidates.csv -o report/ --pdf --datum gcj02
        geoapp report candidates.parquet -o report/ --workers 2 --max-pages 100
    """
    from dataclasses import replace

    from geoapp.io import terminal_text
    from geoapp.report import build_report
    from geoapp.settings import DEFAULT_LIMITS

    _use_workspace(workspace)
    _one_executor(workers, scheduler)
    show = sys.stderr.isatty() if progress is None else progress
    try:
        limits = DEFAULT_LIMITS
        if max_bytes is not None:
            scale = max_bytes / DEFAULT_LIMITS.max_bytes
            limits = replace(
                limits,
                max_bytes=max_bytes,
                max_expanded_bytes=max(
                    DEFAULT_LIMITS.max_expanded_bytes,
                    int(DEFAULT_LIMITS.max_expanded_bytes * scale),
                ),
            )
        for name, value in (
            ("max_rows", max_rows),
            ("max_pages", max_pages),
            ("max_cell_chars", max_cell_chars),
        ):
            if value is not None:
                limits = replace(limits, **{name: value})
        res = build_report(
            candidates,
            output,
            pdf=pdf,
            lon_col=lon_col,
            lat_col=lat_col,
            chain_col=chain_col,
            name_col=name_col,
            datum=datum.value,
            crs=crs,
            fix_swapped=fix_swapped,
            progress=show,
            layer=layer,
            limits=limits,
            layers=_layers(),
            dask_workers=workers,
            scheduler=scheduler,
            results_csv=results_csv,
        )
    except (GeoappError, KeyError, ValueError, OSError) as exc:
        _fail(exc)
    for note in res.warnings:
        typer.echo(f"Note: {terminal_text(note)}", err=True)
    counts = res.summary["verdict"].value_counts()
    if res.counts is not None:  # streamed: the counts of every row, not of the paged ones
        counts = res.counts.groupby("verdict", sort=False)["sites"].sum()
        counts = counts[counts > 0]
    typer.echo(
        f"Evaluated {res.n_evaluated} sites ("
        + ", ".join(f"{k} {int(v)}" for k, v in counts.items())
        + f"); {res.n_rejected} rows could not be evaluated"
        + (" (see errors.csv)" if res.n_rejected else "")
        + "."
    )
    if res.counts is not None:
        by_county = res.counts.pivot_table(
            index="county", columns="verdict", values="sites", aggfunc="sum", fill_value=0,
            dropna=False, sort=False,
        )  # fmt: skip
        _echo_table(by_county.reset_index())
    top = res.summary[["name", "county", "chain", "score", "verdict"]].head(10)
    _echo_table(top, digits=1)
    typer.echo(f"Report: {terminal_text(res.index)}")
    _log(
        "report",
        {"output": output, "pdf": pdf, "datum": datum.value, "crs": crs,
         "fix_swapped": fix_swapped, "workers": workers, "scheduler": scheduler},
        {"n_evaluated": res.n_evaluated, "n_rejected": res.n_rejected,
         "verdicts": {str(k): int(v) for k, v in counts.items()}},
        input_file=candidates,
    )  # fmt: skip


# --------------------------------------------------------------------------- workspace


class ImportMode(Enum):
    """How an imported file changes the layer."""

    replace = "replace"
    append = "append"


@app.command("import")
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
    from geoapp.layers import LayerSet
    from geoapp.workspace import import_file, os_user

    _use_workspace(workspace)
    try:
        ws = _workspace()
        out = import_file(
            ws, file, layer=layer, base=LayerSet.shipped(), mode=mode.value, user=os_user(),
            command="cli:import", filename=file.name, datum=datum.value, crs=crs,
            fix_swapped=fix_swapped,
        )  # fmt: skip
    except (GeoappError, KeyError, ValueError) as exc:
        _fail(exc)
    read, v = out.read, out.version
    typer.echo(read.summary())
    if len(read.rejected):
        _echo_table(read.rejected[["row", "reason", "column", "value"]], max_width=50)
    for note in read.warnings:
        typer.echo(f"Note: {note}", err=True)
    typer.echo(
        f"Layer {layer}: version {v.version} ({v.rows} features, {mode.value}) in {ws.target}."
    )


class ScenarioAction(StrEnum):
    """What `geoapp scenarios` does."""

    list = "list"
    show = "show"
    delete = "delete"


@app.command("scenarios")
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
    import json

    import pandas as pd

    _use_workspace(workspace)
    try:
        ws = _workspace()
        if action is ScenarioAction.list:
            _echo_table(ws.scenarios(), max_width=60)
            return
        if scenario_id is None:
            raise typer.BadParameter(f"`scenarios {action.value}` needs an ID.")
        if action is ScenarioAction.delete:
            ws.delete_scenario(scenario_id)
            typer.echo(f"Deleted scenario {scenario_id} from {ws.target}.")
            return
        sc = ws.load_scenario(scenario_id)
    except (GeoappError, KeyError, ValueError) as exc:
        _fail(exc)
    typer.echo(f"Scenario {sc.id}: {sc.name} ({sc.analysis}), saved {sc.created_at} by {sc.user}")
    typer.echo("Parameters: " + json.dumps(sc.parameters, ensure_ascii=False, sort_keys=True))
    typer.echo("Layer versions: " + json.dumps(dict(sc.layer_versions), sort_keys=True))
    typer.echo("Figures:")
    _echo_table(pd.DataFrame({"figure": list(sc.figures), "value": list(sc.figures.values())}))
    shown = ", ".join(f"{k} ({len(v)})" for k, v in sc.results.items())
    typer.echo(f"Result layers: {shown or 'none'}")


@app.command("log")
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
    _use_workspace(workspace)
    try:
        ws = _workspace()
        if csv is not None:
            path = ws.export_log(csv)
            typer.echo(f"Wrote {len(ws.log())} log entries to {path}.")
            return
        _echo_table(ws.log(), max_width=60)
    except (GeoappError, KeyError, ValueError, OSError) as exc:
        _fail(exc)


# --------------------------------------------------------------------------- app


@app.command("app")
def app_cmd(
    port: Annotated[int, typer.Option(help="Port to serve on.", min=1, max=65535)] = 8501,
    workspace: WorkspaceOpt = None,
) -> None:
    """Run the planners' map app (streamlit) on http://localhost:PORT.

    \b
    Example:
        geoapp app --port 8502
    """
    from geoapp.app.offline import vendor_assets
    from geoapp.settings import APP_MAIN

    script = APP_MAIN
    if not script.exists():
        _fail(
            f"{script} does not exist; reinstall geoapp (`pip install --force-reinstall geoapp`)."
        )
    vendor_assets()  # the map's JS/CSS beside the app, served before the first page view
    from geoapp.app.serve import server_command

    cmd = server_command(port)
    typer.echo(f"Serving {script.name} on http://localhost:{port} (Ctrl+C to stop)")
    from geoapp.settings import WORKSPACE_ENV

    if workspace:  # the server (a child process) inherits it
        os.environ[WORKSPACE_ENV] = workspace
    sys.stdout.flush()
    # The server replaces this process: stopping `geoapp app` (Ctrl+C, a service manager's
    # SIGTERM) stops the server itself, and no orphaned server keeps the port.
    os.execv(sys.executable, cmd)  # noqa: S606 - fixed interpreter, module and arguments


# --------------------------------------------------------------------------- suitability


def _layer_bundle(constraints: Path | None = None) -> Any:
    """The command's layer bundle, plus the user's constraint polygons (CLI edge)."""
    layers = _layers()
    if constraints is not None:
        from geoapp.io import read_user_layer

        imported = read_user_layer(constraints)
        if len(imported.rejected):
            typer.echo(f"Note: {imported.summary()}", err=True)
        layers = layers.with_constraints(imported.gdf)
    return layers


@app.command("suitability")
def suitability_cmd(
    chain: Annotated[str, typer.Option(help="Industrial chain to score, e.g. 聚碳新材料.")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="GeoTIFF to write (Cloud-Optimized, EPSG:4547).")
    ] = ...,  # type: ignore[assignment]  # required (typer)
    resolution: Annotated[
        float, typer.Option("--resolution", help="Cell size in metres, 10–1000.")
    ] = 100.0,
    weights: Annotated[
        str | None,
        typer.Option(
            "--weights",
            help="Criterion weights, e.g. hub_access=30,station_access=10,river_distance=5 "
            "(others keep the siting defaults).",
        ),
    ] = None,
    transform: Annotated[
        list[str] | None,
        typer.Option(
            "--transform",
            help="criterion=linear:FULL:ZERO | threshold:AT[:above] | inverse:NEAR | "
            "categories:0=0.3/1=1; repeat for several.",
        ),
    ] = None,
    river_buffer_m: Annotated[
        float | None, typer.Option("--river-buffer-m", help="Yellow River shoreline buffer (m).")
    ] = None,
    threshold: Annotated[
        float | None,
        typer.Option(help="Score counted as suitable in the summary (default 65)."),
    ] = None,
    constraints: Annotated[
        Path | None,
        typer.Option(help="User constraint polygons (生态保护红线 …): GeoJSON, GPKG, zip."),
    ] = None,
    regions: Annotated[
        int, typer.Option("--regions", help="Also find this many best regions (0 = none).", min=0)
    ] = 0,
    min_area_ha: Annotated[
        float, typer.Option("--min-area-ha", help="Smallest region, hectares.")
    ] = 50.0,
    min_gap_km: Annotated[
        float, typer.Option("--min-gap-km", help="Smallest gap between regions, km.")
    ] = 5.0,
    min_score: Annotated[
        float | None,
        typer.Option("--min-score", help="Lowest score of region cells (default: --threshold)."),
    ] = None,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
    tile: Annotated[int, typer.Option(help="Tile side in cells.", min=64)] = 1024,
    progress: Annotated[
        bool | None,
        typer.Option("--progress/--no-progress", help="Progress bar (default: on a terminal)."),
    ] = None,
) -> None:  # fmt: skip
    """Score the whole city for a chain on a grid: a GeoTIFF, a summary, the best regions.

    Band 1 is the score 0–100, band 2 the code of the failed hard rule (0 =
    none; the table is in the file's metadata); no data outside the city.
    With --regions K it also writes OUTPUT_regions.geojson (WGS-84) and
    OUTPUT_regions.gpkg (EPSG:4547).

    \b
    Examples:
        geoapp suitability --chain 聚碳新材料 --resolution 100 -o out.tif
        geoapp suitability --chain 氢能 --resolution 30 -o h2.tif --regions 5 --min-area-ha 50 \\
            --min-gap-km 5 --weights hub_access=40,river_distance=10 --workers 2
    """
    from dataclasses import replace

    from geoapp.settings import DEFAULT_SITING
    from geoapp.siting import POSITION_LAYERS
    from geoapp.suitability import (
        SurfaceSpec,
        compute_surface,
        find_regions,
        parse_transform,
        parse_weights,
        regions_table,
    )

    _one_executor(workers, scheduler)
    if output.suffix.lower() not in (".tif", ".tiff"):
        raise typer.BadParameter(
            f"{str(output)!r} should end in .tif (a GeoTIFF).", param_hint="'-o' / '--output'"
        )
    show = sys.stderr.isatty() if progress is None else progress
    try:
        settings = DEFAULT_SITING
        if river_buffer_m is not None:
            settings = replace(settings, river_buffer_m=river_buffer_m)
        spec = SurfaceSpec(
            chain,
            resolution_m=resolution,
            settings=settings,
            weights=parse_weights(weights) if weights else None,
            transforms=dict(parse_transform(t) for t in transform or []),
            threshold=threshold,
        )
        layers = _layer_bundle(constraints)
        res = compute_surface(
            layers, spec, output=output, tile=tile, workers=workers, scheduler=scheduler,
            progress=show,
        )  # fmt: skip
        g = res.grid
        typer.echo(
            f"Wrote {res.path}: {g.width} x {g.height} cells of {g.res:g} m (EPSG:4547), "
            f"{res.seconds:.1f} s."
        )
        _echo_schematic(**{n: layers[n] for n in POSITION_LAYERS})
        typer.echo(f"By county (suitable = no rule fails and score >= {spec.score_threshold:g}):")
        _echo_table(res.by_county, digits=2)
        if regions > 0:
            found = find_regions(
                res, layers=layers, spec=spec, k=regions, min_score=min_score,
                min_area_ha=min_area_ha, min_gap_km=min_gap_km,
            )  # fmt: skip
            typer.echo(f"{len(found)} regions (asked {regions}):")
            _echo_table(regions_table(found), digits=1)
            stem = output.with_name(f"{output.stem}_regions")
            if len(found):
                from geoapp.io import export_layer

                formats: tuple[tuple[Any, Any], ...] = (
                    ("geojson", "EPSG:4326"),
                    ("gpkg", "EPSG:4547"),
                )
                for fmt, crs in formats:
                    out = export_layer(
                        found, stem.with_suffix(f".{fmt}"), fmt=fmt, crs=crs, layer_name="regions"
                    )
                    typer.echo(f"Wrote {out.path}")
    except (GeoappError, KeyError, ValueError, OSError) as exc:
        _fail(exc)


# --------------------------------------------------------------------------- chains, pipeline


@app.command("chains")
def chains_cmd(
    chain: Annotated[
        str | None, typer.Option("--chain", help="One chain (e.g. 聚碳新材料); default all.")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write FILE.xlsx (workbook) or FILE.html / FILE.pdf."),
    ] = None,
) -> None:
    """The chain map (产业链招商图谱): each chain's nodes, their status and the gap zones.

    Prints the nodes (present / gap / target) with their projects and seed lines,
    and the zones that lead the chain but have no project in one of its nodes.
    With -o, writes an XLSX workbook (one sheet per cluster, Chinese headers) or
    the "两图一表" page as HTML or PDF.

    \b
    Example:
        geoapp chains --chain 聚碳新材料 -o 聚碳.xlsx
    """
    from geoapp.chainmap import (
        STATUS_ZH,
        chain_nodes,
        chain_sheets,
        gaps_by_zone,
        panorama,
        write_chain_report,
        write_xlsx,
    )
    from geoapp.projects import project_places

    try:
        nodes = chain_nodes(chain)
        layers = _layers()
        places = project_places(layers)
        for name in dict.fromkeys(nodes["chain"]):
            pan = panorama(name, layers, places=places)
            typer.echo(f"\n{pan['cluster'].iloc[0]} · {name}")
            pan = pan.assign(status=pan["status"].map(STATUS_ZH))
            _echo_table(pan[["position", "node", "status", "project_names", "stages", "source"]])
        gaps = gaps_by_zone(layers, chain, places=places)
        per_zone = (
            gaps.groupby(["zone", "chain"], sort=False).size().rename("nodes_without_project")
        )
        typer.echo("\nZones leading a chain with nodes that have no project there:")
        _echo_table(per_zone.reset_index())
        if output is not None:
            suffix = output.suffix.lower()
            if suffix == ".xlsx":
                write_xlsx(chain_sheets(layers, chain), output)
            elif suffix in (".html", ".pdf"):
                write_chain_report(layers, output, chain)
            else:
                _fail(f"cannot tell the format of {str(output)!r}; use .xlsx, .html or .pdf.")
            typer.echo(f"Wrote {output}")
    except (GeoappError, KeyError, ValueError, OSError) as exc:
        _fail(exc)


@app.command("pipeline")
def pipeline_cmd(
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write the roll-ups to FILE.xlsx.")
    ] = None,
) -> None:
    """The project pipeline: 三个一批 funnel by stage and the city's targets vs the project table.

    Each target is printed with its seed line; what the project table cannot
    tell (到位资金, unknown amounts) is said. With -o, writes an XLSX workbook
    (funnel, targets, roll-ups by cluster, chain, county and zone).

    \b
    Example:
        geoapp pipeline -o p.xlsx
    """
    from geoapp.chainmap import pipeline_sheets, write_xlsx
    from geoapp.projects import against_targets, funnel

    try:
        layers = _layers()
        typer.echo("三个一批 funnel by stage:")
        _echo_table(funnel(layers))
        t = against_targets(layers)
        typer.echo("\nTargets vs the project table:")
        cols = ["id", "cluster", "metric", "value", "year", "current", "share", "source"]
        _echo_table(t[cols], max_width=80)
        for row in t.itertuples():  # 9 targets
            if row.measurable != "yes":
                typer.echo(f"  {row.id}: {row.cannot_tell}")
        if output is not None:
            if output.suffix.lower() != ".xlsx":
                _fail(f"cannot tell the format of {str(output)!r}; use .xlsx.")
            write_xlsx(pipeline_sheets(layers), output)
            typer.echo(f"Wrote {output}")
    except (GeoappError, KeyError, ValueError, OSError) as exc:
        _fail(exc)


def main() -> None:
    """Entry point of the ``geoapp`` console script."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()


if __name__ == "__main__":
    main()
