"""Date lines: Korean and English forms, weekdays, zero padding and time-zone conversion."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from deskeditor.core.dates import date_line, iso_datetime
from deskeditor.core.models import Language

KST = timezone(timedelta(hours=9), "KST")
NEW_YORK_WINTER = timezone(timedelta(hours=-5), "EST")


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        # Weekdays checked against the calendar, not against the code under test.
        (datetime(2026, 3, 19, 12, tzinfo=KST), "2026년 03월 19일 목요일"),
        (datetime(2000, 1, 1, 9, tzinfo=KST), "2000년 01월 01일 토요일"),
        (datetime(1945, 8, 15, 12, tzinfo=KST), "1945년 08월 15일 수요일"),
        (datetime(2024, 2, 29, 23, 59, tzinfo=KST), "2024년 02월 29일 목요일"),
        (datetime(2026, 3, 16, 0, 0, tzinfo=KST), "2026년 03월 16일 월요일"),
        (datetime(2026, 3, 22, 18, tzinfo=KST), "2026년 03월 22일 일요일"),
        (datetime(2025, 12, 31, 23, 59, 59, tzinfo=KST), "2025년 12월 31일 수요일"),
    ],
)
def test_korean_date_line(moment: datetime, expected: str) -> None:
    assert date_line(moment, Language.KO, KST) == expected


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2026, 3, 19, 12, tzinfo=KST), "Thursday, March 19, 2026"),
        (datetime(2000, 1, 1, 9, tzinfo=KST), "Saturday, January 1, 2000"),
        (datetime(2025, 12, 31, 12, tzinfo=KST), "Wednesday, December 31, 2025"),
    ],
)
def test_english_date_line(moment: datetime, expected: str) -> None:
    assert date_line(moment, Language.EN, KST) == expected


def test_utc_evening_is_the_next_day_in_seoul() -> None:
    moment = datetime(2026, 3, 18, 16, 0, tzinfo=UTC)
    assert date_line(moment, Language.KO, KST) == "2026년 03월 19일 목요일"
    assert date_line(moment, Language.KO, UTC) == "2026년 03월 18일 수요일"
    assert date_line(moment, Language.EN, NEW_YORK_WINTER) == "Wednesday, March 18, 2026"


def test_a_naive_moment_is_read_as_utc_whatever_the_machine_zone() -> None:
    assert date_line(datetime(2026, 3, 18, 16, 0), Language.KO, KST) == "2026년 03월 19일 목요일"


def test_iso_datetime_carries_the_offset() -> None:
    moment = datetime(2026, 3, 18, 16, 0, 30, 123456, tzinfo=UTC)
    assert iso_datetime(moment, KST) == "2026-03-19T01:00:30+09:00"
    assert iso_datetime(moment, UTC) == "2026-03-18T16:00:30+00:00"
    assert datetime.fromisoformat(iso_datetime(moment, KST)) == moment.replace(microsecond=0)
