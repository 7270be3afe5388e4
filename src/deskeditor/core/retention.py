"""Which old automatic revisions to thin out, as a pure function of their times."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from deskeditor.core.models import RevisionId, RevisionKind

KEEP_ALL_FOR = timedelta(days=1)
HOURLY_FOR = timedelta(days=30)


@dataclass(frozen=True, slots=True)
class RevisionStamp:
    """What the policy needs to know of a revision."""

    id: RevisionId
    created_at: datetime
    kind: RevisionKind


def _bucket(age: timedelta, created_at: datetime) -> tuple[str, str] | None:
    if age < KEEP_ALL_FOR:
        return None  # keep everything from the last day
    if age < HOURLY_FOR:
        return ("hour", created_at.strftime("%Y-%m-%dT%H"))
    return ("day", created_at.strftime("%Y-%m-%d"))


def revisions_to_prune(revisions: Sequence[RevisionStamp], now: datetime) -> set[RevisionId]:
    """The automatic revisions a retention pass removes.

    Kept: every labelled, status and restore revision; the newest revision of all;
    every revision from the last day; the newest of each hour for a month; the
    newest of each day after that.
    """
    if not revisions:
        return set()
    newest = max(revisions, key=lambda stamp: (stamp.created_at, stamp.id))
    seen: set[tuple[str, str]] = set()
    prune: set[RevisionId] = set()
    for stamp in sorted(revisions, key=lambda s: (s.created_at, s.id), reverse=True):
        bucket = _bucket(now - stamp.created_at, stamp.created_at)
        if stamp.kind is not RevisionKind.AUTO or stamp is newest or bucket is None:
            if bucket is not None:
                seen.add(bucket)
            continue
        if bucket in seen:
            prune.add(stamp.id)
        else:
            seen.add(bucket)
    return prune
