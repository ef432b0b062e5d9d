"""Run the build job on dask.distributed: Beam's DaskRunner (apache_beam.runners.dask), adapted.

Beam's stock DaskRunner (2.77) translates a pipeline into dask bags but cannot run this job:
  1. it computes only the ancestors of the last leaf (this job has several: shards, stats, drops);
  2. a multi-output ParDo's bag holds every output, so each consumer sees all tags;
  3. values emitted by ``finish_bundle`` are dropped (results are taken before it runs);
  4. each Flatten's bag has the sum of its inputs' partitions (near-dedup rounds double them);
  5. a side input is a whole bag computed again inside every task that reads it;
and ``metrics()`` raises; its Reshuffle is a no-op, so work stays where Create put it. This runner keeps the
stock overrides (Create, Reshuffle, Read and Flatten become primitives) and the idea of one dask bag per step, and replaces the translation:
  * a ParDo's partition is {output tag: values}, finish_bundle's outputs included; each output
    PCollection is (bag, tag) and its consumers pick their tag inside their own task (2, 3);
  * one collection ends in every PCollection nobody reads, so every sink runs (1);
  * Create, Flatten and GroupByKey outputs have at most ``--dask_max_partitions`` partitions, and a
    Flatten no more than its widest input (4);
  * a side input is one task that gathers its bag, shared by every reader (5);
  * Reshuffle deals elements round-robin over ``--dask_max_partitions`` partitions (work spreads out);
  * each bundle runs under a Beam MetricsContainer; the updates stay in the worker process until the
    client collects them at the end (Client.run), into the MetricResults the DirectRunner gives.
GroupByKey is a hash shuffle on the key's Beam encoding (FastPrimitivesCoder), so equal keys meet on
one partition whatever process hashed them (Python's str hash differs between processes). Only the
global window is supported: this is a batch job, and a windowed input fails at translation.
"""

from __future__ import annotations

import hashlib
import logging
import operator
import os
import threading
import uuid

from apache_beam import pvalue
from apache_beam.coders.coders import FastPrimitivesCoder
from apache_beam.internal import pickler
from apache_beam.metrics.execution import MetricsContainer
from apache_beam.options.pipeline_options import PipelineOptions
from apache_beam.pipeline import PipelineVisitor, PTransformOverride
from apache_beam.runners.common import DoFnRunner, Receiver
from apache_beam.runners.direct.direct_metrics import DirectMetrics
from apache_beam.runners.runner import PipelineResult, PipelineState
from apache_beam.runners.worker import statesampler
from apache_beam.transforms import core
from apache_beam.transforms.sideinputs import SideInputMap
from apache_beam.transforms.window import GlobalWindows
from apache_beam.utils.counters import CounterFactory

# the stock runner's modules import dask (the dask extra): cmd_build imports this module only for --runner=dask
from apache_beam.runners.dask.dask_runner import DaskRunner as BeamDaskRunner
from apache_beam.runners.dask.overrides import _Create, _Flatten, _GroupByKeyOnly, _Reshuffle, dask_overrides


class DaskOptions(PipelineOptions):
    @classmethod
    def _add_argparse_args(cls, parser):
        parser.add_argument(
            "--dask_address",
            default=None,
            help="scheduler address (tcp://HOST:8786); default: start a LocalCluster on this machine",
        )
        parser.add_argument(
            "--dask_local_workers",
            type=int,
            default=None,
            help="worker processes of the LocalCluster started without --dask_address (default: CPU count)",
        )
        parser.add_argument(
            "--dask_max_partitions",
            type=int,
            default=None,
            help="most partitions of any dask bag (Create, Flatten and GroupByKey outputs); a "
            "GroupByKey makes about its square of small tasks. "
            "Default: twice the cluster's worker threads",
        )


# ------------------------------------------------------------------ on the workers


class Values(list):
    """The values of a partition or a shuffle bucket as they travel between workers. Dask serializes a plain
    list, tuple or dict element by element (one header and frame each) whenever its first element is of a type
    it has a serializer for (bytes, or a tuple that starts with bytes, as a shuffle bucket's (key bytes, pair)):
    a third of a worker's time on a 20 MB build. A subclass is pickled in one piece."""

    __slots__ = ()


