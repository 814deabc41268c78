"""Opening the input: paths, bytes and uploads, size limits, Shapefile folders and .zip archives.

Archives are extracted only inside a temporary folder, never beyond it; hidden
files and macOS resource forks are ignored.
"""

from __future__ import annotations

import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from geoapp.errors import InputFileError
from geoapp.vocab import message

if TYPE_CHECKING:
    import shapely
    from pyproj import CRS

_VECTOR_SUFFIXES = (".geojson", ".json", ".gpkg", ".shp")
_TABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx")
#: File name endings :func:`read_user_layer` accepts (plus a folder holding one Shapefile).
SUPPORTED_SUFFIXES: tuple[str, ...] = (*_VECTOR_SUFFIXES, ".zip", *_TABLE_SUFFIXES)


@dataclass(frozen=True)
class _Options:
    """The options of :func:`geoapp.io.read_user_layer`, checked and parsed."""

    layer: str | None
    user_crs: CRS | None
    datum: str
    lon_col: str | None
    lat_col: str | None
    encoding: str | None
    extent_m: shapely.Geometry
    extent_name: str
    fix_swapped: bool
    max_bytes: int
    max_rows: int = 1_000_000
    max_expanded_bytes: int = 256 * 1024 * 1024
    max_ratio: float = 200.0
    max_cell_chars: int = 10_000


@dataclass(frozen=True)
class _Source:
    """The input, opened: where it is (a path) or what it holds (bytes)."""

    name: str  # shown to the user
    suffix: str  # lower-case ending, "" for a folder
    path: Path | None  # on disk, or None when only `data` is known
    data: bytes | None


def _format_size(n: int) -> str:
    return f"{n:,} bytes ({n / 1024 / 1024:.1f} MiB)"


def _mib(n: int) -> str:
    return f"{n / 1024 / 1024:.1f}"


def _check_size(size: int, max_bytes: int, name: str, *, at_least: bool = False) -> None:
    if size > max_bytes:
        msg = message(
            "{name} is {more}{size}, larger than the limit of {limit}. Split the file, drop "
            "unneeded columns, or raise `max_bytes`.",
            name=name,
            more="more than " if at_least else "",
            size=_format_size(size),
            limit=_format_size(max_bytes),
            size_mib=_mib(size),
            limit_mib=_mib(max_bytes),
        )
        raise InputFileError(msg)


def _suffix_of(name: str) -> str:
    return Path(name).suffix.lower()


def _shapefile_parts(shp: Path) -> list[Path]:
    """The .shp and its side-car files (same stem, any case)."""
    stem = shp.stem.lower()
    return [p for p in shp.parent.iterdir() if p.is_file() and p.stem.lower() == stem]


def _open_source(source, *, filename: str | None, max_bytes: int) -> _Source:
    if isinstance(source, (bytes, bytearray, memoryview)):
        if not filename:
            msg = message(
                "`filename` is required when `source` is bytes: its ending (.csv, .xlsx, "
                ".geojson, .gpkg, .zip, …) selects the format. Supported: {supported}.",
                supported=SUPPORTED_SUFFIXES,
            )
            raise InputFileError(msg)
        data = bytes(source)
        name = Path(filename).name
        _check_size(len(data), max_bytes, name)
        return _Source(name, _suffix_of(name), None, data)
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.exists():
            msg = message(
                "`source` {path!r} does not exist. Check the path.",
                path=str(path),
                name=path.name,
            )
            raise InputFileError(msg)
        name = Path(filename).name if filename else path.name
        if path.is_dir():
            size = sum(p.stat().st_size for p in path.iterdir() if p.is_file())
            _check_size(size, max_bytes, name)
            return _Source(name, "", path, None)
        suffix = _suffix_of(filename or path.name)
        parts = _shapefile_parts(path) if suffix == ".shp" else [path]
        _check_size(sum(p.stat().st_size for p in parts), max_bytes, name)
        return _Source(name, suffix, path, None)
    if hasattr(source, "read"):
        raw_name = filename or getattr(source, "name", None)
        if not raw_name or not isinstance(raw_name, str):
            msg = message(
                "`filename` is required for a file object without a name: its ending "
                "selects the format. Supported: {supported}.",
                supported=SUPPORTED_SUFFIXES,
            )
            raise InputFileError(msg)
        name = Path(raw_name).name
        size = cast(Any, getattr(source, "size", None))
        if isinstance(size, int):
            _check_size(size, max_bytes, name)
        # BytesIO (and Streamlit's UploadedFile) give the whole content whatever the position.
        data = source.getvalue() if hasattr(source, "getvalue") else source.read(max_bytes + 1)
        if isinstance(data, str):
            msg = message(
                "{name}: `source` is a text stream; open the file in binary mode ('rb').",
                name=name,
            )
            raise InputFileError(msg)
        data = bytes(data)
        _check_size(len(data), max_bytes, name, at_least=not hasattr(source, "getvalue"))
        return _Source(name, _suffix_of(name), None, data)
    kind = type(source).__name__  # a programming error: English only
    raise TypeError(f"`source` must be a path, bytes or a binary file object, got {kind}.")


