"""Clusters (DBSCAN / HDBSCAN in metres) and Getis-Ord Gi* hot spots of project sites.

The package reads top to bottom as::

    common     argument checks and the sites' metric coordinates
    clusters   cluster_sites: DBSCAN / HDBSCAN, the per-cluster table and hulls
    hotspots   hot_spots: Gi* of investment or site counts on a grid of square cells

Examples
--------
>>> from geoapp.clustering import cluster_sites
>>> res = cluster_sites(eps_m=3000, min_samples=3, layers=layers)  # doctest: +SKIP
"""

from geoapp.clustering.clusters import ClusterResult, cluster_sites
from geoapp.clustering.hotspots import HOTSPOT_CLASSES, hot_spots

__all__ = ["ClusterResult", "HOTSPOT_CLASSES", "cluster_sites", "hot_spots"]
