"""Reading the candidate file: its sites as points, their ids, names and chains."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geoapp.errors import InputFileError
from geoapp.geo import points_of
from geoapp.io import ImportResult, read_user_layer
from geoapp.settings import DEFAULT_LIMITS, Limits
from geoapp.vocab import match_chains

#: Column names recognised as the chain (compared after NFKC, case-insensitively, blanks removed).
CHAIN_NAMES: tuple[str, ...] = ("产业链", "链", "chain", "industry_chain", "行业")
#: Column names recognised as the site name.
NAME_NAMES: tuple[str, ...] = ("名称", "项目名称", "name", "项目")
_DIGITS = 3


@dataclass(frozen=True, eq=False)
class Candidates:
    """Candidate sites read from a user's file, ready for evaluation.

    Attributes
    ----------
    sites
        One row per usable input row, EPSG:4326 points, columns ``site_id``
        (``"002"``: the zero-padded input row number), ``source_row``,
        ``name``, ``chain`` and ``geometry``.
    attributes
        The input's own attribute columns of the same rows (same index), shown
        on the site pages.
    imported
        The :class:`geoapp.io.ImportResult` they came from (rejected rows,
        warnings, encoding).
    name_col, chain_col
        The input columns used for the name and the chain (``None`` if none).
    warnings
        What was assumed (a missing name or chain column).
    """

    sites: gpd.GeoDataFrame
    attributes: pd.DataFrame
    imported: ImportResult
    name_col: str | None
    chain_col: str | None
    warnings: tuple[str, ...]


def _column_key(name: object) -> str:
    text = unicodedata.normalize("NFKC", str(name))
    return "".join(text.split()).casefold()


def _find_column(
    columns: Sequence[str], given: str | None, candidates: tuple[str, ...], arg: str, source: str
) -> str | None:
    """Find the column named ``given`` (exactly or loosely) or the first of ``candidates``."""
    keys = {c: _column_key(c) for c in columns}
    if given is not None:
        if given in columns:
            return given
        hits = [c for c in columns if keys[c] == _column_key(given)]
        if not hits:
            msg = (
                f"{source}: `{arg}` was {given!r} but there is no such column. "
                f"Columns present: {list(columns)}."
            )
            raise InputFileError(msg)
        return hits[0]
    order = {_column_key(c): i for i, c in enumerate(candidates)}
    hits = sorted((c for c in columns if keys[c] in order), key=lambda c: order[keys[c]])
    return hits[0] if hits else None


def _text(series: pd.Series) -> pd.Series:
    """Strip text; empty and missing become ``None``; numbers become their text."""
    s = series.astype("string").str.strip()
    out = s.astype(object)
    out[(s.isna() | (s == "")).fillna(True).to_numpy(dtype=bool)] = None
    return out


def _site_ids(rows: np.ndarray) -> np.ndarray:
    width = max(_DIGITS, len(str(int(rows.max())))) if len(rows) else _DIGITS
    return pd.Series(rows, dtype="int64").astype(str).str.zfill(width).to_numpy(dtype=object)


def find_columns(
    columns: Sequence[str], name_col: str | None, chain_col: str | None, source: str
) -> tuple[str | None, str | None]:
    """The name and chain columns: those given (matched loosely) or found by their usual names."""
    return (
        _find_column(columns, name_col, NAME_NAMES, "name_col", source),
        _find_column(columns, chain_col, CHAIN_NAMES, "chain_col", source),
    )


def column_notes(name: str, name_found: str | None, chain_found: str | None) -> list[str]:
    """What is assumed when a candidate file has no name or no chain column."""
    notes: list[str] = []
    if chain_found is None:
        notes.append(
            f"{name}: no chain column (looked for {list(CHAIN_NAMES)}); every site is evaluated "
            "without a chain. Pass `chain_col=` (--chain-col) to name it."
        )
    if name_found is None:
        notes.append(
            f"{name}: no name column (looked for {list(NAME_NAMES)}); sites are called by "
            "their row number. Pass `name_col=` (--name-col) to name it."
        )
    return notes


def site_names_chains(
    frame: pd.DataFrame, rows: np.ndarray, name_col: str | None, chain_col: str | None
) -> tuple[pd.Series, pd.Series]:
    """Each site's name (``候选 <row>`` when blank) and chain (``None`` when blank)."""
    fallback = ("候选 " + pd.Series(rows, index=frame.index).astype(str)).astype(object)
    none = pd.Series(None, index=frame.index, dtype=object)
    names = _text(frame[name_col]) if name_col else none
    names = names.where(names.notna(), fallback)
    chains = _text(frame[chain_col]) if chain_col else none
    return names, chains


def site_ids(rows: np.ndarray) -> np.ndarray:
    """Page ids of sites: the input row number zero-padded (``"002"``), never user text."""
    return _site_ids(rows)


