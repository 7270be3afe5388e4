"""paths.py: environment overrides and store selection; tests never see real user dirs."""

from __future__ import annotations

from pathlib import Path

import pytest

from deskeditor import paths


def test_test_run_is_isolated_from_the_real_user(isolated_user_dirs: Path) -> None:
    assert paths.data_dir().is_relative_to(isolated_user_dirs)
    assert paths.config_dir().is_relative_to(isolated_user_dirs)
    assert paths.default_db_path().is_relative_to(isolated_user_dirs)
    assert paths.session_state_file().is_relative_to(isolated_user_dirs)


def test_store_target_prefers_explicit_then_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert paths.store_target() == paths.default_db_path()
    monkeypatch.setenv("DESKEDITOR_DB", "/tmp/from-env.sqlite3")
    assert paths.store_target() == "/tmp/from-env.sqlite3"
    assert paths.store_target("postgresql://desk/db") == "postgresql://desk/db"


def test_platform_dirs_are_used_without_overrides(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("DESKEDITOR_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.data_dir() == tmp_path / "xdg" / "deskeditor"


def test_resources_are_found() -> None:
    assert paths.resources_dir().is_dir()
