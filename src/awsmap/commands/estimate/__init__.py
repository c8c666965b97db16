"""Back-of-envelope estimates checked against AWS's own limits (``awsmap estimate``, issue #22).

Parse the options as typed with :func:`parse_request`, load the limits once with
:func:`load_limits` (or build them from a dataset with :func:`limits_from_dataset`), then call
:func:`estimate`; the :class:`Estimate` it returns is plain data for a view and has ``to_json()``.
Nothing here prints: the command and its view live in the CLI layer.
"""

from __future__ import annotations

from .estimator import CHECKS, USED_LIMIT_IDS, estimate
from .limits import Limit, bytes_of, limits_from_dataset, limits_from_numbers, load_limits
from .request import DEFAULT_PEAK, SERVICES, RateInput, Request, parse_request, parse_services
from .result import Estimate, Figure, Need, Rate, ServiceEstimate

__all__ = [
    "CHECKS",
    "DEFAULT_PEAK",
    "SERVICES",
    "USED_LIMIT_IDS",
    "Estimate",
    "Figure",
    "Limit",
    "Need",
    "Rate",
    "RateInput",
    "Request",
    "ServiceEstimate",
    "bytes_of",
    "estimate",
    "limits_from_dataset",
    "limits_from_numbers",
    "load_limits",
    "parse_request",
    "parse_services",
]
