#!/usr/bin/env python3
"""Fail CI when tracked text files have trailing spaces, tabs or no final newline.

Copied verbatim between our repositories on purpose: it has no dependencies
and no configuration beyond the extension list below.

Usage: python scripts/check_whitespace.py [PATH ...]   (default: current dir)
"""
from __future__ import annotations

import os
import sys

EXTENSIONS = (".py", ".go", ".rs", ".ts", ".java", ".toml", ".md", ".yml", ".yaml")
SKIP_DIRS = {".git", "node_modules", "target", "dist", "build", "__pycache__", ".venv"}


def iter_files(roots: list[str]):
    for root in roots:
        if os.path.isfile(root):
            yield root
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            # Prune in place so os.walk does not descend into vendored trees.
            dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS)
            for name in sorted(filenames):
                if name.endswith(EXTENSIONS):
                    yield os.path.join(dirpath, name)


def problems(path: str) -> list[str]:
    with open(path, "rb") as fh:
        data = fh.read()
    if not data:
        return []
    out = []
    # Go is formatted with tabs by gofmt; everywhere else tabs are an error.
    allow_tabs = path.endswith(".go")
    for lineno, line in enumerate(data.split(b"\n"), start=1):
        if line.rstrip(b"\r") != line.rstrip():
            out.append(f"{path}:{lineno}: trailing whitespace")
        if b"\t" in line and not allow_tabs:
            out.append(f"{path}:{lineno}: tab character")
    if not data.endswith(b"\n"):
        out.append(f"{path}: no newline at end of file")
    return out


def main(argv: list[str]) -> int:
    roots = argv or ["."]
    found = [p for path in iter_files(roots) for p in problems(path)]
    for line in found:
        print(line)
    print(f"{len(found)} problem(s)", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
