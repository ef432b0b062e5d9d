"""The build encodes a kept file before its parse and leaves out the FIM candidate nodes of a file whose pieces
will not read them (one piece that stays whole or gets a plain random span): the outputs are exactly those of
working the nodes out for every file, for one-piece and many-piece files, both FIM levels, and a file whose
encoding fails."""

from __future__ import annotations

import pickle

import pytest

from repoloom.core.types import SourceFile
from repoloom.fim import pieces as fim_pieces
from repoloom.fim import split
from repoloom.fim.split import FimConfig
from repoloom.pipelines import build, filestage
from repoloom.pipelines.build import JudgeFiles
from repoloom.pipelines.config import load_config
from repoloom.syntax.parse import file_facts


def _files(real_texts) -> list[SourceFile]:
    files = [SourceFile("repo", f"pkg/m{i}.py", t.encode()) for i, t in enumerate(real_texts[:40])]
    files.append(SourceFile("repo", "pkg/tiny.py", b"x"))  # one character: never FIM'd
    return files


def _outputs(cfg, tokenizer_bytes, files) -> list[bytes]:
    judge = JudgeFiles(cfg, tokenizer_bytes)
    judge.setup()
    return [pickle.dumps(o) for i in range(0, len(files), 8) for o in judge.judge(files[i : i + 8])]


@pytest.mark.parametrize("seq_len,level", [(8192, "document"), (512, "document"), (512, "context")])
def test_leaving_unread_nodes_out_changes_no_output(tokenizer_bytes, real_texts, monkeypatch, seq_len, level):
    cfg = load_config(overrides={"seq_len": seq_len, "fim": {"level": level}})
    files = _files(real_texts)
    skipped = []
    real = filestage.file_facts

    def counted(repo, path, text, language, meta=None, with_fim_nodes=True):
        if not with_fim_nodes:
            skipped.append(path)
        return real(repo, path, text, language, meta, with_fim_nodes)

    monkeypatch.setattr(filestage, "file_facts", counted)
    got = _outputs(cfg, tokenizer_bytes, files)
    monkeypatch.setattr(build, "reads_nodes", lambda *a: True)  # every file's nodes worked out, as before
    want = _outputs(cfg, tokenizer_bytes, files)
    assert got == want
    if level == "context":
        assert len(skipped) == len(files)
    elif seq_len == 8192:
        assert 3 <= len(skipped) < len(files) // 2  # about a fifth stays whole, a tenth of the rest gets random
    else:
        assert "pkg/tiny.py" in skipped  # most files are many pieces here: their nodes are worked out


def test_a_file_whose_encoding_fails_is_dropped_as_before(tokenizer_bytes, real_texts, monkeypatch):
    cfg = load_config()
    files = _files(real_texts)[:6]
    bad = files[2].data.decode()
    real = fim_pieces.encode_ids

    def failing(tok, text):
        if text == bad:
            raise MemoryError("no room")
        return real(tok, text)

    monkeypatch.setattr(fim_pieces, "encode_ids", failing)
    monkeypatch.setattr(build, "encode_ids", failing)
    got = _outputs(cfg, tokenizer_bytes, files)
    monkeypatch.setattr(build, "reads_nodes", lambda *a: True)
    monkeypatch.setattr(build, "encode_ids", lambda tok, text: None)  # nothing worked out before the parse
    want = _outputs(cfg, tokenizer_bytes, files)
    assert got == want
    assert sum(b"MemoryError: no room" in o for o in got) == 1


def test_reads_nodes_is_false_only_where_choose_ignores_the_nodes(real_texts):
    fim = FimConfig()
    text = real_texts[0]
    nodes = file_facts("repo", "pkg/m0.py", text, "python").fim_nodes
    assert nodes
    seen = {True: 0, False: 0}
    for i in range(400):
        path = f"pkg/module_{i}.py"
        for piece, body, its_nodes in (
            (0, text, nodes),
            (1, text[:5000], split.piece_nodes(nodes, 0, 5000)),
            (2, "x", []),
        ):
            reads = split.reads_nodes(fim, 7, "repo", path, piece, len(body))
            seen[reads] += 1
            with_nodes = split.choose(body, its_nodes, fim, 7, "repo", path, piece)
            without = split.choose(body, [], fim, 7, "repo", path, piece)
            if not reads:
                assert with_nodes == without
            elif with_nodes is not None:
                assert with_nodes.method in ("node", "span", "line")
    assert seen[True] > 300 and seen[False] > 300
