"""The workflow status as a coloured badge in the article list, labelled in the UI language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem
from typing_extensions import override

from deskeditor.core.models import Status

AnyIndex = QModelIndex | QPersistentModelIndex

STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
"""The row's Status value (a str), for the badge's colour."""

BADGE_COLOURS: dict[Status, tuple[str, str]] = {
    # (background, text): grey while written, amber on the desk, blue waiting, green out.
    Status.DRAFT: ("#e2e3e5", "#383d41"),
    Status.DESK: ("#ffe8a3", "#6b4e00"),
    Status.READY: ("#cfe2ff", "#0a3a7a"),
    Status.PUBLISHED: ("#cdebd5", "#15562a"),
}

# The desk's own words, used on a Korean desktop until a Korean translation file is installed.
_KOREAN_LABELS = {
    Status.DRAFT: "초고",
    Status.DESK: "데스킹",
    Status.READY: "출고 대기",
    Status.PUBLISHED: "출고",
}

_PAD_X = 6
_PAD_Y = 1
_MARGIN = 3
_PIXMAP_LIMIT = 64  # badges kept drawn: statuses x column widths x fonts seen lately


def status_labels() -> dict[Status, str]:
    """Each status's label in the UI language (translated through Qt, Korean built in)."""
    translate = QCoreApplication.translate
    labels = {
        Status.DRAFT: translate("StatusBadge", "Draft"),
        Status.DESK: translate("StatusBadge", "Desk"),
        Status.READY: translate("StatusBadge", "Ready"),
        Status.PUBLISHED: translate("StatusBadge", "Published"),
    }
    untranslated = labels == {status: status.value.capitalize() for status in Status}
    if untranslated and QLocale().language() == QLocale.Language.Korean:
        return dict(_KOREAN_LABELS)
    return labels


class StatusBadgeDelegate(QStyledItemDelegate):
    """Paints the status column as a rounded, coloured label; the text stays the item's text.

    It runs for every visible row on every scroll step, so each badge is drawn once
    into a pixmap (an antialiased rounded shape and shaped text cost far more than
    a copy) and the cell is painted without the style's full item pass.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._colours = {
            status.value: (QColor(background), QColor(text))
            for status, (background, text) in BADGE_COLOURS.items()
        }
        self._widths: dict[str, int] = {}
        # (status, label, cell width, cell height, pixel ratio, font) -> (offset, pixmap)
        self._badges: dict[tuple[str, str, int, int, float, str], tuple[QPoint, QPixmap]] = {}

    def badge_rect(self, option: QStyleOptionViewItem, text: str) -> QRect:
        """Where the badge goes inside a cell."""
        metrics = option.fontMetrics
        width = self._widths.get(text)
        if width is None:
            width = self._widths[text] = metrics.horizontalAdvance(text) + 2 * _PAD_X
        cell: QRect = option.rect
        width = min(width, cell.width() - 2 * _MARGIN)
        height = min(metrics.height() + 2 * _PAD_Y, cell.height() - 2)
        return QRect(cell.left() + _MARGIN, cell.center().y() - height // 2 + 1, width, height)

    @override
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        status = index.data(STATUS_ROLE)
        colours = self._colours.get(status)
        if colours is None:
            super().paint(painter, option, index)
            return
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        state = option.state
        if state & QStyle.StateFlag.State_Selected:
            # The colour group the style's own item background would use.
            if not state & QStyle.StateFlag.State_Enabled:
                group = QPalette.ColorGroup.Disabled
            elif state & QStyle.StateFlag.State_Active:
                group = QPalette.ColorGroup.Normal
            else:
                group = QPalette.ColorGroup.Inactive
            painter.fillRect(option.rect, option.palette.brush(group, QPalette.ColorRole.Highlight))
        cell: QRect = option.rect
        ratio = painter.device().devicePixelRatio()
        key = (status, text, cell.width(), cell.height(), ratio, option.font.key())
        badge = self._badges.get(key)
        if badge is None:
            if len(self._badges) >= _PIXMAP_LIMIT:
                self._badges.clear()
            badge = self._badges[key] = self._draw(option, text, colours, ratio)
        offset, pixmap = badge
        painter.drawPixmap(cell.topLeft() + offset, pixmap)

    def _draw(
        self, option: QStyleOptionViewItem, text: str, colours: tuple[QColor, QColor], ratio: float
    ) -> tuple[QPoint, QPixmap]:
        """A cell's badge, and where it goes from the cell's corner."""
        badge = self.badge_rect(option, text)
        if badge.width() < self._widths[text]:
            text = option.fontMetrics.elidedText(text, Qt.TextElideMode.ElideRight, badge.width())
        pixmap = _draw_badge(badge.size(), ratio, colours, option.font, text)
        return badge.topLeft() - option.rect.topLeft(), pixmap

    @override
    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        hint = super().sizeHint(option, index)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        width = option.fontMetrics.horizontalAdvance(text) + 2 * (_PAD_X + _MARGIN)
        return QSize(max(hint.width(), width), hint.height())


def _draw_badge(
    size: QSize, ratio: float, colours: tuple[QColor, QColor], font: QFont, text: str
) -> QPixmap:
    """A badge on a transparent ground, at the screen's pixel density."""
    pixmap = QPixmap(round(size.width() * ratio), round(size.height() * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    background, foreground = colours
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        shape = QRect(0, 0, size.width(), size.height())
        radius = size.height() / 2
        painter.drawRoundedRect(shape, radius, radius)
        painter.setFont(font)
        painter.setPen(foreground)
        painter.drawText(shape, Qt.AlignmentFlag.AlignCenter, text)
    finally:
        painter.end()
    return pixmap
