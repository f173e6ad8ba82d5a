"""The Piccolo app holding the server's tables and their migrations."""

from pathlib import Path

from piccolo.conf.apps import AppConfig

from schedgen_server.db.tables import Job, Upload

APP_NAME = "schedgen_server"

APP_CONFIG = AppConfig(
    app_name=APP_NAME,
    migrations_folder_path=str(Path(__file__).parent / "migrations"),
    table_classes=[Job, Upload],
    migration_dependencies=[],
    commands=[],
)
