from repoloom.core.records import FEATURES, Example, decode_example, encode_example, encode_row


def test_roundtrip_and_feature_names():
    b = encode_row([3, 9, 1, 4, 1, 0], [1, 1, 1, 2, 2, 0], [0, 1, 2, 0, 1, 0])
    d = decode_example(b)
    assert set(d) == set(FEATURES)
    assert d["targets"] == [3, 9, 1, 4, 1, 0]
    assert d["targets_segment_ids"] == [1, 1, 1, 2, 2, 0]
    assert d["targets_positions"] == [0, 1, 2, 0, 1, 0]


def test_bytes_are_deterministic_and_wire_compatible():
    a = encode_example({"targets": [5, 300000], "targets_positions": [0, 1]})
    b = encode_example({"targets_positions": [0, 1], "targets": [5, 300000]})
    assert a == b
    # hand-built wire bytes of tf.train.Example{features{feature{key:"targets" value{int64_list{value:[5]}}}}}
    feature = b"\x1a\x03\x0a\x01\x05"  # Feature.int64_list (field 3) -> Int64List packed [5]
    entry = b"\x0a\x07targets" + b"\x12" + bytes([len(feature)]) + feature
    features = b"\x0a" + bytes([len(entry)]) + entry
    expected = b"\x0a" + bytes([len(features)]) + features
    assert encode_example({"targets": [5]}) == expected
    ex = Example()
    ex.ParseFromString(expected)
    assert list(ex.features.feature["targets"].int64_list.value) == [5]


def test_rejects_ragged_rows_and_non_int_features():
    import pytest

    with pytest.raises(ValueError):
        encode_row([1, 2], [1], [0, 1])
    ex = Example()
    ex.features.feature["x"].bytes_list.value.append(b"a")
    with pytest.raises(ValueError):
        decode_example(ex.SerializeToString())


def test_packed_ids_round_trip_two_bytes_when_they_fit_four_otherwise():
    import numpy as np
    import pytest

    from repoloom.core.records import pack_ids, packed_len, unpack_ids

    small = [0, 1, 300, 65535]
    b = pack_ids(small)
    assert len(b) == 1 + 2 * len(small) and packed_len(b) == 4
    assert unpack_ids(b).tolist() == small and unpack_ids(b).dtype == np.int32
    big = [5, 65536, 255999]  # a Gemma-sized vocabulary needs four bytes per id
    b = pack_ids(big)
    assert len(b) == 1 + 4 * len(big) and packed_len(b) == 3 and unpack_ids(b).tolist() == big
    assert unpack_ids(pack_ids([])).tolist() == [] and packed_len(pack_ids([])) == 0
    with pytest.raises(ValueError):
        pack_ids([-1])
    with pytest.raises(ValueError):
        unpack_ids(b"\x03\x00\x00\x00")


def test_bytes_equal_protobufs_own_serialization_at_every_varint_width():
    """encode_example lays the varints out with numpy; protobuf's deterministic serialization is the definition.
    Columns whose longest varint is 1 to 10 bytes (negatives are ten), row-shaped ones (token ids, segment
    ids, positions) among them, and a column of one value repeated."""
    import numpy as np

    rng = np.random.default_rng(7)
    columns = [[0] * 9, list(range(8192)), [1] * 5000 + [2] * 3192, rng.integers(0, 32000, 8192).tolist()]
    for bits in range(1, 64, 3):
        columns.append(rng.integers(0, 1 << bits, 300).tolist() + [(1 << bits) - 1])
    columns.append([-1, 0, 127, 128, -(1 << 40), (1 << 63) - 1, 16383, 16384])
    for values in columns:
        ex = Example()
        ex.features.feature["targets"].int64_list.value.extend(values)
        assert encode_example({"targets": values}) == ex.SerializeToString(deterministic=True), values[:5]
