"""Freed memory goes back to the system (glibc only; elsewhere a no-op).

The local runner holds each pending shuffle in memory and frees it once read. glibc's
default raises its mmap threshold after each large free, so later large buffers come
from the heap, whose freed space is seldom returned: the process keeps the high-water
mark of every stage at once. A fixed threshold (glibc's own default, 128 KiB) keeps
large buffers mmapped, so freeing them returns them, and a trim threshold of the same
size returns the heap's free top. Dask recommends the same for its workers
(MALLOC_TRIM_THRESHOLD_); set here because the build's process is already running.
"""

from __future__ import annotations

import ctypes
import ctypes.util

M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # glibc malloc.h
THRESHOLD = 128 * 1024

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
