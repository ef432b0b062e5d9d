"""The one parse per file (DESIGN rule 2): tree-sitter runs once and every fact later
stages need is extracted from that tree here, then travels as data (FileFacts)."""

from __future__ import annotations

import hashlib
from typing import Any

from repoloom.core.types import FileFacts
from repoloom.syntax import fim_nodes, identifiers, imports, registry, tests
from repoloom.syntax.languages import get_parser, has_grammar
from repoloom.syntax.queries import one_walk

_PARSERS: dict[str, Any] = {}


class Source:
    """A file's text with its UTF-8 bytes and byte->character offset conversion."""

    def __init__(self, text: str):
        self.text = text
        self.data = text.encode("utf-8", "surrogatepass")
        self.ascii = len(self.data) == len(text)
        self._starts: list[int] | None = None

    def char(self, byte_offset: int) -> int:
        """Character offset of a byte offset (tree-sitter speaks bytes, FIM and redaction speak characters)."""
        if self.ascii:
            return byte_offset
        if self._starts is None:  # character index of every byte: count the bytes that start a character
            import numpy as np

            starts = (np.frombuffer(self.data, dtype=np.uint8) & 0xC0) != 0x80
            self._starts = np.append(np.cumsum(starts) - 1, len(self.text)).tolist()
        return self._starts[byte_offset]

    def node_text(self, node) -> str:
        return self.data[node.start_byte : node.end_byte].decode("utf-8", "replace")


def parse_tree(text: str, language: str):
    """Parse text with the language's grammar; returns (tree, Source). One parser per process and language."""
    parser = _PARSERS.get(language)
    if parser is None:
        parser = _PARSERS[language] = get_parser(language)
    src = Source(text)
    return parser.parse(src.data), src


def error_ratio(tree, src: Source) -> float:
    """Share of the file's bytes covered by ERROR or MISSING nodes."""
    root = tree.root_node
    if not root.has_error or not src.data:
        return 0.0
    covered, stack = 0, [root]
    while stack:
        n = stack.pop()
        if n.is_error or n.is_missing:
            covered += max(1, n.end_byte - n.start_byte)
        elif n.has_error:
            stack.extend(n.children)
    return min(1.0, covered / len(src.data))


def content_sha(text: str) -> str:
    """Hash of content normalised for exact dedup: line endings unified, trailing whitespace stripped."""
    norm = "\n".join(map(str.rstrip, text.replace("\r\n", "\n").split("\n"))).strip()
    return hashlib.blake2b(norm.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def file_facts(
    repo: str, path: str, text: str, language: str | None, meta: dict | None = None, with_fim_nodes: bool = True
) -> FileFacts:
    """Parse once (when the language has a grammar) and extract all facts. ``with_fim_nodes=False`` leaves the FIM
    candidate nodes out (empty), for a caller that knows nothing will read them (the build: fim/pieces.reads_nodes)."""
    facts = FileFacts(
        repo=repo, path=path, language=language, size=len(text), sha=content_sha(text), meta=dict(meta or {})
    )
    if not has_grammar(language):
        facts.parse_ok = False
        facts.test = tests.test_signals(None, None, language, path)
        facts.imports = imports.config_records(
            text, language, path
        )  # go.mod, tsconfig.json, composer.json, package.json, Cargo.toml
        return facts
    tree, src = parse_tree(text, language)
    facts.error_ratio = error_ratio(tree, src)
    facts.parse_ok = facts.error_ratio < 0.5
    with one_walk(tree, language, file_queries(language, path)):
        facts.imports = imports.extract_imports(tree, src, language, path)
        facts.declarations = imports.extract_declarations(tree, src, language, path)
        facts.test = tests.test_signals(tree, src, language, path)
        facts.identifiers = identifiers.extract_identifiers(tree, src, language)
    if with_fim_nodes:
        facts.fim_nodes = fim_nodes.candidates(tree, src, language)
    return facts


def file_queries(language: str, path: str) -> list[str]:
    """The query texts a file's extraction runs (imports and declarations, identifiers, test markers where
    they are looked for): one walk answers them all."""
    lang = registry.get(language)
    texts = [identifiers.query(language)]
    if lang is not None:
        texts.append(lang.import_query)
        if tests.looks_for_markers(lang, path):
            texts.append(lang.marker_query)
    return [t for t in texts if t]
