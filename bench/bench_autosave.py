"""Autosave latency on a big store: one article saved with its index and revision bookkeeping."""

from __future__ import annotations

import argparse
import dataclasses
import random
import sys
from pathlib import Path

from deskeditor.core.models import ArticleId
from deskeditor.core.store import Store

from stats import describe, timed_ms


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("db", type=Path)
    parser.add_argument("--saves", type=int, default=200)
    args = parser.parse_args()
    store = Store.open(args.db)
    rng = random.Random(7)
    ids = store.article_ids()
    article_id = ArticleId(rng.choice(ids))
    content = store.get_article(article_id).content
    samples = []
    for number in range(args.saves):
        # What the editor does: the body grows by a few characters, then autosave.
        content = dataclasses.replace(content, body=content.body + f" 추가{number}")
        samples.append(
            timed_ms(
                lambda c=content, first=number == 0: store.save_article(
                    article_id, c, keep_revision=first
                )
            )
        )
    print(f"store: {args.db} ({len(ids):,} live articles), article {article_id}")
    print(f"autosave (row + tags + search index + revision rules): {describe(samples)}")
    print(f"revisions kept for the article: {len(store.revisions(article_id))}")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
