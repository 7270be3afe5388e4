"""Small timing helpers shared by the benchmarks: percentiles and a timer."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence


def percentile(samples: Sequence[float], fraction: float) -> float:
    """The value below which `fraction` of the samples fall (nearest rank)."""
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return ordered[index]


def timed_ms(action: Callable[[], object]) -> float:
    """Milliseconds one call of `action` takes."""
    began = time.perf_counter()
    action()
    return (time.perf_counter() - began) * 1000


def describe(samples: Sequence[float]) -> str:
    """p50 / p95 / max in milliseconds."""
    return (
        f"p50 {statistics.median(samples):6.1f} ms  p95 {percentile(samples, 0.95):6.1f} ms  "
        f"max {max(samples):6.1f} ms  (n={len(samples)})"
    )
