"""A large directory repository is read in slices so that several workers share it: the slices together
yield exactly what reading it whole yields (files, drops, origins), on local disk and on a remote
filesystem, and a build with slices writes the same bytes as one without."""

from __future__ import annotations

import os

import pytest

from repoloom.core.types import Drop
from repoloom.pipelines import sources
from repoloom.pipelines.dask_runner import PLAIN, _concat, _deal
from repoloom.pipelines.sources import Unit, read_unit, slice_unit
from tests.conftest import EXAMPLES
from tests.pipelines import memfs
from tests.pipelines.helpers import build, file_digest


def _repo(root) -> None:
    """Real-shaped content with every kind of entry a walk meets: files, a drop, a symlink, nested folders."""
    for i in range(23):
        sub = root / ("pkg" if i % 3 else "pkg/sub") / f"mod_{i}.py"
        sub.parent.mkdir(parents=True, exist_ok=True)
        sub.write_text(f"def f{i}(x):\n    return x + {i}\n" * (i + 1))
    (root / "LICENSE").write_text("MIT License\n\nPermission is hereby granted, free of charge\n")
    (root / "big.bin").write_bytes(b"\0" * 5000)  # over the size cap: a drop
    os.symlink("/etc/passwd", root / "pkg" / "link.py")


def _key(x):
    if isinstance(x, Drop):
        return ("drop", x.repo, x.path, x.reason, x.detail, x.size)
    return ("file", x.repo, x.path, x.data, x.origin, tuple(sorted(x.meta.items())))


def test_slices_read_exactly_what_the_whole_walk_reads(tmp_path, monkeypatch):
    _repo(tmp_path / "proj")
    whole = Unit("repo", str(tmp_path / "proj"), "proj")
    monkeypatch.setattr(sources, "SLICE_BYTES", 1500)
    units = slice_unit(whole)
    assert len(units) > 4 and [u[3:] for u in units] == [(i, len(units)) for i in range(len(units))]
    parts = [sorted(map(_key, read_unit(Unit(*u), 3000))) for u in units]
    assert all(parts)  # every slice has work
    joined = sorted(k for p in parts for k in p)
    assert joined == sorted(map(_key, read_unit(whole, 3000)))  # same files, drops and origins, none twice
    assert any(k[0] == "drop" for k in joined) and any(k[0] == "file" and k[5] for k in joined)  # licence on all


def test_what_is_not_sliced(tmp_path, monkeypatch):
    monkeypatch.setattr(sources, "SLICE_BYTES", 400)
    (tmp_path / "small").mkdir()
    (tmp_path / "small" / "a.py").write_text("x = 1\n")
    assert slice_unit(Unit("repo", str(tmp_path / "small"), "small")) == [
        ("repo", str(tmp_path / "small"), "small", 0, 1)
    ]
    gone = Unit("repo", str(tmp_path / "gone"), "gone")
    assert slice_unit(gone) == [tuple(gone)]  # reading it whole reports the missing directory
    arc = Unit("archive", str(tmp_path / "x.tar.gz"), "x")
    assert slice_unit(arc) == [tuple(arc)]
    monkeypatch.setattr(sources, "SLICE_BYTES", 1)
    _repo(tmp_path / "huge")
    assert len(slice_unit(Unit("repo", str(tmp_path / "huge"), "huge"))) == sources.MAX_SLICES


def test_remote_slices_read_exactly_what_the_whole_walk_reads(monkeypatch):
    memfs.STORE.clear()
    for i in range(17):
        memfs.STORE[f"memfs://bucket/proj/src/m{i}.go"] = f"package src\n\nfunc F{i}() int {{ return {i} }}\n".encode()
    memfs.STORE["memfs://bucket/proj/LICENSE"] = b"Apache License\nVersion 2.0, January 2004\n"
    whole = Unit("repo", "memfs://bucket/proj", "proj")
    monkeypatch.setattr(sources, "SLICE_BYTES", 200)
    units = slice_unit(whole)
    assert len(units) > 3
    joined = sorted(_key(x) for u in units for x in read_unit(Unit(*u), 10_000))
    assert joined == sorted(map(_key, read_unit(whole, 10_000)))
    assert sum(k[0] == "file" for k in joined) == 18


def test_a_build_in_slices_writes_the_same_bytes(tmp_path, monkeypatch):
    common = ["--seq-len", 512, "--set", "tokenizer.vocab_size=2000"]
    assert build([EXAMPLES], tmp_path / "whole", *common) == 0
    monkeypatch.setattr(sources, "SLICE_BYTES", 2000)  # every example repository in several slices
    assert len(slice_unit(Unit("repo", os.path.join(EXAMPLES, "pyledger"), "pyledger"))) > 1
    assert build([EXAMPLES], tmp_path / "sliced", *common) == 0
    whole, sliced = file_digest(tmp_path / "whole"), file_digest(tmp_path / "sliced")
    whole.pop("run.json"), sliced.pop("run.json")
    assert whole == sliced


@pytest.mark.parametrize("n_in", [1, 3])
def test_dask_reshuffle_deals_elements_over_partitions(n_in):
    """The Dask runner's Reshuffle: each input partition deals round-robin, one further along per input, so
    one partition of 4 large elements ends up on 4 partitions; nothing is lost or duplicated."""
    inputs = [[f"u{i}-{k}" for k in range(4)] for i in range(n_in)]
    dealt = [_deal(part, PLAIN, 4, i) for i, part in enumerate(inputs)]
    outs = [_concat(*(d[j] for d in dealt)) for j in range(4)]
    assert sorted(x for o in outs for x in o) == sorted(x for p in inputs for x in p)
    assert all(len(o) == n_in for o in outs)
    assert [o[0] for o in outs] == ["u0-0", "u0-1", "u0-2", "u0-3"]
