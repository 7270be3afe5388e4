"""The one place that converts between QTextDocument and Markdown, in both directions.

Markdown -> Blocks (core.markdownsource, through the preview's own HTML) -> document
(DocumentBuilder); document -> Blocks (DocumentWalker) -> Markdown (core.markdownblocks).
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from deskeditor.core.markdownblocks import Block, write_markdown
from deskeditor.core.markdownsource import markdown_to_blocks
from deskeditor.core.markup import MarkdownConverter
from deskeditor.ui.documentbuilder import build_document
from deskeditor.ui.documentwalker import document_blocks

__all__ = ["build_document", "document_blocks", "document_markdown", "load_markdown"]


def load_markdown(
    document: QTextDocument, markdown: str, converter: MarkdownConverter | None = None
) -> list[Block]:
    """Replace the document's content with a Markdown text, read as the preview reads it.

    Returns the Blocks shown; RAW ones among them hold what could not be formatted.
    """
    blocks = markdown_to_blocks(markdown, converter)
    undo = document.isUndoRedoEnabled()
    document.setUndoRedoEnabled(False)
    document.clear()
    build_document(document, blocks)
    document.setUndoRedoEnabled(undo)
    return blocks


def document_markdown(document: QTextDocument) -> str:
    """The document as Markdown for Python-Markdown, written by our own serializer."""
    return write_markdown(document_blocks(document))