def read_candidates(
    source: str | Path | bytes | BinaryIO,
    *,
    filename: str | None = None,
    lon_col: str | None = None,
    lat_col: str | None = None,
    chain_col: str | None = None,
    name_col: str | None = None,
    datum: Literal["wgs84", "gcj02", "bd09"] = "wgs84",
    crs: str | int | None = None,
    fix_swapped: bool = False,
    layer: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    extent: gpd.GeoDataFrame | None = None,
) -> Candidates:
    """Read candidate sites and find their name and chain columns.

    Parameters
    ----------
    source
        CSV (UTF-8 or GBK, detected), XLSX, GeoJSON, GeoPackage, zipped
        Shapefile: a path, bytes or a binary file object; see
        :func:`geoapp.io.read_user_layer`.
    filename
        File name selecting the format when ``source`` is bytes.
    lon_col, lat_col
        Coordinate columns of a table (default: found by name, e.g.
        经度/纬度, lon/lat).
    chain_col
        Column holding the industrial chain. Default: the first of
        :data:`CHAIN_NAMES` (产业链, 链, chain, industry_chain, 行业).
    name_col
        Column holding the site name. Default: the first of
        :data:`NAME_NAMES` (名称, 项目名称, name, 项目); rows without a name
        are called ``候选 <row>``.
    datum
        {"wgs84", "gcj02", "bd09"}; lon/lat in GCJ-02 or BD-09 are converted
        to WGS-84.
    crs
        CRS of the coordinates (e.g. ``"EPSG:4547"``) when not WGS-84.
    fix_swapped
        Fix rows whose longitude and latitude are swapped instead of
        rejecting them.
    layer
        The layer of a GeoPackage, the Shapefile in a .zip, or the XLSX sheet.
    limits
        Bounds on the work (:class:`geoapp.settings.Limits`).
    extent
        The area rows must fall in (default: 濮阳市 buffered by 1 km); pass
        the ``city`` layer of the bundle in use.

    Returns
    -------
    Candidates
        ``sites`` also carries ``duplicate_of``: the input row number of the
        first identical row (same attributes and position), ``<NA>`` for the
        first. Chains are normalised (:func:`geoapp.vocab.chains.normalise_chain`);
        unknown chains are named in ``warnings`` with the nearest taxonomy
        chain as a suggestion.

    Raises
    ------
    InputFileError
        If the file cannot be read, or ``chain_col`` / ``name_col`` names a
        column that does not exist.
    """
    imported = read_user_layer(
        source,
        filename=filename,
        crs=crs,
        datum=datum,
        lon_col=lon_col,
        lat_col=lat_col,
        fix_swapped=fix_swapped,
        layer=layer,
        limits=limits,
        extent=extent,
    )
    gdf = imported.gdf
    geom = gdf.geometry.name
    reserved = {geom, "source_row", "coord_fixed"}
    columns = [c for c in gdf.columns if c not in reserved]
    name = imported.source_name
    name_found, chain_found = find_columns(columns, name_col, chain_col, name)
    notes = column_notes(name, name_found, chain_found)
    rows = gdf["source_row"].to_numpy(dtype="int64")
    names, chains = site_names_chains(gdf, rows, name_found, chain_found)
    # Points: a polygon candidate (a parcel) is evaluated at a point inside it.
    points = gdf.geometry
    if len(points) and not (points.geom_type == "Point").all():
        points = points_of(gdf).to_crs(gdf.crs)
    sites = gpd.GeoDataFrame(
        {
            "site_id": pd.Series(_site_ids(rows), index=gdf.index, dtype=object),
            "source_row": pd.Series(rows, index=gdf.index, dtype="int64"),
            "name": names.astype(object),
            "chain": chains.astype(object),  # object keeps None for "no chain"
        },
        geometry=gpd.GeoSeries(points.values, crs=gdf.crs),
        index=gdf.index,
    )
    if "coord_fixed" in gdf.columns:
        sites["coord_fixed"] = gdf["coord_fixed"].to_numpy(dtype=object)
    sites["duplicate_of"] = _duplicate_of(gdf, columns, rows)
    n_dup = int(sites["duplicate_of"].notna().sum())
    if n_dup:
        notes.append(
            f"{name}: {n_dup} row(s) repeat an earlier row exactly (same attributes and "
            "position); each is evaluated and flagged in column 'duplicate_of' with the row it "
            "repeats"
        )
    if chain_found is not None and len(sites):
        notes += _chain_notes(chains)
    attributes = pd.DataFrame(gdf[columns])
    return Candidates(sites, attributes, imported, name_found, chain_found, tuple(notes))


def _duplicate_of(gdf: gpd.GeoDataFrame, columns: list[str], rows: np.ndarray) -> pd.Series:
    """The row number of the first identical row (attributes and geometry), vectorised."""
    if not len(gdf):
        return pd.Series([], dtype="Int64", index=gdf.index)
    key = pd.DataFrame(gdf[columns])
    geoms = np.asarray(gdf.geometry.array)
    if (shapely.get_type_id(geoms) == 0).all():
        key["__x"], key["__y"] = shapely.get_x(geoms), shapely.get_y(geoms)
    else:
        key["__wkb"] = shapely.to_wkb(geoms, hex=True)
    codes = pd.util.hash_pandas_object(key, index=False, categorize=False).to_numpy()
    first_pos = pd.Series(np.arange(len(codes))).groupby(codes).transform("min").to_numpy()
    dup = first_pos != np.arange(len(codes))
    out = pd.array(np.where(dup, rows[first_pos], 0), dtype="Int64")
    out[~dup] = pd.NA
    return pd.Series(out, index=gdf.index)


def _chain_notes(chains: pd.Series) -> list[str]:
    """Name the chains the taxonomy does not know, with the closest known chain."""
    distinct = pd.Series(pd.unique(chains.dropna().astype(str)), dtype=object)
    if not len(distinct):
        return []
    matched = match_chains(distinct)
    unknown = matched[~matched["known"]]
    if not len(unknown):
        return []
    shown = []
    for raw, hint in zip(distinct[unknown.index], unknown["suggestion"], strict=True):
        text = f"「{raw}」"
        if hint:
            text += f"（是否为「{hint}」？/ did you mean {hint}?）"
        shown.append(text)
    more = f" … and {len(shown) - 20} more" if len(shown) > 20 else ""
    return [
        "产业链不在目录中 / chains not in the taxonomy: "
        + "、".join(shown[:20])
        + more
        + "。Near the Yellow River or inside a constraint such a site is judged needs_review "
        "(待核实), never better; fix the chain name to evaluate it fully"
    ]
