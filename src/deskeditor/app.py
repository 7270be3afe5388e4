"""Composition root: opens the store, builds renderer, session state and window, runs them."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from deskeditor import __version__, paths
from deskeditor.core.errors import StoreError
from deskeditor.core.models import ArticleId, Language
from deskeditor.core.render import Renderer
from deskeditor.core.store import Store
from deskeditor.ui.mainwindow import MainWindow
from deskeditor.ui.preferences import AppPreferences, preferences_settings
from deskeditor.ui.prompts import Prompts
from deskeditor.ui.qtsetup import prepare_qt_before_application
from deskeditor.ui.sessionstate import SessionState, session_settings
from deskeditor.ui.stopsignals import StopSignals
from deskeditor.ui.translation import install_translators, remove_translators

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2

# Platforms on which no one could see a message box.
HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal"})


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="deskeditor", description="Open the deskeditor window.")
    parser.add_argument(
        "--db",
        metavar="DB",
        default=None,
        help="store file or SQLAlchemy URL (default: $DESKEDITOR_DB, else the user data folder)",
    )
    parser.add_argument("--open", metavar="ID", type=int, default=None, help="open this article")
    return parser


def application() -> tuple[QApplication, bool]:
    """The running QApplication, or a new one; the flag says whether we created it."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing, False
    prepare_qt_before_application()
    app = QApplication(sys.argv[:1])
    return app, True


def name_application() -> None:
    """Names Qt uses for window titles and platform integration."""
    QCoreApplication.setApplicationName("deskeditor")
    QCoreApplication.setOrganizationName("deskeditor")
    QCoreApplication.setApplicationVersion(__version__)
    QApplication.setApplicationDisplayName("deskeditor")


def report_startup_error(message: str) -> None:
    """One clear message on stderr, and in a box when there is a screen to show it on."""
    print(f"deskeditor: {message}", file=sys.stderr)
    if QApplication.platformName() not in HEADLESS_PLATFORMS:
        QMessageBox.critical(None, QCoreApplication.translate("app", "deskeditor"), message)


def build_window(
    store: Store,
    app: QApplication,
    *,
    open_article: ArticleId | None = None,
    prompts: Prompts | None = None,
) -> MainWindow:
    """The window on an open store, with the bundled templates and this user's session state."""
    renderer = Renderer(paths.templates_dir(), paths.css_dir())
    session = SessionState(session_settings(paths.session_state_file()))
    return MainWindow(
        store,
        renderer,
        session,
        prompts=prompts,
        open_article=open_article,
        app=app,
    )


@contextmanager
def long_lived_heap() -> Iterator[None]:
    """While the window runs, the garbage collector leaves alone what start-up built.

    Start-up leaves about 100,000 objects (Qt wrappers, SQLAlchemy's and Jinja's
    state) that live as long as the window. A full collection walked them all: a
    105 ms pause in the middle of scrolling a 100,000-article list. Frozen, they are
    not walked again (that pause became 5-8 ms). Unfrozen when the window has closed,
    so that a reused application (a test, a driver script) can collect them after all.

    The collection thresholds stay Python's own. Raising the first one (to 50,000) was
    measured: it spared the ~280 collections that reading 100,000 ids through
    SQLAlchemy's rows used to set off, but the ids are now read without those rows
    (core/listquery.py), and what is left (about 30 young collections of a few ms over
    a whole scroll, at most two per re-sort) never set the longest frame.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def main(argv: list[str] | None = None) -> int:
    """Run the window until it closes; returns the exit status (0 ok, 1 failure, 2 usage).

    If a QApplication already exists (a test, or a driver script), it is reused and a
    local event loop runs until the window closes, so the caller gets control back.
    """
    try:
        args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as exit_request:  # argparse exits on --help and usage errors
        code = exit_request.code
        return code if isinstance(code, int) else EXIT_USAGE
    app, created = application()
    name_application()
    try:
        store = Store.open(paths.store_target(args.db))
    except StoreError as error:
        report_startup_error(str(error))
        return EXIT_FAILURE
    # Before the window is built: its strings are translated as its widgets are made.
    translators = install_translators(app, interface_language(), paths.translations_dir())
    try:
        window = build_window(
            store, app, open_article=ArticleId(args.open) if args.open is not None else None
        )
        window.show()
        # Deleted on close, so that a reused application does not collect dead windows.
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        stop_signals = StopSignals(window.close)
        try:
            with long_lived_heap():
                if created:
                    return app.exec()
                loop = QEventLoop()
                window.closed.connect(loop.quit)
                loop.exec()
                return EXIT_OK
        finally:
            stop_signals.uninstall()
    finally:
        remove_translators(app, translators)
        store.close()


def interface_language() -> Language:
    """The language the user chose for menus and dialogs, or the system's."""
    return AppPreferences(preferences_settings(paths.preferences_file())).resolved_ui_language()
