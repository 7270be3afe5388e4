"""Date lines as Korean and English newspapers print them, independent of the OS locale."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

from deskeditor.core.models import Language

# Spelled out here rather than taken from strftime("%A"), which follows the process
# locale: an export must read the same on every machine.
KOREAN_WEEKDAYS: tuple[str, ...] = tuple(f"{day}요일" for day in "월화수목금토일")
ENGLISH_WEEKDAYS: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
ENGLISH_MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def local_moment(moment: datetime, tz: tzinfo | None) -> datetime:
    """The moment in zone tz (None: the machine's local zone); naive means UTC.

    The store hands out aware UTC datetimes; a naive one is read the same way rather
    than as local time, so the result never depends on where the code runs.
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(tz)


def iso_datetime(moment: datetime, tz: tzinfo | None) -> str:
    """ISO 8601 with the zone's offset, to the second: the <time datetime> value."""
    return local_moment(moment, tz).isoformat(timespec="seconds")


def date_line(moment: datetime, language: Language, tz: tzinfo) -> str:
    """The date as printed over an article, in zone tz.

    Korean: "2026년 03월 19일 목요일"; English: "Thursday, March 19, 2026".
    """
    local = local_moment(moment, tz)
    weekday = local.weekday()
    if language is Language.KO:
        return f"{local.year}년 {local.month:02d}월 {local.day:02d}일 {KOREAN_WEEKDAYS[weekday]}"
    month = ENGLISH_MONTHS[local.month - 1]
    return f"{ENGLISH_WEEKDAYS[weekday]}, {month} {local.day}, {local.year}"


def timestamp(moment: datetime, language: Language, tz: tzinfo) -> str:
    """The moment to the minute, as printed beside 입력/수정 or Published/Updated, in zone tz.

    Korean: "2026.03.19 10:35"; English: "March 19, 2026, 10:35".
    """
    local = local_moment(moment, tz)
    clock = f"{local.hour:02d}:{local.minute:02d}"
    if language is Language.KO:
        return f"{local.year}.{local.month:02d}.{local.day:02d} {clock}"
    return f"{ENGLISH_MONTHS[local.month - 1]} {local.day}, {local.year}, {clock}"
