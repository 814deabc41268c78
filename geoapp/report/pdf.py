"""Site pages as PDF: WeasyPrint with a CJK font, in worker processes when there are many."""

from __future__ import annotations

import os
import shutil
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

_MAX_WORKERS = 4
_MIN_PAGES_PER_WORKER = 10


@cache
def cjk_pdf_font_available(family: str = "Noto Sans CJK SC") -> bool | None:
    """Whether fontconfig knows ``family`` (``fc-list``); ``None`` if fc-list is missing.

    Parameters
    ----------
    family
        The font family the report CSS asks for.

    Returns
    -------
    bool or None
    """
    exe = shutil.which("fc-list")
    if exe is None:
        return None
    try:
        out = subprocess.run(  # fixed executable and arguments
            [exe, family, "family"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return family.casefold() in out.casefold()


@cache
def _weasyprint() -> tuple[Any, Any]:
    """The weasyprint module and one font configuration (per process)."""
    try:
        import weasyprint
    except ImportError as exc:  # pragma: no cover - weasyprint is a dependency
        msg = (
            "PDF reports need WeasyPrint and Pango: `pip install weasyprint` and "
            "`apt-get install libpango-1.0-0 fonts-noto-cjk`."
        )
        raise ImportError(msg) from exc
    return weasyprint, weasyprint.text.fonts.FontConfiguration()


def write_pdf(html: str, target: str | Path, *, base_url: str | Path | None = None) -> Path:
    """Render an HTML page to PDF with WeasyPrint (CSS ``font-family`` picks the CJK font).

    Parameters
    ----------
    html
        The page, e.g. from :func:`render_site_page`.
    target
        The PDF file to write.
    base_url
        Folder that relative links and images resolve against. Default none:
        relative links stay relative (the report's images are embedded).

    Returns
    -------
    pathlib.Path
        ``target``.
    """
    weasyprint, fonts = _weasyprint()
    weasyprint.HTML(string=html, base_url=str(base_url) if base_url else None).write_pdf(
        target, font_config=fonts
    )
    return Path(target)


class _PdfQueue:
    """Write PDFs in this process or, for many pages, in a pool of worker processes.

    PDF layout is the slow step of a report (~0.2 s a page) and independent
    per page; the main process keeps drawing maps while the workers lay out.
    Workers are spawned (not forked), so no lock or thread state is inherited.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: Any = None
        self._futures: list[Any] = []

    def submit(self, html: str, target: Path) -> None:
        if self.workers <= 1:
            write_pdf(html, target)
            return
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=multiprocessing.get_context("spawn")
            )
        self._futures.append(self._pool.submit(write_pdf, html, target))

    def wait(self) -> None:
        for future in self._futures:
            future.result()  # re-raises a worker's exception here

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _can_spawn() -> bool:
    """Spawned workers re-import ``__main__`` from its file: impossible for ``python - < x``."""
    import sys

    main_file = getattr(sys.modules.get("__main__"), "__file__", None)
    return main_file is None or Path(main_file).is_file()


def _pdf_workers(workers: int | None, n_pages: int) -> int:
    if workers is not None:
        if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
            msg = f"`workers` must be an integer >= 1, got {workers!r}."
            raise ValueError(msg)
        return workers
    if n_pages < _MIN_PAGES_PER_WORKER * 2 or not _can_spawn():
        return 1  # starting processes costs more than it saves
    return max(1, min(os.cpu_count() or 1, _MAX_WORKERS, n_pages // _MIN_PAGES_PER_WORKER))
