"""HTML export throughput on a generated store: python bench/bench_export.py [--count N].

Fills a fresh store with realistic articles, renders them once without writing (the
CPU ceiling), then exports them as standalone pages and as a whole edition (index,
section pages, article pages, stylesheet), on one process and on every core, into
fresh folders. Prints articles per second (wall clock), the
CPU time per article summed over all processes, and the load average around each run:
the machine may be shared, and a loaded machine shows in both.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from deskeditor import paths  # noqa: E402
from deskeditor.core.edition import export_edition  # noqa: E402
from deskeditor.core.export import ExportFormat, default_workers, export_articles  # noqa: E402
from deskeditor.core.models import Article  # noqa: E402
from deskeditor.core.render import Renderer  # noqa: E402
from deskeditor.core.store import Store  # noqa: E402

from corpus import articles as corpus_articles  # noqa: E402

GOAL = 800  # articles per second, on this 2-core machine


def cpu_seconds() -> float:
    """User and system time of this process and of every worker it has waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def load() -> str:
    return f"{os.getloadavg()[0]:.1f}"


def measure(label: str, count: int, run: Callable[[], object]) -> float:
    before_load = load()
    cpu = cpu_seconds()
    began = time.perf_counter()
    run()
    elapsed = time.perf_counter() - began
    cpu = cpu_seconds() - cpu
    rate = count / elapsed
    mark = "ok" if rate >= GOAL else "below goal"
    print(
        f"{label:<34} {count:>6} articles in {elapsed:6.1f} s: {rate:7,.0f} articles/s "
        f"({mark}); CPU {cpu / count * 1000:5.2f} ms/article; load {before_load} -> {load()}"
    )
    return rate


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="articles in the store")
    parser.add_argument("--workers", type=int, default=0, help="processes (default: every core)")
    parser.add_argument("--skip-serial", action="store_true", help="skip the one-process runs")
    parser.add_argument("--dir", type=Path, help="work folder (default: a temporary one)")
    args = parser.parse_args(argv)
    workers = args.workers or max(default_workers(args.count), 1)

    with tempfile.TemporaryDirectory(prefix="bench-export-", dir=args.dir) as work:
        folder = Path(work)
        store = Store.open(folder / "bench.sqlite3")
        began = time.perf_counter()
        store.create_articles(corpus_articles(args.count))
        print(f"filled a store with {args.count} articles in {time.perf_counter() - began:.1f} s")

        loaded: list[Article] = []

        def read_all() -> None:
            loaded.extend(store.articles(store.article_ids()))

        measure("read from the store", args.count, read_all)
        store.close()

        renderer = Renderer(paths.templates_dir(), paths.css_dir())
        # What rendering alone costs, without files: the ceiling is cores times this rate.
        measure(
            "render only (no files), 1 process",
            len(loaded),
            lambda: [renderer.article_page(article) for article in loaded],
        )
        print(f"{os.cpu_count()} cores; {workers} worker processes for the parallel runs")
        runs: list[tuple[str, int]] = [] if args.skip_serial else [("1 process", 1)]
        runs.append((f"{workers} processes", workers))
        for name, count in runs:
            measure(
                f"single pages, {name}",
                len(loaded),
                lambda n=count, name=name: export_articles(
                    renderer, loaded, folder / f"pages-{name}", ExportFormat.HTML, workers=n
                ),
            )
            measure(
                f"edition with index, {name}",
                len(loaded),
                lambda n=count, name=name: export_edition(
                    renderer, loaded, folder / f"edition-{name}", workers=n
                ),
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
