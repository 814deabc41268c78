"""Write files and folders atomically and never destructively.

An interrupted export or report never leaves a half-written file behind, and the
previous version stays intact until the new one is complete. Before any work,
:func:`check_report_dir` and :func:`check_output_file` refuse an output path
that would destroy something that is not an earlier output: an existing file
(for a report), the input itself, the current folder, a folder of other files.

Temporary names carry the writing process id (``.NAME.geoapp-tmp-PID-XXXX``);
the next run beside the same output removes the leftovers of a run that was
killed (its process no longer exists), together with the names of older
versions (``.NAME.XXXXXXXX``, ``.NAME.old``, ``…-journal``).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from geoapp.errors import OutputPathError

#: The file every report folder holds; only such a folder (or an empty one) may be replaced.
REPORT_MARKER = ".geoapp-report"
#: What a report folder written before the marker existed holds (it may also be replaced).
_LEGACY_REPORT_ENTRIES = frozenset(
    {"index.html", "summary.csv", "errors.csv", "results.geojson", "sites"}
)
_TMP_TAG = "geoapp-tmp"
_SIDE_FILES = ("-journal", "-wal", "-shm")  # SQLite (GeoPackage) side files


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # e.g. PermissionError: it exists, owned by someone else
        return True
    return True


def _remove(path: Path) -> None:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except OSError:
        pass  # not ours to insist on; a later run tries again


def clean_stale(folder: Path, name: str) -> list[Path]:
    """Remove temporary files of killed runs that wrote ``folder / name``.

    Parameters
    ----------
    folder
        The folder holding the output.
    name
        The output's file or folder name.

    Returns
    -------
    list of pathlib.Path
        What was removed.
    """
    if not folder.is_dir():
        return []
    stem = Path(name).stem
    ours = re.compile(rf"^\.{re.escape(name)}\.{_TMP_TAG}-(\d+)-")
    legacy = re.compile(
        rf"^\.(?:{re.escape(name)}\.(?:[a-z0-9_]{{8}}|old)"
        rf"|{re.escape(stem)}\.[a-z0-9_]{{8}}{re.escape(Path(name).suffix)})"
        rf"(?:{'|'.join(_SIDE_FILES)})?$"
    )
    removed = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        m = ours.match(entry.name)
        if m is not None:
            if not _pid_alive(int(m.group(1))):
                _remove(entry)
                removed.append(entry)
        elif legacy.match(entry.name):
            _remove(entry)
            removed.append(entry)
    return removed


def _tmp_prefix(name: str) -> str:
    return f".{name}.{_TMP_TAG}-{os.getpid()}-"


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _inside(child: Path, parent: Path) -> bool:
    try:
        return child.resolve().is_relative_to(parent.resolve())
    except OSError:
        return False


def _writable_parent(path: Path, option: str) -> None:
    """Refuse when the nearest existing folder above ``path`` cannot be written."""
    parent = path.absolute().parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        msg = (
            f"{option} {path}: {parent} is a file, not a folder. "
            f"Choose an output under a folder, e.g. {option} out/{path.name}."
        )
        raise OutputPathError(msg)
    if not os.access(parent, os.W_OK | os.X_OK):
        msg = (
            f"{option} {path}: the folder {parent} is read-only for you. "
            f"Choose a folder you can write to, e.g. {option} ~/{path.name}."
        )
        raise OutputPathError(msg)


def _check_common(path: Path, inputs: Iterable[Path], option: str, what: str) -> None:
    if str(path).strip() == "" or path.name in ("", ".", ".."):
        msg = (
            f"{option} {str(path) or repr('')}: names no {what} (it is the current or parent "
            f"folder). Give a new name, e.g. {option} report."
        )
        raise OutputPathError(msg)
    if _same(path, Path.cwd()) or _inside(Path.cwd(), path):
        msg = (
            f"{option} {path}: that is the current folder (or holds it), which would be "
            f"replaced. Give a new {what} name, e.g. {option} {path.name or 'out'}_report."
        )
        raise OutputPathError(msg)
    for source in inputs:
        if _same(path, source):
            msg = (
                f"{option} {path}: that is the input file itself, which would be destroyed. "
                f"Give a new {what} name, e.g. {option} {path.stem}_report."
            )
            raise OutputPathError(msg)
        if path.exists() and _inside(source, path):
            msg = (
                f"{option} {path}: the input {source} lies inside it and would be deleted. "
                f"Give a new {what} name, or move the input out first."
            )
            raise OutputPathError(msg)


def check_report_dir(path: str | Path, *, inputs: Iterable[str | Path] = ()) -> Path:
    """Check that a report may be written to the folder ``path``, before any work.

    Allowed: a path that does not exist yet (under a folder you can write to),
    an empty folder, or an earlier report (a folder holding
    :data:`REPORT_MARKER`, or only what a report writes).

    Parameters
    ----------
    path
        The report folder (``-o``).
    inputs
        Input files; none of them may be the output or lie inside it.

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    OutputPathError
        One line naming the path, what is wrong and what to do: an existing
        file, a folder of other files, the input, the current folder, a
        read-only parent.
    """
    path = Path(path)
    option = "-o"
    _check_common(path, [Path(p) for p in inputs], option, "folder")
    if path.is_symlink() or (path.exists() and not path.is_dir()):
        msg = (
            f"{option} {path}: a file of that name exists and would be replaced by the report "
            f"folder. Give a new folder name, e.g. {option} {path.stem}_report."
        )
        raise OutputPathError(msg)
    if path.is_dir():
        try:
            entries = sorted(p.name for p in path.iterdir())
        except OSError as exc:
            msg = f"{option} {path}: cannot be read ({exc.strerror}). Choose another folder."
            raise OutputPathError(msg) from exc
        is_report = REPORT_MARKER in entries or (
            "index.html" in entries and set(entries) <= _LEGACY_REPORT_ENTRIES
        )
        if entries and not is_report:
            shown = ", ".join(entries[:5]) + (
                f" … ({len(entries)} entries)" if len(entries) > 5 else ""
            )
            msg = (
                f"{option} {path}: the folder holds other files ({shown}) and is not an earlier "
                f"report, so it is left untouched. Give a new or empty folder, e.g. "
                f"{option} {path / 'report'}."
            )
            raise OutputPathError(msg)
    _writable_parent(path, option)
    return path


def check_output_file(path: str | Path, *, inputs: Iterable[str | Path] = ()) -> Path:
    """Check that an export may be written to the file ``path``, before any work.

    An existing file of that name is replaced (when the new one is complete);
    a folder, the input, the current folder or a read-only parent are refused.

    Parameters
    ----------
    path
        The output file (``-o``).
    inputs
        Input files; none may be the output.

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    OutputPathError
        One line naming the path, what is wrong and what to do.
    """
    path = Path(path)
    option = "-o"
    _check_common(path, [Path(p) for p in inputs], option, "file")
    if path.is_dir():
        msg = (
            f"{option} {path}: that is a folder; give a file name, e.g. "
            f"{option} {path / 'layer.gpkg'}."
        )
        raise OutputPathError(msg)
    _writable_parent(path, option)
    return path


def _os_error(path: Path, exc: OSError) -> OutputPathError:
    why = exc.strerror or str(exc)
    msg = f"cannot write {path}: {why}. Choose another output path (-o) you can write to."
    return OutputPathError(msg)


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it to ``path`` on success.

    Parameters
    ----------
    path
        The final file. Its folder is created if needed.

    Yields
    ------
    pathlib.Path
        Where to write. It keeps ``path``'s suffix so drivers that look at the
        extension (GDAL) pick the right format. On an exception it is removed
        and ``path`` is left untouched.

    Raises
    ------
    OutputPathError
        If ``path`` is a folder, or the folder cannot be written (one line).
    """
    path = Path(path)
    if path.is_dir():
        msg = f"-o {path}: that is a folder; give a file name, e.g. -o {path / 'layer.gpkg'}."
        raise OutputPathError(msg)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        clean_stale(path.parent, path.name)
        fd, tmp = tempfile.mkstemp(prefix=_tmp_prefix(path.name), suffix=path.suffix,
                                   dir=path.parent)  # fmt: skip
        os.close(fd)
        os.unlink(tmp)  # let the writer create it (GDAL refuses to overwrite some formats)
    except OSError as exc:
        raise _os_error(path, exc) from exc
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        try:
            os.replace(tmp_path, path)
        except OSError as exc:
            raise _os_error(path, exc) from exc
    finally:
        for side in (tmp_path, *(Path(f"{tmp_path}{s}") for s in _SIDE_FILES)):
            if side.exists():
                _remove(side)