class Outputs(dict):
    """A ParDo's partition, {output tag: Values}, pickled in one piece for the same reason."""

    __slots__ = ()


class _ListReceiver(Receiver):
    def __init__(self):
        self.values = Values()

    def receive(self, windowed_value):
        self.values.append(windowed_value.value)


class _Receivers(dict):
    """Tag -> receiver, made on first use; the main output's tag is None."""

    def __missing__(self, tag):
        r = self[tag] = _ListReceiver()
        return r


PLAIN = "\0plain"  # the "tag" of a bag whose partitions are plain lists, not a ParDo's {tag: values}
_METRICS: dict[str, list] = {}  # run id -> metric updates of the bundles this worker process ran
_METRICS_LOCK = threading.Lock()


def _pick(partition, tag):
    return partition if tag == PLAIN else partition.get(tag, [])


def _run_bundle(partition, tag, fn_blob: bytes, step: str, run_id: str, *side_values) -> dict:
    """One partition through a DoFn: {output tag: values}; finish_bundle's outputs included. Its metric
    updates stay in this worker process until the client collects them (collect_metrics)."""
    fn, args, kwargs, windowing, side_specs = pickler.loads(fn_blob)  # a fresh DoFn per bundle, as in Beam
    sides = [
        SideInputMap(kind, view, [GlobalWindows.windowed_value(v) for v in values])
        for (kind, view), values in zip(side_specs, side_values)
    ]
    receivers = _Receivers()
    container = MetricsContainer(step)
    sampler = statesampler.StateSampler("", CounterFactory())
    previous = statesampler.get_current_tracker()
    statesampler.set_current_tracker(sampler)  # Metrics.counter(...).inc() finds the container through it
    try:
        with sampler.scoped_state(step, "process", metrics_container=container):
            runner = DoFnRunner(fn, args, kwargs, sides, windowing, receivers, step_name=step)
            runner.setup()
            runner.start()
            for item in _pick(partition, tag):
                runner.process(GlobalWindows.windowed_value(item))
            runner.finish()
            runner.teardown()
    finally:
        statesampler.set_current_tracker(previous)
    with _METRICS_LOCK:
        _METRICS.setdefault(run_id, []).append(container.get_cumulative())
    return Outputs((t, r.values) for t, r in receivers.items())


def collect_metrics(run_id: str) -> list:
    """Run on every worker at the end (Client.run): this process's metric updates for the run."""
    with _METRICS_LOCK:
        return _METRICS.pop(run_id, [])


def _side_concat(partitions, tag) -> list:
    return Values(x for part in partitions for x in _pick(part, tag))


_KEY_CODER = FastPrimitivesCoder()


def _split(partition, tag, n: int, index: int = 0) -> list[list]:
    """Shuffle, first half: (key, value) pairs into n buckets by a hash of the key's Beam encoding,
    the same in every process (Python's hash() of a str is not). The input's `index` plays no part."""
    buckets = Values(Values() for _ in range(n))
    for kv in _pick(partition, tag):
        kb = _KEY_CODER.encode(kv[0])
        buckets[int.from_bytes(hashlib.blake2b(kb, digest_size=8).digest(), "big") % n].append((kb, kv))
    return buckets


def _group(*buckets) -> list:
    """Shuffle, second half: one output partition's buckets from every input -> (key, [values])."""
    groups: dict[bytes, tuple] = {}
    for bucket in buckets:
        for kb, (k, v) in bucket:
            g = groups.get(kb)
            if g is None:
                groups[kb] = g = (k, [])
            g[1].append(v)
    return Values(groups.values())


def _deal(partition, tag, n: int, offset: int) -> list[list]:
    """Reshuffle, first half: element k of this partition to bucket (offset + k) mod n."""
    buckets = Values(Values() for _ in range(n))
    for k, x in enumerate(_pick(partition, tag)):
        buckets[(offset + k) % n].append(x)
    return buckets


def _concat(*buckets) -> list:
    return Values(x for b in buckets for x in b)


def _discard(partition):
    return []


# ------------------------------------------------------------------ on the client


