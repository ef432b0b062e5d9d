"""Freed memory goes back to the system (glibc only; elsewhere a no-op).

The local runner holds each pending shuffle in memory and frees it once read: its data
arrives in chunks of about 10 MB (Beam's data plane flushes past 10 MB). glibc's default
raises its mmap threshold after each large free (up to 32 MiB), so later chunks come from
the heap, whose freed space is seldom returned: the process keeps the high-water mark of
every stage at once. A fixed threshold of 4 MiB keeps those chunks mmapped, so freeing
them returns them, and a trim threshold of the same size returns the heap's free top.
Not lower: every buffer above the threshold is a fresh mmap whose pages fault in again,
and the per-file work makes many of 0.1-4 MB (texts, token lists, numpy temporaries);
at glibc's initial 128 KiB the build took four times the page faults and 10-20% more
CPU in the per-file stage. Dask recommends the same for its workers (MALLOC_TRIM_THRESHOLD_); set here because
the build's process is already running.
"""

from __future__ import annotations

import ctypes
import ctypes.util

M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # glibc malloc.h
THRESHOLD = 4 * 1024 * 1024

_done = False


def return_freed_memory() -> bool:
    """Fix glibc's mmap and trim thresholds once per process; False where there is no glibc."""
    global _done
    if _done:
        return True
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    _done = bool(mallopt(M_MMAP_THRESHOLD, THRESHOLD)) and bool(mallopt(M_TRIM_THRESHOLD, THRESHOLD))
    return _done
