"""``geoapp report``, ``geoapp chains`` and ``geoapp pipeline``: reports and roll-ups to hand on."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer

from geoapp.cli.common import (
    CrsOpt,
    Datum,
    DatumOpt,
    FixSwappedOpt,
    ProgressOpt,
    SchedulerOpt,
    WorkersOpt,
    WorkspaceOpt,
    current_layers,
    echo_table,
    fail,
    log_run,
    one_executor,
    show_progress,
    use_workspace,
)
from geoapp.errors import GeoappError
from geoapp.settings import DEFAULT_LIMITS, Limits

__all__ = ["REPORT_HELP", "chains_cmd", "pipeline_cmd", "report_cmd"]


def _mib(size: int) -> str:
    """A size in bytes as ``100 MiB``."""
    return f"{size / 2**20:g} MiB"


_L = DEFAULT_LIMITS

#: The help of ``geoapp report`` (its limits are the defaults of :class:`geoapp.settings.Limits`).
REPORT_HELP = f"""Batch siting report: evaluate every candidate and write a report folder.

    Writes DIR/index.html (map + ranking), DIR/summary.csv, DIR/results.geojson,
    DIR/errors.csv (rows that could not be evaluated, with the reason) and
    DIR/sites/<row>.html (and .pdf with --pdf). Exit status 0 when at least one
    row was evaluated; 1 when none could be, leaving an existing DIR untouched;
    2 when DIR may not be used: -o must be a new path, an empty folder or an
    earlier report (it holds .geoapp-report) — never a file, the input, the
    current folder or a folder of other files. With --pdf, DIR/report.pdf holds
    every site page, one bookmark per site, for printing.

    Limits (raise them with the options): --max-bytes {_mib(_L.max_bytes)}, --max-rows
    {_L.max_rows:,}, --max-pages {_L.max_pages} (pages only; every site is evaluated),
    --max-cell-chars {_L.max_cell_chars:,}.

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


# --------------------------------------------------------------------------- report


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
    progress: ProgressOpt = None,
    layer: Annotated[
        str | None,
        typer.Option("--layer", help="Layer of a GeoPackage, Shapefile in a .zip, or XLSX sheet."),
    ] = None,
    max_rows: Annotated[
        int | None,
        typer.Option("--max-rows", min=1, help=f"Most input rows (default {_L.max_rows:,})."),
    ] = None,
    max_bytes: Annotated[
        int | None,
        typer.Option("--max-bytes", min=1, help=f"Largest input file in bytes (default "
                     f"{_mib(_L.max_bytes)}); the uncompressed limit of a .zip/.xlsx "
                     f"({_mib(_L.max_expanded_bytes)}) grows in proportion."),
    ] = None,
    max_pages: Annotated[
        int | None,
        typer.Option("--max-pages", min=0, help=f"Sites with their own page/PDF (default "
                     f"{_L.max_pages}); every site is still in summary.csv and results.geojson."),
    ] = None,
    max_cell_chars: Annotated[
        int | None,
        typer.Option("--max-cell-chars", min=1,
                     help=f"Longest text in a cell (default {_L.max_cell_chars:,})."),
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
    """Write a batch siting report folder and print its figures.

    The command's help is :data:`REPORT_HELP` (its limits read from the settings).
    """
    from geoapp.report import build_report  # deferred: GeoPandas stack, not loaded for --help

    use_workspace(workspace)
    one_executor(workers, scheduler)
    show = show_progress(progress)
    try:
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
            limits=_limits(max_rows, max_bytes, max_pages, max_cell_chars),
            layers=current_layers(),
            dask_workers=workers,
            scheduler=scheduler,
            results_csv=results_csv,
        )
    except (GeoappError, KeyError, ValueError, OSError) as exc:
        fail(exc)
    counts = _print_report(res)
    log_run(
        "report",
        {"output": output, "pdf": pdf, "datum": datum.value, "crs": crs,
         "fix_swapped": fix_swapped, "workers": workers, "scheduler": scheduler},
        {"n_evaluated": res.n_evaluated, "n_rejected": res.n_rejected,
         "verdicts": {str(k): int(v) for k, v in counts.items()}},
        input_file=candidates,
    )  # fmt: skip


