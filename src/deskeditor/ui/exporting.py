"""File → Export HTML: ask where to, then write the stored article's page."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from deskeditor.core.export import export_filename
from deskeditor.core.models import ArticleId
from deskeditor.core.render import Renderer
from deskeditor.core.store import Store
from deskeditor.ui import operations
from deskeditor.ui.prompts import Prompts
from deskeditor.ui.sessionstate import SessionState


def export_article_page(
    parent: QWidget,
    store: Store,
    renderer: Renderer,
    session: SessionState,
    prompts: Prompts,
    article_id: ArticleId,
) -> Path | None:
    """Export the article as stored (save first); None when the user cancels.

    Raises OperationError when the article cannot be read or the page not written.
    """
    article = operations.load_article(store, article_id)
    folder = session.export_dir() or Path.home()
    path = prompts.export_path(parent, folder / export_filename(article))
    if path is None:
        return None
    written = operations.export_article(renderer, article, path)
    session.set_export_dir(written.parent)  # the next export starts in the same folder
    return written
