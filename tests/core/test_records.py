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
