"""The trainer on a REAL build's output: `repoloom build` of examples/repos at a small seq_len and
vocabulary, then a few training steps and the held-out FIM examples the trainer reads from it."""

import io
import json
import math
import os

from repoloom.core import layout
from repoloom.train import data as data_lib
from repoloom.train import trainer
from repoloom.train.config import build_config
from tests.conftest import EXAMPLES
from tests.pipelines.helpers import build

VOCAB = 600


def test_trains_on_a_real_build(tmp_path):
    out, work = tmp_path / "out", tmp_path / "run"
    assert build([EXAMPLES], out, "--seq-len", 256, "--set", f"tokenizer.vocab_size={VOCAB}") == 0
    sets = [
        "model.preset=cpu",
        "train.steps=6",
        "train.batch_size=4",
        "train.log_every=3",
        "train.lr=3e-3",
        "data.num_threads=2",
        "data.prefetch=16",
        "data.heldout_fraction=0.1",
    ]
    cfg = build_config(sets=sets)
    stream = io.StringIO()
    res = trainer.train(cfg, str(out), str(work), stream=stream)
    assert res["step"] == 6 and "step 0/6: compiling" in stream.getvalue()
    with open(os.path.join(work, "metrics.jsonl")) as f:
        ms = [json.loads(line) for line in f]
    assert [m["step"] for m in ms] == [3, 6]
    assert all(math.isfinite(m["loss"]) and m["loss"] < math.log(VOCAB) + 2 for m in ms)
    assert ms[-1]["loss"] < ms[0]["loss"]
    # The build FIMs files (PSM and SPM): the trainer's mask finds middles and its loss covers them.
    assert all(m["fim_loss"] is not None for m in ms)
    info = data_lib.load_dataset_info(str(out))
    rows = list(data_lib.heldout_rows_parsed(info, cfg, limit=100))
    assert rows and sum(int(r["fim_mask"].sum()) for r in rows) > 0
    found = [ex for r in rows for ex in layout.find_psm_examples(r["tokens"], r["segment_ids"], info.special)]
    assert found and all(ex.middle for ex in found)
