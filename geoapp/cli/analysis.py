"""``geoapp cluster``, ``geoapp coverage`` and ``geoapp site``: analyses of the project sites."""

from __future__ import annotations

import math
from enum import Enum, StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from geoapp.cli.common import (
    Datum,
    WorkspaceOpt,
    current_layer,
    current_layers,
    echo_schematic,
    echo_table,
    fail,
    log_run,
    use_workspace,
    write_layer,
)
from geoapp.errors import GeoappError, InfeasibleError
from geoapp.settings import DEFAULTS, STORAGE_CRS

__all__ = ["cluster_cmd", "coverage_cmd", "site_cmd"]

_CLUSTER = DEFAULTS.clustering
_COVERAGE = DEFAULTS.coverage
_PLACEMENT = DEFAULTS.placement
#: The facility layers that ``--facilities`` names (anything else is a file).
_FACILITY_LAYERS = ("logistics_hubs", "monitoring_stations")


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


# --------------------------------------------------------------------------- cluster


def cluster_cmd(
    method: Annotated[
        Method, typer.Option(help="DBSCAN (fixed radius) or HDBSCAN.", case_sensitive=False)
    ] = Method.dbscan,
    eps_m: Annotated[
        float | None,
        typer.Option("--eps-m", help=f"DBSCAN radius in metres (default {_CLUSTER.eps_m:g})."),
    ] = None,
    min_samples: Annotated[
        int | None,
        typer.Option(
            "--min-samples",
            help=f"Minimum samples of a core site (default {_CLUSTER.min_samples}).",
        ),
    ] = None,
    min_cluster_size: Annotated[
        int, typer.Option("--min-cluster-size", help="HDBSCAN: smallest cluster.")
    ] = _CLUSTER.min_cluster_size,
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
    from geoapp.clustering import cluster_sites  # deferred: GeoPandas stack, not loaded for --help
    from geoapp.projects import filter_projects  # deferred: GeoPandas stack, not loaded for --help

    use_workspace(workspace)
    try:
        layers = current_layers()
        projects = filter_projects(
            layers["projects"], chains=chain, clusters=industry, stages=stage, counties=county,
            layers=layers,
        )  # fmt: skip
        if len(projects) == 0:
            chosen = {"chain": chain, "cluster": industry, "stage": stage, "county": county}
            fail(f"no project matches { ({k: v for k, v in chosen.items() if v}) }.")
        res = cluster_sites(
            projects,
            method=method.value,
            eps_m=_CLUSTER.eps_m if eps_m is None else eps_m,
            min_samples=_CLUSTER.min_samples if min_samples is None else min_samples,
            min_cluster_size=min_cluster_size,
            layers=layers,
        )
        params = ", ".join(f"{k}={v}" for k, v in res.params.items())
        typer.echo(f"{res.method}: {len(res.sites)} sites; {params}")
        echo_schematic(projects=projects)
        echo_table(res.table)
        if output is not None:
            write_layer(res.sites, output, layer_name="clusters")
        log_run(
            "cluster",
            {"method": method.value, **res.params, "chain": chain, "cluster": industry,
             "stage": stage, "county": county, "output": output},
            {"n_sites": len(res.sites), "n_clusters": len(res.table)},
        )  # fmt: skip
    except (GeoappError, KeyError, ValueError) as exc:
        fail(exc)


# --------------------------------------------------------------------------- coverage


def _facilities(value: str) -> Any:
    """The facilities ``--facilities`` names: a layer of the bundle, or a planner's file."""
    from geoapp.io import read_user_layer  # deferred: GeoPandas stack, not loaded for --help
    from geoapp.layers import catalog  # deferred: GeoPandas stack, not loaded for --help

    if value in _FACILITY_LAYERS or value in catalog():
        return current_layer(value)
    path = Path(value)
    if not path.exists():
        msg = (
            f"{value!r} is neither logistics_hubs, monitoring_stations nor an existing file "
            "(GeoJSON, GeoPackage, CSV with lon/lat, …)."
        )
        raise typer.BadParameter(msg, param_hint="'--facilities'")
    imported = read_user_layer(path)
    if len(imported.rejected):
        typer.echo(f"Note: {imported.summary()}", err=True)
    if len(imported.gdf) == 0:
        fail(f"no usable facility in {path}: {imported.summary()}")
    return imported.gdf


def _default_radius(facilities: str) -> float:
    """The service radius of the facilities when ``--radius-m`` is not given."""
    if facilities == "monitoring_stations":
        return _COVERAGE.station_radius_m
    return _COVERAGE.hub_radius_m


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
            help=f"Service radius in metres (default {_COVERAGE.hub_radius_m:g} for hubs, "
            f"{_COVERAGE.station_radius_m:g} for stations).",
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
    ] = _PLACEMENT.time_limit_s,
    gap: Annotated[
        float,
        typer.Option(
            "--gap",
            help="Placement: stop once the solution is proven within this many percent of the "
            "best possible (0 = prove optimality).",
            min=0.0,
            max=99.0,
        ),
    ] = 100 * _PLACEMENT.mip_gap,
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
    from geoapp.coverage import coverage  # deferred: GeoPandas stack, not loaded for --help

    use_workspace(workspace)
    radius = _default_radius(facilities) if radius_m is None else radius_m
    try:
        sites = current_layer("projects")
        fac = _facilities(facilities)
        res = coverage(sites, fac, radius_m=radius, layers=current_layers())
        _print_coverage(res, radius)
        named = facilities if facilities in _FACILITY_LAYERS else "facilities"
        echo_schematic(projects=sites, **{named: fac})
        if output is not None:
            write_layer(res.uncovered, output, layer_name="uncovered")
        if add > 0 or model is Model.lscp:
            _place(
                sites, fac, radius=radius, add=add, model=model, candidates=candidates,
                weight=weight, time_limit=time_limit, gap=gap / 100,
            )  # fmt: skip
        fac_file = Path(facilities) if Path(facilities).is_file() else None
        log_run(
            "coverage",
            {"facilities": facilities, "radius_m": radius, "add": add, "model": model.value,
             "candidates": candidates.value, "weight": weight.value, "output": output},
            {k: res.overall.get(k) for k in ("n_sites", "n_covered", "share_count")},
            input_file=fac_file,
        )  # fmt: skip
    except InfeasibleError as exc:
        _print_infeasible(exc, radius)
        fail(exc)
    except (GeoappError, KeyError, ValueError) as exc:
        fail(exc)


