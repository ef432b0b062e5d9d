import pytest

from repoloom.core.config import ConfigError, load_config, parse_set


def test_overrides_nest_and_unknown_keys_fail(tmp_path):
    cfg = load_config(overrides=parse_set(["fim.rate=0.5", "seq_len=2048"]))
    assert cfg["fim"]["rate"] == 0.5 and cfg["seq_len"] == 2048
    with pytest.raises(ConfigError, match="unknown config key 'fim.rat'"):
        load_config(overrides=parse_set(["fim.rat=0.5"]))
    with pytest.raises(ConfigError, match="is a value, not a mapping"):
        load_config(overrides=parse_set(["dedup.near.enabled=false"]))
    f = tmp_path / "c.yaml"
    f.write_text("packing:\n  buckets: 4\n")
    assert load_config(str(f))["packing"]["buckets"] == 4


def test_per_language_quality_accepts_new_languages():
    cfg = load_config(overrides={"quality": {"per_language": {"kotlin": {"max_line": 5000}}}})
    assert cfg["quality"]["per_language"]["kotlin"] == {"max_line": 5000}
    with pytest.raises(ConfigError):
        load_config(overrides={"quality": {"no_such": 1}})
