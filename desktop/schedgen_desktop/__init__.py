"""schedgen desktop app (PySide6): views and models over the core."""
