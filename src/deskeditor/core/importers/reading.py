"""One entry point for any file: sniff what it is, read it, and say clearly why not."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from deskeditor.core.errors import ImportFileError
from deskeditor.core.importers.decoding import decode_text
from deskeditor.core.importers.markdownfile import read_markdown_article
from deskeditor.core.importers.photos import ImportedArticle
from deskeditor.core.importers.sniffing import (
    SUPPORTED_SUFFIXES,
    FileKind,
    read_bytes,
    sniff_binary,
    text_kind,
)
from deskeditor.core.importers.textfile import parse_plain_text
from deskeditor.core.importers.webpage import declared_charset, read_web_page
from deskeditor.core.importers.wordfile import read_docx
from deskeditor.core.models import ArticleContent

_BLANK = " \t\r\n\f\v\xa0\u3000\ufeff"


def read_article_file(path: Path) -> ArticleContent:
    """The article's text in a Markdown, Word, web page or text file, judged by its content.

    Its photos are referenced but not returned: read_article gives them, to be stored
    with the article (Store.import_article).
    """
    return read_article(path).content


def read_article(path: Path) -> ImportedArticle:
    """The article in a file, with the images it brings (Word, web page, Markdown)."""
    name = str(path)
    data = read_bytes(path)
    suffix = path.suffix.lower()
    if sniff_binary(data, name, suffix) is FileKind.DOCX:
        return read_docx(data, name)
    text = decode_text(data, name, declared=declared_charset(data))
    if not text.strip(_BLANK):
        raise ImportFileError(f"Cannot import {name}: the file has no text.")
    kind = text_kind(text, suffix)
    if kind is FileKind.HTML:
        return read_web_page(text, name, path.parent)
    if kind is FileKind.MARKDOWN:
        return read_markdown_article(text, name, path.parent)
    return ImportedArticle(parse_plain_text(text))


def import_paths(
    paths: Sequence[Path],
) -> Iterator[tuple[Path, ArticleContent | ImportFileError]]:
    """Each file's article text or the reason it cannot be read (see import_articles)."""
    for path, result in import_articles(paths):
        yield path, result if isinstance(result, ImportFileError) else result.content


def import_articles(
    paths: Sequence[Path],
) -> Iterator[tuple[Path, ImportedArticle | ImportFileError]]:
    """Each file's article and photos, or the reason it cannot be read; folders are walked.

    A folder yields its supported files (by extension), recursively and in name order,
    skipping hidden files and Word's "~$" lock files; a file named explicitly is always
    tried. One bad file never stops the others.
    """
    for path in paths:
        files = list(folder_files(path)) if path.is_dir() else [path]
        for item in files:
            if isinstance(item, ImportFileError):
                yield path, item
                continue
            try:
                yield item, read_article(item)
            except ImportFileError as error:
                yield item, error


def folder_files(folder: Path) -> Iterator[Path | ImportFileError]:
    """The importable files under a folder in path order, or errors for what cannot be listed."""
    problems: list[OSError] = []
    found: list[Path] = []
    for directory, subdirectories, names in os.walk(folder, onerror=problems.append):
        subdirectories[:] = [name for name in subdirectories if not _hidden(name)]
        found += [
            Path(directory) / name
            for name in names
            if not _hidden(name) and Path(name).suffix.lower() in SUPPORTED_SUFFIXES
        ]
    # By path components, so a folder's files and subfolders interleave as a listing shows.
    yield from sorted(found, key=lambda path: path.relative_to(folder).parts)
    for problem in problems:
        yield ImportFileError(
            f"Cannot import {problem.filename or folder}: {problem.strerror or problem}."
        )
    if not found and not problems:
        kinds = ", ".join(sorted(SUPPORTED_SUFFIXES))
        yield ImportFileError(
            f"Cannot import {folder}: the folder holds no files to import ({kinds})."
        )


def _hidden(name: str) -> bool:
    return name.startswith((".", "~$"))  # "~$story.docx" is Word's lock file for story.docx
