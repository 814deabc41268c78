"""The one place where geoapp's configuration lives.

Everything a planner may want to change — coordinate systems, service radii,
siting weights and thresholds — is defined here as a frozen dataclass with a
documented default. Functions take a settings object explicitly (keyword
``settings=``); nothing reads or mutates a module-level global at run time, so
concurrent Streamlit sessions never leak settings into each other.

Defaults
--------
STORAGE_CRS : ``"EPSG:4326"``
    Layers are stored and exchanged as WGS-84 longitude/latitude. CGCS2000
    (EPSG:4490) coincides with it at map scale.
METRIC_CRS : ``"EPSG:4547"``
    CGCS2000 / 3-degree Gauss-Krüger CM 114E. Every distance, buffer and area
    is computed in this CRS, in metres. Across 濮阳市 (114.8–116.2°E) its scale
    error stays under 0.05 % (see ``tests/test_coords.py``).
Workspace : ``$GEOAPP_WORKSPACE``, else ``~/.local/share/geoapp/workspace.gpkg``
    Where a planner's layers, scenarios and log are kept
    (:func:`default_workspace`; ``--workspace`` on the command line wins).

The sections — siting, coverage, placement, clustering, suitability, app, limits — hang
on one tree, :data:`DEFAULTS` (:class:`Settings`); ``DEFAULT_SITING`` and its siblings
name the same section objects. Use ``dataclasses.replace`` to override a default::

    from dataclasses import replace
    from geoapp.settings import DEFAULT_SITING
    strict = replace(DEFAULT_SITING, river_buffer_m=2000)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType
from typing import Final

#: Storage / exchange CRS (WGS-84 lon/lat).
STORAGE_CRS: Final = "EPSG:4326"
#: The metric CRS used for every distance, buffer and area (CGCS2000 GK CM 114E).
METRIC_CRS: Final = "EPSG:4547"
#: CGCS2000 geographic CRS, accepted on input and offered on export.
CGCS2000_CRS: Final = "EPSG:4490"

#: The installed package's folder (the app and its pages live in ``app/``).
PACKAGE_DIR = Path(str(files("geoapp")))


def _data_home() -> Path:
    """The folder holding ``layers/`` (declarations) and ``data/`` (shipped layers, seed tables).

    In order: the folder named by the environment variable ``GEOAPP_HOME`` (same layout,
    to run on another data set); the repository's top level when geoapp runs from a
    checkout (``pip install -e .`` or ``streamlit run streamlit_app.py``); else the copy
    that the wheel's build maps into the package as ``geoapp/_home``.
    """
    named = os.environ.get("GEOAPP_HOME")
    if named:
        return Path(named)
    checkout = PACKAGE_DIR.parent
    if (checkout / "layers" / "projects.toml").is_file() and (checkout / "data").is_dir():
        return checkout
    return PACKAGE_DIR / "_home"


#: The data home (see :func:`_data_home`).
ROOT = _data_home()
DATA_DIR = ROOT / "data"
LAYERS_DIR = ROOT / "layers"
#: The Streamlit app's entry point.
APP_MAIN = PACKAGE_DIR / "app" / "main.py"

#: The six county-level units of 濮阳市, adcode -> name.
COUNTY_ADCODES: Mapping[str, str] = MappingProxyType(
    {
        "410902": "华龙区",
        "410922": "清丰县",
        "410923": "南乐县",
        "410926": "范县",
        "410927": "台前县",
        "410928": "濮阳县",
    }
)


#: Environment variable naming the workspace (a ``.gpkg`` path or a ``postgresql://`` URL).
WORKSPACE_ENV = "GEOAPP_WORKSPACE"


def default_workspace() -> str:
    """The workspace used when none is named.

    ``$GEOAPP_WORKSPACE``, else a GeoPackage in the user's data folder,
    ``$XDG_DATA_HOME/geoapp/workspace.gpkg`` (by default
    ``~/.local/share/geoapp/workspace.gpkg``).

    The CLI's ``--workspace`` option and ``geoapp app --workspace`` override it.
    """
    named = os.environ.get(WORKSPACE_ENV, "").strip()
    if named:
        return named
    data_home = os.environ.get("XDG_DATA_HOME", "").strip() or str(Path.home() / ".local" / "share")
    return str(Path(data_home) / "geoapp" / "workspace.gpkg")


#: Largest upload accepted by the app and by :func:`geoapp.io.read_user_layer`
#: (the default of :attr:`Limits.max_bytes`).
MAX_UPLOAD_BYTES = 100 * 1024 * 1024


@dataclass(frozen=True)
class CoverageSettings:
    """Service radii for coverage analysis, in metres.

    Attributes
    ----------
    hub_radius_m
        A logistics hub serves project sites within this straight-line distance
        (default 20 km, the distance planners use for "near a hub").
    station_radius_m
        A monitoring station covers sites within this distance (default 5 km).
    """

    hub_radius_m: float = 20_000.0
    station_radius_m: float = 5_000.0


@dataclass(frozen=True)
class ClusterSettings:
    """Defaults for clustering project sites.

    Attributes
    ----------
    eps_m
        DBSCAN neighbourhood radius in metres (default 3 km).
    min_samples
        DBSCAN / HDBSCAN minimum samples of a core point (default 3).
    hull_buffer_m
        Buffer around each cluster's convex hull, in metres (default 500 m).
    min_cluster_size
        HDBSCAN: the smallest cluster, in sites (default 5).
    hot_spot_cell_m
        Side of the grid cells of the Gi* hot-spot analysis, in metres (default 5 km).
    """

    eps_m: float = 3_000.0
    min_samples: int = 3
    hull_buffer_m: float = 500.0
    min_cluster_size: int = 5
    hot_spot_cell_m: float = 5_000.0


def _default_weights() -> Mapping[str, float]:
    return MappingProxyType(
        {
            "zone_chain_match": 30.0,
            "hub_access": 25.0,
            "station_access": 10.0,
            "chain_agglomeration": 20.0,
            "in_zone": 15.0,
        }
    )


@dataclass(frozen=True)
class SitingSettings:
    """Rules, weights and thresholds of the siting evaluation.

    Attributes
    ----------
    river_buffer_m
        Width of the Yellow River mainstream shoreline control area applied to
        chemical chains (default 1 000 m: the figure Shandong applies under
        黄河保护法 第二十六条 and the 长江保护法 uses).
    same_chain_radius_m
        Radius in which same-chain projects are counted (default 10 km).
    hub_full_score_m, hub_zero_score_m
        Hub access scores 1 at or below the first distance and 0 at or beyond
        the second, linearly in between (defaults 5 km and 30 km).
    station_full_score_m, station_zero_score_m
        The same for monitoring stations (defaults 3 km and 15 km).
    agglomeration_full_count
        Same-chain neighbours that give the full agglomeration score (default 5).
    weights
        Criterion -> weight; the score is the weighted mean scaled to 0–100.
    recommended_min, feasible_min
        Score thresholds of the verdicts ``recommended`` and ``feasible``;
        below ``feasible_min`` the verdict is ``not_advised``. A failed hard
        rule makes the verdict ``prohibited`` whatever the score.
    """

    river_buffer_m: float = 1_000.0
    same_chain_radius_m: float = 10_000.0
    hub_full_score_m: float = 5_000.0
    hub_zero_score_m: float = 30_000.0
    station_full_score_m: float = 3_000.0
    station_zero_score_m: float = 15_000.0
    agglomeration_full_count: int = 5
    weights: Mapping[str, float] = field(default_factory=_default_weights)
    recommended_min: float = 65.0
    feasible_min: float = 35.0


@dataclass(frozen=True)
class PlacementSettings:
    """Solver limits of facility placement (MCLP / LSCP, HiGHS through ``scipy.optimize.milp``).

    Attributes
    ----------
    time_limit_s
        Wall-clock limit of one solve, in seconds (default 10 s, so the app's
        coverage page answers within seconds). When it is reached the best
        solution found so far is returned with its proven gap.
    mip_gap
        Relative optimality gap at which the solver may stop, as a fraction
        (default 0: solve to proven optimality within the time limit; 0.01
        stops once the solution is proven within 1 % of the best possible).
    new_facilities
        How many new facilities MCLP places (``k``; default 2).
    grid_spacing_m
        Spacing of the regular grid of candidate sites, in metres (default 5 km).
    """

    time_limit_s: float = 10.0
    mip_gap: float = 0.0
    new_facilities: int = 2
    grid_spacing_m: float = 5_000.0


@dataclass(frozen=True)
class Limits:
    """Bounds on the work one input may cause, with defaults for a city office.

    Every limit gives a clear message naming the option that raises it
    (``geoapp report --max-rows …``; ``limits=replace(DEFAULT_LIMITS, …)`` in
    Python). Import runs at about ``pandas.read_csv`` speed, so the defaults
    admit a 1,000,000-row candidate file; the evaluation of all rows is
    vectorised, while the per-site pages (and PDFs) are capped.

    Attributes
    ----------
    max_bytes
        Largest input file, in bytes (default 100 MiB; ``--max-bytes``).
    max_rows
        Most data rows of a table or features of a layer (default 1,000,000;
        ``--max-rows``).
    max_expanded_bytes
        Largest total uncompressed size of the members of a .zip or of the
        parts of an .xlsx (itself a zip), checked before anything is
        inflated (default 256 MiB; ``--max-bytes`` raises it in proportion).
    max_ratio
        Largest compression ratio of one archive member (uncompressed /
        compressed; default 200): a zip bomb is refused before it is opened.
    max_cell_chars
        Longest text in one cell; a row with a longer cell is rejected with
        the column named (default 10,000 characters; ``--max-cell-chars``).
    max_pages
        Most sites with their own page (and PDF) in one report (default 500;
        ``--max-pages``). Every site is still evaluated and listed in
        ``summary.csv``, ``results.geojson``; the index notes the cap.
    max_name_chars
        Names longer than this are shortened with "…" on pages, maps and PDFs
        (default 80); CSV and GeoJSON keep the full text.
    """

    max_bytes: int = 100 * 1024 * 1024
    max_rows: int = 1_000_000
    max_expanded_bytes: int = 256 * 1024 * 1024
    max_ratio: float = 200.0
    max_cell_chars: int = 10_000
    max_pages: int = 500
    max_name_chars: int = 80

    def __post_init__(self) -> None:
        """Check that every limit is a positive number."""
        for name in ("max_bytes", "max_rows", "max_expanded_bytes", "max_cell_chars",
                     "max_name_chars"):  # fmt: skip
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                msg = f"`{name}` must be a positive integer, got {value!r}."
                raise ValueError(msg)
        if (
            isinstance(self.max_pages, bool)
            or not isinstance(self.max_pages, int)
            or (self.max_pages < 0)
        ):
            msg = f"`max_pages` must be an integer >= 0, got {self.max_pages!r}."
            raise ValueError(msg)
        if not self.max_ratio > 1:
            msg = f"`max_ratio` must be > 1, got {self.max_ratio!r}."
            raise ValueError(msg)


@dataclass(frozen=True)
class SuitabilitySettings:
    """Grid and region defaults of the city-wide suitability surface (适宜性评价).

    Attributes
    ----------
    resolution_m
        Cell size in metres (default 100 m; 10–1,000 m allowed).
    min_resolution_m, max_resolution_m
        The allowed range of ``resolution_m`` (10 m and 1,000 m).
    tile
        Tile side in cells (default 1024, a multiple of the GeoTIFF block size 512).
    regions
        How many best contiguous regions to find (default 0: none on the command line).
    min_area_ha
        Smallest region, in hectares (default 50 ha).
    min_gap_km
        Smallest distance between two regions, in km (default 5 km).
    min_tile
        Smallest tile side in cells that ``geoapp suitability --tile`` accepts (default 64).
    app_regions
        How many best regions the app's 适宜性评价 page finds at first (default 5).
    """

    resolution_m: float = 100.0
    min_resolution_m: float = 10.0
    max_resolution_m: float = 1_000.0
    tile: int = 1024
    regions: int = 0
    min_area_ha: float = 50.0
    min_gap_km: float = 5.0
    min_tile: int = 64
    app_regions: int = 5


@dataclass(frozen=True)
class AppSettings:
    """Defaults of the planners' app and of the server that ``geoapp app`` starts.

    Attributes
    ----------
    port
        TCP port of the Streamlit server (default 8501, Streamlit's own).
    """

    port: int = 8501


@dataclass(frozen=True)
class Settings:
    """The one settings tree: a section per concern, each a frozen dataclass.

    ``DEFAULTS.siting.river_buffer_m`` is the documented default; CLI options and page
    widgets take their defaults from here. Override a section with
    ``dataclasses.replace``.

    Attributes
    ----------
    siting, coverage, placement, clustering, suitability, app, limits
        The sections (:class:`SitingSettings`, :class:`CoverageSettings`,
        :class:`PlacementSettings`, :class:`ClusterSettings`,
        :class:`SuitabilitySettings`, :class:`AppSettings`, :class:`Limits`).
    """

    siting: SitingSettings = field(default_factory=SitingSettings)
    coverage: CoverageSettings = field(default_factory=CoverageSettings)
    placement: PlacementSettings = field(default_factory=PlacementSettings)
    clustering: ClusterSettings = field(default_factory=ClusterSettings)
    suitability: SuitabilitySettings = field(default_factory=SuitabilitySettings)
    app: AppSettings = field(default_factory=AppSettings)
    limits: Limits = field(default_factory=Limits)


#: The defaults, as one tree.
DEFAULTS = Settings()
#: The sections of :data:`DEFAULTS` by their customary names (the same objects).
DEFAULT_LIMITS = DEFAULTS.limits
DEFAULT_COVERAGE = DEFAULTS.coverage
DEFAULT_PLACEMENT = DEFAULTS.placement
DEFAULT_CLUSTER = DEFAULTS.clustering
DEFAULT_SITING = DEFAULTS.siting
DEFAULT_SUITABILITY = DEFAULTS.suitability
DEFAULT_APP = DEFAULTS.app
