"""End to end: examples/repos -> shards whose rows decode back to every kept file, in the DESIGN layout."""

import json
import os

import pytest

from repoloom.pipelines.config import DEFAULTS, gate_config
from repoloom.core.types import ParsedFile
from repoloom.pipelines.cmd_inspect import Dataset
from repoloom.pipelines.filestage import process_file
from repoloom.pipelines.sources import expand_inputs, read_unit
from tests.conftest import EXAMPLES
from tests.pipelines.helpers import build, piece_text

SEQ_LEN = 1024


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("build") / "out"
    assert build([EXAMPLES], out, "--seq-len", SEQ_LEN, "--set", "tokenizer.vocab_size=3000") == 0
    return out


def _expected_texts():
    """What the per-file stage keeps of each input file (redacted text), independent of the job."""
    cfg = {**DEFAULTS, "seq_len": SEQ_LEN}
    out = {}
    for unit in expand_inputs([EXAMPLES]):
        for f in read_unit(unit, cfg["max_file_bytes"]):
            if hasattr(f, "data"):
                r = process_file(f, gate_config(cfg))
                if isinstance(r, ParsedFile):
                    out[(f.repo, f.path)] = r.text
    return out


def test_dataset_json_and_accounting(built):
    info = json.loads((built / "dataset.json").read_text())
    for key in (
        "seq_len",
        "vocab_size",
        "special_tokens",
        "num_examples",
        "shards",
        "files_in",
        "files_kept",
        "dropped",
        "tokens",
        "padding_tokens",
        "config",
        "version",
    ):
        assert key in info
    assert info["seq_len"] == SEQ_LEN
    assert info["files_in"] == info["files_kept"] + sum(info["dropped"].values())
    assert info["files_kept"] > 20 and info["num_examples"] > 0
    assert (built / "tokenizer.model").exists()
    stats = json.loads((built / "stats.json").read_text())
    assert stats["graph.edges_kept"] > 10 and stats["graph.edges_dep_first"] == stats["graph.edges_kept"]
    report = (built / "report.md").read_text()
    dropped = sum(info["dropped"].values())
    assert f"files in: {info['files_in']}, kept: {info['files_kept']}, dropped: {dropped} " in report
    assert "(`files_in == kept + dropped`: True)" in report
    assert (built / "report-drops.svg").read_text().startswith("<svg")
    for name in info["shards"]:
        assert (built / name).exists() and name.startswith("train-") and name.endswith(".array_record")
    # every drop is listed by name with its file
    import pyarrow.parquet as pq

    listed = sum(pq.read_table(built / "drops" / f"{r}.parquet").num_rows for r in info["dropped"])
    assert listed == sum(info["dropped"].values())


def test_rows_decode_to_every_kept_file_in_layout(built):
    _check_rows_decode(built)


def test_giant_repositories_planned_in_groups_lose_nothing(tmp_path):
    out = tmp_path / "split"
    assert (
        build(
            [EXAMPLES],
            out,
            "--seq-len",
            SEQ_LEN,
            "--set",
            "tokenizer.vocab_size=3000",
            "--set",
            "graph.max_files_per_plan=3",
        )
        == 0
    )
    stats = json.loads((out / "stats.json").read_text())
    assert stats["plan.groups"] > stats["plan.repos"] == 5
    assert stats["graph.edges_dep_first"] == stats["graph.edges_kept"]
    _check_rows_decode(out)


def _check_rows_decode(built):
    ds = Dataset(str(built))
    sp = ds.tok.special_ids
    pieces: dict[tuple[str, str], dict[int, str]] = {}
    total = 0
    for e in range(ds.info["num_examples"]):
        row = ds.row(e)
        assert len(row["targets"]) == SEQ_LEN
        segs = ds.segments(row)
        for k, seg in enumerate(segs, start=1):
            assert seg[0] == sp["bos"] and seg[-1] == sp["eos"]
            positions = [p for p, s in zip(row["targets_positions"], row["targets_segment_ids"]) if s == k]
            assert positions == list(range(len(seg)))
        for x in ds.lineage(e):
            toks = row["targets"][x["token_start"] : x["token_end"]]
            pieces.setdefault((x["repo"], x["path"]), {})[x["piece"]] = piece_text(ds, toks, x["path"] + "\n")
            before = row["targets"][x["token_start"] - 1]
            assert before in (sp["bos"], sp["file_separator"]), "pieces follow <bos> or <|file_separator|>"
            total += 1
        assert sum(1 for s in row["targets_segment_ids"] if s == 0) == row["targets_segment_ids"].count(0)
    expected = _expected_texts()
    got = {k: "".join(v[i] for i in sorted(v)) for k, v in pieces.items()}
    info = ds.info
    assert len(got) == info["files_kept"]
    for key, text in got.items():
        assert text == expected[key], f"{key} does not decode back to its text"
    assert total >= len(got)


