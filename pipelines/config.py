"""The build's configuration: the stages' sections (each declared next to its stage) composed into one
``Config``, with the build-wide settings (seed, row length, file size limit, output). Loading, merging and
checking are core/config.py's; this module only says what the build's config holds.

    cfg = load_config("build.yaml", parse_set(["fim.rate=0.5"]))   # checked plain dict, pickles cheaply
    fim = section(cfg, FimConfig)                                   # the typed section a stage receives
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from repoloom.core.config import from_dict, load, num, section, to_dict
from repoloom.core.tokenizer import TokenizerConfig
from repoloom.filters.decontam import DecontamConfig
from repoloom.filters.dedup import DedupConfig
from repoloom.filters.gate import GateConfig
from repoloom.filters.pii import PiiConfig
from repoloom.filters import secret_credsweeper
from repoloom.filters.quality import QualityConfig
from repoloom.filters.safety import SafetyConfig
from repoloom.fim.split import FimConfig
from repoloom.packing.plan import PlanConfig
from repoloom.packing.rows import PackingConfig
from repoloom.packing.testpairs import UnitTestsConfig
from repoloom.syntax.resolving import GraphConfig

__all__ = ["Config", "DEFAULTS", "OutputConfig", "gate_config", "load_config", "load_typed", "plan_config", "section"]


@dataclass
class OutputConfig:
    KEY: ClassVar[str] = "output"

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
        """The plain nested dict a config file holds (``cfg["fim"]["rate"]``)."""
        return to_dict(self)

    @classmethod
    def from_dict(cls, data: dict) -> "Config":
        """Typed and checked; a ConfigError names the first bad key and what it allows."""
        return from_dict(cls, data)


DEFAULTS: dict[str, Any] = Config().to_dict()


def load_typed(path: str | None = None, overrides: dict | None = None) -> Config:
    """Defaults, then the file, then the overrides; every value checked."""
    cfg = load(Config, path, overrides)
    if cfg.pii.enabled and cfg.pii.secrets and cfg.pii.credsweeper:
        secret_credsweeper.check_available()  # a missing extra fails here, at startup, not on a worker
    return cfg


def load_config(path: str | None = None, overrides: dict | None = None) -> dict:
    """The checked configuration as a plain nested dict (what crosses to Beam workers); stages take
    their typed ``section`` of it."""
    return load_typed(path, overrides).to_dict()


def gate_config(cfg: dict) -> GateConfig:
    """The sections the per-file gate reads (filters/gate.py); build it once per worker, not per file."""
    return GateConfig(
        cfg["max_file_bytes"],
        section(cfg, SafetyConfig),
        section(cfg, QualityConfig),
        section(cfg, DecontamConfig),
        section(cfg, PiiConfig),
    )


def plan_config(cfg: dict) -> PlanConfig:
    """The sections planning reads (packing/plan.py): the graph's, test pairing's, and the row length."""
    return PlanConfig(section(cfg, GraphConfig), section(cfg, UnitTestsConfig), cfg["seq_len"])
