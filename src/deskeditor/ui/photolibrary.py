"""The window's photos: words and screen copies read once from the store, scaled off-thread."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage

from deskeditor.core.figures import Photos
from deskeditor.core.models import ImageAsset
from deskeditor.core.store import Store
from deskeditor.ui import operations
from deskeditor.ui.listloader import BackgroundReads
from deskeditor.ui.operations import OperationError
from deskeditor.ui.qtsetup import PREVIEW_SCHEME

ASSET_HOST = "asset"
"""The preview serves deskeditor://asset/<sha256> (see asset_href)."""

DisplayCopy = tuple[bytes, str]
"""A photo's copy for the screen, encoded, and its media type."""

CopyReply = Callable[[DisplayCopy | None], None]

T = TypeVar("T")

SCALED_LIMIT = 64
"""Scaled images kept (about 1 MB each at a 560-pixel column): a few articles' worth."""
COPIES_LIMIT = 256
"""Encoded display copies kept (50-300 kB each): re-scaling on a resize needs no store read."""


def asset_href(asset: ImageAsset) -> str:
    """The preview's URL of a photo (served by PhotoLibrary.fetch_copy through the route)."""
    return f"{PREVIEW_SCHEME.decode()}://{ASSET_HOST}/{asset.sha256}"


@dataclass(frozen=True, slots=True)
class _Loaded:
    """What a worker read and made for one photo."""

    sha256: str
    copy: DisplayCopy
    image: QImage | None  # scaled to the width asked for (never enlarged); None: not asked
    width: int


def scaled_to(image: QImage, width: int) -> QImage:
    """The image at most `width` pixels wide, aspect kept; smooth, never enlarged."""
    if image.isNull() or image.width() <= width:
        return image
    return image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)


def _load(store: Store, sha256: str, width: int, known: DisplayCopy | None) -> _Loaded:
    """On the worker: read (or make, once) the display copy, decode and scale it (width > 0).

    Making the copy of a 5 MB photo takes about a second; done here, the editor stays
    usable while it runs. QImage is safe to build off the GUI thread.
    """
    copy = known if known is not None else operations.display_image(store, sha256)
    if width <= 0:
        return _Loaded(sha256, copy, None, width)
    image = QImage.fromData(copy[0])
    if image.isNull():
        raise OperationError(f"The image {sha256[:12]}… cannot be shown.")
    return _Loaded(sha256, copy, scaled_to(image, width), width)


class PhotoLibrary(QObject):
    """One window's photos: asks the store once per photo and keeps what it got.

    Words (alt, caption, credit) are cached as ImageAsset; only this library changes
    them (describe), so the cache cannot go stale within the window. Display copies are
    kept encoded (tens of kB each); the body keeps one copy scaled to its width.
    """

    image_ready = Signal(str)  # sha256: scaled_image() has it now
    image_failed = Signal(str)  # sha256: it cannot be shown (not in the store, unreadable)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._assets: dict[str, ImageAsset] = {}
        # Least recently used first; a long session must not keep every photo it showed.
        self._copies: OrderedDict[str, DisplayCopy] = OrderedDict()
        self._scaled: OrderedDict[str, QImage] = OrderedDict()
        self._scaled_width: dict[str, int] = {}
        self._asked: dict[str, int] = {}  # sha256 -> width asked of the worker
        self._replies: dict[str, list[CopyReply]] = {}
        self._failed: set[str] = set()
        self._reads = BackgroundReads(self)
        self._closed = False

    # Words ----------------------------------------------------------------------------

    def asset(self, sha256: str) -> ImageAsset | None:
        """A photo's facts and words, or None if the store does not hold it."""
        cached = self._assets.get(sha256)
        if cached is not None or sha256 in self._failed:
            return cached
        try:
            asset = operations.image(self._store, sha256)
        except OperationError:
            self._failed.add(sha256)
            return None
        self._assets[sha256] = asset
        return asset

    def add(self, data: bytes, name: str) -> ImageAsset:
        """Store a photo (OperationError with a readable message if it is unusable)."""
        asset = operations.add_image(self._store, data, name)
        self._assets[asset.sha256] = asset
        self._failed.discard(asset.sha256)
        return asset

    def describe(self, sha256: str, *, alt: str, caption: str, credit: str) -> ImageAsset:
        asset = operations.describe_image(
            self._store, sha256, alt=alt, caption=caption, credit=credit
        )
        self._assets[sha256] = asset
        return asset

    def photos(self) -> Photos:
        """How the preview page finds its photos: words from here, images by our scheme."""
        return Photos(lookup=self.asset, href=asset_href)

    # Images ---------------------------------------------------------------------------

    def scaled_image(self, sha256: str, width: int) -> QImage | None:
        """The photo scaled to at most `width`, if it is in memory at that width.

        Otherwise it is asked for (image_ready follows) and the nearest copy in memory,
        at another width, is returned meanwhile, or None.
        """
        image = self._scaled.get(sha256)
        if image is not None:
            self._scaled.move_to_end(sha256)
            if self._scaled_width.get(sha256) == width:
                return image
        self.request(sha256, width)
        return image

    def is_missing(self, sha256: str) -> bool:
        """Whether the photo was asked for and cannot be shown."""
        return sha256 in self._failed

    def request(self, sha256: str, width: int) -> None:
        """Load the photo at `width` (0: the display copy only) on the worker, once."""
        if self._closed or sha256 in self._failed or self._asked.get(sha256) == width:
            return
        self._asked[sha256] = width
        store, known = self._store, self._copies.get(sha256)
        self._reads.run(
            lambda: _load(store, sha256, width, known),
            self._loaded,
            lambda message: self._load_failed(sha256),
        )

    def fetch_copy(self, sha256: str, reply: CopyReply) -> None:
        """Hand the display copy to reply, at once if in memory, else when the worker has it."""
        if sha256 in self._copies:
            self._copies.move_to_end(sha256)
            reply(self._copies[sha256])
            return
        if sha256 in self._failed or self._closed:
            reply(None)
            return
        self._replies.setdefault(sha256, []).append(reply)
        if sha256 not in self._asked:
            self.request(sha256, 0)  # the copy alone, for the preview

    def _loaded(self, loaded: _Loaded) -> None:
        sha = loaded.sha256
        _keep(self._copies, sha, loaded.copy, COPIES_LIMIT)
        for reply in self._replies.pop(sha, []):
            reply(loaded.copy)
        if self._asked.get(sha) != loaded.width:
            return  # a newer width was asked for meanwhile; its answer follows
        del self._asked[sha]
        if loaded.image is None:
            return
        for dropped in _keep(self._scaled, sha, loaded.image, SCALED_LIMIT):
            self._scaled_width.pop(dropped, None)
        self._scaled_width[sha] = loaded.width
        self.image_ready.emit(sha)

    def _load_failed(self, sha256: str) -> None:
        self._failed.add(sha256)
        self._asked.pop(sha256, None)
        for reply in self._replies.pop(sha256, []):
            reply(None)
        self.image_failed.emit(sha256)

    def shutdown(self) -> None:
        """Finish the worker's reads before the store closes; nothing is asked after this."""
        self._closed = True
        self._reads.wait()
        for replies in self._replies.values():
            for reply in replies:
                reply(None)
        self._replies.clear()


def _keep(cache: OrderedDict[str, T], key: str, value: T, limit: int) -> list[str]:
    """Put value last (most recent) and drop the oldest beyond limit; the keys dropped."""
    cache[key] = value
    cache.move_to_end(key)
    dropped = []
    while len(cache) > limit:
        dropped.append(cache.popitem(last=False)[0])
    return dropped