def _pick_shapefile(folder: Path, name: str, layer: str | None) -> Path:
    shps = sorted(
        p for p in folder.rglob("*")
        if p.is_file() and p.suffix.lower() == ".shp" and not _is_junk(p.relative_to(folder))
    )  # fmt: skip
    if not shps:
        msg = message(
            "{name}: no .shp file found. Put the Shapefile (.shp, .shx, .dbf, .prj) in it.",
            name=name,
        )
        raise InputFileError(msg)
    if layer is not None:
        chosen = [p for p in shps if p.stem == layer]
        if not chosen:
            msg = message(
                "{name}: `layer` was {layer!r} but the Shapefiles are {shapefiles}. "
                "Pass one of these names.",
                name=name,
                layer=layer,
                shapefiles=[p.stem for p in shps],
            )
            raise InputFileError(msg)
        return _complete(chosen[0], name)
    if len(shps) > 1:
        msg = message(
            "{name} holds {n} Shapefiles: {shapefiles}. Pass `layer=` (--layer on the command "
            "line) with one of these names, e.g. layer={first!r}.",
            name=name,
            n=len(shps),
            shapefiles=[p.stem for p in shps],
            first=shps[0].stem,
        )
        raise InputFileError(msg)
    return _complete(shps[0], name)


def _complete(shp: Path, name: str) -> Path:
    """Refuse a Shapefile without its .shx index or .dbf table, naming what is missing."""
    have = {p.suffix.lower() for p in _shapefile_parts(shp)}
    missing = [s for s in (".shx", ".dbf") if s not in have]
    if missing:
        msg = message(
            "{name}: the Shapefile {shapefile!r} has no {missing} file. A Shapefile is several "
            "files; put all of them (.shp, .shx, .dbf, .prj, .cpg) together in the .zip or "
            "folder.",
            name=name,
            shapefile=shp.stem,
            missing=" and no ".join(missing),
            parts_zh="、".join(missing),
            parts_en=" and ".join(missing),
        )
        raise InputFileError(msg)
    return shp


def _is_junk(rel: Path) -> bool:
    """Hidden files and macOS resource forks (``.DS_Store``, ``__MACOSX/._a.shp``)."""
    return any(
        part == "__MACOSX" or (part.startswith(".") and part not in (".", ".."))
        for part in rel.parts
    )


def _check_archive(zf: zipfile.ZipFile, name: str, opts: _Options, *, kind: str) -> None:
    """Refuse a zip (or an .xlsx, itself a zip) before inflating anything.

    The members' declared uncompressed sizes must stay within
    ``opts.max_expanded_bytes`` in total and each member's compression ratio
    within ``opts.max_ratio``; a symbolic link is refused as such.
    """
    members = [m for m in zf.infolist() if not m.is_dir()]
    for m in members:
        if (m.external_attr >> 16) & 0o170000 == 0o120000:
            msg = message(
                "{name}: the {kind} member {member!r} is a symbolic link, which is refused "
                "(it could point at any file on this computer). Put the file itself in the "
                "archive.",
                name=name,
                kind=kind,
                member=m.filename,
            )
            raise InputFileError(msg)
    expanded = sum(m.file_size for m in members)
    if expanded > opts.max_expanded_bytes:
        msg = message(
            "{name} expands to {size}, more than the limit of {limit} for an uncompressed "
            "{kind}. Split it, or raise the limit (--max-bytes raises it in proportion; "
            "`limits=Limits(max_expanded_bytes=…)`).",
            name=name,
            size=_format_size(expanded),
            limit=_format_size(opts.max_expanded_bytes),
            kind=kind,
            size_mib=_mib(expanded),
            limit_mib=_mib(opts.max_expanded_bytes),
        )
        raise InputFileError(msg)
    for m in members:
        if m.file_size > 1024 * 1024 and m.file_size > opts.max_ratio * max(m.compress_size, 1):
            msg = message(
                "{name}: the {kind} member {member!r} would expand {ratio:,.0f}× ({packed} → "
                "{size}), more than the {limit:g}× a real table compresses; it is refused as a "
                "zip bomb.",
                name=name,
                kind=kind,
                member=m.filename,
                ratio=m.file_size / max(m.compress_size, 1),
                packed=_format_size(m.compress_size),
                size=_format_size(m.file_size),
                limit=opts.max_ratio,
            )
            raise InputFileError(msg)


