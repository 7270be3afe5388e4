"""The status bar: the desk's counts, the copyfit meter and whether the last save was stored."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QLabel, QStatusBar

from deskeditor.core.counts import MANUSCRIPT_PAGE_CHARS, Fit, TextCounts
from deskeditor.ui.countsmeter import CountsReport, ParagraphCounter, text_language

# Amber, green and red as InCopy's copyfit meter: short is not wrong yet, over is.
FIT_STYLES = {
    Fit.SHORT: "color: #ffffff; background: #b26a00; padding: 0 6px; border-radius: 3px;",
    Fit.FITS: "color: #ffffff; background: #2e7d32; padding: 0 6px; border-radius: 3px;",
    Fit.OVER: "color: #ffffff; background: #c62828; padding: 0 6px; border-radius: 3px;",
}


class EditorStatusBar(QStatusBar):
    """Permanent labels for counts and save state; transient messages use showMessage()."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self._counter = ParagraphCounter()
        self.counts_label = self._label("countsLabel")
        self.words_label = self._label("wordsLabel")
        self.pages_label = self._label("pagesLabel")
        self.reading_label = self._label("readingLabel")
        self.copyfit_label = self._label("copyfitLabel")
        self.save_label = self._label("saveLabel")
        self.copyfit_label.hide()
        self.clear_counts()

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        self.addPermanentWidget(label)
        return label

    def show_report(self, report: CountsReport) -> None:
        """Counts from the editor's CountsMeter: the selection's when there is one."""
        self._show_counts(report.selection or report.body, report.page_chars, report.selection)
        fit = report.fit
        if fit is None or report.target is None:
            self.copyfit_label.hide()
            return
        texts = {
            Fit.SHORT: self.tr("Short by {n}"),
            Fit.FITS: self.tr("Fits ({n:+})"),
            Fit.OVER: self.tr("Over by {n}"),
        }
        amount = fit.difference if fit.fit is Fit.FITS else abs(fit.difference)
        self.copyfit_label.setText(texts[fit.fit].format(n=amount))
        self.copyfit_label.setStyleSheet(FIT_STYLES[fit.fit])
        self.copyfit_label.setProperty("fit", fit.fit.value)
        self.copyfit_label.setToolTip(
            self.tr("Body {chars:,} of {target:,} characters asked for").format(
                chars=report.body.chars, target=report.target
            )
        )
        self.copyfit_label.show()

    def show_counts(self, text: str, page_chars: int = MANUSCRIPT_PAGE_CHARS) -> None:
        """Counts of a plain text, computed at once (for callers without a CountsMeter)."""
        [figures] = self._counter.count([text], text_language(text), page_chars)
        self._show_counts(figures, page_chars, None)

    def clear_counts(self) -> None:
        """No article open: nothing to count."""
        for label in (self.counts_label, self.words_label, self.pages_label, self.reading_label):
            label.clear()
        self.copyfit_label.hide()

    def _show_counts(self, figures: TextCounts, page_chars: int, selection: object) -> None:
        if selection is None:
            chars = self.tr("{chars:,} characters ({no_spaces:,} without spaces)")
        else:
            chars = self.tr("Selection: {chars:,} characters ({no_spaces:,} without spaces)")
        self.counts_label.setText(
            chars.format(chars=figures.chars, no_spaces=figures.chars_no_spaces)
        )
        self.counts_label.setToolTip(
            self.tr("{paragraphs:,} paragraphs").format(paragraphs=figures.paragraphs)
        )
        self.words_label.setText(self.tr("{words:,} words").format(words=figures.words))
        self.words_label.setToolTip(self.tr("Words separated by spaces (어절 in Korean)"))
        self.pages_label.setText(
            self.tr("{pages:.1f} manuscript pages").format(pages=figures.manuscript_pages)
        )
        self.pages_label.setToolTip(
            self.tr("원고지 매수: characters with spaces ÷ {size}, rounded up").format(
                size=page_chars
            )
        )
        self.reading_label.setText(
            self.tr("{minutes:.1f} min read").format(minutes=figures.reading_minutes)
        )

    def show_saved(self, when: datetime) -> None:
        self.save_label.setStyleSheet("")
        self.save_label.setText(
            self.tr("Saved {time}").format(time=when.astimezone().strftime("%H:%M:%S"))
        )

    def show_save_error(self, message: str) -> None:
        # Red so that it is seen: a failing save is the one thing a journalist must notice.
        self.save_label.setStyleSheet("color: #c00000; font-weight: bold;")
        self.save_label.setText(self.tr("Not saved: {message}").format(message=message))

    def clear_save_state(self) -> None:
        self.save_label.setStyleSheet("")
        self.save_label.setText("")
