"""Prometheus metrics of the server process (served at ``/metrics``)."""

from prometheus_client import Counter

UPLOADS = Counter("schedgen_uploads", "Accepted uploads, by where they were parsed", ["route"])
