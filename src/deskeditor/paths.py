"""The one place that knows where data, configuration and bundled resources live."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "deskeditor"
DB_FILENAME = "deskeditor.sqlite3"

# Environment overrides: tests point these at a temporary directory so they never
# touch the real user's data; a portable install can use them too.
DATA_DIR_ENV = "DESKEDITOR_DATA_DIR"
CONFIG_DIR_ENV = "DESKEDITOR_CONFIG_DIR"
DB_ENV = "DESKEDITOR_DB"


def data_dir() -> Path:
    """Directory for the article store and backups (created on demand by callers)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Directory for preferences and window/session state."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """The embedded SQLite store used when neither --db nor DESKEDITOR_DB is given."""
    return data_dir() / DB_FILENAME


def db_from_environment() -> str | None:
    """The store chosen by the DESKEDITOR_DB environment variable, if any."""
    return os.environ.get(DB_ENV) or None


def session_state_file() -> Path:
    """INI file for window geometry, splitter sizes and the last open article."""
    return config_dir() / "session.ini"


def preferences_file() -> Path:
    """INI file for user preferences (kept apart from session state)."""
    return config_dir() / "preferences.ini"


def resources_dir() -> Path:
    """Bundled templates, CSS, icons and translations.

    In a wheel they are packaged as ``deskeditor/resources``; in a source checkout
    (editable install) they are the repository's top-level ``resources/``.
    """
    packaged = Path(__file__).resolve().parent / "resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "resources"


def templates_dir() -> Path:
    """Jinja2 templates for article pages."""
    return resources_dir() / "templates"


def css_dir() -> Path:
    """Stylesheets inlined into exported pages and used by the preview."""
    return resources_dir() / "css"


def translations_dir() -> Path:
    """Compiled Qt translation catalogues (.qm)."""
    return resources_dir() / "translations"


def icons_dir() -> Path:
    """Toolbar and application icons."""
    return resources_dir() / "icons"


def store_target(explicit: str | None = None) -> str | Path:
    """The store to open: --db if given, else DESKEDITOR_DB, else the default file."""
    return explicit or db_from_environment() or default_db_path()
