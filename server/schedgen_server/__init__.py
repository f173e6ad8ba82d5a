"""schedgen sync server (Litestar on Granian)."""
