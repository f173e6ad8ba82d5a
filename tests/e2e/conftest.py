"""Real PostgreSQL and Redis servers for the integration and end-to-end tests."""

from tests.servers import (  # noqa: F401  (fixtures)
    postgres,
    production_env,
    redis,
)
