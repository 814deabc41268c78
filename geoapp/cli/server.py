"""``geoapp app``: serve the planners' map app (Streamlit) from the command line."""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from geoapp import settings
from geoapp.cli.common import WorkspaceOpt, fail
from geoapp.settings import DEFAULTS, WORKSPACE_ENV

__all__ = ["app_cmd"]


def app_cmd(
    port: Annotated[
        int, typer.Option(help="Port to serve on.", min=1, max=65535)
    ] = DEFAULTS.app.port,
    workspace: WorkspaceOpt = None,
) -> None:
    """Run the planners' map app (streamlit) on http://localhost:PORT.

    \b
    Example:
        geoapp app --port 8502
    """
    from geoapp.app import server_command, vendor_assets  # deferred: ~40 ms of --help

    script = settings.APP_MAIN  # read when the command runs (a test points it elsewhere)
    if not script.exists():
        fail(f"{script} does not exist; reinstall geoapp (`pip install --force-reinstall geoapp`).")
    vendor_assets()  # the map's JS/CSS beside the app, served before the first page view
    cmd = server_command(port)
    typer.echo(f"Serving {script.name} on http://localhost:{port} (Ctrl+C to stop)")
    if workspace:  # the server (a child process) inherits it
        os.environ[WORKSPACE_ENV] = workspace
    sys.stdout.flush()
    # The server replaces this process: stopping `geoapp app` (Ctrl+C, a service manager's
    # SIGTERM) stops the server itself, and no orphaned server keeps the port.
    os.execv(sys.executable, cmd)  # noqa: S606 - fixed interpreter, module and arguments
