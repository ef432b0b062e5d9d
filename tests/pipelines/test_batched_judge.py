"""The per-file stage runs phase by phase over small batches (JudgeFiles, filestage.process_files): the
outputs must be exactly those of one file at a time, batch edges and the bundle's end included, and an
error in one file of a batch drops that file alone."""

from __future__ import annotations

import pickle

from apache_beam.pvalue import TaggedOutput
from apache_beam.utils.windowed_value import WindowedValue

from repoloom.core.types import Drop, SourceFile
from repoloom.pipelines import filestage
from repoloom.pipelines.build import JudgeFiles
from repoloom.pipelines.config import gate_config, load_config
from repoloom.pipelines.kept_file import KeptFile


def _files(real_texts) -> list[SourceFile]:
    files = [SourceFile("repo", f"pkg/m{i}.py", t.encode()) for i, t in enumerate(real_texts[:14])]
    files.insert(3, SourceFile("repo", "pkg/empty.py", b""))  # dropped by the gate (empty)
    files.insert(9, SourceFile("repo", "pkg/binary.py", b"\x00\x01\x02" * 50))  # dropped by the gate
    files.insert(11, SourceFile("repo", "pkg/again.py", real_texts[0].encode()))  # a kept file twice
    for i, f in enumerate(files):
        f.origin = f"unit\0dir\0{i}"
    return files


def _unwrap(out):
    """An output as DoFn.process yields it (finish_bundle's carry their window)."""
    if isinstance(out, TaggedOutput):
        return TaggedOutput(out.tag, _unwrap(out.value))
    return out.value if isinstance(out, WindowedValue) else out


def _key(out) -> bytes:
    out = _unwrap(out)
    return pickle.dumps((out.tag, out.value) if isinstance(out, TaggedOutput) else (None, out))


def _bundle(judge: JudgeFiles, files: list[SourceFile]) -> list:
    judge.start_bundle()
    outs = [o for f in files for o in judge.process(f)]
    return outs + list(judge.finish_bundle())


def test_batches_give_the_outputs_of_one_file_at_a_time(tokenizer_bytes, real_texts):
    cfg = load_config()
    files = _files(real_texts)
    judge = JudgeFiles(cfg, tokenizer_bytes)
    judge.setup()
    one_by_one = [_key(o) for f in files for o in judge.judge([f])]
    judge.BATCH_FILES = 4  # batch edges inside the bundle, and a remainder for finish_bundle
    batched = _bundle(judge, files)
    assert any(isinstance(o, WindowedValue) for o in batched)  # finish_bundle emitted the remainder
    assert sorted(_key(o) for o in batched) == sorted(one_by_one)
    kinds = [_unwrap(o) for o in batched]
    assert sum(isinstance(o, KeptFile) for o in kinds) == len(files) - 2
    assert {o.value.reason for o in kinds if isinstance(o, TaggedOutput)} == {"empty", "binary"}
    judge.BATCH_FILES, judge.BATCH_BYTES = 1000, len(files[0].data)  # the byte bound closes batches too
    judge.start_bundle()
    assert list(judge.process(files[1])) == []
    assert len(list(judge.process(files[0]))) == 2


def test_an_error_in_one_file_drops_only_that_file(tokenizer_bytes, real_texts, monkeypatch):
    cfg = load_config()
    files = _files(real_texts)
    real = filestage.file_facts

    def facts(repo, path, *a, **k):
        if path == "pkg/m5.py":
            raise RecursionError("too deep")
        return real(repo, path, *a, **k)

    monkeypatch.setattr(filestage, "file_facts", facts)
    out = filestage.process_files(files, gate_config(cfg))
    assert len(out) == len(files)
    errors = [o for o in out if isinstance(o, Drop) and o.reason == "error"]
    assert [(e.path, e.detail) for e in errors] == [("pkg/m5.py", "RecursionError: too deep")]
    assert sum(not isinstance(o, Drop) for o in out) == len(files) - 3
    judge = JudgeFiles(cfg, tokenizer_bytes)
    judge.setup()
    judge.BATCH_FILES = 5
    outs = [_unwrap(o) for o in _bundle(judge, files)]
    assert sum(isinstance(o, KeptFile) for o in outs) == len(files) - 3
    assert [o.value.path for o in outs if isinstance(o, TaggedOutput) and o.value.reason == "error"] == ["pkg/m5.py"]
