"""``geoapp suitability``: the city scored for a chain on a grid, and its best regions."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from geoapp.cli.common import (
    ProgressOpt,
    SchedulerOpt,
    WorkersOpt,
    current_layers,
    echo_schematic,
    echo_table,
    fail,
    one_executor,
    show_progress,
)
from geoapp.errors import GeoappError
from geoapp.settings import DEFAULTS, METRIC_CRS

if TYPE_CHECKING:
    from geoapp.io import ExportCRS, Format

__all__ = ["suitability_cmd"]

_SUIT = DEFAULTS.suitability
#: The files of the best regions: format and CRS (WGS-84; CGCS2000 GK CM 114E, metres).
_REGION_FILES: tuple[tuple[Format, ExportCRS], ...] = (
    ("geojson", "EPSG:4326"),
    ("gpkg", "EPSG:4547"),
)


def suitability_cmd(
    chain: Annotated[str, typer.Option(help="Industrial chain to score, e.g. 聚碳新材料.")],
    output: Annotated[
        Path,
        typer.Option("--output", "-o", help=f"GeoTIFF to write (Cloud-Optimized, {METRIC_CRS})."),
    ] = ...,  # type: ignore[assignment]  # required (typer)
    resolution: Annotated[
        float,
        typer.Option(
            "--resolution",
            help=f"Cell size in metres, {_SUIT.min_resolution_m:g}–{_SUIT.max_resolution_m:g}.",
        ),
    ] = _SUIT.resolution_m,
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
        typer.Option(
            help="Score counted as suitable in the summary "
            f"(default {DEFAULTS.siting.recommended_min:g})."
        ),
    ] = None,
    constraints: Annotated[
        Path | None,
        typer.Option(help="User constraint polygons (生态保护红线 …): GeoJSON, GPKG, zip."),
    ] = None,
    regions: Annotated[
        int, typer.Option("--regions", help="Also find this many best regions (0 = none).", min=0)
    ] = _SUIT.regions,
    min_area_ha: Annotated[
        float, typer.Option("--min-area-ha", help="Smallest region, hectares.")
    ] = _SUIT.min_area_ha,
    min_gap_km: Annotated[
        float, typer.Option("--min-gap-km", help="Smallest gap between regions, km.")
    ] = _SUIT.min_gap_km,
    min_score: Annotated[
        float | None,
        typer.Option("--min-score", help="Lowest score of region cells (default: --threshold)."),
    ] = None,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
    tile: Annotated[int, typer.Option(help="Tile side in cells.", min=_SUIT.min_tile)] = _SUIT.tile,
    progress: ProgressOpt = None,
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
    from geoapp.siting import POSITION_LAYERS  # deferred: GeoPandas stack, not loaded for --help
    from geoapp.suitability import (  # deferred: GeoPandas stack, not loaded for --help
        compute_surface,
    )

    one_executor(workers, scheduler)
    if output.suffix.lower() not in (".tif", ".tiff"):
        raise typer.BadParameter(
            f"{str(output)!r} should end in .tif (a GeoTIFF).", param_hint="'-o' / '--output'"
        )
    show = show_progress(progress)
    try:
        spec = _surface_spec(chain, resolution, weights, transform, river_buffer_m, threshold)
        layers = _layer_bundle(constraints)
        res = compute_surface(
            layers, spec, output=output, tile=tile, workers=workers, scheduler=scheduler,
            progress=show,
        )  # fmt: skip
        g = res.grid
        typer.echo(
            f"Wrote {res.path}: {g.width} x {g.height} cells of {g.res:g} m ({METRIC_CRS}), "
            f"{res.seconds:.1f} s."
        )
        echo_schematic(**{n: layers[n] for n in POSITION_LAYERS})
        typer.echo(f"By county (suitable = no rule fails and score >= {spec.score_threshold:g}):")
        echo_table(res.by_county, digits=2)
        if regions > 0:
            _best_regions(
                res, layers, spec, output, k=regions, min_score=min_score,
                min_area_ha=min_area_ha, min_gap_km=min_gap_km,
            )  # fmt: skip
    except (GeoappError, KeyError, ValueError, OSError) as exc:
        fail(exc)


def _surface_spec(
    chain: str, resolution: float, weights: str | None, transform: list[str] | None,
    river_buffer_m: float | None, threshold: float | None,
) -> Any:  # fmt: skip
    """The surface to compute, from the options (weights and transformations parsed)."""
    from geoapp.suitability import (  # deferred: GeoPandas stack, not loaded for --help
        SurfaceSpec,
        parse_transform,
        parse_weights,
    )

    settings = DEFAULTS.siting
    if river_buffer_m is not None:
        settings = replace(settings, river_buffer_m=river_buffer_m)
    return SurfaceSpec(
        chain,
        resolution_m=resolution,
        settings=settings,
        weights=parse_weights(weights) if weights else None,
        transforms=dict(parse_transform(t) for t in transform or []),
        threshold=threshold,
    )


def _layer_bundle(constraints: Path | None = None) -> Any:
    """The command's layer bundle, plus the user's constraint polygons (CLI edge)."""
    from geoapp.io import read_user_layer  # deferred: GeoPandas stack, not loaded for --help

    layers = current_layers()
    if constraints is not None:
        imported = read_user_layer(constraints)
        if len(imported.rejected):
            typer.echo(f"Note: {imported.summary()}", err=True)
        layers = layers.with_constraints(imported.gdf)
    return layers


def _best_regions(
    res: Any, layers: Any, spec: Any, output: Path, *, k: int, min_score: float | None,
    min_area_ha: float, min_gap_km: float,
) -> None:  # fmt: skip
    """Find the best ``k`` regions of the surface, print them and write them beside ``output``."""
    from geoapp.io import export_layer  # deferred: GeoPandas stack, not loaded for --help
    from geoapp.suitability import (  # deferred: GeoPandas stack, not loaded for --help
        find_regions,
        regions_table,
    )

    found = find_regions(
        res, layers=layers, spec=spec, k=k, min_score=min_score, min_area_ha=min_area_ha,
        min_gap_km=min_gap_km,
    )  # fmt: skip
    typer.echo(f"{len(found)} regions (asked {k}):")
    echo_table(regions_table(found), digits=1)
    stem = output.with_name(f"{output.stem}_regions")
    if len(found):
        for fmt, crs in _REGION_FILES:
            out = export_layer(
                found, stem.with_suffix(f".{fmt}"), fmt=fmt, crs=crs, layer_name="regions"
            )
            typer.echo(f"Wrote {out.path}")
