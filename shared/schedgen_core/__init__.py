"""schedgen core: the timetable domain, shared by the desktop app and the server.

Nothing in this package imports Qt or a web framework (an import contract enforces it).
"""

__version__ = "0.1.0"