def _print_infeasible(exc: InfeasibleError, radius: float) -> None:
    """Print the smallest radius (rounded up to 100 m) with which LSCP covers every site."""
    feas = getattr(exc, "feasibility", None)
    if feas is not None:
        need = math.ceil(feas.min_radius_m / 100.0) * 100
        typer.echo(
            f"LSCP infeasible with --radius-m {radius:g}: minimum radius {need:.0f} m "
            f"({len(feas.unreachable)} sites out of reach). Rerun with --radius-m {need:.0f}."
        )


def _pct(value: Any) -> str:
    """A share as ``12.3 %``; an unknown share as ``—``."""
    return "—" if value is None or value != value else f"{100 * float(value):.1f} %"


def _print_coverage(res: Any, radius: float) -> None:
    """Print the covered share overall and by county, and how many sites are uncovered."""
    o = res.overall
    typer.echo(
        f"Radius {radius:,.0f} m: {o['n_covered']} of {o['n_sites']} sites covered "
        f"({_pct(o['share_count'])} by count, {_pct(o.get('share_investment'))} by investment)."
    )
    typer.echo("By county:")
    table = res.by_county.copy()
    for col in [c for c in table.columns if c.startswith("share_")]:
        table[col] = table[col].map(_pct)
    echo_table(table)
    typer.echo(f"Uncovered sites: {len(res.uncovered)}")


def _place(
    sites: Any, fac: Any, *, radius: float, add: int, model: Model, candidates: CandidateSet,
    weight: Weight, time_limit: float = _PLACEMENT.time_limit_s, gap: float = _PLACEMENT.mip_gap,
) -> None:  # fmt: skip
    """Place new facilities (MCLP: ``add`` of them; LSCP: the fewest) and print them."""
    from geoapp.coverage import (  # deferred: GeoPandas stack, not loaded for --help
        candidate_sites,
        place_facilities,
    )

    cands = candidate_sites(kind=candidates.value, layers=current_layers())
    by_investment = weight is Weight.investment
    res = place_facilities(
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
    pts = chosen.geometry.to_crs(STORAGE_CRS)
    chosen["lon"] = pts.x.round(6)
    chosen["lat"] = pts.y.round(6)
    echo_table(chosen, digits=6)


# --------------------------------------------------------------------------- site


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
    from geoapp.io import terminal_text  # deferred: GeoPandas stack, not loaded for --help
    from geoapp.report import (  # deferred: GeoPandas stack, not loaded for --help
        evaluate_point,
        site_text,
    )
    from geoapp.siting import POSITION_LAYERS  # deferred: GeoPandas stack, not loaded for --help

    use_workspace(workspace)
    if crs is not None and crs.strip().lower().replace("-", "") in ("gcj02", "bd09", "wgs84"):
        datum, crs = Datum(crs.strip().lower().replace("-", "")), None
    try:
        layers = current_layers()
        result = evaluate_point(
            lon, lat, chain=chain, name=name, datum=datum.value, crs=crs, layers=layers
        )
        typer.echo(terminal_text(site_text(result.iloc[0])))
        echo_schematic(**{n: layers[n] for n in POSITION_LAYERS})
        row = result.iloc[0]
        log_run(
            "site",
            {"lon": lon, "lat": lat, "chain": chain, "name": name, "datum": datum.value,
             "crs": crs},
            {"verdict": str(row.get("verdict")), "score": row.get("score")},
        )  # fmt: skip
    except (GeoappError, KeyError, ValueError) as exc:
        fail(exc)
