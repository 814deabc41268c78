"""Clusters (DBSCAN / HDBSCAN in metres) and Getis-Ord Gi* hot spots of project sites.

Examples
--------
>>> from geoapp.clustering import cluster_sites
>>> res = cluster_sites(eps_m=3000, min_samples=3, layers=layers)  # doctest: +SKIP
"""

from geoapp.clustering.clusters import HOTSPOT_CLASSES, ClusterResult, cluster_sites, hot_spots

__all__ = ["ClusterResult", "HOTSPOT_CLASSES", "cluster_sites", "hot_spots"]
