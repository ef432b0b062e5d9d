"""tf.train.Example encode/decode without TensorFlow.

The descriptor is built at run time in a private pool, so the bytes are the
real ``tensorflow.Example`` wire format (MaxText and seqio read them) and no
clash happens if TensorFlow is loaded in the same process.
"""

from __future__ import annotations

import pickle
from typing import Mapping, Sequence

import numpy as np
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

from repoloom.core.dataset import FEATURES, DatasetError


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
    kinds = (("bytes", F.TYPE_BYTES), ("float", F.TYPE_FLOAT), ("int64", F.TYPE_INT64))
    for kind, value_type in kinds:  # BytesList, FloatList, Int64List: one repeated `value` (numbers packed)
        lst = msg(f"{kind.capitalize()}List", [dict(name="value", number=1, label=rep, type=value_type)])
        if value_type != F.TYPE_BYTES:
            lst.field[0].options.packed = True
    feature_kinds = [
        dict(
            name=f"{kind}_list",
            number=number,
            label=opt,
            type=F.TYPE_MESSAGE,
            type_name=f".tensorflow.{kind.capitalize()}List",
            oneof_index=0,
        )
        for number, (kind, _) in enumerate(kinds, 1)
    ]
    msg("Feature", feature_kinds, oneofs=("kind",))
    feats = msg(
        "Features",
        [dict(name="feature", number=1, label=rep, type=F.TYPE_MESSAGE, type_name=".tensorflow.Features.FeatureEntry")],
    )
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
    """Serialize int64 features as a tf.train.Example: the bytes of protobuf's deterministic serialization
    (tests compare the two), laid out with numpy, since a row's 3 x seq_len numbers through protobuf's
    Python objects cost more than the rest of the shard write. Deterministic map order is upb's: keys by
    their bytes, a key before any key it is a prefix of comes after it (``targets_positions``,
    ``targets_segment_ids``, ``targets``): sorting on the key plus a 0xFF byte, which UTF-8 never holds."""
    body = b"".join(_feature_entry(name, features[name]) for name in sorted(features, key=_map_order))
    if not body:
        return b""  # no features: protobuf leaves Example.features unset
    return b"\x0a" + _varint_bytes(len(body)) + body  # Example.features (1)


def _map_order(name: str) -> bytes:
    return name.encode("utf-8") + b"\xff"


def _feature_entry(name: str, values) -> bytes:
    """One Features.feature map entry (1): key (1), value (2) = Feature.int64_list (3) = Int64List.value (1),
    packed. An empty list writes no value field, as protobuf does."""
    packed = _varints(values)
    lst = b"\x0a" + _varint_bytes(len(packed)) + packed if packed else b""
    feature = b"\x1a" + _varint_bytes(len(lst)) + lst
    key = name.encode("utf-8")
    entry = b"\x0a" + _varint_bytes(len(key)) + key + b"\x12" + _varint_bytes(len(feature)) + feature
    return b"\x0a" + _varint_bytes(len(entry)) + entry


def _varint_bytes(n: int) -> bytes:
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def _varints(values) -> bytes:
    """int64 values as protobuf varints (a negative one as its 64-bit two's complement: ten bytes)."""
    v = np.asarray(values, dtype=np.int64).reshape(-1).view(np.uint64)
    if v.size == 0:
        return b""
    top = int(v.max())
    if top < 0x80:  # one byte each (segment ids): the values themselves
        return v.astype(np.uint8).tobytes()
    # every value's k bytes side by side (k = the longest varint's), then the unused high bytes left out: a row's
    # positions and token ids in one pass each instead of one pass per byte over shrinking index arrays
    k = (top.bit_length() + 6) // 7
    m = np.empty((v.size, k), dtype=np.uint8)
    rest = v
    for j in range(k):
        m[:, j] = rest & np.uint64(0x7F)
        if j + 1 < k:
            rest = rest >> np.uint64(7)
            m[:, j] |= (rest != 0).view(np.uint8) << 7  # the high bit: more bytes follow
    used = np.ones((v.size, k), dtype=bool)
    used[:, 1:] = m[:, :-1] >= 0x80  # byte j is written when byte j - 1 says more follow
    return m[used].tobytes()


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


# ---------------------------------------------------------------------------- fast parsing
# The trainer and the readers parse every row; protobuf's Python objects are about 10x slower than
# walking the wire format with numpy at seq_len 8192.


def _varint(buf: bytes, i: int) -> tuple[int, int]:
    shift = result = 0
    while True:
        c = buf[i]
        i += 1
        result |= (c & 0x7F) << shift
        if c < 0x80:
            return result, i
        shift += 7


