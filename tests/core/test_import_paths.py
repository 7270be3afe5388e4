"""Batches: folders walked in order, hidden and lock files skipped, a bad file costs only itself."""

from __future__ import annotations

import shutil
from pathlib import Path

from deskeditor.core.errors import ImportFileError
from deskeditor.core.importers import SUPPORTED_SUFFIXES, import_paths
from deskeditor.core.models import ArticleContent

FIXTURES = Path(__file__).parent / "fixtures"


def make_folder(root: Path) -> Path:
    folder = root / "inbox"
    (folder / "b-sub" / "deeper").mkdir(parents=True)
    (folder / ".git").mkdir()
    (folder / "a.md").write_text("# 가\n\n본문", encoding="utf-8")
    (folder / "c.txt").write_bytes("다\n\n본문".encode("euc-kr"))
    (folder / "b-sub" / "b.html").write_text("<title>나</title><p>본문</p>", encoding="utf-8")
    (folder / "b-sub" / "deeper" / "photo.docx").write_bytes(b"\x89PNG\r\n\x1a\nrest")
    shutil.copy(FIXTURES / "story.docx", folder / "b-sub" / "deeper" / "story.docx")
    (folder / "d.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # not a supported name: skipped
    (folder / ".hidden.md").write_text("# hidden", encoding="utf-8")
    (folder / ".git" / "config.md").write_text("# git", encoding="utf-8")
    (folder / "~$story.docx").write_bytes(b"kim" + b"\x00" * 100)  # Word's lock file
    return folder


def test_a_folder_is_walked_recursively_in_name_order(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)

    results = list(import_paths([folder]))

    assert [path.relative_to(folder).as_posix() for path, _ in results] == [
        "a.md",
        "b-sub/b.html",
        "b-sub/deeper/photo.docx",
        "b-sub/deeper/story.docx",
        "c.txt",
    ]
    outcomes = [
        result.headline if isinstance(result, ArticleContent) else str(result)
        for _, result in results
    ]
    assert outcomes[0:2] == ["가", "나"]
    assert (
        outcomes[2]
        == f"Cannot import {folder}/b-sub/deeper/photo.docx: it is a PNG image, not a document."
    )
    assert outcomes[3:] == ["반도체 수출 석 달 만에 반등", "다"]


def test_files_and_folders_mix_in_the_given_order(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    single = tmp_path / "notes.weird"
    single.write_text("이름과 상관없이\n\n읽는다", encoding="utf-8")

    paths = [
        path for path, _ in import_paths([single, folder / "b-sub", FIXTURES / "title_alias.md"])
    ]

    assert paths[0] == single  # named explicitly: tried whatever its extension
    assert paths[1].name == "b.html"
    assert paths[-1] == FIXTURES / "title_alias.md"


def test_an_empty_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "empty" / ".hidden").mkdir(parents=True)
    [(path, result)] = list(import_paths([tmp_path / "empty"]))

    assert path == tmp_path / "empty"
    assert isinstance(result, ImportFileError)
    assert str(result).startswith(f"Cannot import {tmp_path / 'empty'}: the folder holds no files")


def test_a_missing_path_is_one_error_among_results(tmp_path: Path) -> None:
    results = list(import_paths([tmp_path / "gone.md", FIXTURES / "title_alias.md"]))

    assert isinstance(results[0][1], ImportFileError)
    assert "No such file or directory" in str(results[0][1])
    assert isinstance(results[1][1], ArticleContent)


def test_supported_suffixes() -> None:
    assert {".md", ".markdown", ".txt", ".html", ".htm", ".docx"} <= SUPPORTED_SUFFIXES
