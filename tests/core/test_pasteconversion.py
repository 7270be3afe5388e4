"""Big pastes converted in a child process: the same Blocks, in order, in batches; cancellable."""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Callable

import pytest

from deskeditor.core.markdownblocks import Block
from deskeditor.core.pasteconversion import (
    BATCH_BLOCKS,
    BATCHES_AHEAD,
    PasteConversion,
    pasted_block_batches,
    pasted_blocks,
)

SECTION = (
    "<h2 style='font-family:Arial'>소제목 {n}</h2>"
    "<p><span style='font-weight:bold'>굵게</span> 본문 {n} <a href='https://e.com/{n}'>링크</a></p>"
    "<ul><li>하나<ul><li>둘 <i>기울임</i></li></ul></li><li>셋</li></ul>"
    "<blockquote><p>인용 {n}</p></blockquote><script>track({n})</script>"
)


def page(sections: int) -> str:
    return "<html><body>" + "".join(SECTION.format(n=n) for n in range(sections)) + "</body></html>"


class Receiver:
    """Collects what a conversion hands over, as the window's side would."""

    def __init__(self, use_batches: bool = True) -> None:
        self.batches: list[list[Block]] = []
        self.ends: list[bool] = []
        self.ended = threading.Event()
        self.use_batches = use_batches
        self.conversion: PasteConversion | None = None

    def on_batch(self, blocks: list[Block]) -> None:
        self.batches.append(blocks)
        if self.use_batches and self.conversion is not None:
            self.conversion.batch_used()

    def on_end(self, ok: bool) -> None:
        self.ends.append(ok)
        self.ended.set()

    def start(self, html: str) -> PasteConversion:
        self.conversion = PasteConversion(html, self.on_batch, self.on_end)
        self.conversion.start()
        return self.conversion


def converter_running() -> bool:
    return any(p.name == "paste-converter" for p in multiprocessing.active_children())


def wait_for(condition: Callable[[], bool], seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_batches_from_the_child_are_the_blocks_read_here() -> None:
    html = page(150)  # several batches' worth
    expected = pasted_blocks(html)
    assert len(expected) > 2 * BATCH_BLOCKS
    receiver = Receiver()
    receiver.start(html)
    assert receiver.ended.wait(120)
    assert receiver.ends == [True]
    assert all(0 < len(batch) <= BATCH_BLOCKS for batch in receiver.batches)
    assert [block for batch in receiver.batches for block in batch] == expected
    wait_for(lambda: not converter_running())


def test_reading_in_batches_gives_the_same_blocks() -> None:
    html = page(40)
    for size in (1, 7, BATCH_BLOCKS):
        batches = list(pasted_block_batches(html, size))
        assert all(len(batch) <= size for batch in batches)
        assert [block for batch in batches for block in batch] == pasted_blocks(html)


def test_batches_wait_in_the_child_until_the_receiver_has_room() -> None:
    receiver = Receiver(use_batches=False)
    conversion = receiver.start(page(150))
    wait_for(lambda: len(receiver.batches) == BATCHES_AHEAD)
    assert not receiver.ended.is_set()  # the rest, and the end, are held back
    for _ in range(100):
        conversion.batch_used()
    assert receiver.ended.wait(120)
    assert receiver.ends == [True]
    assert sum(map(len, receiver.batches)) == len(pasted_blocks(page(150)))


def test_cancel_stops_the_child_and_says_nothing_more() -> None:
    receiver = Receiver(use_batches=False)
    conversion = receiver.start(page(150))
    wait_for(lambda: len(receiver.batches) == BATCHES_AHEAD)
    conversion.cancel()
    wait_for(lambda: not converter_running())
    wait_for(lambda: not any(t.name == "paste-cleaner" for t in threading.enumerate()))
    assert len(receiver.batches) == BATCHES_AHEAD
    assert receiver.ends == []


@pytest.mark.parametrize("html", ["", "<p></p>", "plain words, no tags"])
def test_small_and_odd_input_ends_well(html: str) -> None:
    receiver = Receiver()
    receiver.start(html)
    assert receiver.ended.wait(120)
    assert receiver.ends == [True]
    assert [block for batch in receiver.batches for block in batch] == pasted_blocks(html)
