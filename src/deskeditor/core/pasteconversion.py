"""Clipboard HTML read into Blocks, for a big paste in a child process that never stalls this one.

Cleaning megabytes of HTML holds the interpreter lock in long stretches (lxml walking
the whole tree, regular expressions over the whole text, full garbage collections
over millions of objects), and a thread doing it freezes the window for as long: a
spawned process does not. Its Blocks come back in small batches, each unpickled in a
few milliseconds, so the window can start building the first while the rest arrive.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from deskeditor.core.htmlclean import clean_html
from deskeditor.core.htmlreader import HtmlReader, html_to_blocks
from deskeditor.core.markdownblocks import Block

BATCH_BLOCKS = 200  # blocks per message: a few milliseconds to unpickle
_SEND_CHARS = 256 * 1024  # HTML goes over in pieces: encoding 10 MB at once holds the GIL
_READ_CHARS = 64 * 1024  # cleaned HTML read a piece at a time, so the first blocks leave early
BATCHES_AHEAD = 3  # batches received but not yet used; the rest wait in the child
_DONE = "done"


def pasted_blocks(html: str) -> list[Block]:
    """Blocks for clipboard HTML: structure kept; fonts, colours, classes, trackers gone."""
    return html_to_blocks(_cleaned(html), images=False)


def pasted_block_batches(html: str, size: int = BATCH_BLOCKS) -> Iterator[list[Block]]:
    """pasted_blocks(html) in batches of at most size, the first out before all is read."""
    reader = HtmlReader(images=False)
    cleaned = _cleaned(html)
    sent = 0
    for start in range(0, len(cleaned), _READ_CHARS):
        reader.feed(cleaned[start : start + _READ_CHARS])  # HTMLParser reads in pieces
        while len(reader.blocks) - sent >= size:  # a block is complete once listed
            yield reader.blocks[sent : sent + size]
            sent += size
    reader.close()
    reader.finish()
    for start in range(sent, len(reader.blocks), size):
        yield reader.blocks[start : start + size]


def _cleaned(html: str) -> str:
    try:
        return clean_html(html)
    except ValueError:  # lxml refuses some input outright; the reader copes with anything
        return html


class PasteConversion:
    """One paste converted in a spawned process, its Blocks handed over in batches.

    on_batch(blocks) and on_end(ok) are called from a thread of this object's own; ok
    is False when the conversion failed (nothing more comes). At most BATCHES_AHEAD
    batches are handed over before the receiver calls batch_used(): the others stay
    in the child, so this process never holds (and garbage-collects) them all at once.
    After cancel() neither callback is called again and the child process is stopped.
    """

    def __init__(
        self,
        html: str,
        on_batch: Callable[[list[Block]], None],
        on_end: Callable[[bool], None],
    ) -> None:
        self._html = html
        self._on_batch = on_batch
        self._on_end = on_end
        self._lock = threading.Lock()
        self._cancelled = False
        self._process: BaseProcess | None = None
        self._room = threading.Semaphore(BATCHES_AHEAD)

    def start(self) -> None:
        threading.Thread(target=self._run, name="paste-cleaner", daemon=True).start()

    def batch_used(self) -> None:
        """The receiver is done with one batch: another may come."""
        self._room.release()

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            process = self._process
        self._room.release()  # a receiving thread waiting for room goes on, and ends
        if process is not None and process.is_alive():
            process.terminate()

    def _run(self) -> None:
        context = multiprocessing.get_context("spawn")  # a fork of a Qt process can deadlock
        receiver, sender = context.Pipe(duplex=True)
        process = context.Process(
            target=_convert_in_child, args=(sender,), name="paste-converter", daemon=True
        )
        try:
            with self._lock:
                if self._cancelled:
                    return
                process.start()
                self._process = process
        except Exception:  # no process to be had (resources, a child itself): convert here
            self._convert_here()
            return
        finally:
            sender.close()
        try:
            self._receive(receiver)
        finally:
            receiver.close()
            process.join(timeout=5)
            if process.is_alive():
                process.terminate()

    def _receive(self, receiver: Connection) -> None:
        ok = False
        try:
            html, self._html = self._html, ""
            for start in range(0, len(html), _SEND_CHARS):
                # Lone surrogates can come from the clipboard; they go through as they are.
                receiver.send_bytes(
                    html[start : start + _SEND_CHARS].encode("utf-8", "surrogatepass")
                )
            receiver.send_bytes(b"")
            del html  # not kept while the blocks come back
            while True:
                self._room.acquire()
                if self._cancelled:
                    return
                message = receiver.recv()
                if self._cancelled:
                    return
                if message == _DONE:
                    ok = True
                    break
                if not isinstance(message, list):
                    break  # the child's report of a failure
                self._on_batch(message)
        except (EOFError, OSError):  # the child died, or was stopped by cancel()
            pass
        if not self._cancelled:
            self._on_end(ok)

    def _convert_here(self) -> None:
        try:
            blocks = pasted_blocks(self._html)
        except Exception:  # any failure: the caller falls back to plain text
            blocks = None
        if self._cancelled:
            return
        if blocks:
            self._on_batch(blocks)
        self._on_end(blocks is not None)


def _convert_in_child(connection: Connection) -> None:
    """The child process: HTML in, batches of Blocks out, then "done" (or a failure's name)."""
    try:
        pieces = list(iter(connection.recv_bytes, b""))
        html = b"".join(pieces).decode("utf-8", "surrogatepass")
        for batch in pasted_block_batches(html):
            connection.send(batch)
        connection.send(_DONE)
    except (EOFError, OSError):
        pass  # the window went away
    except Exception as error:  # told to the window, which falls back to plain text
        with contextlib.suppress(OSError):
            connection.send(type(error).__name__)
    finally:
        connection.close()
