"""What the launcher wraps around the Beam job: the DirectRunner without Prism, DoFn specs memoized, the
tokenizer model staged once instead of pickled into every DoFn."""

import os

import apache_beam as beam
import pytest
from apache_beam.coders import VarIntCoder
from apache_beam.transforms import userstate

from repoloom.pipelines.launch import direct_runner, memoized_dofn_specs
from tests.conftest import EXAMPLES
from tests.pipelines.helpers import build


def test_a_local_build_never_tries_the_prism_runner(tmp_path, monkeypatch):
    """Beam's DirectRunner first tries Prism, which downloads its binary from GitHub; the build must not."""
    from apache_beam.runners.portability import prism_runner

    tried = []

    def record(self, *args, **kwargs):
        tried.append(1)
        raise RuntimeError("no Prism here")  # the DirectRunner would fall back, so only the record tells

    monkeypatch.setattr(prism_runner.PrismRunner, "run_pipeline", record)
    original = userstate.get_dofn_specs
    out = tmp_path / "out"
    assert build([os.path.join(EXAMPLES, "pyledger")], out, "--seq-len", 512, "--set", "tokenizer.vocab_size=1000") == 0
    assert (out / "dataset.json").exists()
    assert tried == []
    assert userstate.get_dofn_specs is original  # the memo is gone with the job

    # the same pipeline under Beam's plain DirectRunner does try it (so the record above can fail)
    with beam.Pipeline(runner="DirectRunner") as p:
        _ = p | beam.Create([1, 2]) | beam.Map(lambda x: x + 1)
    assert tried == [1]


class _Stateful(beam.DoFn):
    BAG = userstate.BagStateSpec("bag", VarIntCoder())

    def process(self, kv, bag=beam.DoFn.StateParam(BAG)):
        yield kv


def test_memoized_dofn_specs_answer_as_beam_does_and_only_inside_the_block():
    dofn, other = _Stateful(), beam.transforms.core.CallableWrapperDoFn(lambda x: x)
    want = userstate.get_dofn_specs(dofn)
    with memoized_dofn_specs():
        assert userstate.get_dofn_specs is not memoized_dofn_specs
        first = userstate.get_dofn_specs(dofn)
        first[0].clear()  # a caller that changes its answer does not change the next one
        assert userstate.get_dofn_specs(dofn) == want and {s.name for s in want[0]} == {"bag"}
        assert userstate.get_dofn_specs(other) == (set(), set())
        assert userstate.is_stateful_dofn(dofn) and not userstate.is_stateful_dofn(other)
    assert userstate.get_dofn_specs(dofn) == want


def test_direct_runner_runs_a_job():
    from apache_beam.testing.util import assert_that, equal_to

    with beam.Pipeline(runner=direct_runner()) as p:
        assert_that(p | beam.Create([1, 2, 3]) | beam.Map(lambda x: x * 2), equal_to([2, 4, 6]))


def test_dofns_carry_the_staged_model_not_its_bytes(tmp_path, tokenizer_bytes, monkeypatch):
    from apache_beam.internal import pickler

    from repoloom.pipelines import build as B
    from repoloom.pipelines.config import load_config

    cfg = load_config()
    staged = tmp_path / "tokenizer.model"
    staged.write_bytes(tokenizer_bytes)
    model = B.TokenizerModel(tokenizer_bytes, str(staged))
    small = len(pickler.dumps(B.JudgeFiles(cfg, model)))
    large = len(pickler.dumps(B.JudgeFiles(cfg, tokenizer_bytes)))
    assert small < 20_000 < large  # compressed, the model alone is larger than the whole small DoFn

    # a worker process without the model in its cache reads the staged file, checked against the digest
    monkeypatch.setattr(B, "_TOKENIZERS", {})
    judge = pickler.loads(pickler.dumps(B.JudgeFiles(cfg, model)))
    judge.setup()
    assert judge.tok.model_proto == tokenizer_bytes and list(B._TOKENIZERS.values()) == [judge.tok]
    packer = pickler.loads(pickler.dumps(B.PackRows(cfg, {}, model)))
    packer.setup()
    assert packer.tok is judge.tok  # one Tokenizer per model in a process

    monkeypatch.setattr(B, "_TOKENIZERS", {})
    staged.write_bytes(tokenizer_bytes[:-1] + bytes([tokenizer_bytes[-1] ^ 1]))
    with pytest.raises(RuntimeError, match="not the tokenizer this job was built with"):
        B.JudgeFiles(cfg, model).setup()
