"""Bad input: one line naming the file and the reason; the content, not the name, decides."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from deskeditor.core.errors import ImportFileError
from deskeditor.core.importers import read_article_file, sniffing

FIXTURES = Path(__file__).parent / "fixtures"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def refusal(path: Path) -> str:
    with pytest.raises(ImportFileError) as caught:
        read_article_file(path)
    message = str(caught.value)
    assert message.startswith(f"Cannot import {path}: ")
    assert "\n" not in message
    return message.removeprefix(f"Cannot import {path}: ")


def zipped(**members: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            archive.writestr(name.replace("__", "/").replace("_dot_", "."), text)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("photo.docx", PNG, "it is a PNG image, not a document."),
        ("story.md", b"\xff\xd8\xff\xe0\x00\x10JFIF", "it is a JPEG image, not a document."),
        ("story.txt", b"GIF89a\x01\x00", "it is a GIF image, not a document."),
        ("report.docx", b"%PDF-1.7\n%\xe2\xe3",
         "it is a PDF document; copy its text or save it as .docx."),
        ("memo.doc", b"{\\rtf1\\ansi Hello}", "it is an RTF document; save it as .docx."),
        ("story.html", b"\x1f\x8b\x08\x00", "it is a gzip archive, not a document."),
        ("old.docx", OLE + "WordDocument".encode("utf-16-le"),
         "it is a Word 97-2003 (.doc) document; save it as .docx."),
        ("기사.hwp", OLE + "HwpSummaryInformation".encode("utf-16-le"),
         "it is a Hangul word processor (.hwp) document; save it as .docx."),
        ("sheet.xls", OLE + "Workbook".encode("utf-16-le"),
         "it is an old-style Office file (Excel or PowerPoint 97-2003), not a document."),
        ("table.docx", zipped(xl__workbook_dot_xml="<x/>"),
         "it is an Excel workbook, not a document."),
        ("slides.docx", zipped(ppt__presentation_dot_xml="<x/>"),
         "it is a PowerPoint presentation, not a document."),
        ("story.odt",
         zipped(mimetype="application/vnd.oasis.opendocument.text", content_dot_xml="<x/>"),
         "it is an OpenDocument file (LibreOffice); save it as .docx."),
        ("story.hwpx", zipped(mimetype="application/hwp+zip", Contents__header_dot_xml="<x/>"),
         "it is a Hangul word processor (.hwpx) document; save it as .docx."),
        ("photos.zip", zipped(a_dot_txt="x"),
         "it is a ZIP archive, not a document; unpack it first."),
        ("empty.docx", b"", "the file is empty."),
        ("blank.txt", b" \r\n\t\n", "the file has no text."),
        ("blank.md", "\ufeff\u3000\n".encode(), "the file has no text."),
        ("binary.txt", b"\x01\x02\x00\x00\x03", "it is a binary file, not text."),
    ],
)  # fmt: skip
def test_refused_with_the_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert refusal(path) == reason


def test_password_protected_word_document() -> None:
    """story_encrypted.docx is story.docx encrypted by msoffcrypto-tool, as Word does it."""
    reason = refusal(FIXTURES / "story_encrypted.docx")
    assert reason.startswith("it is password-protected;")


def test_truncated_word_document(tmp_path: Path) -> None:
    data = (FIXTURES / "story.docx").read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])

    assert refusal(path) == "the Word document is damaged or incomplete."


def test_truncated_zip_not_named_docx(tmp_path: Path) -> None:
    data = (FIXTURES / "story.docx").read_bytes()
    path = tmp_path / "cut.bin"
    path.write_bytes(data[:1000])

    assert refusal(path) == "the ZIP archive is damaged or incomplete."


def test_missing_file(tmp_path: Path) -> None:
    assert refusal(tmp_path / "없는 파일.docx") == "No such file or directory."


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    assert refusal(tmp_path) == "Is a directory."


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "loop.txt"
    path.symlink_to(path)  # unreadable even for root, unlike a chmod 000 file
    assert refusal(path) == "Too many levels of symbolic links."


def test_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sniffing, "MAX_BYTES", 3 * 2**20)
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (4 * 2**20))
    assert refusal(path) == "it is too large (4 MB; the limit is 3 MB)."


def test_zip_bomb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sniffing, "MAX_UNPACKED", 1000)
    path = tmp_path / "bomb.docx"
    path.write_bytes(zipped(word__document_dot_xml="<w/>" * 1000))
    assert refusal(path) == "the Word document unpacks to more than 512 MB."


@pytest.mark.parametrize(
    ("name", "data", "headline"),
    [
        ("story.docx", "제목\n\n본문".encode("euc-kr"), "제목"),  # text named .docx: text
        ("page.md", b"<!DOCTYPE html><html><head><title>T</title></head><p>x</p></html>", "T"),
        ("notes", b"---\nheadline: Front matter\n---\nBody", "Front matter"),
        ("notes.text", "첫 줄\n둘째".encode("utf-16"), "첫 줄"),
    ],
)  # fmt: skip
def test_content_decides_not_the_name(
    tmp_path: Path, name: str, data: bytes, headline: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert read_article_file(path).headline == headline
