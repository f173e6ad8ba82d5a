"""Cheap checks on an upload before it is queued: is it a readable PDF within the limits?

A bad file is refused with a 4xx at once instead of becoming a failed job. The checks and their
messages are the core's own (size, format, damage, password, page count), run without reading
any page.
"""

from __future__ import annotations

from schedgen_core.pdf import ParseLimits
from schedgen_core.pdf.parser import _open, _read_source


def preflight(data: bytes, limits: ParseLimits) -> None:
    with _open(_read_source(data, limits), limits):
        pass
