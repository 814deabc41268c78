"""``geoapp layers`` and ``geoapp export``: the layers in use, and files of them for GIS teams."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from geoapp.cli.common import (
    WorkspaceOpt,
    current_layer,
    current_layers,
    current_workspace,
    echo_table,
    fail,
    use_workspace,
)
from geoapp.errors import GeoappError
from geoapp.settings import STORAGE_CRS

__all__ = ["export_cmd", "layers_cmd"]


class Format(StrEnum):
    """Export formats (see :data:`geoapp.io.FORMATS`)."""

    geojson = "geojson"
    gpkg = "gpkg"
    shp = "shp"
    csv = "csv"


class ExportCRS(StrEnum):
    """Export coordinate systems (see :data:`geoapp.io.EXPORT_CRS`)."""

    wgs84 = "EPSG:4326"
    cgcs2000 = "EPSG:4490"
    gk114 = "EPSG:4547"
    gcj02 = "gcj02"


def layers_cmd(workspace: WorkspaceOpt = None) -> None:
    """List the layers: name, titles, count, geometry, location quality, origin and version.

    Origin is `shipped` or `workspace`; version and changed are the workspace
    version in use and when it was written.

    \b
    Example:
        geoapp layers
        geoapp layers --workspace postgresql://planner@db/planning?schema=puyang
    """
    import pandas as pd  # deferred: pandas, not loaded for --help

    from geoapp.layers import catalog  # deferred: GeoPandas stack, not loaded for --help

    use_workspace(workspace)
    try:
        rows = []
        layers = current_layers()
        current = current_workspace().current_versions()
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
        fail(exc)
    echo_table(pd.DataFrame(rows), max_width=60)


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
            f"or GCJ-02 (AMap/Tencent; the file declares {STORAGE_CRS}).",
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
    from geoapp.io import (  # deferred: GeoPandas stack, not loaded for --help
        check_output_file,
        export_layer,
        export_layers,
    )

    use_workspace(workspace)
    try:
        check_output_file(output)
        if layer.lower() == "all":
            if fmt is not Format.gpkg:
                msg = (
                    f"`export all` writes one multi-layer GeoPackage; use -f gpkg, not {fmt.value}."
                )
                raise typer.BadParameter(msg, param_hint="'-f' / '--format'")
            res = export_layers(dict(current_layers()), output, crs=crs.value)
        else:
            res = export_layer(
                current_layer(layer), output, fmt=fmt.value, crs=crs.value, layer_name=layer
            )
    except (GeoappError, KeyError, ValueError) as exc:
        fail(exc)
    typer.echo(
        f"Wrote {res.feature_count} features ({', '.join(res.layers)}) to {res.path} "
        f"({res.fmt}, {res.crs})."
    )
