"""Domain errors. Each subclasses a built-in so callers can catch broadly or precisely."""

from typing import Any


class GeoappError(Exception):
    """Base class of every geoapp error."""


class CRSError(GeoappError, ValueError):
    """A layer has no CRS, the wrong CRS, or two layers disagree."""


class LayerValidationError(GeoappError, ValueError):
    """A layer file does not match its declaration in ``layers/``."""


class InputFileError(GeoappError, ValueError):
    """A user file cannot be read at all (format, encoding, missing columns)."""


class InfeasibleError(GeoappError, ValueError):
    """An optimisation problem has no solution with the given parameters.

    Attributes
    ----------
    feasibility
        The feasibility check that found it (:class:`geoapp.coverage.placement.Feasibility`:
        the sites out of reach and the smallest radius that works), when known.
    """

    feasibility: Any = None


class OutputPathError(GeoappError, ValueError):
    """An output path (``-o``) would destroy something, or cannot be written."""
