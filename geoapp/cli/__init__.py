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

One module per command group; this one makes the :data:`app` of them all::

    common        option types, printing, the command's workspace and its log
    layers        layers, export
    analysis      cluster, coverage, site
    reports       report, chains, pipeline
    workspace     import, scenarios, log
    server        app
    suitability   suitability

Option defaults come from :data:`geoapp.settings.DEFAULTS`.
"""

from __future__ import annotations

import logging

import typer

from geoapp.cli.analysis import cluster_cmd, coverage_cmd, site_cmd
from geoapp.cli.layers import export_cmd, layers_cmd
from geoapp.cli.reports import REPORT_HELP, chains_cmd, pipeline_cmd, report_cmd
from geoapp.cli.server import app_cmd
from geoapp.cli.suitability import suitability_cmd
from geoapp.cli.workspace import import_cmd, log_cmd, scenarios_cmd

__all__ = ["app", "main"]

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

# In the order `geoapp --help` lists them.
app.command("layers")(layers_cmd)
app.command("export")(export_cmd)
app.command("cluster")(cluster_cmd)
app.command("coverage")(coverage_cmd)
app.command("site")(site_cmd)
app.command("report", help=REPORT_HELP)(report_cmd)
app.command("import")(import_cmd)
app.command("scenarios")(scenarios_cmd)
app.command("log")(log_cmd)
app.command("app")(app_cmd)
app.command("suitability")(suitability_cmd)
app.command("chains")(chains_cmd)
app.command("pipeline")(pipeline_cmd)


def main() -> None:
    """Entry point of the ``geoapp`` console script."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    app()


if __name__ == "__main__":
    main()