def _pieces(ds):
    """(lineage row, the piece's tokens, the FIM sentinels among them in order) for every piece of every row."""
    sp = ds.tok.special_ids
    sentinels = (sp["fim_prefix"], sp["fim_suffix"], sp["fim_middle"])
    for e in range(ds.info["num_examples"]):
        row = ds.row(e)
        for x in ds.lineage(e):
            toks = row["targets"][x["token_start"] : x["token_end"]]
            yield x, toks, [t for t in toks if t in sentinels]


def test_fim_rows_present_and_sentinel_order(built):
    ds = Dataset(str(built))
    sp = ds.tok.special_ids
    modes = set()
    for x, toks, fim in _pieces(ds):
        if x["fim_mode"] == "psm":
            assert fim == [sp["fim_prefix"], sp["fim_suffix"], sp["fim_middle"]]
        elif x["fim_mode"] == "spm":
            assert fim == [sp["fim_prefix"], sp["fim_suffix"], sp["fim_middle"]]
            assert toks[toks.index(sp["fim_prefix"]) + 1] == sp["fim_suffix"]
        else:
            assert fim == []
        modes.add(x["fim_mode"])
    assert {"psm", "spm", ""} <= modes


def test_secrets_and_emails_never_reach_rows(built):
    ds = Dataset(str(built))
    text = "".join(ds.render(ds.row(e)["targets"]) for e in range(ds.info["num_examples"]))
    raw = ""
    for root, _, files in os.walk(EXAMPLES):
        for f in files:
            with open(os.path.join(root, f), "rb") as fh:
                raw += fh.read().decode("utf-8", "replace")
    import re

    emails = {e for e in re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+", raw) if not e.endswith("example.com")}
    assert emails, "the examples hold e-mail addresses to redact"
    for e in emails:
        assert e not in text


def test_context_level_fim(tmp_path):
    out = tmp_path / "ctx"
    assert (
        build([EXAMPLES], out, "--seq-len", SEQ_LEN, "--set", "tokenizer.vocab_size=3000", "--set", "fim.level=context")
        == 0
    )
    ds = Dataset(str(out))
    sp = ds.tok.special_ids
    expected = _expected_texts()
    modes = set()
    for x, toks, fim in _pieces(ds):
        assert fim == ([sp["fim_prefix"], sp["fim_suffix"], sp["fim_middle"]] if x["fim_mode"] else [])
        text = piece_text(ds, toks, x["path"] + "\n")
        whole = expected[(x["repo"], x["path"])][x["char_start"] : x["char_end"]]
        assert whole.startswith(text), "context FIM only trims the end of a segment's last file"
        modes.add(x["fim_mode"])
    assert {"psm", "spm"} <= modes
    assert 0.5 < ds.info["summary"]["fim"]["fim_rate"] <= 1.0


def test_trained_tokenizer_does_not_depend_on_where_the_corpus_lies(tmp_path):
    import shutil

    for where in ("a", "b/deeper"):
        shutil.copytree(os.path.join(EXAMPLES, "pyledger"), tmp_path / where / "repos" / "pyledger")
        shutil.copytree(os.path.join(EXAMPLES, "gokv"), tmp_path / where / "repos" / "gokv")
    args = ("--seq-len", 512, "--set", "tokenizer.vocab_size=1500", "--set", "tokenizer.sample_bytes=3000")
    assert build([tmp_path / "a" / "repos"], tmp_path / "out-a", *args) == 0
    assert build([tmp_path / "b/deeper" / "repos"], tmp_path / "out-b", *args) == 0
    assert (tmp_path / "out-a" / "tokenizer.model").read_bytes() == (
        tmp_path / "out-b" / "tokenizer.model"
    ).read_bytes()
    assert (tmp_path / "out-a" / "train-00000-of-00001.array_record").read_bytes() == (
        tmp_path / "out-b" / "train-00000-of-00001.array_record"
    ).read_bytes()


def test_decoded_rows_follow_the_plan_tests_after_subjects(built):
    from repoloom.pipelines.config import load_config
    from repoloom.pipelines.cmd_graph import plan_directory

    cfg = load_config(overrides={"seq_len": SEQ_LEN})
    plans = {}
    for repo in os.listdir(EXAMPLES):
        if os.path.isdir(os.path.join(EXAMPLES, repo)):
            plans[repo] = plan_directory(os.path.join(EXAMPLES, repo), cfg)[1]
    ds = Dataset(str(built))
    checked = 0
    for e in range(ds.info["num_examples"]):
        by_segment: dict[int, list] = {}
        for x in ds.lineage(e):
            by_segment.setdefault(x["segment"], []).append(x)
        for pieces in by_segment.values():
            repo = pieces[0]["repo"]
            seq = [x["path"] for x in sorted(pieces, key=lambda x: x["token_start"])]
            rank = {p: i for i, p in enumerate(plans[repo].order)}
            assert [rank[p] for p in seq] == sorted(rank[p] for p in seq), "segments keep the planned order"
            where = {p: i for i, p in enumerate(seq)}
            for pair in plans[repo].tests:
                if pair["subject"] in where and pair["test"] in where:
                    assert where[pair["test"]] > where[pair["subject"]]
                    checked += 1
    assert checked >= 5, "several test/subject pairs share a segment in the demo repositories"


def test_injected_secrets_never_reach_a_decoded_row(tmp_path):
    """Every kind of fake secret and PII, injected into a real repository, is redacted before any row."""
    import shutil

    from tests.filters.secret_samples import SAMPLES, python_module

    repo = tmp_path / "repos" / "leaky"
    shutil.copytree(os.path.join(EXAMPLES, "pyledger"), repo)
    (repo / "pyledger" / "settings.py").write_text(python_module())
    with open(repo / "pyledger" / "ledger.py", "a") as f:  # and a few inside an ordinary module
        f.write("\n" + "\n".join(line for _, _, line in SAMPLES[::8]) + "\n")
    out = tmp_path / "out"
    assert (
        build(
            [tmp_path / "repos"],
            out,
            "--seq-len",
            SEQ_LEN,
            "--set",
            "tokenizer.vocab_size=2000",
            "--set",
            "fim.rate=0.5",
        )
        == 0
    )
    ds = Dataset(str(out))
    kept_paths = {x["path"] for e in range(ds.info["num_examples"]) for x in ds.lineage(e)}
    assert {"pyledger/settings.py", "pyledger/ledger.py"} <= kept_paths, "redacted, not dropped"
    rows = "".join(ds.render(ds.row(e)["targets"]) for e in range(ds.info["num_examples"]))
    # a secret cut apart by FIM sentinels (or reordered by SPM) is whole again in the file's rebuilt text
    files: dict = {}
    for x, toks, _ in _pieces(ds):
        files.setdefault((x["repo"], x["path"]), {})[x["piece"]] = piece_text(ds, toks, x["path"] + "\n")
    rebuilt = "\n".join("".join(parts[i] for i in sorted(parts)) for parts in files.values())
    for kind, secret, _ in SAMPLES:
        assert secret not in rows and secret not in rebuilt, kind
    tokenizer_pieces = {ds.tok.id_to_piece(i) for i in range(ds.tok.vocab_size)}
    assert not any(len(s) > 12 and s in p for p in tokenizer_pieces for _, s, _ in SAMPLES), (
        "the tokenizer learned no secret"
    )
    stats = json.loads((out / "stats.json").read_text())
    assert stats.get("pii.key", 0) >= 15 and stats.get("pii.password", 0) >= 3 and stats.get("pii.email", 0) >= 1


def test_cut_parts_of_a_shebang_script_count_under_its_language(tmp_path, tokenizer_bytes):
    """A script whose language only its shebang tells (bin/tool) is cut into parts by packing: the parts' FIM
    counters go to that language, as a .py file's would, so the per-language counts add up to the totals."""
    repo = tmp_path / "in" / "r1"
    (repo / "bin").mkdir(parents=True)
    body = "".join(f"def handler_{i}(x, y):\n    total = x * {i} + y\n    return total - {i}\n\n" for i in range(300))
    (repo / "bin" / "tool").write_text("#!/usr/bin/env python3\nimport sys\n\n" + body)
    (repo / "lib.py").write_text("def f():\n    return 1\n")
    model = tmp_path / "tok.model"
    model.write_bytes(tokenizer_bytes)
    assert build([tmp_path / "in"], tmp_path / "out", "--tokenizer", model, "--seq-len", 512) == 0
    stats = json.load(open(tmp_path / "out" / "stats.json"))
    counters = stats.get("counters", stats)
    assert counters["fim.pieces"] > counters["pieces"]  # the script was cut, and its parts counted
    assert counters["fim.lang.python.pieces"] == counters["fim.pieces"]
    assert counters["fim.lang.python.files"] == counters["fim.files"] == 2


def test_context_level_fim_counts_a_shebang_script_under_its_language(tmp_path, tokenizer_bytes):
    """At context level FIM runs on packed rows, where a file is known by its path header: a script whose
    language only its shebang tells is still counted under that language, so the per-language counts add
    up to the totals."""
    repo = tmp_path / "in" / "r1"
    (repo / "bin").mkdir(parents=True)
    for i in range(6):
        body = "".join(f"def tool_{i}_{k}(x):\n    return x * {k} + {i}\n\n" for k in range(8))
        (repo / "bin" / f"tool{i}").write_text("#!/usr/bin/env python3\n" + body)
    model = tmp_path / "tok.model"
    model.write_bytes(tokenizer_bytes)
    args = ("--tokenizer", model, "--seq-len", 512, "--set", "fim.level=context", "--set", "fim.rate=1.0")
    assert build([tmp_path / "in"], tmp_path / "out", *args) == 0
    counters = json.load(open(tmp_path / "out" / "stats.json"))
    counters = counters.get("counters", counters)
    assert counters["fim.files"] > 0
    assert counters.get("fim.lang.python.files") == counters["fim.files"]


def test_inspect_starts_without_the_build_s_imports(built):
    # inspect is the command run most often by hand: it must not import Beam (about a second) or the stages that
    # only the build needs, and it still reads the output
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from repoloom.pipelines.cli import main\n"
        f"rc = main(['inspect', {str(built)!r}, '--example', '0'])\n"
        "print('RC', rc, 'apache_beam' in sys.modules, 'repoloom.filters.pii' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert "=== example 0 (train)" in done.stdout
    assert done.stdout.splitlines()[-1] == "RC 0 False False", done.stderr


def test_inspect_into_a_closed_pipe_exits_quietly(built):
    # `repoloom inspect out | head`: the reader leaves early; no traceback, SIGPIPE's status like other tools
    import subprocess
    import sys

    repoloom = os.path.join(os.path.dirname(sys.executable), "repoloom")
    p = subprocess.Popen([repoloom, "inspect", str(built)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    p.stdout.close()  # before the command starts: its first write finds no reader, whatever the timing
    assert p.wait(timeout=120) == 141
    assert b"Traceback" not in p.stderr.read()


def test_counters_summed_per_bundle_equal_the_per_file_sum():
    """SumPerBundle sends one dict per bundle: the same sums as one dict per file, and nothing for an empty
    bundle (a stage that dropped no file adds no counters)."""
    from repoloom.pipelines.build import drop_counters
    from repoloom.pipelines.sink import SumPerBundle

    files = [f for unit in expand_inputs([str(EXAMPLES)]) for f in read_unit(unit, DEFAULTS["max_file_bytes"])]
    drops = [process_file(f, gate_config(DEFAULTS)) for f in files if hasattr(f, "data")]
    drops = [d for d in drops if not isinstance(d, ParsedFile)]
    assert len({d.reason for d in drops}) > 1
    want: dict = {}
    for d in drops:
        for k, v in drop_counters(d).items():
            want[k] = want.get(k, 0) + v
    fn = SumPerBundle(drop_counters)
    fn.start_bundle()
    assert not [x for d in drops for x in fn.process(d) or ()]
    (out,) = [w.value for w in fn.finish_bundle()]
    assert out == want
    fn.start_bundle()
    assert not list(fn.finish_bundle())
