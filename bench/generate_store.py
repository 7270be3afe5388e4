"""Fill a store with realistic articles and print the rate: python bench/generate_store.py DB N.

The store is what the app's Store writes for the same articles (tests/core/
test_generate_store.py compares every row), built the fast way, SQLite-specific:

- Articles come from pools of generated paragraphs, headlines and subheads
  (articlepool.py), each piece's index text computed once, so an article's index text
  is a join of cached pieces instead of a tokenization.
- Both cores work. A child process builds the big full-text index (the bottleneck:
  about 1,200 tokens per article) in a scratch file, while this process writes the
  articles, tags, the headline index and the big index's content rows into the store.
  The child's index pages are then copied into the store's index tables.
- The child tokenizes with FTS5's `ascii` tokenizer, twice as fast as the declared
  `unicode61`; for the pool's tokens (ASCII lower case and digits, Hangul syllables)
  both give the same terms, which the pool checks for every piece and `--check`
  confirms with FTS5's integrity check (it re-tokenizes with the declared tokenizer).
- The index's few segments are left on the merge levels their sizes would have reached
  had the store grown article by article (ftsstructure.py says why).
- Bulk-load pragmas (no journal, no syncs, a big cache) are used while building; a
  failed generation is simply rerun. WAL mode is restored at the end, and the store
  appears at DB only when complete (built under a temporary name, then renamed).
"""

from __future__ import annotations

import argparse
import gc
import multiprocessing
import os
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import ftsstructure
from articlepool import (
    PlanRow,
    Plans,
    Pool,
    index_texts,
    make_pool,
    plans,
)
from deskeditor.core.errors import StoreError
from deskeditor.core.searchindex import HEAD_TABLE, INDEX_TABLE
from deskeditor.core.store import Store
from storerows import ARTICLE_COLUMNS, TEXT, RowWriter

GOAL = 5_000  # articles per second, end to end, on this 2-core machine
BATCH = 10_000  # articles per transaction
PENDING_BYTES = 256 * 2**20  # FTS5's buffer of pending terms: 2 flushes at 100,000
CHUNK = 500  # articles per executemany: their rows' memory is reused while still in cache
INDEX_DECLARATION = (
    f"CREATE VIRTUAL TABLE {INDEX_TABLE} USING fts5("
    "headline, subhead, body, tags, tokenize='unicode61')"
)
"""The store's big index as migration 0002 declares it; the scratch copy must match it."""
SCRATCH_DECLARATION = (
    f"CREATE VIRTUAL TABLE {INDEX_TABLE} USING fts5("
    "headline, subhead, body, tags, tokenize='ascii', content='')"
)
"""The scratch index: the same columns, terms and positions; no content (the store gets that)."""


def _bulk_pragmas(connection: sqlite3.Connection) -> None:
    for pragma in (
        "journal_mode=OFF",
        "synchronous=OFF",
        "locking_mode=EXCLUSIVE",
        "cache_size=-250000",  # KiB: every B-tree page an insert touches stays in memory
        "temp_store=MEMORY",
    ):
        connection.execute(f"PRAGMA {pragma}")


def _batches(items: Plans, size: int) -> Iterator[tuple[int, Iterator[PlanRow]]]:
    """(first article id, plans) per `size` articles."""
    for start in range(0, len(items), size):
        yield start + 1, items.rows(start, start + size)


def build_scratch_index(pool: Pool, items: Plans, path: Path, phases: bool) -> None:
    """The child's work: the big index, terms and positions only, in its own file."""
    steps = Phases("child", show=phases)
    connection = sqlite3.connect(path, isolation_level=None)
    _bulk_pragmas(connection)
    connection.execute(SCRATCH_DECLARATION)
    # Pending terms are flushed as a segment every 256 MB and never merged: merging
    # would rewrite the index. A bigger buffer (one flush) costs 7 % more CPU, a smaller
    # one no less and leaves more segments to search.
    for key, value in (("automerge", 0), ("hashsize", PENDING_BYTES)):
        connection.execute(
            f"INSERT INTO {INDEX_TABLE}({INDEX_TABLE}, rank) VALUES (?, ?)", (key, value)
        )
    insert = (
        f"INSERT INTO {INDEX_TABLE}(rowid, headline, subhead, body, tags) "
        f"VALUES (?, {TEXT}, {TEXT}, {TEXT}, {TEXT})"
    )
    connection.execute("BEGIN")
    connection.executemany(
        insert,
        ((number, *index_texts(pool, row)) for number, row in items.numbered()),
    )
    connection.execute("COMMIT")
    steps.done("scratch index built")
    moved, note = ftsstructure.place_segments(connection, INDEX_TABLE)
    connection.close()
    if not moved:
        print(f"note: {note}", file=sys.stderr)
    steps.done(note)


def _check_schema(connection: sqlite3.Connection) -> None:
    """Refuse, with the reason, a store whose tables this generator does not fill exactly."""
    declared = connection.execute(
        "SELECT sql FROM sqlite_master WHERE name = ?", (INDEX_TABLE,)
    ).fetchone()
    if declared is None or declared[0] != INDEX_DECLARATION:
        raise SystemExit(
            f"The store declares its search index as {declared and declared[0]!r}, not "
            f"{INDEX_DECLARATION!r}: update bench/generate_store.py to match."
        )
    columns = [row[1] for row in connection.execute("PRAGMA table_info(articles)")]
    if sorted(columns) != sorted(ARTICLE_COLUMNS):
        raise SystemExit(
            f"The articles table has the columns {columns}, the generator fills "
            f"{list(ARTICLE_COLUMNS)}: update bench/storerows.py to match."
        )


