"""`repoloom graph REPO --json / --dot` on a small on-disk repository with bad inputs mixed in."""

from __future__ import annotations

import json
import os

from repoloom.pipelines import cli
from repoloom.pipelines.cmd_graph import piece_lengths


def write(root, files: dict[str, bytes | str]):
    for rel, data in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data if isinstance(data, bytes) else data.encode())


def make_repo(tmp_path):
    repo = tmp_path / "demo"
    write(
        repo,
        {
            "pkg/__init__.py": "from pkg.api import serve\n",
            "pkg/api.py": "from pkg import models\nfrom pkg.util import helper\n\ndef serve():\n    return helper(models.User())\n",
            "pkg/models.py": "class User:\n    pass\n",
            "pkg/util.py": "def helper(x):\n    from pkg import api  # cycle api <-> util\n    return x\n",
            "pkg/broken.py": "def oops(:\n    import pkg.models\n",
            "web/tsconfig.json": '{"compilerOptions": {"baseUrl": "src"}}',
            "web/src/main.ts": "import { h } from 'lib/h';\nimport x from '../../../../../etc/x';\n",
            "web/src/lib/h.ts": "export const h = 1;\n",
            "logo.png": b"\x89PNG\r\n\x1a\n\x00\x00\x00binary",
            ".git/config": "[core]\n",
        },
    )
    os.symlink("/etc/hostname", repo / "outside_link.txt")
    return repo


def test_graph_json(tmp_path, capsys):
    repo = make_repo(tmp_path)
    assert cli.main(["graph", str(repo), "--json", "--set", "seq_len=64"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["repo"] == "demo"
    assert "logo.png" not in out["files"] and not any(p.startswith(".git/") for p in out["files"])
    assert "outside_link.txt" not in out["files"]
    assert {"pkg/api.py", "pkg/broken.py", "web/src/main.ts", "web/tsconfig.json"} <= set(out["files"])
    edges = {tuple(e) for e in out["edges"]}
    assert ("pkg/api.py", "pkg/models.py") in edges and ("web/src/main.ts", "web/src/lib/h.ts") in edges
    assert ("pkg/broken.py", "pkg/models.py") in edges  # a syntax error does not hide the import
    assert ("pkg/util.py", "pkg/api.py") in edges and ("pkg/api.py", "pkg/util.py") in edges
    removed = {tuple(e) for e in out["removed_edges"]}
    assert len(removed & {("pkg/util.py", "pkg/api.py"), ("pkg/api.py", "pkg/util.py")}) == 1
    order = out["order"]
    assert sorted(order) == sorted(out["files"])
    pos = {p: i for i, p in enumerate(order)}
    assert all(pos[v] < pos[u] for u, v in edges - removed)
    assert sum(len(s) for s in out["segments"]) >= len(order) and len(out["segments"]) > 1
    assert [p for s in out["segments"] for p in s if p in pos] == [
        p for p in order for _ in range(sum(p in s for s in out["segments"]))
    ]
    assert "tests" in out and out["stats"]["graph.cycles_broken"] == 1


def test_graph_dot(tmp_path, capsys):
    repo = make_repo(tmp_path)
    assert cli.main(["graph", str(repo), "--dot"]) == 0
    dot = capsys.readouterr().out
    assert dot.startswith('digraph "demo" {') and '"pkg/api.py" -> "pkg/models.py";' in dot
    assert "style=dashed" in dot  # the removed cycle edge
    assert cli.main(["graph", str(tmp_path / "nope"), "--json"]) == 2


def test_piece_lengths_approximation():
    lens = piece_lengths("a.py", "x" * 300, 8192)
    assert lens == [2 + 100]  # ceil(5/3) header + 300/3 body
    lens = piece_lengths("a.py", "x" * 3000, 256)
    assert len(lens) > 1 and all(n <= 256 - 2 for n in lens)


def test_graph_with_tokenizer(tmp_path, capsys, tok, tokenizer_bytes):
    repo = make_repo(tmp_path)
    model = tmp_path / "tok.model"
    model.write_bytes(tokenizer_bytes)
    text = (repo / "pkg/api.py").read_text()
    lens = piece_lengths("pkg/api.py", text, 8192, tok)
    assert lens == [len(tok.encode("pkg/api.py\n")) + len(tok.encode(text))]
    assert cli.main(["graph", str(repo), "--json", "--tokenizer", str(model), "--set", "seq_len=64"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {p for s in out["segments"] for p in s} == set(out["order"]) and len(out["segments"]) > 1
