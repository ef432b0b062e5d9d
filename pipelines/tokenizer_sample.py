"""A deterministic sample of kept, redacted file texts for tokenizer training.

The sample needs only the texts the build would keep, so it runs the gate and
the redaction (filestage.judged_text) and never parses: the parse and its
facts serve the job, not the tokenizer.
"""

from __future__ import annotations

import posixpath

from repoloom.core.rand import stable_hash
from repoloom.core.tokenizer import TokenizerConfig
from repoloom.filters.gate import GateConfig
from repoloom.pipelines.filestage import judged_text
from repoloom.pipelines.sources import Unit, read_unit


def sample_texts(units: list[Unit], t: TokenizerConfig, gate: GateConfig, seed: int) -> list[str]:
    """Kept, redacted texts of files drawn in a seeded order of units, up to the section's byte and file limits."""
    limit_bytes, limit_files = t.sample_bytes, t.sample_files
    texts, total, first_error = [], 0, None
    # keyed by names, not locations: the same corpus in another directory samples the same files
    for unit in sorted(
        units, key=lambda u: (stable_hash(seed, "sample", u.kind, u.name, posixpath.basename(u.path)), u.path)
    ):
        for f in read_unit(unit, gate.max_file_bytes):
            if not hasattr(f, "data"):
                continue
            try:
                _, text = judged_text(f, gate)
            except Exception as e:  # noqa: BLE001 - the job accounts for it; the sample just skips it
                first_error = first_error or e
                continue
            if text is not None:
                texts.append(text)
                total += len(text)
                if total >= limit_bytes or len(texts) >= limit_files:
                    return texts
    if not texts and first_error is not None:  # a broken set-up, not bad files: say what it is
        raise RuntimeError(f"the gate fails on every file: {type(first_error).__name__}: {first_error}")
    return texts
