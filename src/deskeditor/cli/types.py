"""Shared shapes of the command line: exit codes and the command signature."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from deskeditor.core.store import Store

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_INTERRUPTED = 130

Command = Callable[[argparse.Namespace, Store], int]
"""A headless command: parsed arguments and an open store in, exit status out."""
