"""`repoloom tokenizer train`: train a byte-fallback BPE SentencePiece model holding the special pieces."""

from __future__ import annotations

import argparse
import sys

from repoloom.pipelines.config import gate_config, load_config


def add_parser(sub) -> None:
    p = sub.add_parser("tokenizer", help="train a SentencePiece tokenizer")
    tsub = p.add_subparsers(dest="action", metavar="ACTION")
    tsub.required = True
    t = tsub.add_parser("train", help="train on the kept, redacted files of the inputs")
    t.add_argument("--input", nargs="+", action="extend", required=True, metavar="PATH")
    t.add_argument("--vocab-size", type=int, default=32000)
    t.add_argument("--output", required=True, metavar="MODEL")
    t.add_argument("--sample-bytes", type=int, help="characters of text to train on (default from config)")
    t.add_argument("--config", metavar="FILE")
    t.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from repoloom.core.config import section
    from repoloom.core.tokenizer import Tokenizer, TokenizerConfig, TokenizerError, smaller_vocabulary, train_tokenizer
    from repoloom.pipelines import sink
    from repoloom.pipelines.tokenizer_sample import sample_texts
    from repoloom.pipelines.sources import InputError, expand_inputs

    try:
        cfg = load_config(args.config)
        if args.sample_bytes:
            cfg["tokenizer"]["sample_bytes"] = args.sample_bytes
        texts = sample_texts(expand_inputs(args.input), section(cfg, TokenizerConfig), gate_config(cfg), cfg["seed"])
        data = train_tokenizer(texts, args.vocab_size)
    except (InputError, TokenizerError, ValueError, OSError) as e:
        print(f"repoloom tokenizer: error: {e}", file=sys.stderr)
        return 2
    sink.write_bytes(args.output, data)
    tok = Tokenizer(data)
    print(
        f"wrote {args.output}: vocabulary {tok.vocab_size}, trained on {len(texts)} files; special ids {tok.special_ids}"
    )
    note = smaller_vocabulary(tok.vocab_size, args.vocab_size)
    if note:
        print(f"repoloom tokenizer: warning: {note}", file=sys.stderr)
    return 0
