"""Opening an article with 20 photos of about 5 MB each: time until usable, until shown, memory.

Runs the real window offscreen on a temporary store: python bench/bench_photos.py [--photos N]

Figures: "usable" is open_article() returning with the body laid out (photos still grey
boxes where their copies are not in memory); "shown" is every photo drawn at the
editor's width. First open: a fresh window on a store that has the display copies
(inserting a photo through the editor makes its copy). Second open: the same window
again (copies in memory). Cold store: a fresh window on a store without display copies
(as after an import): each copy is made from its 5 MB original on the worker.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--disable-gpu --no-sandbox")

from PIL import Image, ImageChops  # noqa: E402

SIZE = (4000, 3000)  # a 12-megapixel camera photo
SHOWN_TIMEOUT_S = 120.0


def photos(count: int) -> list[bytes]:
    """Photo-like JPEGs of about 5.6 MB: smooth scenes under sensor-like noise."""
    noise = Image.merge("RGB", [Image.effect_noise(SIZE, 40) for _ in range(3)])
    made = []
    for index in range(count):
        ramp = Image.linear_gradient("L").resize(SIZE).rotate(index * 17)
        scene = Image.merge(
            "RGB",
            [
                ramp,
                ramp.transpose(Image.Transpose.FLIP_LEFT_RIGHT),
                Image.radial_gradient("L").resize(SIZE),
            ],
        )
        image = Image.blend(scene, ImageChops.offset(noise, index * 131, index * 77), 0.45)
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=90)
        made.append(buffer.getvalue())
    return made


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def make_stores(folder: Path, count: int) -> tuple[Path, Path, int]:
    """A warm store (display copies made) and a cold copy of it; the photo article's id."""
    from deskeditor.core.models import ArticleContent
    from deskeditor.core.store import Store

    began = time.perf_counter()
    data = photos(count)
    sizes = [len(d) / 1e6 for d in data]
    print(
        f"{count} photos, {min(sizes):.1f}–{max(sizes):.1f} MB each "
        f"({sum(sizes):.0f} MB), {SIZE[0]}×{SIZE[1]}, made in {time.perf_counter() - began:.0f} s"
    )
    warm, cold = folder / "warm.sqlite3", folder / "cold.sqlite3"
    store = Store.open(warm)
    try:
        parts = []
        for index, photo in enumerate(data):
            asset = store.add_image(photo, name=f"photo {index}")
            parts.append(f"Paragraph {index} of the story, " * 12)
            parts.append(f"![](asset:{asset.sha256})")
        article = store.create_article(
            ArticleContent(headline="Twenty photos", body="\n\n".join(parts) + "\n")
        )
        store.create_article(ArticleContent(headline="Other", body="No photos.\n"))
    finally:
        store.close()
    shutil.copy(warm, cold)
    store = Store.open(warm)
    try:
        began = time.perf_counter()
        for sha in store_shas(store, article.id):
            store.display_image(sha)  # what inserting through the editor does
        print(f"display copies made in {time.perf_counter() - began:.1f} s (setup)")
    finally:
        store.close()
    return warm, cold, int(article.id)


def store_shas(store: object, article_id: int) -> list[str]:
    from deskeditor.core.images import referenced_assets

    body = store.get_article(article_id).content.body  # type: ignore[attr-defined]
    return sorted(referenced_assets(body))


def open_and_time(app: object, window: object, article_id: int) -> dict[str, float]:
    """Open the article; time until usable (laid out) and until every photo is shown."""
    body = window.editor.body_edit  # type: ignore[attr-defined]
    images = window.extras.photos.images  # type: ignore[attr-defined]
    before = rss_mb()
    began = time.perf_counter()
    window.open_article(article_id)  # type: ignore[attr-defined]
    app.processEvents()  # type: ignore[attr-defined]
    body.document().size()  # forces the whole layout
    usable = time.perf_counter() - began
    while not images.all_shown():
        if time.perf_counter() - began > SHOWN_TIMEOUT_S:
            break
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.002)
    shown = time.perf_counter() - began
    return {"usable_s": usable, "shown_s": shown, "rss_growth_mb": rss_mb() - before}


