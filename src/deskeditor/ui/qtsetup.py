"""What Qt needs before the QApplication exists: custom URL schemes and WebEngine sharing."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWebEngineCore import QWebEngineUrlScheme

PREVIEW_SCHEME = b"deskeditor"

_prepared = False


def prepare_qt_before_application() -> None:
    """Register the preview's URL scheme and let WebEngine share GL contexts.

    Both are only allowed before the QApplication is created, so app.main() and
    the GUI tests' conftest call this first. Calling it twice is harmless.
    """
    global _prepared
    if _prepared:
        return
    scheme = QWebEngineUrlScheme(PREVIEW_SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    scheme.setFlags(
        QWebEngineUrlScheme.Flag.SecureScheme
        | QWebEngineUrlScheme.Flag.LocalScheme
        | QWebEngineUrlScheme.Flag.LocalAccessAllowed
        | QWebEngineUrlScheme.Flag.ContentSecurityPolicyIgnored
    )
    QWebEngineUrlScheme.registerScheme(scheme)
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    _prepared = True