class _GroupByKeyOverride(PTransformOverride):
    """GroupByKey as one primitive (the stock override adds window reification this runner does not need)."""

    def matches(self, applied):
        return applied.transform.__class__ == core.GroupByKey

    def get_replacement_transform_for_applied_ptransform(self, applied):
        return _GroupByKeyOnly()


def _overrides() -> list:
    stock = [o for o in dask_overrides() if type(o).__name__ != "GroupByKeyOverride"]
    return stock + [_GroupByKeyOverride()]


class _Translator(PipelineVisitor):
    """Beam primitives -> dask bags. Each PCollection is (bag, tag): a ParDo's bag holds {tag: values} per
    partition and its consumers pick their tag inside their own task (no task per output)."""

    def __init__(self, max_partitions: int, run_id: str):
        self.max_partitions, self.run_id = max(1, max_partitions), run_id
        self.refs: dict = {}
        self.consumed: set = set()

    def visit_transform(self, node) -> None:
        t = node.transform
        main = [p for p in node.inputs if not isinstance(p, pvalue.PBegin)]
        self.consumed.update(main)
        self.consumed.update(si.pvalue for si in node.side_inputs)
        for p in main:
            if type(p.windowing.windowfn) is not GlobalWindows:
                raise NotImplementedError(f"{node.full_label}: the dask runner supports only the global window")
        if isinstance(t, _Create):
            self._set(node, self._create(list(t.values)))
        elif isinstance(t, _Flatten):
            self._set(node, self._flatten([self.refs[p] for p in main]))
        elif isinstance(t, _GroupByKeyOnly):
            self._set(node, self._group(*self.refs[main[0]]))
        elif isinstance(t, _Reshuffle):
            self._set(node, self._deal(*self.refs[main[0]]))
        elif isinstance(t, core.ParDo):
            self._pardo(node, *self.refs[main[0]])
        else:
            raise NotImplementedError(f"{node.full_label}: the dask runner has no translation for {type(t).__name__}")

    def _set(self, node, bag) -> None:
        (pcoll,) = node.outputs.values()
        self.refs[pcoll] = (bag, PLAIN)

    def _create(self, values):
        import dask.bag as db

        return db.from_sequence(values, npartitions=max(1, min(len(values), self.max_partitions)))

    def _flatten(self, refs):
        import dask.bag as db

        if not refs:
            return self._create([])
        bags = [bag.map_partitions(_pick, tag) if tag != PLAIN else bag for bag, tag in refs]
        out = db.concat(bags) if len(bags) > 1 else bags[0]
        # never more partitions than the widest input: stacked Flattens (near-dedup rounds) would multiply them
        n = min(self.max_partitions, max(b.npartitions for b in bags))
        return out.repartition(n) if out.npartitions > n else out

    def _group(self, bag, tag):
        """GroupByKey: a hash shuffle of (key, value) pairs into at most max_partitions partitions."""
        return self._exchange("gbk", bag, tag, min(bag.npartitions, self.max_partitions), _split, _group)

    def _deal(self, bag, tag):
        """Reshuffle: every input partition deals its elements round-robin over max_partitions outputs,
        starting one further along for each input, so a few large elements (repositories, slices) end up on
        different partitions, which dask runs on different workers."""
        return self._exchange("deal", bag, tag, self.max_partitions, _deal, _concat)

    def _exchange(self, kind: str, bag, tag, n_out: int, scatter, gather):
        """All-to-all: one `scatter(partition, tag, n_out, i)` task per input partition i, which returns n_out
        buckets, and one `gather(*buckets)` task per output partition over its bucket from every input."""
        import dask.bag as db
        from dask.base import tokenize
        from dask.highlevelgraph import HighLevelGraph

        n_in = bag.npartitions
        token = tokenize(bag.name, tag, n_out)
        split, part, group = f"{kind}-split-{token}", f"{kind}-part-{token}", f"{kind}-group-{token}"
        dsk: dict = {}
        for i in range(n_in):
            dsk[(split, i)] = (scatter, (bag.name, i), tag, n_out, i)
            for j in range(n_out):
                dsk[(part, i, j)] = (operator.getitem, (split, i), j)
        for j in range(n_out):
            dsk[(group, j)] = (gather, *[(part, i, j) for i in range(n_in)])
        return db.Bag(HighLevelGraph.from_collections(group, dsk, dependencies=[bag]), group, n_out)

    def _pardo(self, node, bag, tag) -> None:
        """One task per partition; each side input is one task that gathers its bag, shared by every reader.
        Written as a plain graph: a dask Item passed to map_partitions is optimized on its own, and its
        renamed copy of the upstream graph would run every upstream task again."""
        import dask.bag as db
        from dask.base import tokenize
        from dask.highlevelgraph import HighLevelGraph

        t = node.transform
        side_specs = [(type(si), si._view_options()) for si in node.side_inputs]
        fn_blob = pickler.dumps((t.fn, t.args, t.kwargs, node.inputs[0].windowing, side_specs))
        name = f"pardo-{tokenize(node.full_label, bag.name, tag, self.run_id)}"
        dsk: dict = {}
        side_keys, deps = [], [bag]
        for si in node.side_inputs:
            side_bag, side_tag = self.refs[si.pvalue]
            key = f"side-{tokenize(side_bag.name, side_tag)}"
            dsk[key] = (_side_concat, [(side_bag.name, i) for i in range(side_bag.npartitions)], side_tag)
            side_keys.append(key)
            deps.append(side_bag)
        for i in range(bag.npartitions):
            dsk[(name, i)] = (_run_bundle, (bag.name, i), tag, fn_blob, node.full_label, self.run_id, *side_keys)
        out = db.Bag(HighLevelGraph.from_collections(name, dsk, dependencies=deps), name, bag.npartitions)
        for out_tag, pcoll in node.outputs.items():
            self.refs[pcoll] = (out, out_tag)

    def job(self):
        """One bag of every PCollection nobody reads, each reduced to nothing: computing it runs the job."""
        import dask.bag as db

        leaves = {bag.name: bag for p, (bag, _) in self.refs.items() if p not in self.consumed}
        return db.concat([bag.map_partitions(_discard) for bag in leaves.values()])


