"""The fast store generator (bench/generate_store.py) writes exactly what the Store writes."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from deskeditor.core.searchtext import index_text
from deskeditor.core.store import Store

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))  # the benchmarks import their neighbours as scripts do

import ftsstructure  # noqa: E402
import generate_store  # noqa: E402
from articlepool import Pool, content, index_texts, make_pool, plans  # noqa: E402
from generate_store import generate  # noqa: E402

COUNT = 300
SEED = 7
# The index's own pages: their layout depends on how rows were batched, so they are
# compared through fts5vocab (every term, article, column and position) instead.
INDEX_PAGES = {
    "article_search_data",
    "article_search_idx",
    "article_search_head_data",
    "article_search_head_idx",
}


@pytest.fixture(scope="module")
def pool() -> Pool:
    return make_pool(SEED)


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory, pool: Pool) -> tuple[Path, Path]:
    """(generated the fast way, the same articles saved through Store.create_articles)."""
    folder = tmp_path_factory.mktemp("stores")
    generated = folder / "generated.sqlite3"
    generate(generated, COUNT, SEED)
    reference = folder / "reference.sqlite3"
    store = Store.open(reference)
    items = plans(pool, COUNT, SEED)
    store.create_articles(content(pool, row) for row in items.rows(0, COUNT))
    store.close()
    return generated, reference


@pytest.fixture
def connections(stores: tuple[Path, Path]) -> Iterator[tuple[sqlite3.Connection, ...]]:
    opened = tuple(sqlite3.connect(path) for path in stores)
    yield opened
    for connection in opened:
        connection.close()


def rows(connection: sqlite3.Connection, table: str) -> list[tuple[object, ...]]:
    width = len(connection.execute(f'SELECT * FROM "{table}" LIMIT 0').description)
    order = ", ".join(str(column) for column in range(1, width + 1))
    return connection.execute(f'SELECT * FROM "{table}" ORDER BY {order}').fetchall()


def tables(connection: sqlite3.Connection) -> list[str]:
    query = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    return sorted(row[0] for row in connection.execute(query))


def test_every_table_holds_the_same_rows(connections: tuple[sqlite3.Connection, ...]) -> None:
    generated, reference = connections
    assert tables(generated) == tables(reference)
    compared = [name for name in tables(reference) if name not in INDEX_PAGES]
    assert {"articles", "article_tags", "article_search_content"} <= set(compared)
    for table in compared:
        assert rows(generated, table) == rows(reference, table), table
    assert len(rows(generated, "articles")) == COUNT


@pytest.mark.parametrize(
    ("index", "tokens_per_article"), [("article_search", 1000), ("article_search_head", 25)]
)
def test_both_indexes_hold_the_same_terms_and_positions(
    connections: tuple[sqlite3.Connection, ...], index: str, tokens_per_article: int
) -> None:
    instances = []
    for connection in connections:
        connection.execute(
            f"CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, {index}, instance)"
        )
        instances.append(connection.execute("SELECT * FROM vocab ORDER BY 1, 2, 3, 4").fetchall())
        # The totals bm25 would rank with (rows and tokens per column), record 1.
        instances.append(
            connection.execute(f"SELECT block FROM {index}_data WHERE id = 1").fetchall()
        )
    generated_terms, generated_totals, reference_terms, reference_totals = instances
    assert generated_terms == reference_terms
    assert len(generated_terms) > COUNT * tokens_per_article
    assert generated_totals == reference_totals


def test_fts5_integrity_check_passes_with_the_declared_tokenizer(
    connections: tuple[sqlite3.Connection, ...],
) -> None:
    generated, _ = connections
    for index in ("article_search", "article_search_head"):
        generated.execute(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")


def test_generated_store_opens_in_wal_mode_and_finds_korean_inside_longer_forms(
    stores: tuple[Path, Path],
) -> None:
    generated, reference = stores
    with sqlite3.connect(generated) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    results = []
    for path in (generated, reference):
        store = Store.open(path)
        results.append([store.search(query, limit=20) for query in ("정부", "데이터센터를", "ai")])
        store.close()
    assert results[0] == results[1]
    assert all(hits for hits in results[0])
    assert not generated.with_name(generated.name + ".building").exists()


def test_every_pooled_piece_indexes_as_the_store_indexes_its_text(pool: Pool) -> None:
    for kinds in (pool.paragraphs, pool.headline_starts, pool.headline_ends, pool.subheads):
        for pieces in kinds:
            for text, index in zip(pieces.text, pieces.index, strict=True):
                assert index == index_text(text).encode()


def test_an_articles_joined_index_text_is_its_index_text(pool: Pool) -> None:
    items = plans(pool, 200, SEED)
    for row in items.rows(0, 200):
        article, _ = content(pool, row)
        whole = (article.headline, article.subhead, article.body, " ".join(article.tags))
        assert index_texts(pool, row) == tuple(index_text(field).encode() for field in whole)


def test_a_generation_replaces_an_older_store_whole(tmp_path: Path) -> None:
    target = tmp_path / "big.sqlite3"
    generate(target, 20, SEED)
    generate(target, 30, SEED + 1)
    store = Store.open(target)
    assert len(store.article_ids()) == 30
    store.close()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["big.sqlite3"]


def test_the_index_is_one_segment_on_the_level_a_grown_store_reaches(
    connections: tuple[sqlite3.Connection, ...],
) -> None:
    generated, reference = connections
    structure = ftsstructure.read(generated, "article_search")
    assert structure is not None
    placed = [(level, segments) for level, (_, segments) in enumerate(structure.levels) if segments]
    [(level, [(_, first, last)])] = placed
    assert level == ftsstructure.grown_level(last - first + 1)
    # The reference, grown through the Store, has several segments (one per flush); the
    # codec reads its record back byte for byte.
    grown = ftsstructure.read(reference, "article_search")
    assert grown is not None and sum(len(segments) for _, segments in grown.levels) >= 2


def test_moved_segments_take_edits_and_stay_consistent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Small flushes: 200 articles make several segments, which go where a grown store
    # keeps segments of their size, the older never below the newer.
    monkeypatch.setattr(ftsstructure, "FLUSH_PAGES", 16)
    monkeypatch.setattr(generate_store, "PENDING_BYTES", 256 * 1024)
    target = tmp_path / "edited.sqlite3"
    generate(target, 200, SEED)
    with sqlite3.connect(target) as connection:
        structure = ftsstructure.read(connection, "article_search")
    assert structure is not None
    placed = sorted(  # (segment id, level): FTS5 numbers segments as it flushes them
        (segment[0], number)
        for number, (_, segments) in enumerate(structure.levels)
        for segment in segments
    )
    levels = [level for _, level in placed]
    assert len(levels) >= 2 and max(levels) >= 1
    assert levels == sorted(levels, reverse=True)  # older segments sit higher
    store = Store.open(target)
    for number, article_id in enumerate(store.article_ids()[:40]):
        article = store.get_article(article_id)
        body = article.content.body + f"\n\n추가 문단 {number}: 정부는 발표했다."
        store.save_article(article_id, replace(article.content, body=body))
    assert store.search("추가", limit=100) and len(store.search("추가", limit=100)) == 40
    store.close()
    with sqlite3.connect(target) as connection:
        for index in ("article_search", "article_search_head"):
            connection.execute(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")


@pytest.mark.parametrize("value", [0, 1, 127, 128, 16383, 16384, 2**35 + 7, 2**55])
def test_structure_varints_round_trip(value: int) -> None:
    record = ftsstructure.Structure(b"\0\0\0\1", value, ((0, ((value, 1, value + 1),)),))
    assert ftsstructure.decode(ftsstructure.encode(record)) == record
