"""Search latency on a big store: python bench/bench_search.py STORE (see generate_store.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from deskeditor.core.models import ListQuery
from deskeditor.core.store import Store

from stats import describe, timed_ms

QUERIES = {
    "Korean, 2 syllables": ["정부", "금리", "선거", "수출", "노조", "환율", "태풍", "검찰"],
    "Korean, longer / with particles": [
        "데이터센터",
        "데이터센터를",
        "인공지능",
        "스타트업에",
        "부동산 정책",
        "반도체 수출",
        "노동자의",
        "배터리와",
    ],
    "English": ["election", "Inflation", "data center", "union talks", "court", "SEOUL"],
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("db", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    store = Store.open(args.db)
    print(f"store: {args.db} ({len(store.article_ids()):,} live articles)")
    for group, queries in QUERIES.items():
        hits_ms: list[float] = []
        list_ms: list[float] = []
        for _ in range(args.rounds):
            for query in queries:
                # The search panel: the 50 best hits with snippets.
                hits_ms.append(timed_ms(lambda q=query: store.search(q, limit=50)))
                # The list filtered by the search box: every matching id, ranked.
                list_ms.append(timed_ms(lambda q=query: store.article_ids(ListQuery(text=q))))
        print(f"{group:32} top-50 with snippets: {describe(hits_ms)}")
        print(f"{'':32} all matching ids:      {describe(list_ms)}")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
