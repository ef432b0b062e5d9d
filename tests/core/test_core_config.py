import pytest

from repoloom.core.config import ConfigError, parse_set
from repoloom.pipelines.config import load_config


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


@pytest.mark.parametrize(
    "item, key, allowed",
    [
        ("fim.rate=abc", "fim.rate", "a number in [0, 1]"),
        ("fim.rate=2", "fim.rate", "a number in [0, 1]"),
        ("output.validation_fraction=1.5", "output.validation_fraction", "in [0, 0.5]"),
        ("seq_len=abc", "seq_len", "an integer in [64,"),
        ("seq_len=16", "seq_len", "an integer in [64,"),
        ("fim.level=doc", "fim.level", "one of 'document', 'context'"),
        ("dedup.near=1", "dedup.near", "true or false"),
        ("pii.plugins=AWSKeyDetector", "pii.plugins", "a list of str"),
        ("safety.license.unknown=maybe", "safety.license.unknown", "one of 'allow', 'drop'"),
        ("quality.per_language.json.max_line=-5", "quality.per_language.json.max_line", ">= 1"),
        ("tokenizer.vocab_size=10", "tokenizer.vocab_size", "an integer in [300,"),
    ],
)
def test_wrong_type_or_range_names_the_key_and_what_it_allows(item, key, allowed):
    with pytest.raises(ConfigError) as e:
        load_config(overrides=parse_set([item]))
    msg = str(e.value)
    assert repr(key) in msg and allowed in msg and "\n" not in msg


def test_config_file_values_are_checked_too(tmp_path):
    f = tmp_path / "c.yaml"
    f.write_text("fim:\n  rate: 1.5\n")
    with pytest.raises(ConfigError, match="'fim.rate' must be a number in \\[0, 1\\]; got 1.5"):
        load_config(str(f))
    f.write_text("fim: [1, 2]\n")
    with pytest.raises(ConfigError, match="'fim' must be a mapping"):
        load_config(str(f))
    f.write_text("fim: {rate: 0.2\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(str(f))


def test_typed_config_round_trips_and_defaults_live_in_one_place():
    from repoloom.pipelines.config import Config, DEFAULTS, load_typed

    typed = load_typed(overrides=parse_set(["fim.rate=0.25", "tests.import=false", "quality.max_lines=null"]))
    assert typed.fim.rate == 0.25 and typed.tests.import_ is False and typed.quality.max_lines is None
    d = typed.to_dict()
    assert d["tests"]["import"] is False and Config.from_dict(d) == typed
    assert Config().to_dict() == DEFAULTS
    # boundary values are allowed; null switches a per-language rule off
    cfg = load_config(
        overrides=parse_set(
            [
                "fim.rate=0",
                "fim.spm_rate=1",
                "output.validation_fraction=0.5",
                "quality.per_language.json.max_line=null",
            ]
        )
    )
    assert cfg["fim"]["rate"] == 0 and cfg["quality"]["per_language"]["json"]["max_line"] is None


def test_a_stage_gets_its_typed_section_checked_like_the_whole():
    from repoloom.core.config import section
    from repoloom.pipelines.config import DEFAULTS
    from repoloom.fim.split import FimConfig
    from repoloom.packing.rows import PackingConfig

    assert section(DEFAULTS, FimConfig) == FimConfig()
    assert section({"fim": {"rate": 1}}, FimConfig).rate == 1 and section({}, PackingConfig) == PackingConfig()
    with pytest.raises(ConfigError, match=r"'fim.rate' must be a number in \[0, 1\]; got 2"):
        section({"fim": {"rate": 2}}, FimConfig)
    with pytest.raises(ConfigError, match="is not a config section"):
        section(DEFAULTS, "seed")


def test_every_section_lives_next_to_its_stage_and_sits_under_its_key():
    """The build's Config is only a composition: each section is declared in a stage module (not in
    core/config.py, which only loads and checks) and its KEY is where it sits in the config file."""
    import dataclasses
    import typing

    from repoloom.pipelines.config import Config

    hints = typing.get_type_hints(Config)
    sections = [f for f in dataclasses.fields(Config) if dataclasses.is_dataclass(hints[f.name])]
    assert len(sections) == 11
    for f in sections:
        cls = hints[f.name]
        assert cls.KEY == f.name, (cls, f.name)
        assert cls.__module__ != "repoloom.core.config", cls
    assert not [n for n in vars(__import__("repoloom.core.config").core.config) if n.endswith("Config")]


CONVERTED_STAGES = (
    "fim/*.py",
    "filters/*.py",
    "packing/*.py",
    "syntax/*.py",
    "syntax/lang/*.py",
    "core/tokenizer.py",
    "pipelines/filestage.py",
    "pipelines/kept_file.py",
    "pipelines/near_dedup.py",
    "pipelines/tokenizer_sample.py",
)
SECTION_KEYS = {
    "tokenizer",
    "quality",
    "pii",
    "safety",
    "dedup",
    "decontam",
    "fim",
    "packing",
    "graph",
    "tests",
    "output",
}


def test_converted_stages_take_their_section_not_the_whole_config():
    """Every stage receives its typed section (FimConfig, QualityConfig, PiiConfig, DedupConfig, ...) or a bundle
    of sections (GateConfig, PlanConfig) built once in pipelines/config.py: none takes or indexes the whole
    config dict."""
    import ast
    import pathlib

    root = pathlib.Path(__file__).resolve().parents[2]
    for path in sorted(p for pattern in CONVERTED_STAGES for p in root.glob(pattern)):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        params = {
            a.arg for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) for a in n.args.args + n.args.kwonlyargs
        }
        assert "cfg" not in params, path.name
        keys = {
            n.slice.value
            for n in ast.walk(tree)
            if isinstance(n, ast.Subscript) and isinstance(n.ctx, ast.Load) and isinstance(n.slice, ast.Constant)
        }
        assert not keys & (SECTION_KEYS | {"seed", "seq_len", "max_file_bytes"}), (path.name, keys)
