"""What a file really is, from its first bytes: the extension is only a hint."""

from __future__ import annotations

import io
import re
import zipfile
from enum import Enum
from pathlib import Path

from deskeditor.core.errors import ImportFileError


class FileKind(Enum):
    """The formats an article can be imported from."""

    MARKDOWN = "markdown"
    TEXT = "text"
    HTML = "html"
    DOCX = "docx"


MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
DOCX_SUFFIXES = frozenset({".docx", ".docm", ".dotx"})
SUPPORTED_SUFFIXES = MARKDOWN_SUFFIXES | TEXT_SUFFIXES | HTML_SUFFIXES | DOCX_SUFFIXES
"""Extensions a folder import picks up; a file named explicitly is tried whatever its name."""

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file of old Office and HWP files
_ZIP = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"%PDF-", "a PDF document; copy its text or save it as .docx"),
    (b"{\\rtf", "an RTF document; save it as .docx"),
    (b"HWP Document File", "a Hangul word processor (.hwp) document; save it as .docx"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"SQLite format 3\x00", "a SQLite database"),
    (b"ID3", "an MP3 audio file"),
)
# Zip members a docx's neighbours are recognised by, with what to tell the user.
_ZIP_MEMBERS: tuple[tuple[str, str], ...] = (
    ("xl/workbook.xml", "an Excel workbook, not a document"),
    ("ppt/presentation.xml", "a PowerPoint presentation, not a document"),
    ("Contents/header.xml", "a Hangul word processor (.hwpx) document; save it as .docx"),
)
MAX_BYTES = 100 * 1024 * 1024
"""Larger files are refused before being read: no article is this big."""
MAX_UNPACKED = 512 * 1024 * 1024  # a docx that would inflate past this is a zip bomb
_HTML_START = re.compile(
    rb"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta)\b",
    re.I | re.S,
)
_HTML_TAG = re.compile(r"<(p|div|body|br|h[1-6]|table|ul|ol|span|a|article)\b", re.I)


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or an ImportFileError that names it and says why not."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportFileError(
                f"Cannot import {path}: it is too large ({size // 2**20} MB; "
                f"the limit is {MAX_BYTES // 2**20} MB)."
            )
        return path.read_bytes()
    except OSError as error:
        raise ImportFileError(f"Cannot import {path}: {error.strerror or error}.") from error


def sniff_binary(data: bytes, name: str, suffix: str) -> FileKind | None:
    """DOCX for a Word document, None for text; anything else is refused with the reason."""
    if not data:
        raise _refuse(name, "the file is empty")
    if data.startswith(_OLE):
        raise _refuse(name, _ole_reason(data))
    if data.startswith(_ZIP):
        return _check_zip(data, name, suffix)
    if data[8:12] == b"WEBP" and data.startswith(b"RIFF"):
        raise _refuse(name, "it is a WebP image, not a document")
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            reason = f"it is {what}" if ";" in what else f"it is {what}, not a document"
            raise _refuse(name, reason)
    return None


def text_kind(text: str, suffix: str) -> FileKind:
    """Markdown, plain text or HTML for decoded text: content first, then the extension."""
    head = text[:4096].lstrip("\ufeff").encode("utf-8", "replace")
    if _HTML_START.match(head):
        return FileKind.HTML
    if suffix in HTML_SUFFIXES:
        return FileKind.HTML if _HTML_TAG.search(text) else FileKind.TEXT
    if suffix in MARKDOWN_SUFFIXES:
        return FileKind.MARKDOWN
    if suffix in TEXT_SUFFIXES:
        return FileKind.TEXT
    # Neither name nor content decides (a .docx that is text, a file without extension):
    # front matter means Markdown; anything else is safest as literal text.
    return FileKind.MARKDOWN if text.lstrip("\ufeff").startswith("---") else FileKind.TEXT


def _ole_reason(data: bytes) -> str:
    """Word encrypts a protected .docx into a compound file holding "EncryptedPackage"."""
    if "EncryptedPackage".encode("utf-16-le") in data:
        return "it is password-protected; remove the password in Word (File → Info) and try again"
    if "HwpSummaryInformation".encode("utf-16-le") in data:
        return "it is a Hangul word processor (.hwp) document; save it as .docx"
    if "WordDocument".encode("utf-16-le") in data:
        return "it is a Word 97-2003 (.doc) document; save it as .docx"
    return "it is an old-style Office file (Excel or PowerPoint 97-2003), not a document"


def _check_zip(data: bytes, name: str, suffix: str) -> FileKind:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        what = "Word document" if suffix in DOCX_SUFFIXES else "ZIP archive"
        raise _refuse(name, f"the {what} is damaged or incomplete") from error
    names = {member.filename for member in members}
    if "word/document.xml" in names:
        if sum(member.file_size for member in members) > MAX_UNPACKED:
            raise _refuse(name, "the Word document unpacks to more than 512 MB")
        return FileKind.DOCX
    for member, what in _ZIP_MEMBERS:
        if member in names:
            raise _refuse(name, f"it is {what}")
    if "mimetype" in names and "content.xml" in names:
        raise _refuse(name, "it is an OpenDocument file (LibreOffice); save it as .docx")
    raise _refuse(name, "it is a ZIP archive, not a document; unpack it first")


def _refuse(name: str, reason: str) -> ImportFileError:
    return ImportFileError(f"Cannot import {name}: {reason}.")
