"""File → Export HTML: check the photos' alt text, ask where to, then write the stored page."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from deskeditor.core.export import export_filename
from deskeditor.core.figures import MissingAlt, Photos
from deskeditor.core.models import ArticleId
from deskeditor.core.render import Renderer
from deskeditor.core.store import Store
from deskeditor.ui import operations
from deskeditor.ui.prompts import AltTextAnswer, Prompts
from deskeditor.ui.sessionstate import SessionState

AddAlt = Callable[[str], object]
"""Opens the photo dialog for a sha256, so its alt text can be written."""


def describe_missing(missing: Sequence[MissingAlt]) -> list[str]:
    """One line per photo, as the writer can find it in the body."""
    lines = []
    for number, photo in enumerate(missing, start=1):
        asset = photo.asset
        if asset is None:
            line = QCoreApplication.translate(
                "exporting", "{n}. a photo that is not in the store ({sha}…)"
            ).format(n=number, sha=photo.sha256[:12])
        else:
            line = QCoreApplication.translate("exporting", "{n}. {width} × {height} photo").format(
                n=number, width=asset.width, height=asset.height
            )
            if asset.caption.strip():
                line += f" — “{asset.caption.strip()}”"
        lines.append(line)
    return lines


def alt_text_settled(
    parent: QWidget,
    prompts: Prompts,
    missing: Sequence[MissingAlt],
    add_alt: AddAlt | None,
) -> bool:
    """Whether the export goes on: no photo lacks alt text, or the writer says export anyway.

    "Add alt text" opens the first such photo's dialog and stops the export.
    """
    if not missing:
        return True
    addable = [photo.sha256 for photo in missing if photo.asset is not None]
    can_add = add_alt is not None and bool(addable)
    answer = prompts.missing_alt_text(parent, describe_missing(missing), can_add=can_add)
    if answer is AltTextAnswer.ADD and add_alt is not None and addable:
        add_alt(addable[0])
        return False
    return answer is AltTextAnswer.EXPORT


def export_article_page(
    parent: QWidget,
    store: Store,
    renderer: Renderer,
    session: SessionState,
    prompts: Prompts,
    article_id: ArticleId,
    *,
    photos: Photos | None = None,
    add_alt: AddAlt | None = None,
) -> Path | None:
    """Export the article as stored (save first); None when the user cancels.

    Photos without alt text are named first (photos: where their words are read;
    add_alt: how to open a photo's dialog, which the question then offers).
    Raises OperationError when the article cannot be read or the page not written.
    """
    article = operations.load_article(store, article_id)
    missing = operations.photos_missing_alt(store, article.content, photos)
    if not alt_text_settled(parent, prompts, missing, add_alt):
        return None
    folder = session.export_dir() or Path.home()
    path = prompts.export_path(parent, folder / export_filename(article))
    if path is None:
        return None
    left_out: list[str] = []
    written = operations.export_article(renderer, article, path, store=store, warn=left_out.append)
    session.set_export_dir(written.parent)  # the next export starts in the same folder
    if left_out:
        prompts.warn(parent, QCoreApplication.translate("exporting", "Export"), "\n".join(left_out))
    return written
