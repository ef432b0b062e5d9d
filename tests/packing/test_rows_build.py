"""The build's rows with default packing: full but for one row, every piece back in its file's order."""

import json

from repoloom.packing.rows import PackingConfig
from repoloom.pipelines.cmd_inspect import Dataset
from tests.conftest import EXAMPLES
from tests.pipelines.helpers import build

SEQ_LEN = 1024


def test_default_build_rows_are_full_but_one_and_report_their_cost(tmp_path):
    out = tmp_path / "out"
    assert build([EXAMPLES], out, "--seq-len", SEQ_LEN, "--set", "tokenizer.vocab_size=3000") == 0
    ds = Dataset(str(out))
    headers = 0
    pads = []
    numbers: dict = {}
    for e in range(ds.info["num_examples"]):
        row = ds.row(e)
        pads.append(row["targets_segment_ids"].count(0))
        for x in sorted(ds.lineage(e), key=lambda x: x["token_start"]):
            headers = max(headers, len(ds.tok.encode(x["path"] + "\n")))
            numbers.setdefault((x["repo"], x["path"]), []).append((x["piece"], x["char_start"], x["char_end"]))
    # a row closes with at most a cut's slack, or a room too small for a useful part of the next piece
    bound = max(SEQ_LEN // 128, headers + PackingConfig().min_part_tokens + 3 + 2)
    assert sum(1 for p in pads if p > bound) <= 1, pads
    assert sum(pads) < 0.2 * SEQ_LEN * len(pads)
    split = 0
    for key, parts in numbers.items():
        parts.sort()
        assert [n for n, _, _ in parts] == list(range(len(parts))), key
        assert all(a[2] == b[1] for a, b in zip(parts, parts[1:])), f"{key}: pieces tile the file"
        split += len(parts) > 1
    assert split > 0, "at this seq_len some files straddle a row end"
    stats = json.loads((out / "stats.json").read_text())
    assert stats["packing.files_split"] == split
    assert stats["packing.parts"] == sum(len(v) for v in numbers.values())
    assert stats.get("packing.cut.line_end", 0) + stats.get("packing.cut.token", 0) >= split
    assert sum(v for k, v in stats.items() if k.startswith("packing.segment_tokens.")) == stats["packing.segments"]
    report = (out / "report.md").read_text()
    assert "## Packing" in report and "padding_share" in report and "edges_in_segment_share" in report
