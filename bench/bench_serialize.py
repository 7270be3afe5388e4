"""Body load and serialize times: python bench/bench_serialize.py [--rounds N].

Articles of 1,000, 10,000 and 50,000 words of mixed Korean and English, with headings,
lists, bold, italic, links, quotes and a table, are loaded into a QTextDocument (Markdown
-> Python-Markdown HTML -> Blocks -> document) and serialized back (document -> Blocks ->
Markdown). "serialize" is the usual case, a save after an edit: paragraphs that did not
change come from the writer's memory; "cold" writes every paragraph afresh. Qt's own
toMarkdown() is timed on the same document as the anchor. Issue 3's target: serializing
10,000 words in under 30 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
from collections.abc import Callable
from functools import partial

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QTextDocument  # noqa: E402 (the platform is chosen first)
from PySide6.QtWidgets import QApplication  # noqa: E402

from deskeditor.core import markdowninline  # noqa: E402
from deskeditor.core.markdownblocks import PLAIN, Block, Kind, Marks, Run, write_markdown  # noqa: E402
from deskeditor.core.markdownsource import markdown_to_blocks  # noqa: E402
from deskeditor.core.markup import MarkdownConverter  # noqa: E402
from deskeditor.ui.documentwalker import document_blocks  # noqa: E402
from deskeditor.ui.markdowndocument import document_markdown, load_markdown  # noqa: E402

from corpus import english_sentence, korean_sentence  # noqa: E402
from stats import timed_ms  # noqa: E402

SIZES = (1_000, 10_000, 50_000)
LINK = Marks(href="https://example.com/news/2024/a_b?id=7", title="원문")


def marked(rng: random.Random, sentence: str) -> list[Run]:
    """A sentence with a bold word, sometimes an italic one or a link."""
    words = sentence.split(" ")
    runs: list[Run] = []
    for n, word in enumerate(words):
        text = word + (" " if n < len(words) - 1 else "")
        roll = rng.random()
        marks = PLAIN
        if roll < 0.05:
            marks = Marks(bold=True)
        elif roll < 0.08:
            marks = Marks(italic=True)
        elif roll < 0.10:
            marks = LINK
        runs.append((text, marks))
    return runs


def article(words: int, seed: int = 3) -> list[Block]:
    rng = random.Random(seed)
    blocks: list[Block] = []
    count = paragraphs = 0
    key = 0
    while count < words:
        sentence = korean_sentence if rng.random() < 0.7 else english_sentence
        text = " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))
        count += len(text.split())
        paragraphs += 1
        blocks.append(Block(runs=marked(rng, text)))
        if paragraphs % 8 == 0:
            blocks.append(Block(runs=[(korean_sentence(rng)[:30], PLAIN)], heading=2))
        if paragraphs % 6 == 0:
            key += 1
            for depth in (0, 0, 1, 1, 0):
                item = " ".join(korean_sentence(rng).split()[:6])
                blocks.append(Block(runs=marked(rng, item), list_key=key * 10 + depth,
                                    depth=depth, ordered=depth == 1))  # fmt: skip
                count += 6
        if paragraphs % 10 == 0:
            quote = english_sentence(rng)
            blocks.append(Block(runs=[(quote, Marks(italic=True))], quote=1))
            count += len(quote.split())
    rows = [[[("품목", PLAIN)], [("증감률", PLAIN)]]] + [
        [[(f"항목 {n}", PLAIN)], [(f"+{n}.5%", Marks(bold=True))]] for n in range(8)
    ]
    blocks.insert(len(blocks) // 2, Block(kind=Kind.TABLE, rows=rows, aligns=["", "right"]))
    return blocks


def median_ms(action: Callable[[], object], rounds: int) -> float:
    return statistics.median(timed_ms(action) for _ in range(rounds))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    QApplication([])
    converter = MarkdownConverter()
    print(f"{'words':>7} {'chars':>9} {'load':>9} {'serialize':>10} {'(walk':>8} {'write)':>8} "
          f"{'cold':>9} {'toMarkdown':>11} {'foreign load':>13}")  # fmt: skip
    for words in SIZES:
        markdown = write_markdown(article(words))
        document = QTextDocument()
        rounds = args.rounds if words <= 10_000 else max(3, args.rounds // 2)

        def load(document: QTextDocument = document, markdown: str = markdown) -> None:
            load_markdown(document, markdown, converter)

        load_ms = median_ms(load, rounds)
        assert document_markdown(document) == markdown, "the round trip changed the article"
        serialize_ms = median_ms(partial(document_markdown, document), rounds)

        def cold(document: QTextDocument = document) -> None:
            markdowninline._inline.cache_clear()  # as if every paragraph had changed
            document_markdown(document)

        cold_ms = median_ms(cold, rounds)
        walk_ms = median_ms(partial(document_blocks, document), rounds)
        write_ms = median_ms(partial(write_markdown, document_blocks(document)), rounds)
        qt_ms = median_ms(document.toMarkdown, rounds)
        # Markdown from elsewhere (here: setext headings, starred bullets) takes the
        # chunked, checked path.
        foreign = markdown.replace("\n- ", "\n* ").replace("**", "__")
        foreign_ms = median_ms(partial(markdown_to_blocks, foreign, converter), max(3, rounds // 2))
        print(f"{words:>7,} {len(markdown):>9,} {load_ms:>6.0f} ms {serialize_ms:>7.1f} ms "
              f"{walk_ms:>5.1f} ms {write_ms:>5.1f} ms {cold_ms:>6.1f} ms {qt_ms:>8.1f} ms "
              f"{foreign_ms:>10.0f} ms")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