def _decode_packed_varints(buf: np.ndarray) -> np.ndarray:
    """Vectorised decoding of a packed run of protobuf varints (uint8 array) into int64."""
    if buf.size == 0:
        return np.zeros(0, np.int64)
    ends = np.flatnonzero(buf < 0x80)
    if ends.size == buf.size:  # every value < 128
        return buf.astype(np.int64)
    if ends.size == 0 or ends[-1] != buf.size - 1:
        raise ValueError("truncated varint")
    starts = np.empty_like(ends)
    starts[0] = 0
    starts[1:] = ends[:-1] + 1
    lengths = ends - starts + 1
    low = (buf & 0x7F).astype(np.uint64)
    vals = low[starts]
    last = buf.size - 1
    for k in range(1, int(lengths.max())):  # token ids need at most 3 bytes: 2 passes
        part = low[np.minimum(starts + k, last)] << np.uint64(7 * k)
        vals |= np.where(lengths > k, part, np.uint64(0))
    return vals.view(np.int64)


def _parse_fast(data: bytes) -> dict[str, np.ndarray] | None:
    """Walk the tf.train.Example wire format by hand; None when it holds anything unexpected."""
    out: dict[str, list] = {}
    n = len(data)
    i = 0
    while i < n:
        tag, i = _varint(data, i)
        if tag != 0x0A:  # Example.features (field 1, length-delimited)
            return None
        ln, i = _varint(data, i)
        end = i + ln
        while i < end:
            tag, i = _varint(data, i)
            ln, i = _varint(data, i)
            if tag != 0x0A:  # Features.feature map entry
                return None
            e_end = i + ln
            key, value = None, None
            while i < e_end:
                t, i = _varint(data, i)
                l2, i = _varint(data, i)
                if t == 0x0A:
                    key = data[i : i + l2].decode()
                elif t == 0x12:
                    value = (i, i + l2)
                else:
                    return None
                i += l2
            if key is None or value is None:
                return None
            j, f_end = value
            chunks = []
            while j < f_end:
                t, j = _varint(data, j)
                l3, j = _varint(data, j)
                if t != 0x1A:  # Feature.int64_list
                    return None
                l_end = j + l3
                while j < l_end:
                    t4, j = _varint(data, j)
                    if t4 != 0x0A:  # Int64List.value, packed
                        return None
                    l4, j = _varint(data, j)
                    chunks.append(np.frombuffer(data, np.uint8, count=l4, offset=j))
                    j += l4
            out.setdefault(key, []).extend(chunks)
    try:
        return {
            k: _decode_packed_varints(np.concatenate(v) if len(v) != 1 else v[0]) if v else np.zeros(0, np.int64)
            for k, v in out.items()
        }
    except ValueError:
        return None


def parse_record(data: bytes) -> dict[str, np.ndarray]:
    """A serialized row -> int32 arrays; identical values to ``decode_example``.

    Packed int64 lists are decoded with numpy (about 10x faster than protobuf's Python objects at
    seq_len 8192); anything unusual in the bytes falls back to the protobuf parser."""
    data = bytes(data)
    fast = _parse_fast(data)
    if fast is None:
        d = decode_example(data)
        fast = {k: np.asarray(v, dtype=np.int64) for k, v in d.items()}
    out = {}
    for name in FEATURES:
        if name not in fast:
            raise DatasetError(f"record lacks feature {name!r}")
        out[name] = fast[name].astype(np.int32)
    return out


def parse_record_reference(data: bytes) -> dict[str, np.ndarray]:
    """The same through ``decode_example`` (used by tests to check ``parse_record``)."""
    d = decode_example(data)
    return {k: np.asarray(d[k], dtype=np.int32) for k in FEATURES}


# ---------------------------------------------------------------------------- compact token ids
# What crosses a shuffle holds token ids as bytes, two per id when they fit (a vocabulary up to
# 65,536, the usual case), four otherwise: never a Python int per token.


def pack_ids(ids) -> bytes:
    """Token ids as bytes: a width byte (2 or 4) then little-endian unsigned ids."""
    a = np.asarray(ids, dtype=np.int64)
    if a.size and (int(a.min()) < 0 or int(a.max()) >= 1 << 32):
        raise ValueError("token ids must lie in [0, 2**32)")
    if a.size == 0 or int(a.max()) < 1 << 16:
        return b"\x02" + a.astype("<u2").tobytes()
    return b"\x04" + a.astype("<u4").tobytes()


def unpack_ids(data: bytes) -> np.ndarray:
    """pack_ids' bytes -> int32 ids."""
    width = data[0]
    if width not in (2, 4):
        raise ValueError(f"packed ids start with width {width}, expected 2 or 4")
    return np.frombuffer(data, dtype="<u2" if width == 2 else "<u4", offset=1).astype(np.int32)


def packed_len(data: bytes) -> int:
    """Number of ids in pack_ids' bytes, without unpacking."""
    return (len(data) - 1) // data[0]


def dumps(x) -> bytes:
    """What crosses a shuffle as one bytes value: the local runner holds every pending shuffle's values
    decoded, so a Python object graph there (facts, lists of dicts) costs several times its pickle."""
    return pickle.dumps(x, protocol=pickle.HIGHEST_PROTOCOL)


def loads(b):
    return pickle.loads(b) if isinstance(b, bytes) else b
