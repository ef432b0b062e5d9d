"""The same job gives byte-identical output under every runner mode (DESIGN: determinism)."""
import os


from tests.conftest import EXAMPLES
from tests.pipelines.helpers import build, file_digest

MODES = {
    "direct": [],
    "direct-2-processes": ["--direct_num_workers=2", "--direct_running_mode=multi_processing"],
    "portable-embed": ["--runner=PortableRunner", "--job_endpoint=embed", "--environment_type=LOOPBACK"],
}


def test_three_runner_modes_identical(tmp_path):
    inputs = [os.path.join(EXAMPLES, "pyledger"), os.path.join(EXAMPLES, "gokv"), os.path.join(EXAMPLES, "tsquery")]
    digests = {}
    for name, opts in MODES.items():
        out = tmp_path / name
        assert build(inputs, out, "--seq-len", 512, "--set", "tokenizer.vocab_size=2000",
                     "--set", "output.rows_per_shard=8", *opts) == 0
        digests[name] = file_digest(out)
    base = digests["direct"]
    assert sum(1 for k in base if k.endswith(".array_record")) >= 2, "several shards, so shard assignment is exercised"
    for name, d in digests.items():
        assert d.keys() == base.keys(), name
        for k in base:
            assert d[k] == base[k], f"{name}: {k} differs"