def _path(src: _Source) -> Path:
    """The source's path (a source without in-memory bytes always has one)."""
    if src.path is None:
        msg = message("{name}: nothing to read (no bytes and no path).", name=src.name)
        raise InputFileError(msg)
    return src.path


def _extract_zip(src: _Source, tmp: Path, opts: _Options, layer: str | None) -> Path:
    """Extract a .zip safely and return the data file inside it."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(src.data) if src.data is not None else _path(src))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        msg = message(
            "{name} is not a valid .zip archive ({detail}). Re-create the archive.",
            name=src.name,
            detail=str(exc),
        )
        raise InputFileError(msg) from exc
    with zf:
        _check_archive(zf, src.name, opts, kind="archive")
        members = [m for m in zf.infolist() if not m.is_dir() and not _is_junk(Path(m.filename))]
        root = tmp.resolve()
        budget = opts.max_expanded_bytes
        for m in members:
            target = (root / m.filename).resolve()
            if not target.is_relative_to(root):
                msg = message(
                    "{name}: archive member {member!r} points outside the archive.",
                    name=src.name,
                    member=m.filename,
                )
                raise InputFileError(msg)
            target.parent.mkdir(parents=True, exist_ok=True)
            budget = _extract_member(zf, m, target, budget, src.name, opts)
    if any(Path(m.filename).suffix.lower() == ".shp" for m in members):
        return _pick_shapefile(root, src.name, layer)
    return _data_member(root, members, src.name)


def _extract_member(
    zf: zipfile.ZipFile, m: zipfile.ZipInfo, target: Path, budget: int, name: str, opts: _Options
) -> int:
    """Copy one member to ``target`` in bounded chunks; return the bytes left of ``budget``.

    A header that lies about the size cannot overrun the budget; a damaged
    member is reported as such.
    """
    try:
        with zf.open(m) as source, open(target, "wb") as out:
            while chunk := source.read(1024 * 1024):
                budget -= len(chunk)
                if budget < 0:
                    msg = message(
                        "{name} expands to more than its declared size and the limit "
                        "of {limit}; the archive is damaged or forged. Re-create it.",
                        name=name,
                        limit=_format_size(opts.max_expanded_bytes),
                        limit_mib=_mib(opts.max_expanded_bytes),
                    )
                    raise InputFileError(msg)
                out.write(chunk)
    except InputFileError:
        raise
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError) as exc:
        msg = message(
            "{name}: member {member!r} cannot be extracted ({detail}); the archive is "
            "damaged (its header may lie about a size). Re-create the archive.",
            name=name,
            member=m.filename,
            detail=str(exc),
        )
        raise InputFileError(msg) from exc
    except Exception as exc:  # zlib.error on a corrupt stream
        msg = message(
            "{name}: member {member!r} cannot be extracted ({detail}); the archive is "
            "damaged. Re-create the archive.",
            name=name,
            member=m.filename,
            detail=str(exc),
        )
        raise InputFileError(msg) from exc
    return budget


def _data_member(root: Path, members: list[zipfile.ZipInfo], name: str) -> Path:
    """The one data file (vector or table) among the extracted members of an archive."""
    others = [
        root / m.filename for m in members
        if Path(m.filename).suffix.lower() in (*_VECTOR_SUFFIXES, *_TABLE_SUFFIXES)
    ]  # fmt: skip
    if len(others) != 1:
        msg = message(
            "{name} must contain one Shapefile or one data file ({supported}); it contains "
            "{members}.",
            name=name,
            supported=", ".join(SUPPORTED_SUFFIXES),
            members=[m.filename for m in members] or "nothing",
            members_zh="、".join(m.filename for m in members) or "无",
            members_en=", ".join(m.filename for m in members) or "nothing",
        )
        raise InputFileError(msg)
    return others[0]
