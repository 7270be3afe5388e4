"""Fill a store with realistic articles and print the rate: python bench/generate_store.py DB N."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from deskeditor.core.store import Store

from corpus import article


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("db", type=Path)
    parser.add_argument("count", type=int, nargs="?", default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    import random
    from datetime import UTC, datetime, timedelta

    rng = random.Random(args.seed)
    start = datetime(2023, 11, 1, tzinfo=UTC)

    def items():  # generated lazily, so generation and storage both count in the rate
        for _ in range(args.count):
            yield article(rng), start + timedelta(minutes=rng.randint(0, 3 * 365 * 24 * 60))

    store = Store.open(args.db)
    began = time.perf_counter()
    written = store.create_articles(items())
    elapsed = time.perf_counter() - began
    store.close()
    size = args.db.stat().st_size / 1e6
    print(
        f"generated and stored {written} articles in {elapsed:.1f} s: "
        f"{written / elapsed:,.0f} articles/s; store {size:,.0f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
