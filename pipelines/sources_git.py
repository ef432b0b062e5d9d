"""Which files of a git working tree are tracked: `git ls-files` semantics, read from the index.

Only `git ls-files` runs, with hooks, fsmonitor and repository-local helpers switched off, so a
hostile repository's configuration runs nothing. Untracked files are dropped as `untracked`,
git-ignored ones as `ignored`. Without a usable git (not installed, a broken `.git` file), every
file is read, as for a plain directory.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from typing import NamedTuple

_SAFE = [
    "-c",
    "core.fsmonitor=false",
    "-c",
    "core.hooksPath=/dev/null",
    "-c",
    "safe.directory=*",
    "-c",
    "core.untrackedCache=false",
]


class Tracked(NamedTuple):
    tracked: frozenset[str]
    ignored: frozenset[str]


def has_git(root: str) -> bool:
    """A `.git` directory or a `.git` file (worktree, submodule) marks a repository root."""
    return os.path.lexists(os.path.join(root, ".git"))


def _ls(root: str, *args: str) -> frozenset[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env.update(GIT_TERMINAL_PROMPT="0", GIT_OPTIONAL_LOCKS="0", GIT_CONFIG_NOSYSTEM="1")
    out = subprocess.run(
        ["git", *_SAFE, "-C", root, "ls-files", "-z", *args], capture_output=True, env=env, timeout=300, check=True
    ).stdout
    return frozenset(os.fsdecode(p) for p in out.split(b"\0") if p)


def tracked_files(root: str) -> Tracked | None:
    """Tracked and ignored paths ('/'-separated, relative to root), or None when git cannot tell."""
    if not has_git(root) or shutil.which("git") is None:
        return None
    try:
        tracked = _ls(root, "--cached")
        ignored = _ls(root, "--others", "--ignored", "--exclude-standard")
    except (subprocess.SubprocessError, OSError):
        return None
    return Tracked(tracked, ignored)