def measure(store_path: Path, article_id: int, *, again: bool) -> list[dict[str, float]]:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from deskeditor import paths
    from deskeditor.core.render import Renderer
    from deskeditor.core.store import Store
    from deskeditor.ui.mainwindow import MainWindow
    from deskeditor.ui.sessionstate import SessionState, session_settings

    app = QApplication.instance()
    store = Store.open(store_path)
    # A fresh session each time: a remembered last article would open before the timing.
    session = SessionState(session_settings(store_path.with_name(f"{time.time_ns()}.ini")))
    window = MainWindow(store, Renderer(paths.templates_dir(), paths.css_dir()), session)
    window.resize(1400, 900)
    window.show()
    for _ in range(50):
        app.processEvents()
    results = [open_and_time(app, window, article_id)]
    if again:
        other = window.model.article_id(0)
        if other == article_id:
            other = window.model.article_id(1)
        window.open_article(other)
        app.processEvents()
        results.append(open_and_time(app, window, article_id))
    library = window.extras.photos.library
    results[-1]["cache_mb"] = library_megabytes(library)
    results[0].update(render_with_photos(store, window.renderer, article_id))
    window.close()
    window.deleteLater()
    # processEvents() leaves deferred deletes alone; the page must go before its profile.
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    for _ in range(50):
        app.processEvents()
    store.close()
    return results


def render_with_photos(store: object, renderer: object, article_id: int) -> dict[str, float]:
    """The preview page with figures: a fresh library reads each photo's words once."""
    from deskeditor.ui.photolibrary import PhotoLibrary

    article = store.get_article(article_id)  # type: ignore[attr-defined]
    library = PhotoLibrary(store)  # type: ignore[arg-type]
    timings = {}
    for key in ("render_fresh_s", "render_cached_s"):
        began = time.perf_counter()
        renderer.article_page(article, photos=library.photos())  # type: ignore[attr-defined]
        timings[key] = time.perf_counter() - began
    library.shutdown()
    return timings


def library_megabytes(library: object) -> float:
    """Bytes the window's photo caches hold: encoded copies plus scaled images."""
    copies = sum(len(data) for data, _type in library._copies.values())  # type: ignore[attr-defined]
    scaled = sum(image.sizeInBytes() for image in library._scaled.values())  # type: ignore[attr-defined]
    return (copies + scaled) / 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3, help="fresh windows per figure")
    options = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    from deskeditor.ui.qtsetup import prepare_qt_before_application

    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        os.environ["DESKEDITOR_DATA_DIR"] = str(folder / "data")
        os.environ["DESKEDITOR_CONFIG_DIR"] = str(folder / "config")
        warm, cold, article_id = make_stores(folder, options.photos)
        prepare_qt_before_application()
        app = QApplication(sys.argv[:1])
        print(f"load average before: {os.getloadavg()[0]:.2f} ({os.cpu_count()} cores)")
        first: list[dict[str, float]] = []
        second: list[dict[str, float]] = []
        for _ in range(options.runs):
            one, two = measure(warm, article_id, again=True)
            first.append(one)
            second.append(two)
        cold_runs = []
        for _ in range(options.runs):
            fresh = folder / "cold-run.sqlite3"
            shutil.copy(cold, fresh)  # no display copies, every run
            cold_runs.append(measure(fresh, article_id, again=False)[0])
        print(f"load average after:  {os.getloadavg()[0]:.2f}")
        for label, runs in (
            ("first open", first),
            ("second open", second),
            ("cold store", cold_runs),
        ):
            usable = statistics.median(r["usable_s"] for r in runs)
            shown = statistics.median(r["shown_s"] for r in runs)
            growth = statistics.median(r["rss_growth_mb"] for r in runs)
            print(
                f"{label:12} usable {usable * 1000:6.0f} ms   all {options.photos} photos shown "
                f"{shown * 1000:6.0f} ms   RSS +{growth:.0f} MB  (median of {len(runs)})"
            )
        fresh = statistics.median(r["render_fresh_s"] for r in first) * 1000
        cached = statistics.median(r["render_cached_s"] for r in first) * 1000
        print(
            f"preview page with figures: {fresh:.0f} ms with a fresh photo library "
            f"(words read from the store), {cached:.0f} ms with the words in memory"
        )
        cache = statistics.median(r["cache_mb"] for r in second)
        print(f"photo caches after opening: {cache:.1f} MB; process RSS {rss_mb():.0f} MB")
        del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
