"""The tokenizer sample: the texts the build keeps, taken without parsing."""

from __future__ import annotations

import dataclasses
import os

from repoloom.core.config import section
from repoloom.core.tokenizer import TokenizerConfig
from repoloom.core.types import ParsedFile
from repoloom.pipelines.config import gate_config, load_config
from repoloom.pipelines import filestage
from repoloom.pipelines.sources import expand_inputs, read_unit
from repoloom.pipelines.tokenizer_sample import sample_texts

EXAMPLES = os.path.join(os.path.dirname(__file__), "..", "..", "examples", "repos")


def test_sample_is_the_kept_redacted_texts_and_never_parses(monkeypatch):
    cfg = load_config()
    units = expand_inputs([EXAMPLES])
    want = []
    for u in units:
        for f in read_unit(u, cfg["max_file_bytes"]):
            if hasattr(f, "data"):
                out = filestage.process_file(f, gate_config(cfg))
                if isinstance(out, ParsedFile):
                    want.append(out.text)

    def no_parse(*a, **k):
        raise AssertionError("the tokenizer sample parsed a file")

    monkeypatch.setattr(filestage, "file_facts", no_parse)
    got = sample_texts(units, section(cfg, TokenizerConfig), gate_config(cfg), cfg["seed"])
    assert sorted(got) == sorted(want)
    small = dataclasses.replace(section(cfg, TokenizerConfig), sample_files=3)
    assert len(sample_texts(units, small, gate_config(cfg), cfg["seed"])) == 3
