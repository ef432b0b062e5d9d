"""Hash-seeded randomness: every random choice is a pure function of (seed, key...).

Never use global random state or element order: the same inputs must give the
same output on any runner with any number of workers.
"""

from __future__ import annotations

import hashlib
import random


def stable_hash(*parts: object) -> int:
    """64-bit hash of the parts' string forms, stable across processes and platforms."""
    h = hashlib.blake2b(digest_size=8)
    for p in parts:
        b = p if isinstance(p, bytes) else str(p).encode("utf-8", "surrogatepass")
        h.update(len(b).to_bytes(4, "little"))
        h.update(b)
    return int.from_bytes(h.digest(), "little")


def uniform(*parts: object) -> float:
    """A float in [0, 1) determined by the parts."""
    return stable_hash(*parts) / 2.0**64


def rng(*parts: object) -> random.Random:
    """A private random.Random seeded from the parts (Mersenne Twister is platform-independent)."""
    return random.Random(stable_hash(*parts))