def _limits(
    max_rows: int | None, max_bytes: int | None, max_pages: int | None, max_cell_chars: int | None
) -> Limits:
    """The report's limits: the defaults with the options given.

    ``--max-bytes`` raises the uncompressed limit of a .zip / .xlsx in proportion (never
    below its default).
    """
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
    return limits


def _print_report(res: Any) -> Any:
    """Print the notes, the sites by verdict (and by county when streamed), the top ten.

    Returns
    -------
    pandas.Series
        Sites by verdict (of every row when streamed, else of the report's sites).
    """
    from geoapp.io import terminal_text  # deferred: GeoPandas stack, not loaded for --help

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
        echo_table(by_county.reset_index())
    top = res.summary[["name", "county", "chain", "score", "verdict"]].head(10)
    echo_table(top, digits=1)
    typer.echo(f"Report: {terminal_text(res.index)}")
    return counts


# --------------------------------------------------------------------------- chains, pipeline


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
    from geoapp.chainmap import (  # deferred: GeoPandas stack, not loaded for --help
        STATUS_ZH,
        chain_nodes,
        chain_sheets,
        gaps_by_zone,
        panorama,
        write_chain_report,
        write_xlsx,
    )
    from geoapp.projects import project_places  # deferred: GeoPandas stack, not loaded for --help

    try:
        nodes = chain_nodes(chain)
        layers = current_layers()
        places = project_places(layers)
        for name in dict.fromkeys(nodes["chain"]):
            pan = panorama(name, layers, places=places)
            typer.echo(f"\n{pan['cluster'].iloc[0]} · {name}")
            pan = pan.assign(status=pan["status"].map(STATUS_ZH))
            echo_table(pan[["position", "node", "status", "project_names", "stages", "source"]])
        gaps = gaps_by_zone(layers, chain, places=places)
        per_zone = (
            gaps.groupby(["zone", "chain"], sort=False).size().rename("nodes_without_project")
        )
        typer.echo("\nZones leading a chain with nodes that have no project there:")
        echo_table(per_zone.reset_index())
        if output is not None:
            suffix = output.suffix.lower()
            if suffix == ".xlsx":
                write_xlsx(chain_sheets(layers, chain), output)
            elif suffix in (".html", ".pdf"):
                write_chain_report(layers, output, chain)
            else:
                fail(f"cannot tell the format of {str(output)!r}; use .xlsx, .html or .pdf.")
            typer.echo(f"Wrote {output}")
    except (GeoappError, KeyError, ValueError, OSError) as exc:
        fail(exc)


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
    from geoapp.chainmap import (  # deferred: GeoPandas stack, not loaded for --help
        pipeline_sheets,
        write_xlsx,
    )
    from geoapp.projects import (  # deferred: GeoPandas stack, not loaded for --help
        against_targets,
        funnel,
    )

    try:
        layers = current_layers()
        typer.echo("三个一批 funnel by stage:")
        echo_table(funnel(layers))
        t = against_targets(layers)
        typer.echo("\nTargets vs the project table:")
        cols = ["id", "cluster", "metric", "value", "year", "current", "share", "source"]
        echo_table(t[cols], max_width=80)
        for row in t.itertuples():  # 9 targets
            if row.measurable != "yes":
                typer.echo(f"  {row.id}: {row.cannot_tell}")
        if output is not None:
            if output.suffix.lower() != ".xlsx":
                fail(f"cannot tell the format of {str(output)!r}; use .xlsx.")
            write_xlsx(pipeline_sheets(layers), output)
            typer.echo(f"Wrote {output}")
    except (GeoappError, KeyError, ValueError, OSError) as exc:
        fail(exc)
