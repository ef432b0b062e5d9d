"""The job on a real dask.distributed cluster (scheduler + 2 workers on 127.0.0.1) through
pipelines/dask_runner.py gives the DirectRunner's output byte for byte; the five points where Beam's
stock DaskRunner fails are checked one by one on a small pipeline."""

import sys

import apache_beam as beam

from apache_beam.internal.cloudpickle import cloudpickle
from apache_beam.metrics import Metrics
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.transforms.window import GlobalWindow
from apache_beam.utils.windowed_value import WindowedValue

from repoloom.pipelines.dask_runner import DaskRunner, _overrides, _Translator
from tests.conftest import EXAMPLES
from tests.pipelines.helpers import build, file_digest

# the workers cannot import this test module: Beam pickles its functions by value
cloudpickle.register_pickle_by_value(sys.modules[__name__])


class _EvenOdd(beam.DoFn):
    """Tagged outputs, a counter, and an output from finish_bundle (the bundle's size)."""

    def start_bundle(self):
        self.n = 0

    def process(self, x):
        Metrics.counter("test", "seen").inc()
        self.n += 1
        yield x if x % 2 == 0 else beam.pvalue.TaggedOutput("odd", x)

    def finish_bundle(self):
        yield WindowedValue(("bundle", self.n), 0, [GlobalWindow()])


def _count_side(x):
    Metrics.counter("test", "side_elements").inc()
    return x


def _append(line, path):
    with open(path, "a") as f:
        f.write(f"{line}\n")


def _small_job(p, out: str) -> None:
    xs = p | "Xs" >> beam.Create(list(range(40)))
    split = xs | "EvenOdd" >> beam.ParDo(_EvenOdd()).with_outputs("odd", main="even")
    even = split.even | "NoBundles" >> beam.Filter(lambda x: not isinstance(x, tuple))
    sizes = (
        split.even
        | "Bundles" >> beam.Filter(lambda x: isinstance(x, tuple))
        | "Size" >> beam.Map(lambda x: x[1])
        | "SumSizes" >> beam.CombineGlobally(sum)
    )
    by_mod = (
        (split.odd, even)
        | "Both" >> beam.Flatten()
        | "ByMod" >> beam.Map(lambda x: (x % 3, x))
        | "Group" >> beam.GroupByKey()
        | "Sorted" >> beam.MapTuple(lambda k, v: (k, sorted(v)))
    )
    side = by_mod | "CountSide" >> beam.Map(_count_side)
    seen = xs | "Readers" >> beam.Map(
        lambda x, d, s, odd: f"{x} {len(d[x % 3])} {s} {len(odd)}",
        beam.pvalue.AsDict(side),
        beam.pvalue.AsSingleton(sizes),
        beam.pvalue.AsList(split.odd),
    )
    # two leaves, each writing a file: both must run (the stock runner runs only the last one's ancestors)
    seen | "WriteSeen" >> beam.Map(_append, out + ".seen")
    by_mod | "WriteGroups" >> beam.Map(_append, out + ".groups")


def test_small_pipeline_on_dask_matches_direct(dask_address, tmp_path):
    """Tagged outputs go only to their own output, finish_bundle outputs are kept, both leaves run, side
    inputs are computed once (their counter counts each element once), and metrics() works."""
    got = {}
    for name, runner, opts in (("direct", None, []), ("dask", DaskRunner(), [f"--dask_address={dask_address}"])):
        out = str(tmp_path / name)
        p = beam.Pipeline(runner=runner, options=PipelineOptions(opts))
        _small_job(p, out)
        result = p.run()
        result.wait_until_finish()
        counters = sorted(
            (r.key.metric.name, r.committed)
            for r in result.metrics().query()["counters"]
            if r.key.metric.namespace == "test"
        )
        got[name] = {s: sorted(open(out + s).read().splitlines()) for s in (".seen", ".groups")}, counters
    assert got["direct"] == got["dask"]
    files, counters = got["dask"]
    assert "0 14 40 20" in files[".seen"]  # groups of 14/13/13; 40 elements counted in finish_bundle; 20 odd
    assert len(files[".seen"]) == 40 and len(files[".groups"]) == 3
    assert counters == [("seen", 40), ("side_elements", 3)]


def test_flatten_and_shuffle_keep_partitions_bounded():
    """Stacked Flattens (as in the near-dedup rounds) never grow past --dask_max_partitions."""
    p = beam.Pipeline()
    xs = p | beam.Create(list(range(100)))
    for i in range(12):
        ys = xs | f"Key{i}" >> beam.Map(lambda x: (x % 7, x))
        xs = (
            (xs | f"Pair{i}" >> beam.Map(lambda x: (x % 5, x)), ys)
            | f"Flat{i}" >> beam.Flatten()
            | f"Group{i}" >> beam.GroupByKey()
            | f"Ungroup{i}" >> beam.FlatMap(lambda kv: kv[1])
        )
    p.replace_all(_overrides())
    t = _Translator(max_partitions=4, run_id="test")
    p.visit(t)
    assert max(bag.npartitions for bag, _ in t.refs.values()) <= 4


def test_demo_build_on_dask_is_byte_identical(dask_address, tmp_path):
    common = ["--seq-len", 512, "--set", "tokenizer.vocab_size=2000"]
    assert build([EXAMPLES], tmp_path / "direct", *common) == 0
    assert build([EXAMPLES], tmp_path / "dask", *common, "--runner=dask", f"--dask_address={dask_address}") == 0
    direct, dask = file_digest(tmp_path / "direct"), file_digest(tmp_path / "dask")
    assert direct.pop("run.json") != dask.pop("run.json")  # run.json alone names the runner
    assert direct.keys() == dask.keys() and any(k.startswith("drops/") for k in direct)
    for k in direct:
        assert direct[k] == dask[k], f"{k} differs"


def test_partitions_cross_between_workers_in_one_piece():
    """Dask serializes a plain list element by element when its first element is bytes or starts with bytes,
    as a shuffle bucket's (key bytes, pair) does: hundreds of frames per bucket. The runner's partitions and
    buckets travel as Values and Outputs, one pickle each."""
    from distributed.protocol.serialize import serialize

    from repoloom.pipelines.dask_runner import PLAIN, _deal, _group, _split

    pairs = [(f"repo{i % 7}", {"path": f"src/m{i}.py", "ids": b"\x01\x02" * 50}) for i in range(1000)]
    buckets = _split(pairs, PLAIN, 4)
    assert len(serialize(list(buckets[0]))[1]) > 100  # what a plain list costs
    for value in (buckets, buckets[0], _group(*buckets), _deal(pairs, PLAIN, 4, 0)[1]):
        assert len(serialize(value)[1]) <= 2
    assert sorted(v["path"] for _, vs in _group(*buckets) for v in vs) == sorted(p["path"] for _, p in pairs)
