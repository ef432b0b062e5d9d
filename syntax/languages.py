"""Language detection (extension, file name, shebang) and tree-sitter grammars from the official wheels."""
from __future__ import annotations

import importlib
import os
import re
from functools import lru_cache

# language -> (grammar module, function returning the language pointer)
GRAMMARS: dict[str, tuple[str, str]] = {
    "python": ("tree_sitter_python", "language"),
    "java": ("tree_sitter_java", "language"),
    "go": ("tree_sitter_go", "language"),
    "rust": ("tree_sitter_rust", "language"),
    "javascript": ("tree_sitter_javascript", "language"),
    "typescript": ("tree_sitter_typescript", "language_typescript"),
    "tsx": ("tree_sitter_typescript", "language_tsx"),
    "c": ("tree_sitter_c", "language"),
    "cpp": ("tree_sitter_cpp", "language"),
    "csharp": ("tree_sitter_c_sharp", "language"),
    "kotlin": ("tree_sitter_kotlin", "language"),
    "php": ("tree_sitter_php", "language_php"),
    "ruby": ("tree_sitter_ruby", "language"),
    "scala": ("tree_sitter_scala", "language"),
    "swift": ("tree_sitter_swift", "language"),
}

EXTENSIONS: dict[str, str] = {
    ".py": "python", ".pyi": "python", ".pyw": "python",
    ".java": "java",
    ".go": "go",
    ".rs": "rust",
    ".js": "javascript", ".mjs": "javascript", ".cjs": "javascript", ".jsx": "javascript",
    ".ts": "typescript", ".mts": "typescript", ".cts": "typescript",
    ".tsx": "tsx",
    ".c": "c", ".h": "c",
    ".cc": "cpp", ".cpp": "cpp", ".cxx": "cpp", ".c++": "cpp", ".hpp": "cpp", ".hh": "cpp", ".hxx": "cpp", ".h++": "cpp", ".ipp": "cpp", ".inl": "cpp",
    ".cs": "csharp",
    ".kt": "kotlin", ".kts": "kotlin",
    ".php": "php", ".phtml": "php",
    ".rb": "ruby", ".rake": "ruby", ".gemspec": "ruby",
    ".scala": "scala", ".sc": "scala",
    ".swift": "swift",
}

# Files kept as text without a grammar (no parse): build files, docs, configs.
TEXT_EXTENSIONS: dict[str, str] = {
    ".md": "markdown", ".rst": "restructuredtext", ".txt": "text",
    ".json": "json", ".yaml": "yaml", ".yml": "yaml", ".toml": "toml", ".xml": "xml",
    ".html": "html", ".htm": "html", ".css": "css", ".scss": "scss",
    ".sh": "shell", ".bash": "shell", ".zsh": "shell",
    ".sql": "sql", ".gradle": "groovy", ".cfg": "ini", ".ini": "ini", ".mod": "gomod",
    ".csv": "csv", ".tsv": "csv",
}

FILENAMES: dict[str, str] = {
    "Rakefile": "ruby", "Gemfile": "ruby", "Podfile": "ruby", "Vagrantfile": "ruby",
    "SConstruct": "python", "SConscript": "python", "BUILD": "python", "WORKSPACE": "python",
    "Makefile": "make", "makefile": "make", "GNUmakefile": "make", "Dockerfile": "dockerfile",
    "CMakeLists.txt": "cmake", "go.mod": "gomod", "go.sum": "gosum",
}

_SHEBANG = re.compile(r"^#!\s*(?:\S*/)?(?:env\s+(?:-\S+\s+)*)?([A-Za-z_][\w.+-]*)")
_INTERPRETERS = {
    "python": "python", "python2": "python", "python3": "python", "pypy": "python", "pypy3": "python",
    "node": "javascript", "nodejs": "javascript", "deno": "typescript", "ts-node": "typescript",
    "ruby": "ruby", "php": "php", "scala": "scala", "kotlin": "kotlin", "swift": "swift",
    "sh": "shell", "bash": "shell", "zsh": "shell", "dash": "shell",
}


def detect_language(path: str, head: str = "") -> str | None:
    """Language of a file from its name, then its shebang line; None if unknown."""
    name = os.path.basename(path)
    if name in FILENAMES:
        return FILENAMES[name]
    ext = os.path.splitext(name)[1].lower()
    if ext in EXTENSIONS:
        return EXTENSIONS[ext]
    if ext in TEXT_EXTENSIONS:
        return TEXT_EXTENSIONS[ext]
    if head.startswith("#!"):
        m = _SHEBANG.match(head.split("\n", 1)[0])
        if m:
            interp = re.sub(r"[\d.]+$", "", m.group(1)) or m.group(1)
            return _INTERPRETERS.get(m.group(1)) or _INTERPRETERS.get(interp)
    return None


def has_grammar(language: str | None) -> bool:
    return language in GRAMMARS


@lru_cache(maxsize=None)
def get_language(language: str):
    """The tree_sitter.Language for a supported language (loaded once per process)."""
    import tree_sitter

    module_name, fn = GRAMMARS[language]
    module = importlib.import_module(module_name)
    return tree_sitter.Language(getattr(module, fn)())


def get_parser(language: str):
    """A fresh parser; callers keep one per process (parsers are not thread-safe)."""
    import tree_sitter

    return tree_sitter.Parser(get_language(language))
