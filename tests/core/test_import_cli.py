"""`deskeditor import PATH…`: every supported type, folders, bad files on stderr, exit 1."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from deskeditor import cli

FIXTURES = Path(__file__).parent / "fixtures"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def listed(capsys: pytest.CaptureFixture[str], db: str) -> list[dict[str, object]]:
    status, out, _ = run(capsys, "--db", db, "list", "--json")
    assert status == 0
    data = json.loads(out)
    assert isinstance(data, list)
    return data


def test_every_supported_type_imports(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "s.sqlite3")
    files = [
        FIXTURES / "story.docx",
        FIXTURES / "news_page.html",
        FIXTURES / "story_euckr.txt",
        FIXTURES / "front_matter_ko.md",
    ]

    status, out, err = run(capsys, "--db", db, "import", *map(str, files))

    assert (status, err) == (0, "")
    ids = [int(line) for line in out.splitlines()]
    assert len(ids) == 4
    shown = json.loads(run(capsys, "--db", db, "show", str(ids[1]), "--json")[1])
    assert (shown["headline"], shown["byline"], shown["section"]) == (
        "반도체 수출 석 달 만에 반등",
        "김한빛",
        "경제",
    )
    assert "많이 본 뉴스" not in shown["body"]


def test_a_folder_with_bad_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "s.sqlite3")
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(FIXTURES / "story.docx", folder / "1-story.docx")
    (folder / "2-photo.docx").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    shutil.copy(FIXTURES / "story_encrypted.docx", folder / "3-locked.docx")
    (folder / "4-empty.txt").write_bytes(b"")
    (folder / "5-note.txt").write_text("메모 제목\n\n메모 본문", encoding="utf-8")
    data = (FIXTURES / "story.docx").read_bytes()
    (folder / "6-cut.docx").write_bytes(data[: len(data) // 2])

    status, out, err = run(capsys, "--db", db, "import", str(folder))

    assert status == 1
    assert len(out.splitlines()) == 2  # the two good files, in name order
    prefix = f"deskeditor: error: Cannot import {folder}"
    assert err.splitlines() == [
        f"{prefix}/2-photo.docx: it is a PNG image, not a document.",
        f"{prefix}/3-locked.docx: it is password-protected; "
        "remove the password in Word (File → Info) and try again.",
        f"{prefix}/4-empty.txt: the file is empty.",
        f"{prefix}/6-cut.docx: the Word document is damaged or incomplete.",
    ]
    # No half-created article: exactly the good files are in the store.
    assert sorted(str(a["headline"]) for a in listed(capsys, db)) == [
        "메모 제목",
        "반도체 수출 석 달 만에 반등",
    ]


def test_an_empty_folder_fails(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    status, out, err = run(
        capsys, "--db", str(tmp_path / "s.sqlite3"), "import", str(tmp_path / "empty")
    )

    assert (status, out) == (1, "")
    assert "the folder holds no files to import" in err


def test_help_names_paths(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "import", "--help")
    assert status == 0
    assert "PATH" in out and "folder" in out
