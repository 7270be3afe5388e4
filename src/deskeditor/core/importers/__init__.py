"""Files → article content: Markdown, Word, saved web pages and plain text, sniffed by content."""

from deskeditor.core.importers.markdownfile import parse_markdown_article, read_markdown_file
from deskeditor.core.importers.photos import ImportedArticle, ImportedPhoto
from deskeditor.core.importers.reading import (
    import_articles,
    import_paths,
    read_article,
    read_article_file,
)
from deskeditor.core.importers.sniffing import SUPPORTED_SUFFIXES

__all__ = [
    "SUPPORTED_SUFFIXES",
    "ImportedArticle",
    "ImportedPhoto",
    "import_articles",
    "import_paths",
    "parse_markdown_article",
    "read_article",
    "read_article_file",
    "read_markdown_file",
]
