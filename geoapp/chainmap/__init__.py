"""The chain map (招商图谱): chain nodes, gaps, the zones for a gap, its exports and report.

The package reads top to bottom as::

    nodes      chain nodes (present / gap / target / named), gaps by chain and by zone, and
               the zones ranked for a gap by the siting evaluation
    export     the chain map and the pipeline as XLSX (Chinese headers, formula-safe cells)
    report     the "两图一表" chain page as HTML / PDF

Examples
--------
>>> from geoapp.chainmap import chain_nodes
>>> chain_nodes("聚碳新材料")  # doctest: +SKIP
"""

from geoapp.chainmap.export import (
    FORMULA_START,
    MEASURABLE_ZH,
    METRIC_ZH,
    PANORAMA_HEADERS,
    ROLLUP_HEADERS,
    SCOPE_ZH,
    TARGET_HEADERS,
    chain_sheets,
    pipeline_sheets,
    safe_cell,
    write_xlsx,
)
from geoapp.chainmap.nodes import (
    NODE_STATUSES,
    STATUS_COLORS,
    STATUS_ZH,
    chain_nodes,
    gap_candidates,
    gaps_by_chain,
    gaps_by_zone,
    leading_zones,
    node_projects,
    panorama,
    unassigned_projects,
    zone_containment,
)
from geoapp.chainmap.report import chain_map_png, render_chain_report, write_chain_report

__all__ = [
    "FORMULA_START",
    "MEASURABLE_ZH",
    "METRIC_ZH",
    "NODE_STATUSES",
    "PANORAMA_HEADERS",
    "ROLLUP_HEADERS",
    "SCOPE_ZH",
    "STATUS_COLORS",
    "STATUS_ZH",
    "TARGET_HEADERS",
    "chain_map_png",
    "chain_nodes",
    "chain_sheets",
    "gap_candidates",
    "gaps_by_chain",
    "gaps_by_zone",
    "leading_zones",
    "node_projects",
    "panorama",
    "pipeline_sheets",
    "render_chain_report",
    "safe_cell",
    "unassigned_projects",
    "write_chain_report",
    "write_xlsx",
    "zone_containment",
]
