"""Atomic writes: the new bytes or the old file, and never a stray temp file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from deskeditor.core.atomic import (
    SYNC_ONCE_FROM,
    atomic_write_bytes,
    atomic_write_text,
    discard_staged,
    place_staged,
    sync_staged,
    write_staged,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


def test_writes_a_new_file_and_leaves_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    atomic_write_bytes(target, b"<p>one</p>")
    assert target.read_bytes() == b"<p>one</p>"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html"]


def test_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    target.write_bytes(b"old and longer than the new content")
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html"]


def test_text_is_written_byte_for_byte(tmp_path: Path) -> None:
    target = tmp_path / "기사.html"
    atomic_write_text(target, "첫 줄\n둘째 줄\r\n셋째")
    # No newline translation, on Windows either: export must match the renderer exactly.
    assert target.read_bytes() == "첫 줄\n둘째 줄\r\n셋째".encode()


def test_unencodable_text_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    target.write_bytes(b"old")
    with pytest.raises(UnicodeEncodeError):
        atomic_write_text(target, "한글", encoding="ascii")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html"]


def test_failure_after_the_temp_file_exists_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "page.html"
    target.write_bytes(b"old")

    def disk_full(fd: int) -> None:
        # By now the temp file exists and holds the new bytes: the worst moment to fail.
        temps = [p for p in tmp_path.iterdir() if p.name != "page.html"]
        assert len(temps) == 1 and temps[0].read_bytes() == b"new"
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError, match="No space left"):
        atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html"]


def test_target_that_is_a_directory_is_left_alone(tmp_path: Path) -> None:
    # Fails for root too: rename() will not put a file over a non-empty directory.
    target = tmp_path / "page.html"
    target.mkdir()
    (target / "inside.txt").write_bytes(b"keep me")
    with pytest.raises(OSError):
        atomic_write_bytes(target, b"new")
    assert (target / "inside.txt").read_bytes() == b"keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html"]


def test_parent_that_is_a_file_fails_and_creates_nothing(tmp_path: Path) -> None:
    parent = tmp_path / "not-a-folder"
    parent.write_bytes(b"plain file")
    with pytest.raises(OSError):
        atomic_write_bytes(parent / "page.html", b"new")
    assert parent.read_bytes() == b"plain file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder"]


def test_missing_parent_is_not_created(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        atomic_write_bytes(tmp_path / "missing" / "page.html", b"new")
    assert list(tmp_path.iterdir()) == []


@posix_only
def test_replacing_keeps_the_old_permissions(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write_bytes(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@posix_only
def test_a_new_file_follows_the_umask_not_0600(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        atomic_write_bytes(tmp_path / "page.html", b"new")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((tmp_path / "page.html").stat().st_mode) == 0o644


def test_long_file_names_still_fit(tmp_path: Path) -> None:
    target = tmp_path / ("가" * 80 + ".html")  # 245 bytes in UTF-8: near the usual limit
    atomic_write_bytes(target, b"ok")
    assert target.read_bytes() == b"ok"


@pytest.mark.parametrize("count", [1, SYNC_ONCE_FROM + 4])
def test_a_staged_batch_touches_no_target_until_placed(tmp_path: Path, count: int) -> None:
    targets = [tmp_path / f"page-{n}.html" for n in range(count)]
    for target in targets:
        target.write_bytes(b"old")
    temps = [write_staged(target, f"new {n}".encode()) for n, target in enumerate(targets)]
    assert all(target.read_bytes() == b"old" for target in targets)
    sync_staged(temps)
    for temp, target in zip(temps, targets, strict=True):
        place_staged(temp, target)
    assert [target.read_bytes() for target in targets] == [
        f"new {n}".encode() for n in range(count)
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(t.name for t in targets)


def test_a_discarded_batch_leaves_the_folder_as_it_was(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    target.write_bytes(b"old")
    discard_staged([write_staged(target, b"new"), write_staged(tmp_path / "other.html", b"x")])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html"]
    assert target.read_bytes() == b"old"


def test_a_target_that_cannot_be_replaced_keeps_no_temp(tmp_path: Path) -> None:
    (tmp_path / "page.html").mkdir()  # a folder where the file should go
    temp = write_staged(tmp_path / "page.html", b"new")
    sync_staged([temp])
    with pytest.raises(OSError):
        place_staged(temp, tmp_path / "page.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["page.html"]
