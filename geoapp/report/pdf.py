"""Site pages as PDF: WeasyPrint with a CJK font; many pages laid out in batches, in workers."""

from __future__ import annotations

import gc
import io
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, Fit, NameObject, TextStringObject

_MAX_WORKERS = 4
_MIN_PAGES_PER_WORKER = 15
_MAX_BATCH = 25  # pages laid out and subset together (memory grows with it)
_MIN_BATCH = 2
_BATCHES_PER_WORKER = 3  # so that the workers finish together


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
        import weasyprint  # deferred: WeasyPrint loads Pango and fontconfig, for PDFs only
    except ImportError as exc:  # pragma: no cover - weasyprint is a dependency
        msg = (
            "PDF reports need WeasyPrint and Pango: `pip install weasyprint` and "
            "`apt-get install libpango-1.0-0 fonts-noto-cjk`."
        )
        raise ImportError(msg) from exc
    return weasyprint, weasyprint.text.fonts.FontConfiguration()


def _warm_up() -> None:
    """Load WeasyPrint and the fonts (in a worker, while the main process draws maps)."""
    _weasyprint()


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while WeasyPrint lays out.

    A layout makes many small objects, and each collection of a large heap
    (the report's layers) cost about a quarter of the layout's time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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

    See Also
    --------
    write_pdf_batch : many pages, each to its own file, at a fraction of the cost.
    """
    weasyprint, fonts = _weasyprint()
    with _gc_paused():
        weasyprint.HTML(string=html, base_url=str(base_url) if base_url else None).write_pdf(
            target, font_config=fonts
        )
    return Path(target)


def write_pdf_batch(pages: Sequence[tuple[str, str | Path]]) -> bytes:
    """Write each HTML page to its own PDF file, laid out and subset as one document.

    Each page is laid out on its own (its page numbers count from 1, as with
    :func:`write_pdf`), then the pages of all of them are written as one PDF,
    so the CJK font is subset once for the batch instead of once per file
    (a third or more of the cost of a small PDF). That PDF is split into one file per
    page (pypdf): each holds its own pages, its own images, its bookmarks and
    its title, and the batch's font subset.

    Parameters
    ----------
    pages
        ``(html, target)`` pairs: the HTML of a page and the PDF file to write.
        Images must be embedded (data URIs); relative links stay relative.

    Returns
    -------
    bytes
        The batch as one PDF, the pages in the order given, bookmarks of every
        page (for :func:`merge_pdfs`).
    """
    if not pages:
        msg = "`pages` is empty: pass at least one (html, target) pair."
        raise ValueError(msg)
    weasyprint, fonts = _weasyprint()
    with _gc_paused():
        docs = [weasyprint.HTML(string=html).render(font_config=fonts) for html, _ in pages]
        combined = docs[0].copy([page for doc in docs for page in doc.pages]).write_pdf()
    targets = [Path(target) for _, target in pages]
    _split(combined, [(t, len(d.pages), d.metadata) for t, d in zip(targets, docs, strict=True)])
    return combined


def _split(data: bytes, parts: Sequence[tuple[Path, int, Any]]) -> None:
    """Write consecutive page ranges of the PDF ``data`` to files.

    ``parts`` holds ``(target, number of pages, WeasyPrint metadata)`` in page order.
    """
    reader = PdfReader(io.BytesIO(data))
    bookmarks = _bookmarks(reader, reader.outline)
    producer = reader.metadata.get("/Producer", "") if reader.metadata else ""
    start = 0
    for target, n, meta in parts:
        writer = PdfWriter()
        for i in range(start, start + n):
            writer.add_page(_own_images(reader.pages[i]))
        _add_bookmarks(writer, bookmarks, start, start + n)
        info = {"/Title": meta.title, "/Creator": meta.generator, "/Producer": producer}
        writer.add_metadata({k: v for k, v in info.items() if v})
        with open(target, "wb") as f:
            writer.write(f)
        start += n


_DO = re.compile(rb"/([^\s/\[\]<>(){}%]+)\s+Do\b")
_HEX = re.compile(rb"#([0-9A-Fa-f]{2})")


def _own_images(page: Any) -> Any:
    """``page`` with a resource dictionary of its own listing only the images it draws.

    WeasyPrint gives every page of a document one shared resource dictionary;
    copied as is, each split file would carry the images of the whole batch.
    """
    resources = page["/Resources"].get_object()
    xobjects = resources.get("/XObject")
    if not xobjects:
        return page
    content = page.get_contents()
    drawn = content.get_data() if content is not None else b""
    used = {_HEX.sub(lambda m: bytes([int(m[1], 16)]), n) for n in _DO.findall(drawn)}
    own = DictionaryObject(resources)
    own[NameObject("/XObject")] = DictionaryObject(
        {k: v for k, v in xobjects.get_object().items() if k[1:].encode() in used}
    )
    page[NameObject("/Resources")] = own
    return page


def _bookmarks(reader: Any, items: Sequence[Any]) -> list[tuple[Any, int, list[Any]]]:
    """The outline as ``(destination, page index, children)`` trees.

    pypdf lists an item's children in a list right after the item.
    """
    tree: list[tuple[Any, int, list[Any]]] = []
    for item in items:
        if isinstance(item, list):
            tree[-1][2].extend(_bookmarks(reader, item))
        else:
            tree.append((item, reader.get_destination_page_number(item), []))
    return tree


def _add_bookmarks(
    writer: Any,
    tree: Sequence[tuple[Any, int, list[Any]]],
    start: int,
    stop: int,
    parent: Any = None,
) -> None:
    """Copy the bookmarks pointing into pages ``start:stop`` (renumbered from 0) to ``writer``."""
    for dest, page, children in tree:
        if start <= page < stop:
            fit = Fit.xyz(left=dest.left, top=dest.top, zoom=dest.zoom)
            item = writer.add_outline_item(
                title=dest.title, page_number=page - start, parent=parent, fit=fit
            )
            _add_bookmarks(writer, children, start, stop, item)


def merge_pdfs(
    parts: Sequence[bytes],
    target: str | Path,
    *,
    title: str = "",
    relink: Mapping[str, str] | None = None,
) -> Path:
    """Write PDFs one after the other as one file, with their bookmarks.

    Parameters
    ----------
    parts
        The PDFs, e.g. from :func:`write_pdf_batch`.
    target
        The PDF file to write.
    title
        The document title (default none).
    relink
        Link targets to replace, e.g. ``{"../index.html": "index.html"}`` when
        the file lies in another folder than the pages it is made of.

    Returns
    -------
    pathlib.Path
        ``target``.
    """
    writer = PdfWriter()
    for data in parts:
        writer.append(PdfReader(io.BytesIO(data)))
    relink = relink or {}
    for page in writer.pages if relink else ():
        for annot in page.get("/Annots") or ():
            action = annot.get_object().get("/A")
            uri = action.get_object().get("/URI") if action is not None else None
            if uri is not None and str(uri) in relink:
                action.get_object()[NameObject("/URI")] = TextStringObject(relink[str(uri)])
    if title:
        writer.add_metadata({"/Title": title})
    with open(target, "wb") as f:
        writer.write(f)
    return Path(target)


class _PdfQueue:
    """Write site PDFs in batches (:func:`write_pdf_batch`) in this process and in workers.

    PDF layout is the slow step of a report and independent per page. With
    ``workers`` = N, N - 1 processes are spawned as the queue is made (not
    forked, so no lock or thread state is inherited; starting one costs a
    second or more of CPU) and this process lays out too: a batch goes to the
    workers while they have fewer than two each in hand, else it is laid out
    here, between drawing maps. Each batch is subset once; batches are small
    enough to share the pages out evenly.
    """

    def __init__(self, workers: int, n_pages: int) -> None:
        self.workers = workers
        per_worker = -(-n_pages // (workers * _BATCHES_PER_WORKER))
        self.batch = _MAX_BATCH if workers <= 1 else max(_MIN_BATCH, min(_MAX_BATCH, per_worker))
        self._pending: list[tuple[str, Path]] = []
        self._parts: list[Any] = []  # PDF bytes, or futures of them, in page order
        self._pool: Any = None
        if workers > 1:
            self._pool = ProcessPoolExecutor(
                workers - 1, mp_context=multiprocessing.get_context("spawn")
            )
            for _ in range(workers - 1):
                self._pool.submit(_warm_up)  # start every worker now

    def submit(self, html: str, target: Path) -> None:
        self._pending.append((html, target))
        if len(self._pending) >= self.batch:
            self._flush()

    def _flush(self) -> None:
        if not self._pending:
            return
        batch, self._pending = self._pending, []
        in_hand = sum(not part.done() for part in self._parts if not isinstance(part, bytes))
        if self._pool is None or in_hand >= 2 * (self.workers - 1):
            self._parts.append(write_pdf_batch(batch))
        else:
            self._parts.append(self._pool.submit(write_pdf_batch, batch))

    def finish(self, combined: Path, *, title: str, relink: Mapping[str, str]) -> None:
        """Write the last batch, wait for all of them and write every page into ``combined``.

        A worker's exception is raised here.
        """
        self._flush()
        parts = [part if isinstance(part, bytes) else part.result() for part in self._parts]
        if parts:
            merge_pdfs(parts, combined, title=title, relink=relink)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _can_spawn() -> bool:
    """Spawned workers re-import ``__main__`` from its file: impossible for ``python - < x``."""
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
