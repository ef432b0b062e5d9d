"""What a rerun of an interrupted (or repeated) build reuses: the trained tokenizer.

Training the tokenizer is the one long step before the job; its model is cached in the staging
folder's cache, keyed by a hash of everything it depends on (the input files' names, sizes and
modification times, the configuration and seed, the version). A rerun with the same key loads it
instead of training again; the finished output's ``run.json`` records the key too, so a rebuild
with ``--overwrite`` and unchanged inputs reuses the previous output's tokenizer.
"""

from __future__ import annotations

import hashlib
import json

from apache_beam.io.filesystems import FileSystems

from repoloom import __version__
from repoloom.pipelines import sink

# sections that cannot change the tokenizer's training sample
_NOT_IN_SAMPLE = ("output", "packing", "seq_len")


def _input_fingerprint(units) -> list:
    out = []
    for unit in sorted(units, key=lambda u: tuple(u)):
        files = FileSystems.match([unit.path, unit.path.rstrip("/") + "/**"])
        meta = sorted((m.path, m.size_in_bytes, m.last_updated_in_seconds) for r in files for m in r.metadata_list)
        out.append([list(unit), hashlib.sha256(json.dumps(meta).encode()).hexdigest()])
    return out


def tokenizer_key(units, cfg: dict) -> str:
    relevant = {k: v for k, v in cfg.items() if k not in _NOT_IN_SAMPLE}
    blob = json.dumps({"version": __version__, "config": relevant, "inputs": _input_fingerprint(units)}, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:32]


def _cached_model(directory: str, key: str) -> bytes | None:
    try:
        if json.loads(sink.read_bytes(sink.join(directory, "tokenizer.key.json"))).get("key") != key:
            return None
        return sink.read_bytes(sink.join(directory, "tokenizer.model"))
    except Exception:  # noqa: BLE001 - no cache, or a broken one: train again
        return None


def cached_tokenizer(cache_dir: str, previous_output: str, key: str) -> bytes | None:
    """The model trained before with this key: from an interrupted run's cache, or the previous output."""
    data = _cached_model(cache_dir, key)
    if data is None:
        try:
            run = json.loads(sink.read_bytes(sink.join(previous_output, "run.json")))
            if run.get("tokenizer_key") == key:
                data = sink.read_bytes(sink.join(previous_output, "tokenizer.model"))
        except Exception:  # noqa: BLE001 - no previous output
            data = None
    return data


def store_tokenizer(cache_dir: str, key: str, data: bytes) -> None:
    sink.write_bytes(sink.join(cache_dir, "tokenizer.model"), data)
    sink.write_json(sink.join(cache_dir, "tokenizer.key.json"), {"key": key})  # written last: the model is whole
