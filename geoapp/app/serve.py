"""How the app is served: the one Streamlit command line, a free port, the health check.

``geoapp app`` runs :func:`server_command`; the browser tests and
``benchmarks/bench_app.py`` start the same server on loopback and wait for it
with :func:`wait_healthy`, so all three serve the app the same way.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from geoapp.settings import APP_MAIN

__all__ = ["free_port", "server_command", "wait_healthy"]


def server_command(
    port: int, *, address: str | None = None, script: str | Path = APP_MAIN
) -> list[str]:
    """The command that serves the app (``python -m streamlit run geoapp/app/main.py …``).

    Parameters
    ----------
    port
        The TCP port.
    address
        Listen only on this address (e.g. ``"127.0.0.1"``; the browser is told
        it too); default: every interface, for colleagues on the network.
    script
        The main script: :data:`geoapp.settings.APP_MAIN` (what ``geoapp app``
        serves), or ``streamlit_app.py`` at the top of a checkout (the same app).

    Returns
    -------
    list of str
        The argument vector, ``sys.executable`` first.
    """
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(script),
        "--server.port", str(port), "--server.headless", "true",
        "--server.enableStaticServing", "true",  # the offline map assets (geoapp.app.offline)
        "--browser.gatherUsageStats", "false",
        "--client.toolbarMode", "minimal",
    ]  # fmt: skip
    if address is not None:
        cmd += ["--server.address", address, "--browser.serverAddress", address]
    return cmd


def free_port() -> int:
    """A TCP port free on loopback now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_healthy(
    base_url: str, proc: subprocess.Popen, *, log: Path | None = None, timeout_s: float = 90
) -> None:
    """Wait until the server at ``base_url`` answers its health check.

    Raises
    ------
    RuntimeError
        If the server process ends or is not healthy within ``timeout_s``; the
        message holds the end of ``log``.
    """
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            with urllib.request.urlopen(f"{base_url}/_stcore/health", timeout=2) as r:
                if r.read().strip() == b"ok":
                    return
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            tail = log.read_text(errors="replace")[-3000:] if log is not None else ""
            msg = f"the app did not become healthy on {base_url}:\n{tail}"
            raise RuntimeError(msg)
        time.sleep(0.2)