def _copy_scratch_index(connection: sqlite3.Connection, scratch: Path) -> None:
    """Replace the store's (empty) big index by the scratch one: terms, positions, sizes."""
    connection.execute("ATTACH DATABASE ? AS scratch", (str(scratch),))
    connection.execute("BEGIN")
    for shadow in ("data", "idx", "docsize"):
        table = f"{INDEX_TABLE}_{shadow}"
        connection.execute(f"DELETE FROM main.{table}")
        # Same declaration, empty target: SQLite copies the records without decoding them.
        connection.execute(f"INSERT INTO main.{table} SELECT * FROM scratch.{table}")
    connection.execute("COMMIT")
    connection.execute("DETACH DATABASE scratch")


class Phases:
    """Wall and CPU time of each step of one process, printed when asked (--phases)."""

    def __init__(self, process: str, *, show: bool) -> None:
        self._process = process
        self._show = show
        self._wall = time.perf_counter()
        self._cpu = time.process_time()

    def done(self, step: str) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        if self._show:
            spent = f"{wall - self._wall:6.2f} s  cpu {cpu - self._cpu:6.2f} s"
            print(f"  {self._process:>6} {step:<28} {spent}")
        self._wall, self._cpu = wall, cpu


def generate(target: Path, count: int, seed: int = 1, *, phases: bool = False) -> None:
    """Build a store of `count` articles at `target` (replaced only once it is complete)."""
    if target.is_dir():
        raise IsADirectoryError(f"{target} is a folder, not a store file")
    steps = Phases("main", show=phases)
    building = target.with_name(target.name + ".building")
    scratch = target.with_name(target.name + ".index-scratch")
    for leftover in (building, scratch):
        for path in (leftover, Path(f"{leftover}-wal"), Path(f"{leftover}-shm")):
            path.unlink(missing_ok=True)
    pool = make_pool(seed)
    steps.done("pools of pieces")
    items = plans(pool, count, seed)
    steps.done("article plans")
    # fork: the child inherits the pool and plans instead of rebuilding or receiving them.
    child = multiprocessing.get_context("fork").Process(
        target=build_scratch_index,
        args=(pool, items, scratch, phases),
        name="index builder",
    )
    child.start()
    try:
        store = Store.open(building)  # the schema, by the app's own migrations
        dialect = store.engine.dialect
        store.close()
        steps.done("schema (migrations)")
        connection = sqlite3.connect(building, isolation_level=None)
        _bulk_pragmas(connection)
        _check_schema(connection)
        writer = RowWriter(connection, pool, dialect)
        connection.execute("BEGIN")
        for first, rows in _batches(items, CHUNK):
            writer.write(first, rows)
            if (first - 1 + CHUNK) % BATCH == 0:
                connection.execute("COMMIT")
                connection.execute("BEGIN")
        connection.execute("COMMIT")
        steps.done("rows written")
        child.join()
        if child.exitcode != 0:
            raise SystemExit(f"The index builder failed (exit code {child.exitcode}).")
        steps.done("waited for the index")
        _copy_scratch_index(connection, scratch)
        steps.done("index copied in")
        connection.execute("PRAGMA locking_mode=NORMAL")
        connection.execute("PRAGMA journal_mode=WAL")  # the store's own mode (backends.py)
        connection.close()
        steps.done("WAL mode, closed")
    except BaseException:
        building.unlink(missing_ok=True)  # a failed generation leaves nothing behind
        raise
    finally:
        if child.is_alive():
            child.kill()
            child.join()
        scratch.unlink(missing_ok=True)
    # A -wal or -shm left beside the old file would be read as the new one's.
    for path in (Path(f"{target}-wal"), Path(f"{target}-shm")):
        path.unlink(missing_ok=True)
    os.replace(building, target)


def seconds_since_start() -> float | None:
    """How long this process has run, interpreter start-up and imports included (Linux)."""
    try:
        stat = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
    except (OSError, IndexError, ValueError):
        return None
    return uptime - int(stat[19]) / os.sysconf("SC_CLK_TCK")  # field 22: start time


def check(target: Path) -> None:
    """FTS5's own integrity check of both indexes (re-tokenizing with the declared
    tokenizer), then a search through the app's Store."""
    connection = sqlite3.connect(target)
    for table in (INDEX_TABLE, HEAD_TABLE):
        connection.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
    connection.close()
    store = Store.open(target)
    try:
        for query in ("정부", "데이터센터를", "election"):
            print(f"  search {query!r}: {len(store.search(query, limit=50))} hits of 50 asked")
    finally:
        store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("count", type=int, nargs="?", default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--check", action="store_true", help="run FTS5's integrity check and a search after"
    )
    parser.add_argument("--phases", action="store_true", help="print each step's time")
    args = parser.parse_args()
    if args.count < 1:
        parser.error("count must be at least 1")
    # Nothing made here is garbage with cycles; the collector's passes over a million
    # tuples would only cost time.
    gc.disable()
    began = time.perf_counter()
    try:
        generate(args.db, args.count, args.seed, phases=args.phases)
    except (OSError, sqlite3.Error, StoreError) as error:
        print(f"generate_store: cannot build {args.db}: {error}", file=sys.stderr)
        return 1
    elapsed = time.perf_counter() - began
    total = seconds_since_start() or elapsed
    print(
        f"generated and stored {args.count:,} articles in {total:.1f} s from the process's "
        f"start ({elapsed:.1f} s in generate()): {args.count / total:,.0f} articles/s "
        f"(goal {GOAL:,}); store {args.db.stat().st_size / 1e6:,.0f} MB; "
        f"load average {' '.join(f'{load:.2f}' for load in os.getloadavg())}"
    )
    if args.check:
        began = time.perf_counter()
        check(args.db)
        print(f"integrity check and searches passed in {time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
