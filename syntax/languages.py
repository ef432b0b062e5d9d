"""Language detection (file name, extension, shebang) and tree-sitter grammars from the official wheels.

Languages with a grammar come from the registry (syntax/lang/, one module each); the formats
below are kept as text without a parse (build files, docs, configuration).
"""

from __future__ import annotations

import importlib
import os
import re
from functools import lru_cache

from repoloom.syntax import registry

TEXT_EXTENSIONS: dict[str, str] = {
    ".md": "markdown",
    ".rst": "restructuredtext",
    ".txt": "text",
    ".json": "json",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".toml": "toml",
    ".xml": "xml",
    ".html": "html",
    ".htm": "html",
    ".css": "css",
    ".scss": "scss",
    ".sh": "shell",
    ".bash": "shell",
    ".zsh": "shell",
    ".sql": "sql",
    ".gradle": "groovy",
    ".cfg": "ini",
    ".ini": "ini",
    ".mod": "gomod",
    ".csv": "csv",
    ".tsv": "csv",
    # Languages and build formats common in repositories that have no grammar wheel here: kept as text, as
    # The Stack keeps them, rather than dropped as unknown_language. Ambiguous extensions are left out:
    # .m (Objective-C or MATLAB), .pro (qmake or Prolog), .v (Verilog or Coq), .s (assemblers), .t (Perl or
    # Turing), .fs (F# or GLSL).
    ".cmake": "cmake",
    ".mk": "make",
    ".mak": "make",
    ".proto": "protobuf",
    ".ps1": "powershell",
    ".psm1": "powershell",
    ".psd1": "powershell",
    ".bat": "batchfile",
    ".cmd": "batchfile",
    ".fish": "shell",
    ".ksh": "shell",
    ".dockerfile": "dockerfile",
    ".properties": "properties",
    ".tf": "hcl",
    ".tfvars": "hcl",
    ".hcl": "hcl",
    ".graphql": "graphql",
    ".gql": "graphql",
    ".less": "less",
    ".sass": "sass",
    ".tex": "tex",
    ".adoc": "asciidoc",
    ".groovy": "groovy",
    ".pl": "perl",
    ".pm": "perl",
    ".r": "r",
    ".dart": "dart",
    ".hs": "haskell",
    ".ex": "elixir",
    ".exs": "elixir",
    ".erl": "erlang",
    ".hrl": "erlang",
    ".jl": "julia",
    ".clj": "clojure",
    ".cljs": "clojure",
    ".cljc": "clojure",
    ".ml": "ocaml",
    ".mli": "ocaml",
    ".zig": "zig",
    ".nim": "nim",
    ".vue": "vue",
    ".svelte": "svelte",
    ".cu": "cuda",
    ".cuh": "cuda",
    ".f90": "fortran",
    ".f95": "fortran",
    ".f03": "fortran",
    ".sv": "systemverilog",
    ".svh": "systemverilog",
    ".vhd": "vhdl",
    ".vhdl": "vhdl",
}
TEXT_FILENAMES: dict[str, str] = {
    "Makefile": "make",
    "makefile": "make",
    "GNUmakefile": "make",
    "Dockerfile": "dockerfile",
    "CMakeLists.txt": "cmake",
    "go.mod": "gomod",
    "go.sum": "gosum",
    "Containerfile": "dockerfile",
    "Jenkinsfile": "groovy",
    "meson.build": "meson",
    "meson_options.txt": "meson",
    "Makefile.am": "make",
    "Makefile.in": "make",
}
TEXT_INTERPRETERS = {
    "sh": "shell",
    "bash": "shell",
    "zsh": "shell",
    "dash": "shell",
    "ksh": "shell",
    "fish": "shell",
    "perl": "perl",
    "pwsh": "powershell",
    "Rscript": "r",
}

_SHEBANG = re.compile(r"^#!\s*(?:\S*/)?(?:env\s+(?:-\S+\s+)*)?([A-Za-z_][\w.+-]*)")


@lru_cache(maxsize=None)
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    """(file name, extension, interpreter, folder of extension-less files) -> language; a name claimed
    twice is an error."""
    names, exts, interps, folders = dict(TEXT_FILENAMES), {}, dict(TEXT_INTERPRETERS), {}
    for lang in registry.languages():
        for table, keys in (
            (names, lang.filenames),
            (exts, lang.extensions),
            (interps, lang.interpreters),
            (folders, lang.extensionless_folders),
        ):
            for k in keys:
                if k in table or k in TEXT_EXTENSIONS:
                    raise ValueError(f"{k!r} is claimed by {table.get(k) or TEXT_EXTENSIONS[k]!r} and {lang.name!r}")
                table[k] = lang.name
    return names, exts, interps, folders


_EXTENSIONLESS_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")  # `span`, `vector`, `QString`; not `README`


def grammars() -> dict[str, tuple[str, str]]:
    """language -> (grammar module, function returning the language pointer)."""
    return {lang.name: lang.grammar for lang in registry.languages()}


def detect_language(path: str, head: str = "") -> str | None:
    """Language of a file from its name, then its shebang line, then (an extension-less file) its folder;
    None if unknown."""
    filenames, extensions, interpreters, folders = _tables()
    name = os.path.basename(path)
    if name in filenames:
        return filenames[name]
    ext = os.path.splitext(name)[1].lower()
    if ext in extensions:
        return extensions[ext]
    if ext in TEXT_EXTENSIONS:
        return TEXT_EXTENSIONS[ext]
    if head.startswith("#!"):
        m = _SHEBANG.match(head.split("\n", 1)[0])
        if m:
            interp = re.sub(r"[\d.]+$", "", m.group(1)) or m.group(1)
            return interpreters.get(m.group(1)) or interpreters.get(interp)
    if not ext and folders and _EXTENSIONLESS_NAME.fullmatch(name) and not name.isupper():
        parts = path.replace("\\", "/").split("/")[:-1]
        for part in reversed(parts):
            if part in folders:
                return folders[part]
    return None


def has_grammar(language: str | None) -> bool:
    return registry.get(language) is not None


@lru_cache(maxsize=None)
def get_language(language: str):
    """The tree_sitter.Language for a supported language (loaded once per process)."""
    import tree_sitter

    module_name, fn = registry.get(language).grammar
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as e:  # a language added since this environment was installed
        wheel = module_name.replace("_", "-")
        raise ModuleNotFoundError(
            f"the {language} grammar ({wheel}) is not installed: reinstall the package "
            f"(pip install -e '.[train,test]'), setup.py lists every grammar"
        ) from e
    return tree_sitter.Language(getattr(module, fn)())


def get_parser(language: str):
    """A fresh parser; callers keep one per process (parsers are not thread-safe)."""
    import tree_sitter

    return tree_sitter.Parser(get_language(language))
