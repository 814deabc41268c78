"""Import of user layers: GeoJSON, GeoPackage, Shapefile, CSV and XLSX, with row reports.

:func:`read_user_layer` reads a file a planner uploads (a path, raw bytes or a
file object such as Streamlit's ``UploadedFile``), brings it to EPSG:4326 and
checks every row. Rows that cannot be used are never dropped silently: each one
is listed in :attr:`ImportResult.rejected` with its row number as the user sees
it, a bilingual reason, the offending column and value and the whole raw row,
so ``len(result.gdf) + len(result.rejected)`` always equals the number of input
rows.

Uploaded files are treated as data, never as code: nothing is unpickled or
evaluated; archives are extracted only inside a temporary folder.

The package reads top to bottom as::

    read       read_user_layer: check the options, open the input, pick the reader
    _sources   paths, bytes and uploads; size limits; folders and .zip (safely extracted)
    tables     CSV / XLSX: encoding, delimiter, coordinate columns, row checks
    vector     GeoJSON / GeoPackage / Shapefile: .cpg, layer choice, geometry repair
    _crs       CRS parsing, projected-coordinate hints, datum conversion, the extent
    _text      encoding names, text normalisation, numbers in text cells
    result     ImportResult, the rejection reasons and the rejected-row frame

Examples
--------
>>> from geoapp.io import read_user_layer
>>> result = read_user_layer("projects.csv", fix_swapped=True)  # doctest: +SKIP
>>> result.summary()  # doctest: +SKIP
'loaded 37 rows, rejected 3 (2 坐标缺失, 1 超出市域) from projects.csv (GBK)'
"""

from geoapp.io._crs import EXTENT_BUFFER_M
from geoapp.io._sources import SUPPORTED_SUFFIXES
from geoapp.io.atomic import (
    REPORT_MARKER,
    atomic_dir,
    atomic_path,
    check_output_file,
    check_report_dir,
    clean_stale,
)
from geoapp.io.export import (
    EXPORT_CRS,
    FORMATS,
    MIME_TYPES,
    ExportCRS,
    ExportResult,
    Format,
    export_layer,
    export_layers,
    to_bytes,
    write_geojson,
)
from geoapp.io.read import read_user_layer
from geoapp.io.result import (
    COORD_FIXED,
    REASON_EMPTY_GEOMETRY,
    REASON_EMPTY_ROW,
    REASON_INVALID_GEOMETRY,
    REASON_MISSING,
    REASON_NOT_NUMERIC,
    REASON_SWAPPED,
    REASON_TOO_LONG,
    REASON_TOTAL_ROW,
    ImportResult,
)
from geoapp.io.tables import LAT_NAMES, LON_NAMES
from geoapp.io.textsafe import (
    FORMULA_START,
    csv_bytes,
    neutralise_frame,
    neutralise_text,
    shorten,
    terminal_column,
    terminal_text,
    write_csv,
    xlsx_bytes,
)
from geoapp.io.uploads import split_unknown_values

__all__ = [
    "COORD_FIXED",
    "EXPORT_CRS",
    "EXTENT_BUFFER_M",
    "ExportCRS",
    "ExportResult",
    "FORMATS",
    "FORMULA_START",
    "Format",
    "ImportResult",
    "LAT_NAMES",
    "LON_NAMES",
    "MIME_TYPES",
    "REASON_EMPTY_GEOMETRY",
    "REASON_EMPTY_ROW",
    "REASON_INVALID_GEOMETRY",
    "REASON_MISSING",
    "REASON_NOT_NUMERIC",
    "REASON_SWAPPED",
    "REASON_TOO_LONG",
    "REASON_TOTAL_ROW",
    "REPORT_MARKER",
    "SUPPORTED_SUFFIXES",
    "atomic_dir",
    "atomic_path",
    "check_output_file",
    "check_report_dir",
    "clean_stale",
    "csv_bytes",
    "export_layer",
    "export_layers",
    "neutralise_frame",
    "neutralise_text",
    "read_user_layer",
    "shorten",
    "split_unknown_values",
    "terminal_column",
    "terminal_text",
    "to_bytes",
    "write_csv",
    "write_geojson",
    "xlsx_bytes",
]
