"""Piccolo's configuration module (``PICCOLO_CONF``): the engine comes from the settings."""

from piccolo.conf.apps import AppRegistry

from schedgen_server.db.engine import build_engine
from schedgen_server.settings import get_settings

DB = build_engine(get_settings())

APP_REGISTRY = AppRegistry(apps=["schedgen_server.db.piccolo_app"])
