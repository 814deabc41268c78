"""The project pipeline: filters, roll-ups, the 三个一批 funnel and the city's cited targets.

The package reads top to bottom as::

    filters    project filters (stage, cluster, chain, county, zone, investment) and the
               county summary
    pipeline   roll-ups by stage, cluster, chain, county and zone; the funnel; the targets
               with their quotes and the shares reached

Examples
--------
>>> from geoapp.projects import funnel
>>> funnel(layers=layers)  # doctest: +SKIP
"""

from geoapp.projects.filters import (
    UNSTATED,
    by_county_summary,
    filter_projects,
    labels,
    pipeline_summary,
)
from geoapp.projects.pipeline import (
    GROUPINGS,
    INVESTMENT_CLASSES,
    ROLLUP_COLUMNS,
    against_targets,
    by_investment_class,
    funnel,
    project_places,
    rollup,
    targets_table,
)

__all__ = [
    "GROUPINGS",
    "INVESTMENT_CLASSES",
    "ROLLUP_COLUMNS",
    "UNSTATED",
    "against_targets",
    "by_county_summary",
    "by_investment_class",
    "filter_projects",
    "funnel",
    "labels",
    "pipeline_summary",
    "project_places",
    "rollup",
    "targets_table",
]
