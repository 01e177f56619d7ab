"""The HTTP API (FastAPI): `create_app(Settings(...))`, served by `charterguard serve`."""

from .app import create_app
from .settings import Settings, SettingsError

__all__ = ["Settings", "SettingsError", "create_app"]
