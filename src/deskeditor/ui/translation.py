"""The interface language: Qt's own Korean catalogue and ours, installed on the application."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from deskeditor.core.models import Language

CATALOGUE = "deskeditor"
"""Our catalogue's base name: resources/translations/deskeditor_ko.ts, compiled to .qm
by scripts/translations (pyside6-lupdate + pyside6-lrelease)."""
QT_CATALOGUE = "qtbase"
"""Qt's own strings (standard buttons, context menus), shipped with PySide6."""


def install_translators(
    app: QCoreApplication, language: Language, catalogue_dir: Path
) -> list[QTranslator]:
    """Install the catalogues a Korean interface needs; English is the source language.

    Returns the translators installed (remove them with remove_translators when the
    window is gone). A missing catalogue leaves those strings in English rather than
    failing to start.
    """
    if language is not Language.KO:
        return []
    korean = QLocale(QLocale.Language.Korean, QLocale.Country.SouthKorea)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    installed: list[QTranslator] = []
    for name, folder in ((QT_CATALOGUE, qt_dir), (CATALOGUE, str(catalogue_dir))):
        translator = QTranslator(app)
        if translator.load(korean, name, "_", folder) and app.installTranslator(translator):
            installed.append(translator)
        else:
            translator.deleteLater()
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Back to the source language (a reused application must not stay translated)."""
    for translator in translators:
        app.removeTranslator(translator)
        translator.deleteLater()
