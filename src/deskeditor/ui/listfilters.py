"""The filter bar above the article list: section, status, tag and a range of dates."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QSizePolicy,
    QWidget,
)
from typing_extensions import override

from deskeditor.core.models import Status
from deskeditor.ui.statusbadge import status_labels

AskDates = Callable[[QWidget, date, date], "tuple[date, date] | None"]


class DateRange(StrEnum):
    """The date choices of the filter bar, by when an article last changed."""

    ANY = "any"
    TODAY = "today"
    LAST_7_DAYS = "7d"
    LAST_30_DAYS = "30d"
    CUSTOM = "custom"


@dataclass(frozen=True, slots=True)
class Filters:
    """What the filter bar narrows the list to; None means any."""

    section: str | None = None
    status: Status | None = None
    tag: str | None = None
    updated_from: datetime | None = None
    updated_until: datetime | None = None
    """Exclusive, as in ListQuery."""


def day_start(day: date) -> datetime:
    """Local midnight at the start of a day, as an aware UTC time (what the store holds)."""
    return datetime.combine(day, time()).astimezone().astimezone(UTC)


def date_bounds(
    choice: DateRange, today: date, custom: tuple[date, date] | None = None
) -> tuple[datetime | None, datetime | None]:
    """The updated_from / updated_until of a choice, in whole local days ending today."""
    if choice is DateRange.TODAY:
        return day_start(today), None
    if choice is DateRange.LAST_7_DAYS:
        return day_start(today - timedelta(days=6)), None
    if choice is DateRange.LAST_30_DAYS:
        return day_start(today - timedelta(days=29)), None
    if choice is DateRange.CUSTOM and custom is not None:
        first, last = custom
        return day_start(first), day_start(last + timedelta(days=1))
    return None, None


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DateRangeDialog(QDialog):
    """Two dates, first and last day included."""

    def __init__(self, start: date, end: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dateRangeDialog")
        self.setWindowTitle(self.tr("Changed between"))
        self.first_edit = QDateEdit(_qdate(start), self)
        self.last_edit = QDateEdit(_qdate(end), self)
        for edit in (self.first_edit, self.last_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.first_edit.dateChanged.connect(self.last_edit.setMinimumDate)
        self.last_edit.setMinimumDate(_qdate(start))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        layout.addRow(self.tr("&From"), self.first_edit)
        layout.addRow(self.tr("&Until"), self.last_edit)
        layout.addRow(buttons)

    def chosen(self) -> tuple[date, date]:
        first = self.first_edit.date().toPython()
        last = self.last_edit.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        return first, max(first, last)


class TagComboBox(QComboBox):
    """A combo box that says when its list is about to open, so the tags can be refreshed."""

    about_to_open = Signal()

    @override
    def showPopup(self) -> None:
        self.about_to_open.emit()
        super().showPopup()


class FilterBar(QWidget):
    """Section, status, tag and date combos; `changed` fires when the user picks another."""

    changed = Signal()
    tags_wanted = Signal()  # the tag list is about to open: a fresh one is welcome

    def __init__(
        self,
        ask_dates: AskDates,
        *,
        today: Callable[[], date] = date.today,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self._ask_dates = ask_dates
        self._today = today
        self._custom: tuple[date, date] | None = None
        self._date_index = 0

        self.section_combo = self._combo("sectionFilter", self.tr("Section"))
        self.status_combo = self._combo("statusFilter", self.tr("Status"))
        self.tag_combo = TagComboBox(self)
        self._setup(self.tag_combo, "tagFilter", self.tr("Tag"))
        self.date_combo = self._combo("dateFilter", self.tr("Changed"))
        self.section_combo.addItem(self.tr("All sections"), None)
        self.status_combo.addItem(self.tr("All statuses"), None)
        for status, label in status_labels().items():
            self.status_combo.addItem(label, status.value)
        self.tag_combo.addItem(self.tr("All tags"), None)
        for choice, label in (
            (DateRange.ANY, self.tr("Any time")),
            (DateRange.TODAY, self.tr("Today")),
            (DateRange.LAST_7_DAYS, self.tr("Last 7 days")),
            (DateRange.LAST_30_DAYS, self.tr("Last 30 days")),
            (DateRange.CUSTOM, self.tr("Custom…")),
        ):
            self.date_combo.addItem(label, choice.value)

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.section_combo, 0, 0)
        layout.addWidget(self.status_combo, 0, 1)
        layout.addWidget(self.tag_combo, 1, 0)
        layout.addWidget(self.date_combo, 1, 1)

        for combo in (self.section_combo, self.status_combo, self.tag_combo):
            combo.activated.connect(self.changed)
        self.date_combo.activated.connect(self._on_date_chosen)
        self.tag_combo.about_to_open.connect(self.tags_wanted)

    def _combo(self, name: str, tip: str) -> QComboBox:
        combo = QComboBox(self)
        self._setup(combo, name, tip)
        return combo

    def _setup(self, combo: QComboBox, name: str, tip: str) -> None:
        combo.setObjectName(name)
        combo.setToolTip(tip)
        combo.setAccessibleName(tip)
        # Narrow enough for the list pane; long names are elided, not widening it.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(3)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    # --- choices from the store ----------------------------------------------------------

    def set_sections(self, names: Sequence[str]) -> None:
        self._replace_items(self.section_combo, names)

    def set_tags(self, names: Sequence[str]) -> None:
        self._replace_items(self.tag_combo, names)

    @staticmethod
    def _replace_items(combo: QComboBox, names: Sequence[str]) -> None:
        """New choices after "All …"; the chosen one stays chosen even if no longer offered."""
        chosen = combo.currentData()
        wanted = list(dict.fromkeys(names))
        if chosen is not None and chosen not in wanted:
            wanted.append(chosen)
        current = [combo.itemData(index) for index in range(1, combo.count())]
        if current == wanted:
            return
        combo.blockSignals(True)
        try:
            while combo.count() > 1:
                combo.removeItem(1)
            for name in wanted:
                combo.addItem(name, name)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
        finally:
            combo.blockSignals(False)

    # --- the dates ------------------------------------------------------------------------

    def _on_date_chosen(self, index: int) -> None:
        if DateRange(self.date_combo.itemData(index)) is DateRange.CUSTOM:
            today = self._today()
            start, end = self._custom or (today - timedelta(days=6), today)
            chosen = self._ask_dates(self, start, end)
            if chosen is None:  # cancelled: the previous choice stands
                self.date_combo.setCurrentIndex(self._date_index)
                return
            self._custom = chosen
            self.date_combo.setItemText(index, f"{chosen[0]:%Y-%m-%d} – {chosen[1]:%Y-%m-%d}")
        self._date_index = index
        self.changed.emit()

    def choose_dates(self, choice: DateRange) -> None:
        """Pick a date choice as the user would (Custom… asks for the dates)."""
        index = self.date_combo.findData(choice.value)
        self.date_combo.setCurrentIndex(index)
        self._on_date_chosen(index)

    # --- the result -------------------------------------------------------------------------

    def filters(self) -> Filters:
        status = self.status_combo.currentData()
        updated_from, updated_until = date_bounds(
            DateRange(self.date_combo.currentData()), self._today(), self._custom
        )
        return Filters(
            section=self.section_combo.currentData(),
            status=Status(status) if status is not None else None,
            tag=self.tag_combo.currentData(),
            updated_from=updated_from,
            updated_until=updated_until,
        )

    def is_filtering(self) -> bool:
        return self.filters() != Filters()
