"""Live counts of the body and the selection, off the keystroke path and cached per paragraph."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QTextEdit

from deskeditor.core import counts
from deskeditor.core.counts import Copyfit, TextCounts, copyfit, count_plain_text
from deskeditor.core.language import BODY_SAMPLE_CHARS, detect_language
from deskeditor.core.models import Language

COUNTS_DELAY_MS = 120
"""Quiet time before the counts refresh: a keystroke only restarts a timer, and the
figures still follow typing closely enough to watch a copyfit meter move."""

OBJECT_MARK = "\ufffc"
"""What QTextDocument puts where an image sits: not a character a reader sees."""
PARAGRAPH_MARK = "\u2029"
"""How QTextCursor.selectedText() separates paragraphs (plain text uses newlines)."""

_LineCounts = tuple[int, int, int, int]  # chars, chars without spaces, words, paragraphs


@dataclass(frozen=True, slots=True)
class CountsReport:
    """What the status bar shows: the body's counts, the selection's, and the copyfit."""

    body: TextCounts
    selection: TextCounts | None
    target: int | None
    fit: Copyfit | None
    page_chars: int


def combine(
    parts: Iterable[_LineCounts], language: Language, page_chars: int = counts.MANUSCRIPT_PAGE_CHARS
) -> TextCounts:
    """TextCounts for a text from the counts of its lines (all four figures add up by line)."""
    chars = no_spaces = words = paragraphs = 0
    for part in parts:
        chars += part[0]
        no_spaces += part[1]
        words += part[2]
        paragraphs += part[3]
    # The same rates and rounding as counts.count_plain_text.
    if language is Language.KO:
        minutes = no_spaces / counts.READING_RATE_KO_CHARS_PER_MINUTE
    else:
        minutes = words / counts.READING_RATE_EN_WORDS_PER_MINUTE
    return TextCounts(
        chars=chars,
        chars_no_spaces=no_spaces,
        words=words,
        paragraphs=paragraphs,
        manuscript_pages=counts.manuscript_pages(chars, page_chars),
        reading_minutes=round(minutes, 1),
    )


class ParagraphCounter:
    """Counts plain text paragraph by paragraph, remembering each paragraph's figures.

    A 10,000-word story takes ~45 ms to count from scratch (grapheme clusters are
    found by regex), far too slow for every keystroke; an edit changes one paragraph,
    so a recount with the others remembered costs ~3 ms.
    """

    def __init__(self) -> None:
        self._cache: dict[str, _LineCounts] = {}

    def count(self, texts: Iterable[str], language: Language, page_chars: int) -> list[TextCounts]:
        """Counts for each text (QTextDocument plain text or a QTextCursor selection)."""
        fresh: dict[str, _LineCounts] = {}
        results = [
            combine(self._lines(_paragraphs(text), fresh), language, page_chars) for text in texts
        ]
        # Only paragraphs still in the text stay remembered, so the cache never outgrows it.
        self._cache = fresh
        return results

    def _lines(self, lines: list[str], fresh: dict[str, _LineCounts]) -> list[_LineCounts]:
        found: list[_LineCounts] = []
        for line in lines:
            part = fresh.get(line) or self._cache.get(line)
            if part is None:
                whole = count_plain_text(line)
                part = (whole.chars, whole.chars_no_spaces, whole.words, whole.paragraphs)
            fresh[line] = part
            found.append(part)
        return found


def _paragraphs(text: str) -> list[str]:
    # str.replace runs in C; str.translate with a table is ten times slower on long text.
    return text.replace(OBJECT_MARK, "").replace(PARAGRAPH_MARK, "\n").split("\n")


def text_language(text: str) -> Language:
    """The language of a plain text, judged from its beginning as the article's is."""
    return detect_language(text[:BODY_SAMPLE_CHARS])


class CountsMeter(QObject):
    """Counts a text edit's visible text when typing pauses; emits a CountsReport.

    A keystroke only restarts a timer (~0.01 ms); the count runs once typing pauses,
    through a ParagraphCounter.
    """

    counts_changed = Signal(object)  # CountsReport

    def __init__(
        self,
        edit: QTextEdit,
        *,
        language: Callable[[], Language | None],
        target: Callable[[], int | None],
        page_chars: int = counts.MANUSCRIPT_PAGE_CHARS,
        delay_ms: int = COUNTS_DELAY_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._edit = edit
        self._language = language
        self._target = target
        self._page_chars = page_chars
        self._counter = ParagraphCounter()
        self._report: CountsReport | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.refresh_now)
        edit.document().contentsChanged.connect(self.schedule)
        edit.selectionChanged.connect(self.schedule)

    @property
    def report(self) -> CountsReport | None:
        """The last figures emitted."""
        return self._report

    @property
    def page_chars(self) -> int:
        return self._page_chars

    def set_page_chars(self, page_chars: int) -> None:
        """150- or 200-character 원고지 pages (a preference)."""
        if page_chars != self._page_chars:
            self._page_chars = page_chars
            self.refresh_now()

    def schedule(self) -> None:
        """Something changed: count when it has been quiet for a moment."""
        self._timer.start()

    def refresh_now(self) -> CountsReport:
        self._timer.stop()
        text = self._edit.document().toPlainText()
        language = self._language() or text_language(text)
        cursor = self._edit.textCursor()
        texts = [text, cursor.selectedText()] if cursor.hasSelection() else [text]
        body, *selection = self._counter.count(texts, language, self._page_chars)
        target = self._target()
        fit = copyfit(body.chars, target) if target else None
        self._report = CountsReport(
            body, selection[0] if selection else None, target or None, fit, self._page_chars
        )
        self.counts_changed.emit(self._report)
        return self._report
