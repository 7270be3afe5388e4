"""The Korean interface: every string translated, the catalogue current, menus in Korean."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from deskeditor import paths
from deskeditor.core.models import Language
from deskeditor.ui.mainwindow import MainWindow
from deskeditor.ui.translation import install_translators, remove_translators

CATALOGUE = paths.translations_dir() / "deskeditor_ko.ts"
COMPILED = paths.translations_dir() / "deskeditor_ko.qm"
UI_SOURCES = sorted((Path(__file__).parents[2] / "src" / "deskeditor" / "ui").glob("*.py"))
TOOLS = Path(sys.executable).parent


def run_tool(name: str, *args: str) -> None:
    subprocess.run([str(TOOLS / name), *args], check=True, capture_output=True, timeout=120)


@pytest.fixture
def korean(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, Language.KO, paths.translations_dir())
    yield
    remove_translators(qapp, translators)


def test_the_catalogue_has_every_interface_string_translated(tmp_path: Path) -> None:
    """New tr() strings without a Korean translation fail here: run scripts/translations."""
    updated = tmp_path / CATALOGUE.name
    shutil.copy(CATALOGUE, updated)
    sources = [str(path) for path in UI_SOURCES]
    run_tool("pyside6-lupdate", "-no-obsolete", "-locations", "none", *sources, "-ts", str(updated))
    text = updated.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    assert text == CATALOGUE.read_text(encoding="utf-8"), "catalogue out of date"


def test_the_compiled_catalogue_matches_its_source(tmp_path: Path) -> None:
    compiled = tmp_path / COMPILED.name
    run_tool("pyside6-lrelease", "-nounfinished", str(CATALOGUE), "-qm", str(compiled))
    assert compiled.read_bytes() == COMPILED.read_bytes(), "run scripts/translations"


def test_english_needs_no_catalogue(qapp: QApplication) -> None:
    assert install_translators(qapp, Language.EN, paths.translations_dir()) == []


@pytest.mark.usefixtures("korean")
def test_korean_translates_our_strings_and_qts_own() -> None:
    assert QCoreApplication.translate("actions", "&File") == "파일(&F)"
    assert QCoreApplication.translate("BodyEdit", "&Bold") == "굵게(&B)"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "취소"


@pytest.mark.usefixtures("korean")
def test_the_window_speaks_korean(make_window: Callable[..., MainWindow]) -> None:
    window = make_window()
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["파일(&F)", "편집(&E)", "삽입(&I)", "서식(&O)", "보기(&V)", "도움말(&H)"]
    assert window.list_pane.search_edit.placeholderText() == "제목, 본문, 태그 검색"


def test_the_window_is_english_again_once_the_translators_are_removed(
    qapp: QApplication, make_window: Callable[..., MainWindow]
) -> None:
    remove_translators(qapp, install_translators(qapp, Language.KO, paths.translations_dir()))
    window = make_window()
    assert window.menuBar().actions()[0].text() == "&File"
