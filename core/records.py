"""tf.train.Example encode/decode without TensorFlow.

The descriptor is built at run time in a private pool, so the bytes are the
real ``tensorflow.Example`` wire format (MaxText and seqio read them) and no
clash happens if TensorFlow is loaded in the same process.
"""
from __future__ import annotations

from typing import Mapping, Sequence

from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

FEATURES = ("targets", "targets_segment_ids", "targets_positions")


def _build_example_class():
    fdp = descriptor_pb2.FileDescriptorProto(name="repoloom_example.proto", package="tensorflow", syntax="proto3")
    F = descriptor_pb2.FieldDescriptorProto

    def msg(name, fields, oneofs=()):
        m = fdp.message_type.add(name=name)
        for o in oneofs:
            m.oneof_decl.add(name=o)
        for f in fields:
            m.field.add(**f)
        return m

    rep, opt = F.LABEL_REPEATED, F.LABEL_OPTIONAL
    bl = msg("BytesList", [dict(name="value", number=1, label=rep, type=F.TYPE_BYTES)])
    fl = msg("FloatList", [dict(name="value", number=1, label=rep, type=F.TYPE_FLOAT)])
    il = msg("Int64List", [dict(name="value", number=1, label=rep, type=F.TYPE_INT64)])
    fl.field[0].options.packed = True
    il.field[0].options.packed = True
    del bl
    msg(
        "Feature",
        [
            dict(name="bytes_list", number=1, label=opt, type=F.TYPE_MESSAGE, type_name=".tensorflow.BytesList", oneof_index=0),
            dict(name="float_list", number=2, label=opt, type=F.TYPE_MESSAGE, type_name=".tensorflow.FloatList", oneof_index=0),
            dict(name="int64_list", number=3, label=opt, type=F.TYPE_MESSAGE, type_name=".tensorflow.Int64List", oneof_index=0),
        ],
        oneofs=("kind",),
    )
    feats = msg("Features", [dict(name="feature", number=1, label=rep, type=F.TYPE_MESSAGE, type_name=".tensorflow.Features.FeatureEntry")])
    entry = feats.nested_type.add(name="FeatureEntry")
    entry.field.add(name="key", number=1, label=opt, type=F.TYPE_STRING)
    entry.field.add(name="value", number=2, label=opt, type=F.TYPE_MESSAGE, type_name=".tensorflow.Feature")
    entry.options.map_entry = True
    msg("Example", [dict(name="features", number=1, label=opt, type=F.TYPE_MESSAGE, type_name=".tensorflow.Features")])
    pool = descriptor_pool.DescriptorPool()
    pool.Add(fdp)
    return message_factory.GetMessageClass(pool.FindMessageTypeByName("tensorflow.Example"))


Example = _build_example_class()


def encode_example(features: Mapping[str, Sequence[int]]) -> bytes:
    """Serialize int64 features as a tf.train.Example. Keys are written sorted so bytes are deterministic."""
    ex = Example()
    for name in sorted(features):
        values = features[name]
        ex.features.feature[name].int64_list.value.extend(values if isinstance(values, list) else [int(v) for v in values])
    return ex.SerializeToString(deterministic=True)


def decode_example(data: bytes) -> dict[str, list[int]]:
    """Parse a serialized tf.train.Example holding int64 features into lists of ints."""
    ex = Example()
    ex.ParseFromString(data)
    out = {}
    for name, feat in ex.features.feature.items():
        kind = feat.WhichOneof("kind")
        if kind != "int64_list":
            raise ValueError(f"feature {name!r} is {kind}, expected int64_list")
        out[name] = list(feat.int64_list.value)
    return out


def encode_row(targets: Sequence[int], segment_ids: Sequence[int], positions: Sequence[int]) -> bytes:
    if not (len(targets) == len(segment_ids) == len(positions)):
        raise ValueError("targets, segment ids and positions must have one length")
    return encode_example({"targets": targets, "targets_segment_ids": segment_ids, "targets_positions": positions})
