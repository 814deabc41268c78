"""``python -m geoapp``: the command line (see :mod:`geoapp.cli`)."""

try:
    from geoapp.cli import main
except ImportError as exc:  # pragma: no cover - typer is a dependency
    msg = (
        "Missing optional dependencies required for the CLI. "
        "Install them with `pip install typer` (or `pip install -e .` in the repository)."
    )
    raise ImportError(msg) from exc

main()
