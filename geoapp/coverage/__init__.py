"""Facility coverage and where to add facilities.

The package reads top to bottom as::

    analysis   nearest facility and distance, covered shares by county / zone / chain (count
               and investment), uncovered sites, candidate sites for new facilities
    placement  MCLP / LSCP with existing facilities kept open; feasibility and the smallest
               working radius
    milp       the sparse covering models solved by HiGHS with a time limit and gap
    presolve   exact reductions of the covering models before they are solved
    facilities checks, metric coordinates, nearest neighbours and the coverage matrix
               shared by analysis and placement

Examples
--------
>>> from geoapp.coverage import coverage
>>> res = coverage(radius_m=20_000, layers=layers)  # doctest: +SKIP
"""

from geoapp.coverage.analysis import (
    CoverageResult,
    Feasibility,
    PlacementResult,
    candidate_sites,
    check_feasibility,
    coverage,
    nearest_facility,
    place_facilities,
)
from geoapp.coverage.milp import Solution, check_limits, solve_lscp, solve_mclp
from geoapp.coverage.presolve import (
    DOMINANCE_BUDGET,
    DOMINANCE_MAX_PAIRS,
    Reduced,
    reduce_lscp,
    reduce_mclp,
)

__all__ = [
    "CoverageResult",
    "DOMINANCE_BUDGET",
    "DOMINANCE_MAX_PAIRS",
    "Feasibility",
    "PlacementResult",
    "Reduced",
    "Solution",
    "candidate_sites",
    "check_feasibility",
    "check_limits",
    "coverage",
    "nearest_facility",
    "place_facilities",
    "reduce_lscp",
    "reduce_mclp",
    "solve_lscp",
    "solve_mclp",
]
