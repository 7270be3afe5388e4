"""Stores that must be refused with a clear message and left byte-for-byte untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from deskeditor.core.errors import NotAStoreError, StoreError, StoreTooNewError
from deskeditor.core.store import Store


def fingerprint(folder: Path) -> dict[str, str]:
    """Every file in the folder with the hash of its bytes (catches -wal/-shm side files too)."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
        if path.is_file()
    }


def refuse(path: Path, error: type[StoreError], match: str) -> None:
    before = fingerprint(path.parent)
    with pytest.raises(error, match=match):
        Store.open(path)
    assert fingerprint(path.parent) == before


def test_text_file_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("기사 메모\n" * 100, encoding="utf-8")
    refuse(path, NotAStoreError, "not a deskeditor store")


def test_png_file_is_not_a_store(tmp_path: Path) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    refuse(path, NotAStoreError, "not an SQLite database")


def test_other_applications_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE contacts (name TEXT)")
    connection.execute("INSERT INTO contacts VALUES ('kim')")
    connection.commit()
    connection.close()
    refuse(path, NotAStoreError, "holds other data")


def test_store_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    Store.open(path).close()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.commit()
    connection.close()
    refuse(path, StoreTooNewError, "newer deskeditor")


def test_corrupt_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    refuse(path, NotAStoreError, "not a readable deskeditor store")


def test_folder_is_not_a_store(tmp_path: Path) -> None:
    folder = tmp_path / "folder.sqlite3"
    folder.mkdir()
    with pytest.raises(NotAStoreError, match="is a folder"):
        Store.open(folder)


def test_invalid_url_gets_a_clear_error() -> None:
    with pytest.raises(StoreError, match="Cannot open the store notadialect"):
        Store.open("notadialect+://x")


def test_empty_file_becomes_a_new_store(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    store = Store.open(path)
    try:
        assert store.article_ids() == []
    finally:
        store.close()
