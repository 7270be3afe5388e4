"""The schema revisions this version ships, known without importing Alembic.

Opening a store that is already current then costs no Alembic import (a third of a
second at start-up); tests/core/test_migrations.py keeps these in step with the scripts.
"""

from __future__ import annotations

KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004")
"""Every migration script's revision id, oldest first."""

HEAD_REVISION = KNOWN_REVISIONS[-1]
