"""Where a bulk-built FTS5 index's segments sit among FTS5's merge levels (SQLite only).

A store that grows article by article ends with its index spread over levels: FTS5
writes a segment per flush (about 256 pages) on level 0 and merges four segments of a
level into one on the next. A generated index is a few big segments from a few big
flushes, and FTS5 files them on level 0, among the small segments every autosave adds.
There they are inputs of the next merge of level 0, and once 16 segments wait on that
level a "crisis merge" finishes that merge inside one save: one of 400 autosaves took
12 s at 100,000 articles (2.5 s on a store grown through the Store; an 'optimize',
which puts its output on level 1, still made one of 300 saves take 6 s at 20,000).

So each segment is moved, without rewriting it, to the level its size would have
reached had the store grown article by article. Only the index's structure record
changes (row 10 of the %_data table, format in SQLite's fts5_index.c: a 4-byte cookie,
then varints: levels, segments, write counter, and per level the segments in an ongoing
merge, the segment count and each segment's id, first and last leaf page). A record
this module does not read back byte for byte is left alone, with a note.
"""

from __future__ import annotations

import math
import sqlite3
from dataclasses import dataclass

STRUCTURE_ROW = 10
FLUSH_PAGES = 256  # leaf pages of a segment flushed from FTS5's default 1 MB buffer
FAN_IN = 4  # FTS5's default automerge: segments merged into one on the next level


@dataclass(frozen=True, slots=True)
class Structure:
    """An FTS5 structure record: levels of (segments in an ongoing merge, segments)."""

    cookie: bytes
    write_counter: int
    levels: tuple[tuple[int, tuple[tuple[int, int, int], ...]], ...]
    """Per level: (merging, ((segment id, first leaf page, last leaf page), ...))."""


def _get_varint(data: bytes, at: int) -> tuple[int, int]:
    """SQLite's varint (as FTS5 writes it): value and the offset after it."""
    value = 0
    for position in range(9):
        byte = data[at]
        at += 1
        if position == 8:
            return (value << 8) | byte, at
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            return value, at
    raise AssertionError("unreachable")


def _put_varint(value: int) -> bytes:
    if not 0 <= value < 1 << 56:
        raise ValueError(f"varint out of the range this module writes: {value}")
    groups = [value & 0x7F]
    while value := value >> 7:
        groups.append(value & 0x7F)
    groups.reverse()
    return bytes([group | 0x80 for group in groups[:-1]] + [groups[-1]])


def decode(record: bytes) -> Structure:
    at = 4
    level_count, at = _get_varint(record, at)
    _, at = _get_varint(record, at)  # the segment total, implied by the levels
    write_counter, at = _get_varint(record, at)
    levels = []
    for _ in range(level_count):
        merging, at = _get_varint(record, at)
        count, at = _get_varint(record, at)
        segments = []
        for _ in range(count):
            segment, at = _get_varint(record, at)
            first, at = _get_varint(record, at)
            last, at = _get_varint(record, at)
            segments.append((segment, first, last))
        levels.append((merging, tuple(segments)))
    if at != len(record):
        raise ValueError("trailing bytes")
    return Structure(record[:4], write_counter, tuple(levels))


def encode(structure: Structure) -> bytes:
    parts = [
        structure.cookie,
        _put_varint(len(structure.levels)),
        _put_varint(sum(len(segments) for _, segments in structure.levels)),
        _put_varint(structure.write_counter),
    ]
    for merging, segments in structure.levels:
        parts += [_put_varint(merging), _put_varint(len(segments))]
        for segment in segments:
            parts += [_put_varint(value) for value in segment]
    return b"".join(parts)


def grown_level(pages: int) -> int:
    """The level a segment of `pages` leaf pages reaches in an index grown by flushes."""
    return max(0, round(math.log(max(pages, 1) / FLUSH_PAGES, FAN_IN)))


def read(connection: sqlite3.Connection, table: str) -> Structure | None:
    """The table's structure, or None when this module cannot read it back exactly."""
    row = connection.execute(
        f"SELECT block FROM {table}_data WHERE id = ?", (STRUCTURE_ROW,)
    ).fetchone()
    try:
        structure = decode(row[0])
    except (ValueError, IndexError, TypeError):
        return None
    return structure if encode(structure) == row[0] else None


def place_segments(connection: sqlite3.Connection, table: str) -> tuple[bool, str]:
    """Move each segment of a freshly built index to its grown level: (moved, what)."""
    structure = read(connection, table)
    if structure is None or len(structure.levels) != 1 or structure.levels[0][0]:
        return False, f"{table}: structure left as FTS5 wrote it (not fresh level-0 segments)"
    segments = structure.levels[0][1]  # oldest first
    levels: list[list[tuple[int, int, int]]] = []
    ceiling = None  # a newer segment never sits above an older one
    for segment in segments:
        level = grown_level(segment[2] - segment[1] + 1)
        level = level if ceiling is None else min(level, ceiling)
        ceiling = level
        levels.extend([] for _ in range(level + 1 - len(levels)))
        levels[level].append(segment)
    moved = Structure(
        structure.cookie, structure.write_counter, tuple((0, tuple(level)) for level in levels)
    )
    connection.execute(
        f"UPDATE {table}_data SET block = ? WHERE id = ?", (encode(moved), STRUCTURE_ROW)
    )
    placed = ", ".join(
        f"{last - first + 1:,} pages on level {number}"
        for number, level in enumerate(levels)
        for _, first, last in level
    )
    return True, f"{table}: {placed}"