class DaskRunnerResult(PipelineResult):
    def __init__(self, client, future, run_id: str, cluster=None):
        super().__init__(PipelineState.RUNNING)
        self.client, self.future, self.run_id, self.cluster = client, future, run_id, cluster
        self._metrics = DirectMetrics()

    def wait_until_finish(self, duration=None):
        if self._state != PipelineState.RUNNING:
            return self._state
        try:
            self.future.result()  # raises the first worker error here, on the client
            # counters of bundles whose results were kept; a task that a lost worker must rerun counts twice
            for updates in self.client.run(collect_metrics, self.run_id).values():
                for u in updates:
                    self._metrics.commit_physical(None, u)
                    self._metrics.commit_logical(None, u)
            self._state = PipelineState.DONE
        except BaseException:
            self._state = PipelineState.FAILED
            raise
        finally:
            self.client.close()
            if self.cluster is not None:
                self.cluster.close()
        return self._state

    def cancel(self):
        self.client.cancel(self.future)
        self._state = PipelineState.CANCELLED
        return self._state

    def metrics(self):
        return self._metrics


class DaskRunner(BeamDaskRunner):
    """Beam's DaskRunner with the five fixes above; ``--dask_address`` or a LocalCluster."""

    def run_pipeline(self, pipeline, options):
        import dask.distributed as dd

        opts = options.view_as(DaskOptions)
        logging.getLogger("distributed").setLevel(max(logging.WARNING, logging.getLogger("distributed").level))
        cluster = None
        if opts.dask_address:
            client = dd.Client(opts.dask_address)
        else:
            cluster = dd.LocalCluster(
                n_workers=opts.dask_local_workers or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
            )
            client = dd.Client(cluster)
        try:
            threads = sum(client.nthreads().values())
            pipeline.replace_all(_overrides())
            run_id = uuid.uuid4().hex
            translator = _Translator(opts.dask_max_partitions or 2 * max(1, threads), run_id)
            pipeline.visit(translator)
            # one collection for the whole job: dask optimizes it once and runs every shared task once
            job = translator.job()
            return DaskRunnerResult(client, client.compute(job), run_id, cluster)
        except BaseException:
            client.close()
            if cluster is not None:
                cluster.close()
            raise