@contextmanager
def atomic_dir(path: str | Path, *, marker: str | None = None) -> Iterator[Path]:
    """Yield a temporary folder beside ``path``; swap it in for ``path`` on success.

    Parameters
    ----------
    path
        The final folder. An existing one is replaced only when the block
        completes without an exception. Check it first with
        :func:`check_report_dir`.
    marker
        A file name written into the folder (e.g. :data:`REPORT_MARKER`) so
        that a later run recognises it as replaceable.

    Yields
    ------
    pathlib.Path
        The folder to fill.

    Raises
    ------
    OutputPathError
        If the folder cannot be written (one line naming it).
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        clean_stale(path.parent, path.name)
        tmp = Path(tempfile.mkdtemp(prefix=_tmp_prefix(path.name), dir=path.parent))
    except OSError as exc:
        raise _os_error(path, exc) from exc
    old = path.with_name(f"{_tmp_prefix(path.name)}old")
    try:
        yield tmp
        try:
            if marker:
                (tmp / marker).write_text("geoapp report folder; may be replaced by geoapp\n")
            if path.exists():
                os.replace(path, old)
            os.replace(tmp, path)
        except OSError as exc:
            raise _os_error(path, exc) from exc
        if old.exists():
            shutil.rmtree(old, ignore_errors=True)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
