"""Edition export: chosen articles as a folder of linked pages, front page first."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, unquote

from deskeditor.core.dates import local_moment
from deskeditor.core.export import (
    ExportFormat,
    FileWriter,
    PageJob,
    Warn,
    ensure_folder,
    export_filename,
    photo_export,
    report_problems,
    run_jobs,
)
from deskeditor.core.models import SECTIONS, Article, Language
from deskeditor.core.photoexport import ImageLibrary
from deskeditor.core.render import Edition, Renderer, SectionBlock, SectionLink, display_moment
from deskeditor.core.slugs import slugify

INDEX_NAME = "index.html"
STYLESHEET_NAME = "style.css"
FRONT_PAGE_HEADLINES = 6
"""Headlines per section on the front page; the section page lists them all."""

DEFAULT_TITLES: dict[Language, str] = {Language.KO: "뉴스", Language.EN: "News"}
UNSECTIONED: dict[Language, str] = {Language.KO: "기타", Language.EN: "Other"}
"""The section shown for articles that have none."""

SECTION_SLUGS: dict[str, str] = {
    "정치": "politics",
    "경제": "economy",
    "사회": "society",
    "산업": "industry",
    "국제": "world",
    "문화": "culture",
    "스포츠": "sports",
    "IT·과학": "it-science",
    "오피니언": "opinion",
}
"""ASCII file names for the default sections, as Korean news sites name them."""


@dataclass(frozen=True, slots=True)
class EditionPlan:
    """Which pages an edition has and what each holds; no file is touched to make it."""

    edition: Edition
    groups: tuple[tuple[SectionLink, tuple[Article, ...]], ...]
    """Each section's link and its articles, newest first, in the order shown."""


def _newest_first(article: Article) -> tuple[datetime, int]:
    # Negated by sorting in reverse; the id breaks ties so that the order is total.
    return (local_moment(display_moment(article), UTC), int(article.id))


def section_order(keys: Iterable[str], preferred: Sequence[str]) -> list[str]:
    """Sections in the desk's order first, then any others by name; no section last."""
    present = set(keys)
    ordered = [key for key in dict.fromkeys(preferred) if key in present]
    others = sorted(present - set(ordered) - {""})
    return ordered + others + ([""] if "" in present else [])


def section_filenames(keys: Sequence[str]) -> dict[str, str]:
    """A distinct, file-system-safe page name for each section key."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for key in keys:
        base = SECTION_SLUGS.get(key) or slugify(key) or ("other" if not key else "section")
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        names[key] = f"section-{slug}.html"
    return names


def plan_edition(
    renderer: Renderer,
    articles: Iterable[Article],
    *,
    title: str = "",
    language: Language = Language.KO,
    preferred_sections: Sequence[str] = SECTIONS,
) -> EditionPlan:
    """Group the articles by section and name every page (an article given twice counts once)."""
    unique = list({article.id: article for article in articles}.values())
    by_section: dict[str, list[Article]] = {}
    for article in unique:
        by_section.setdefault(article.content.section.strip(), []).append(article)
    keys = section_order(by_section, preferred_sections)
    filenames = section_filenames(keys)
    links = tuple(
        SectionLink(key=key, name=key or UNSECTIONED[language], href=quote(filenames[key]))
        for key in keys
    )
    newest = max((display_moment(article) for article in unique), key=_utc, default=None)
    edition = Edition(
        title=title.strip() or DEFAULT_TITLES[language],
        language=language,
        date_line=renderer.date_line(newest, language) if newest else "",
        sections=links,
        stylesheet=STYLESHEET_NAME,
        home=INDEX_NAME,
    )
    groups = tuple(
        (link, tuple(sorted(by_section[link.key], key=_newest_first, reverse=True)))
        for link in links
    )
    return EditionPlan(edition, groups)


def _utc(moment: datetime) -> datetime:
    return local_moment(moment, UTC)


def export_edition(
    renderer: Renderer,
    articles: Iterable[Article],
    out_dir: Path,
    *,
    title: str = "",
    language: Language = Language.KO,
    preferred_sections: Sequence[str] = SECTIONS,
    front_page_headlines: int = FRONT_PAGE_HEADLINES,
    workers: int = 1,
    library: ImageLibrary | None = None,
    warn: Warn | None = None,
) -> list[Path]:
    """Write the edition into out_dir; return every written path, index.html first.

    The folder gets index.html, one page per section, one per article, one shared
    stylesheet and, from library (the store), each photo once in images/ (the copy
    the pages show); all links are relative and point inside the folder. The same articles
    give the same bytes, whatever the number of workers. Files already in the folder
    that this edition does not write are left alone.
    """
    plan = plan_edition(
        renderer,
        articles,
        title=title,
        language=language,
        preferred_sections=preferred_sections,
    )
    out_dir = ensure_folder(out_dir)
    edition = plan.edition
    jobs: list[PageJob] = [
        (article, ExportFormat.HTML, edition, out_dir / export_filename(article))
        for _, group in plan.groups
        for article in group
    ]
    # Article pages first: by the time index.html appears, every page it links exists.
    photos = photo_export(library, ExportFormat.HTML, out_dir, edition=True)
    article_paths = run_jobs(renderer, jobs, workers=workers, photos=photos)
    report_problems(photos, warn)

    lists = [
        (link, [renderer.headline(article, quote(export_filename(article))) for article in group])
        for link, group in plan.groups
    ]
    blocks = [SectionBlock(link, tuple(items[:front_page_headlines])) for link, items in lists]
    with FileWriter() as writer:
        front = renderer.front_page(edition, blocks)
        writer.write(out_dir / INDEX_NAME, front.encode("utf-8"), "the front page")
        stylesheet = renderer.edition_stylesheet.encode("utf-8")
        writer.write(out_dir / STYLESHEET_NAME, stylesheet, "the stylesheet")
        for link, items in lists:
            page = renderer.section_page(edition, link, items)
            writer.write(
                out_dir / unquote(link.href), page.encode("utf-8"), f"the {link.name} page"
            )
        return [*writer.finish(), *article_paths]
