"""Storage: Piccolo tables, engines and migrations (PostgreSQL in production, SQLite embedded)."""
